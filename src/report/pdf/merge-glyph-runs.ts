import { layoutFontSizes } from './layout-font-size.js';

/**
 * Chromium places every glyph of a PDF on its own ("6.2572 0 Td <0051> Tj"): the positions its
 * layout computed differ from the font's advance widths in the last bits of a float, so its PDF
 * writer never lets a glyph follow the one before. That is 25 bytes a glyph, two thirds of a report's
 * page content. This rewrites each such run as one TJ array — the glyphs in one string, with a width
 * adjustment wherever the layout's position differs from the font's advance by half a thousandth of
 * an em or more (kerning, justification) — and draws every glyph within that half thousandth
 * (0.004 pt at 8 pt) of where Chromium put it; the error never accumulates along a line.
 *
 * Only text objects made of exactly what Chromium writes (Tf, Tm, Td, Tj with hex strings) are
 * rewritten, and only for fonts whose widths are known; anything else is copied as it is.
 */

/** A font's advance widths in thousandths of its size, by two-byte glyph code. */
export type GlyphWidths = (code: number) => number;

export function mergeGlyphRuns(content: string, fonts: ReadonlyMap<string, GlyphWidths>, layoutSizes?: ReadonlyMap<string, number>): string {
  // Character or word spacing, or horizontal scaling, would change what an adjustment means: leave such a page alone.
  if (/(?:^|\s)(?:Tc|Tw|Tz)(?=\s|$)/.test(content)) return content;
  const sizes = layoutSizes ?? layoutFontSizes(content, fonts);
  return content.replace(/(^|\n)BT\n([\s\S]*?)\nET(?=\n|$)/g, (whole, lead: string, body: string) => {
    const merged = mergeTextObject(body, fonts, sizes);
    return merged === null ? whole : `${lead}BT\n${merged}\nET`;
  });
}

const HEX = /^<((?:[0-9A-Fa-f]{4})*)>$/;

/** One text object's operators, rewritten; null when it holds anything this does not understand. */
function mergeTextObject(body: string, fonts: ReadonlyMap<string, GlyphWidths>, sizes: ReadonlyMap<string, number>): string | null {
  const out: string[] = [];
  let widths: GlyphWidths | undefined;
  /** The size glyphs advance by: the written size, times the horizontal scaling set. */
  let size = 0;
  /** Whether a horizontal scaling is in force, to be undone before the text object ends. */
  let scaled = false;
  /** How far the text line matrix is behind where Chromium's would be (text space units). */
  let lag = 0;
  /**
   * The open run: its TJ array's finished parts, the glyph codes of the string being built, where its
   * next string starts (from the run's start) and where the pen is.
   */
  let run: { parts: string[]; glyphs: string[]; at: number; pen: number } | null = null;

  const flush = () => {
    if (!run) return;
    if (run.glyphs.length > 0) run.parts.push(literal(run.glyphs.join('')));
    out.push(run.parts.length === 1 ? `${run.parts[0]} Tj` : `[${run.parts.join('')}] TJ`);
    lag += run.at;
    run = null;
  };
  const moveTo = (dx: number, dy: number) => {
    out.push(`${num(dx)} ${num(dy)} Td`);
    lag = 0;
  };

  /** Td: Chromium's next glyph position, relative to its last. */
  const moveBy = (dx: number, dy: number): boolean => {
    if (run && dy === 0) {
      run.at += dx; // the next string's place, kept in the run
    } else {
      flush();
      if (dy === 0) lag += dx; // applied when the next string is shown
      else moveTo(dx + lag, dy);
    }
    return true;
  };

  /** Tj of a hex string of two-byte glyph codes. */
  const show = (token: string): boolean => {
    const hex = HEX.exec(token);
    if (!hex) return false;
    if (!widths || size === 0) {
      flush();
      if (lag !== 0) moveTo(lag, 0);
      out.push(`${token} Tj`);
      return true;
    }
    if (!run) {
      if (lag !== 0) moveTo(lag, 0);
      run = { parts: [], glyphs: [], at: 0, pen: 0 };
    }
    // TJ moves the pen back by adj/1000 of the size: round so the string starts where Chromium put it.
    const adjust = Math.round(((run.pen - run.at) * 1000) / size);
    if (adjust !== 0) {
      if (run.glyphs.length > 0) run.parts.push(literal(run.glyphs.join('')));
      run.glyphs = [];
      run.parts.push(String(adjust));
      run.pen -= (adjust * size) / 1000;
    }
    const glyphs = hex[1]!;
    run.glyphs.push(glyphs);
    let advance = 0;
    for (let g = 0; g < glyphs.length; g += 4) advance += widths(parseInt(glyphs.slice(g, g + 4), 16));
    run.pen += (advance * size) / 1000;
    return true;
  };

  /** Handles one operator; false when it is not one this understands. */
  const apply = (op: string, args: string[]): boolean => {
    switch (op) {
      case 'Tf': {
        if (args.length !== 2 || !args[0]!.startsWith('/') || toNumber(args[1]!) === null) return false;
        flush();
        widths = fonts.get(args[0]!.slice(1));
        out.push(`${args[0]} ${args[1]} Tf`);
        size = Number(args[1]);
        // Where the glyphs are merged, they advance as the layout advanced them: scaled horizontally
        // (Tz) by the layout's size over the written one, drawn at the written size.
        const layout = widths ? sizes.get(args[1]!) : undefined;
        if (layout !== undefined) {
          const scale = String(Math.round((layout / size) * 1e7) / 1e5);
          out.push(`${scale} Tz`);
          size *= Number(scale) / 100;
          scaled = true;
        } else if (scaled) {
          out.push('100 Tz');
          scaled = false;
        }
        return true;
      }
      case 'Tm': {
        if (args.length !== 6 || !args.every((a) => toNumber(a) !== null)) return false;
        flush();
        lag = 0;
        out.push(`${args.join(' ')} Tm`);
        return true;
      }
      case 'Td': {
        if (args.length !== 2) return false;
        const dx = toNumber(args[0]!);
        const dy = toNumber(args[1]!);
        return dx !== null && dy !== null && moveBy(dx, dy);
      }
      case 'Tj':
        return args.length === 1 && show(args[0]!);
      default:
        return false;
    }
  };

  const operands: string[] = [];
  for (const line of body.split('\n')) {
    // Marked content (the tagged structure, a Thai cluster's ActualText) cannot sit inside a TJ array:
    // the run ends there and the line is kept as it is.
    const trimmed = line.trimEnd();
    if (trimmed.endsWith('BDC') || trimmed.endsWith('BMC') || trimmed === 'EMC') {
      if (operands.length > 0) return null;
      flush();
      out.push(line);
      continue;
    }
    // Most lines are one glyph: "dx dy Td <hex> Tj".
    const td = operands.length === 0 && trimmed.endsWith('> Tj') ? trimmed.indexOf(' Td <') : -1;
    if (td > 0) {
      const space = trimmed.lastIndexOf(' ', td - 1);
      const dx = toNumber(trimmed.slice(0, space));
      const dy = toNumber(trimmed.slice(space + 1, td));
      if (dx === null || dy === null || !moveBy(dx, dy) || !show(trimmed.slice(td + 4, -3))) return null;
      continue;
    }
    const length = line.length;
    let i = 0;
    while (i < length) {
      let c = line.charCodeAt(i);
      if (c === 32 || c === 13 || c === 9) {
        i++;
        continue;
      }
      const start = i;
      while (i < length && (c = line.charCodeAt(i)) !== 32 && c !== 13 && c !== 9) i++;
      const token = line.slice(start, i);
      const first = token.charCodeAt(0);
      // Operands: numbers, names and hex strings (checked where they are used); operators are letters.
      if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) operands.push(token);
      else if (!apply(token, operands.splice(0))) return null;
    }
  }
  if (operands.length > 0) return null;
  flush();
  if (scaled) out.push('100 Tz'); // the text state outlives the text object: leave it as found
  return out.join('\n');
}

/**
 * Glyph codes, given in hex, as a literal string: two bytes a glyph where hex takes four, which
 * compresses better too. The bytes a literal string cannot hold as they are are escaped: the
 * delimiters, the backslash, and line ends (a bare CR would be read as LF, and keeping every string
 * on one line keeps the content readable line by line).
 */
function literal(hex: string): string {
  let out = '(';
  for (let i = 0; i < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    const escape = ESCAPES[byte];
    out += escape ?? String.fromCharCode(byte);
  }
  return `${out})`;
}

const ESCAPES: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x28: '\\(', 0x29: '\\)', 0x5c: '\\\\' };

/** A PDF number operand, or null for anything else. */
function toNumber(token: string): number | null {
  const first = token.charCodeAt(0);
  // Digits, '.', '-' or '+' first; Number() then refuses anything that is not a decimal.
  if (!((first >= 48 && first <= 57) || first === 46 || first === 45 || first === 43)) return null;
  // Number() would also read an exponent or a hex literal, which a PDF number never has.
  if (token.indexOf('e') >= 0 || token.indexOf('E') >= 0 || token.indexOf('x') >= 0) return null;
  const value = Number(token);
  return Number.isFinite(value) ? value : null;
}

/** A number as PDF writes it: at most 4 decimals, no exponent. */
function num(x: number): string {
  const r = Math.round(x * 10_000) / 10_000;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * A CIDFont's widths from its /W array and /DW, e.g. "[0 [600 0 260] 29 30 268]": a first code and
 * the widths from it on, or a range of codes and their one width.
 */
export function parseCidWidths(w: string, dw: number): GlyphWidths | null {
  const table = new Map<number, number>();
  const tokens = w.replace(/\[/g, ' [ ').replace(/\]/g, ' ] ').trim().split(/\s+/);
  if (tokens[0] !== '[' || tokens.at(-1) !== ']') return null;
  let i = 1;
  const end = tokens.length - 1;
  while (i < end) {
    const first = Number(tokens[i]);
    if (!Number.isInteger(first)) return null;
    if (tokens[i + 1] === '[') {
      let code = first;
      i += 2;
      while (i < end && tokens[i] !== ']') {
        const width = Number(tokens[i]);
        if (!Number.isFinite(width)) return null;
        table.set(code++, width);
        i++;
      }
      if (tokens[i] !== ']') return null;
      i++;
    } else {
      const last = Number(tokens[i + 1]);
      const width = Number(tokens[i + 2]);
      if (!Number.isInteger(last) || !Number.isFinite(width) || last < first || last - first > 65_535) return null;
      for (let code = first; code <= last; code++) table.set(code, width);
      i += 3;
    }
  }
  return (code) => table.get(code) ?? dw;
}
