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
  if (setsSpacing(content)) return content;
  const sizes = layoutSizes ?? layoutFontSizes(content, fonts);
  return content.replace(/(^|\n)BT\n([\s\S]*?)\nET(?=\n|$)/g, (whole, lead: string, body: string) => {
    const merged = mergeTextObject(body, fonts, sizes);
    return merged === null ? whole : `${lead}BT\n${merged}\nET`;
  });
}

/** Whether the content has a Tc, Tw or Tz operator (/(?:^|\s)(?:Tc|Tw|Tz)(?=\s|$)/, found with indexOf). */
function setsSpacing(content: string): boolean {
  // The operator alone first (rare in Chromium's pages), then what stands either side of it.
  const op = /T[cwz]/g;
  for (let m = op.exec(content); m; m = op.exec(content)) {
    const at = m.index;
    if ((at === 0 || isWhiteSpace(content.charCodeAt(at - 1))) && (at + 2 === content.length || isWhiteSpace(content.charCodeAt(at + 2)))) return true;
    op.lastIndex = at + 1;
  }
  return false;
}

/** JavaScript's \s, for the characters a latin1 string holds (and the rest of \s above them). */
function isWhiteSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || (c > 0xff && /\s/.test(String.fromCharCode(c)));
}

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
   * The open run: its TJ array's finished parts, the string being built (its bytes, escaped for a
   * literal string) and how many hex strings went into it, where its next string starts (from the
   * run's start) and where the pen is.
   */
  let run: { parts: string[]; bytes: string; strings: number; at: number; pen: number } | null = null;

  const flush = () => {
    if (!run) return;
    if (run.strings > 0) run.parts.push(`(${run.bytes})`);
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

  /** Tj of a hex string of two-byte glyph codes, text[start, end) ("<0051>"). */
  const show = (text: string, start: number, end: number): boolean => {
    if (!isHexGlyphs(text, start, end)) return false;
    if (!widths || size === 0) {
      flush();
      if (lag !== 0) moveTo(lag, 0);
      out.push(`${text.slice(start, end)} Tj`);
      return true;
    }
    if (!run) {
      if (lag !== 0) moveTo(lag, 0);
      run = { parts: [], bytes: '', strings: 0, at: 0, pen: 0 };
    }
    // TJ moves the pen back by adj/1000 of the size: round so the string starts where Chromium put it.
    const adjust = Math.round(((run.pen - run.at) * 1000) / size);
    if (adjust !== 0) {
      if (run.strings > 0) run.parts.push(`(${run.bytes})`);
      run.bytes = '';
      run.strings = 0;
      run.parts.push(String(adjust));
      run.pen -= (adjust * size) / 1000;
    }
    run.strings++;
    let advance = 0;
    let bytes = '';
    for (let g = start + 1; g < end - 1; g += 4) {
      const high = (hexValue(text.charCodeAt(g)) << 4) | hexValue(text.charCodeAt(g + 1));
      const low = (hexValue(text.charCodeAt(g + 2)) << 4) | hexValue(text.charCodeAt(g + 3));
      advance += widths((high << 8) | low);
      bytes += BYTES[high]! + BYTES[low]!;
    }
    run.bytes += bytes;
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
        return args.length === 1 && show(args[0]!, 0, args[0]!.length);
      default:
        return false;
    }
  };

  const operands: string[] = [];
  for (let from = 0; from <= body.length; ) {
    let to = body.indexOf('\n', from);
    if (to < 0) to = body.length;
    const at = from;
    from = to + 1;
    // Most lines are one glyph, "dx dy Td <hex> Tj", or a line's first, "<hex> Tj": read in place.
    if (operands.length === 0 && to - at > 6 && body.charCodeAt(to - 1) === 0x6a && body.charCodeAt(to - 2) === 0x54 && body.charCodeAt(to - 3) === 0x20 && body.charCodeAt(to - 4) === 0x3e) {
      const td = body.indexOf(' Td <', at);
      if (td > at && td < to) {
        const space = body.lastIndexOf(' ', td - 1);
        if (space >= at) {
          const dx = numberAt(body, at, space);
          const dy = numberAt(body, space + 1, td);
          if (dx === null || dy === null || !moveBy(dx, dy) || !show(body, td + 4, to - 3)) return null;
          continue;
        }
      } else if (body.charCodeAt(at) === 0x3c && body.indexOf(' ', at) === to - 3) {
        if (!show(body, at, to - 3)) return null;
        continue;
      }
    }
    const line = body.slice(at, to);
    // Marked content (the tagged structure, a Thai cluster's ActualText) cannot sit inside a TJ array:
    // the run ends there and the line is kept as it is.
    const trimmed = line.trimEnd();
    if (trimmed.endsWith('BDC') || trimmed.endsWith('BMC') || trimmed === 'EMC') {
      if (operands.length > 0) return null;
      flush();
      out.push(line);
      continue;
    }
    // The same glyph lines with spaces after them, or where the numbers are not where expected.
    const td = operands.length === 0 && trimmed.endsWith('> Tj') ? trimmed.indexOf(' Td <') : -1;
    if (td > 0) {
      const space = trimmed.lastIndexOf(' ', td - 1);
      const dx = toNumber(trimmed.slice(0, space));
      const dy = toNumber(trimmed.slice(space + 1, td));
      if (dx === null || dy === null || !moveBy(dx, dy) || !show(trimmed, td + 4, trimmed.length - 3)) return null;
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

/** Whether text[start, end) is "<" then groups of four hex digits, then ">" (one two-byte glyph code each). */
function isHexGlyphs(text: string, start: number, end: number): boolean {
  if (end - start < 2 || (end - start - 2) % 4 !== 0 || text.charCodeAt(start) !== 0x3c || text.charCodeAt(end - 1) !== 0x3e) return false;
  for (let i = start + 1; i < end - 1; i++) if (hexValue(text.charCodeAt(i)) < 0) return false;
  return true;
}

/** A hex digit's value; -1 for any other character. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Each byte of the glyph codes as it is written in a literal string: two bytes a glyph where hex
 * takes four, which compresses better too. The bytes a literal string cannot hold as they are are
 * escaped: the delimiters, the backslash, and line ends (a bare CR would be read as LF, and keeping
 * every string on one line keeps the content readable line by line).
 */
const ESCAPES: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x28: '\\(', 0x29: '\\)', 0x5c: '\\\\' };
const BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => ESCAPES[byte] ?? String.fromCharCode(byte));

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

/**
 * toNumber(text.slice(start, end)), without the slice for what Chromium writes: an optional minus, up
 * to 15 digits with at most one "." among them. Such a number is read exactly as Number() reads it:
 * its digits as an integer (exact below 2^53) divided by a power of ten (exact up to 10^22), one
 * rounding. Anything else is left to toNumber.
 */
function numberAt(text: string, start: number, end: number): number | null {
  if (start < 0 || end <= start) return toNumber(text.slice(start, end));
  let i = start;
  const negative = text.charCodeAt(i) === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return toNumber(text.slice(start, end));
  }
  if (digits === 0 || digits > 15) return toNumber(text.slice(start, end));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

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
  // Two-byte codes, the ones content streams show, read from an array; any other from the map.
  const byCode = new Float64Array(0x10000).fill(dw);
  for (const [code, width] of table) if (code >= 0 && code < 0x10000) byCode[code] = width;
  return (code) => (code >= 0 && code < 0x10000 && Number.isInteger(code) ? byCode[code]! : (table.get(code) ?? dw));
}
