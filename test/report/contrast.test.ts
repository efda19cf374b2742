import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The report's colours, read from the shipped theme (what an organisation overrides). */
const theme = Object.fromEntries(
  [...readFileSync(join(ROOT, 'templates/styles/theme.css'), 'utf8').matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1]!, m[2]!]),
);

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const WHITE = '#ffffff';
const color = (name: string) => {
  const value = theme[name];
  if (!value) throw new Error(`theme.css has no --${name}`);
  return value;
};

describe('the colours of every badge and label', () => {
  // [text, background]: each score band's figure on its fill (both stripes of "partly met"), and the labels.
  const pairs: [string, string][] = [
    ['lv-full-ink', 'lv-full'],
    ['lv-part-ink', 'lv-part'],
    ['lv-part-ink', 'lv-part-stripe'],
    ['lv-none-ink', 'lv-none'],
    ['lv-unknown-ink', 'lv-unknown'],
    ['lv-na-ink', 'lv-na'],
    ['muted', 'white'],
    ['muted', 'accent-soft'],
    ['ink', 'accent-soft'],
    ['accent', 'white'],
    ['draft', 'white'],
    ['warning-ink', 'warning-bg'],
    ['ink', 'warning-bg'],
  ];

  it.each(pairs)('%s on %s meets WCAG AA (4.5:1)', (text, background) => {
    const fg = color(text);
    const bg = background === 'white' ? WHITE : color(background);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the bands apart in greyscale: full is dark, the others light', () => {
    expect(luminance(color('lv-full'))).toBeLessThan(0.2);
    for (const band of ['lv-part', 'lv-none', 'lv-unknown', 'lv-na']) expect(luminance(color(band)), band).toBeGreaterThan(0.4);
  });
});
