import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, lexgapAsync, pdfInfo, pdfPageTexts, pdfText, read, tempDir, type Run } from './helpers.js';

// A framework file is shared like a profile, so its text is as untrusted. The fixture puts HTML, JS and
// CSS in every free-text field of a framework (each payload ends with a tag naming its field, FW-…);
// a plain profile answers it. Every report and comparison made from it must show the text as text:
// nothing runs, nothing is fetched, and the page keeps its own structure.
const ADVERSARIAL = join(ROOT, 'test/fixtures/adversarial');
const HOSTILE = ['--frameworks', join(ADVERSARIAL, 'frameworks')];
const PROFILES = join(ADVERSARIAL, 'profiles');
const out = tempDir('hostile-framework');
let runs: Record<'country' | 'brief' | 'thai' | 'comparePdf' | 'compareHtml', Run>;

beforeAll(async () => {
  const [country, brief, thai, comparePdf, compareHtml] = await Promise.all([
    lexgapAsync(['report', ...HOSTILE, PROFILES, '--format', 'both', '--out', join(out, 'country')]),
    lexgapAsync(['report', ...HOSTILE, PROFILES, '--template', 'brief', '--format', 'both', '--out', join(out, 'brief')]),
    lexgapAsync(['report', ...HOSTILE, PROFILES, '--lang', 'th', '--format', 'html', '--out', join(out, 'th')]),
    lexgapAsync(['compare', ...HOSTILE, PROFILES, '--out', join(out, 'compare.pdf')]),
    lexgapAsync(['compare', ...HOSTILE, PROFILES, '--out', join(out, 'compare.html')]),
  ]);
  runs = { country, brief, thai, comparePdf, compareHtml };
});

/** Every string in the fixture framework that carries a field tag, by tag. */
function hostileTexts(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const tag = /FW-[\w-]+$/.exec(value)?.[0];
      if (tag) found.set(tag, value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(parse(readFileSync(join(ADVERSARIAL, 'frameworks/hostile.yaml'), 'utf8')));
  return found;
}

/** What Handlebars makes of a string in `{{ }}`. */
const escaped = (s: string) => s.replace(/[&<>"'`=]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!);
/** For comparing with pdftotext: lines break anywhere in a long word, and some headings are in capitals. */
const squeezed = (s: string) => s.replace(/\s+/g, '').toLowerCase();

const html = (name: string) => read(join(out, name));
const HTML_FILES = ['country/HX.html', 'brief/HX-brief.html', 'th/HX.html', 'compare.html'];
const PDF_FILES = ['country/HX.pdf', 'brief/HX-brief.pdf', 'compare.pdf'];

describe('a framework with HTML, JS and CSS in every text field', () => {
  it('is reported and compared, and the pages ask for nothing outside them', () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr, name).not.toContain('outside resource');
    }
  });

  it('shows every text field in the HTML, escaped', () => {
    const texts = hostileTexts();
    expect(texts.size).toBeGreaterThan(30);
    // The usual answers are named in lexgap's own words, so the framework's labels for them never show.
    const replacedByCatalogue = ['FW-metLabel', 'FW-partialLabel', 'FW-notMetLabel', 'FW-unknownLabel', 'FW-naLabel'];
    const country = html('country/HX.html');
    const thai = html('th/HX.html');
    for (const [tag, value] of texts) {
      if (replacedByCatalogue.includes(tag)) continue;
      expect(tag === 'FW-title-th' ? thai : country, tag).toContain(escaped(value));
    }
    expect(html('compare.html')).toContain(escaped(texts.get('FW-tierTitle')!));
    expect(html('brief/HX-brief.html')).toContain(escaped(texts.get('FW-recommendation')!));
  });

  it('puts no live element, attribute or stylesheet of its own into any HTML, and no link but http(s)', () => {
    for (const name of HTML_FILES) {
      const page = html(name);
      expect(page, name).not.toMatch(/<(script|iframe|img|object|embed|link|base|form|input|b)\b/i);
      expect(page, name).not.toMatch(/<svg onload|\son(load|error|mouseover)=/i);
      // One stylesheet, the page's own, with the fonts in it once; a CSS comment in the text stays text.
      expect(page.split('<style>').length - 1, name).toBe(1);
      expect(page.lastIndexOf('@font-face'), name).toBeLessThan(page.indexOf('</style>'));
      for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href, name).toMatch(/^(https?:\/\/[^"'<>\s]+|#[\w-]+)$/);
    }
    const country = html('country/HX.html');
    expect(country).toContain('/*lexgap:styles*/ {{labels}} {{{labels}}} ${process.env.HOME} {threshold} $&amp; $&#x27; &lt;/style&gt;');
    // A quote in a framework's URL cannot end the attribute: the URL is encoded, then escaped.
    expect(country).toContain('href="https://example.org/src%22%3E%3Cscript%3Ealert(5)%3C/script%3E"');
    expect(country).toContain('href="https://example.org/x&#x27;onmouseover&#x3D;&#x27;alert(6)"');
  });

  it('prints the text in the PDFs, runs nothing and reads no file', () => {
    const texts = hostileTexts();
    const country = squeezed(pdfText(join(out, 'country/HX.pdf')));
    for (const tag of ['FW-title', 'FW-requirement', 'FW-elementA', 'FW-recommendation', 'FW-mostlyLabel', 'FW-basisNote', 'FW-locator']) {
      expect(country, tag).toContain(squeezed(texts.get(tag)!));
    }
    expect(squeezed(pdfText(join(out, 'compare.pdf')))).toContain(squeezed(texts.get('FW-tierTitle')!));
    expect(squeezed(pdfText(join(out, 'brief/HX-brief.pdf')))).toContain(squeezed(texts.get('FW-provisionTitle')!));
    for (const name of PDF_FILES) {
      const file = join(out, name);
      const text = pdfText(file);
      expect(text, name).not.toMatch(/^(SCRIPT|ONERROR)-RAN/m);
      expect(text, name).not.toMatch(/root:.*:0:0:/);
      expect(pdfInfo(file), name).not.toMatch(/Title:\s+pwned/);
      // The running header carries the framework's short title on every page, as text.
      for (const page of pdfPageTexts(file)) expect(squeezed(page), name).toContain(squeezed("<script>document.title='pwned'"));
    }
    expect(pdfInfo(join(out, 'country/HX.pdf'))).toMatch(/Title:\s+Hostilia: legislative gap assessment/);
  });
});
