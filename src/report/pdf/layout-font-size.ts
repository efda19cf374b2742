import type { GlyphWidths } from './merge-glyph-runs.js';

/**
 * The font size Chromium's layout advanced its glyphs by, for each size its PDF names. Chromium
 * writes the CSS size (`/F7 11.3299999 Tf`, 8.5 pt) but lays text out at that size rounded down to
 * 1/64 of a pixel (11.328125): each glyph then stands a little short of the font's advance, and a run
 * of glyphs drifts by about one thousandth of an em every ten glyphs. Written one string per run
 * (merge-glyph-runs.ts), that drift costs a position correction every few glyphs, which breaks the
 * repetition compression feeds on: a fifth of a report's text bytes. Scaled horizontally (Tz) by the
 * layout's size over the written one, the glyphs advance as laid out: drawn at the size Chromium
 * wrote, at most 1/64 px narrower (0.1% at 11 px, 0.009 pt at 9 pt), far below what a print or a
 * screen shows, and their heights untouched.
 *
 * Measured from the page itself: for each size, the median ratio of a step between two glyphs on a
 * line to the first glyph's advance at the written size. A size with few steps, or whose steps do not
 * agree to within a few parts in ten thousand, keeps the size Chromium wrote.
 */
export function layoutFontSizes(content: string, fonts: ReadonlyMap<string, GlyphWidths>): Map<string, number> {
  const ratios = new Map<string, number[]>();
  measureSteps(content, fonts, ratios);
  return sizesFrom(ratios);
}

/**
 * The same for a whole document, page by page: a size is the same in every page, so once it is
 * measured well enough, the pages after it are not measured again (half the time of rewriting a page).
 */
export class DocumentFontSizes {
  private readonly ratios = new Map<string, number[]>();
  /** How many pages each size has been measured on. */
  private readonly pages = new Map<string, number>();
  private sizes = new Map<string, number>();

  forPage(content: string, fonts: ReadonlyMap<string, GlyphWidths>): ReadonlyMap<string, number> {
    const written = writtenSizes(content);
    // A size is settled by enough steps, or by a few pages (a heading's size may never show many).
    if (written.some((size) => (this.ratios.get(size)?.length ?? 0) < SETTLED && (this.pages.get(size) ?? 0) < SETTLED_PAGES)) {
      measureSteps(content, fonts, this.ratios);
      for (const size of written) this.pages.set(size, (this.pages.get(size) ?? 0) + 1);
      this.sizes = sizesFrom(this.ratios);
    }
    return this.sizes;
  }
}

/** The sizes a page's content names in its Tf operators. */
function writtenSizes(content: string): string[] {
  const found = new Set<string>();
  // "Tf\n" is searched for, then the space before it checked: a space is too common a first character to search by.
  for (let tf = content.indexOf('Tf\n'); tf >= 0; tf = content.indexOf('Tf\n', tf + 3)) {
    const at = tf - 1;
    if (at < 0 || content.charCodeAt(at) !== 0x20) continue;
    found.add(content.slice(content.lastIndexOf(' ', at - 1) + 1, at));
  }
  return [...found];
}

/** Steps measured for a size, after which its pages are not measured again. */
const SETTLED = 400;
const SETTLED_PAGES = 2;

/** Adds to `ratios` the page's steps between glyphs, relative to their advances at the written size. */
function measureSteps(content: string, fonts: ReadonlyMap<string, GlyphWidths>, ratios: Map<string, number[]>): void {
  let widths: GlyphWidths | undefined;
  let size = '';
  /** The advance of the glyphs shown last, in thousandths of the size; 0 when unknown. */
  let last = 0;
  /** Whether the line before was one that showed glyphs: a step counts only right after them. */
  let follows = false;
  for (let start = 0; start < content.length; ) {
    let end = content.indexOf('\n', start);
    if (end < 0) end = content.length;
    // Only lines ending "Tf" or "Tj" can match: the others are passed over without a regex.
    const tail = content.charCodeAt(end - 1);
    let m: RegExpExecArray | null = null;
    if (tail === 0x66 || tail === 0x6a) {
      LINE.lastIndex = start;
      m = LINE.exec(content);
      if (m && LINE.lastIndex !== end) m = null;
    }
    start = end + 1;
    const after = follows;
    follows = m !== null && m[5] !== undefined;
    if (!m) continue;
    if (m[1] !== undefined) {
      widths = fonts.get(m[1]);
      size = m[2]!;
      last = 0;
      continue;
    }
    if (!widths) continue;
    const glyphs = m[5]!;
    if (after && last > 0 && m[3] !== undefined && m[4] === '0') {
      const ratio = Number(m[3]) / ((last * Number(size)) / 1000);
      if (ratio > 0.99 && ratio < 1.01) {
        let list = ratios.get(size);
        if (!list) ratios.set(size, (list = []));
        if (list.length < SETTLED) list.push(ratio);
      }
    }
    last = 0;
    for (let g = 0; g < glyphs.length; g += 4) last += widths(parseInt(glyphs.slice(g, g + 4), 16));
  }
}

/** Each size whose steps agree, and the size they show. */
function sizesFrom(ratios: ReadonlyMap<string, number[]>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [written, list] of ratios) {
    if (list.length < MIN_STEPS) continue;
    const sorted = [...list].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    // Most steps must agree (kerning and justified spaces are the rest): else the layout did something else.
    const agreeing = sorted.filter((r) => Math.abs(r - median) < 3e-4).length;
    if (agreeing < list.length * 0.6 || median === 1) continue;
    const exact = Number(written) * median;
    // Only what Chromium's layout does: a size on the 1/64 grid, within 1/64 below the written one
    // (written to 2 decimals, so up to 0.005 either side of the CSS size). Anything else is left as written.
    const grid = Math.round(exact * 64) / 64;
    const below = Number(written) - grid;
    if (Math.abs(grid - exact) < 2e-4 * exact && below > -0.005 && below < 1 / 64 + 0.005) sizes.set(written, grid);
  }
  return sizes;
}

/** Steps measured before a size is trusted. */
const MIN_STEPS = 8;
/**
 * A line that sets the font ("/F7 11.3299999 Tf"), or shows glyphs: "dx dy Td <hex> Tj", one glyph
 * placed after the one before, as Chromium writes most glyphs (a line's first without the Td).
 */
const LINE = /\/([^\s/]+) (\d+(?:\.\d+)?) Tf|(?:(-?\d*\.?\d+) (-?\d*\.?\d+) Td )?<((?:[0-9A-Fa-f]{4})+)> Tj/y;
