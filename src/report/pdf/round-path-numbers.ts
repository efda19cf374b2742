/**
 * Chromium writes the points of every path with all the digits of a float ("113.499992 333.37933
 * 113.554962 333.10294 113.664909 332.83746 c"): a rounded corner is eight such curves, and a report
 * draws thousands of them (badges, boxes, the bars of the chart). This writes each point of a path
 * (m, l, c, v, y, re) with as few decimals as keep it within 0.005 pt of where Chromium put it on
 * the page — a twelfth of a dot of a 1200 dpi printer — taking into account the scaling in force
 * (cm, q and Q are followed). Everything else is copied as it is; so is a content stream that holds
 * an inline image (whose binary data could look like anything).
 */
export function roundPathNumbers(content: string): string {
  if (/(?:^|\s)BI(?:\s|$)/.test(content)) return content;
  /** The linear part of the current transformation, [a b c d]; saved by q, restored by Q. */
  let ctm = [1, 0, 0, 1];
  const saved: number[][] = [];
  let decimals = decimalsFor(ctm);
  const lines = content.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    // Every operator below ends in one of these letters (q, Q, cm, m, l, c, v, y, re): text, colours
    // and painting lines are passed over without reading them.
    if (!OP_ENDS[line.charCodeAt(line.length - 1)]) continue;
    const space = line.lastIndexOf(' ');
    const op = space < 0 ? line : line.slice(space + 1);
    if (op === 'q' && space < 0) saved.push(ctm);
    else if (op === 'Q' && space < 0) {
      ctm = saved.pop() ?? ctm;
      decimals = decimalsFor(ctm);
    } else if (op === 'cm') {
      const m = numbers(line.slice(0, space), 6);
      if (!m) return content; // a matrix not understood: nothing can be said of the scale after it
      const [a, b, c, d] = m as [number, number, number, number];
      const [A, B, C, D] = ctm as [number, number, number, number];
      ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D];
      decimals = decimalsFor(ctm);
    } else if (PATH_OPS.has(op)) {
      const moved = op === 'm' ? translatedPath(lines, i, decimals) : null;
      if (moved) {
        out.pop();
        out.push(...moved.lines);
        i = moved.next - 1;
        continue;
      }
      const operands = line.slice(0, space);
      const values = numbers(operands, PATH_OPS.get(op)!);
      if (values) out[out.length - 1] = `${values.map((v) => fixed(v, decimals)).join(' ')} ${op}`;
    }
  }
  return out.join('\n');
}

/**
 * A path with curves (a rounded corner, a bullet, a circle), drawn from its first point: the page is
 * moved there (cm), the path written relative to it, painted, and the page moved back. Two bullets or
 * two badges of one size are then the same bytes wherever they stand, which compression takes for
 * almost nothing. Each point is rounded on the page first, so it lands where the absolute path put it.
 * Returns the lines to write and the index of the line after the painting operator; null for a path
 * without curves, or one that holds anything but path operators before it is painted.
 */
function translatedPath(lines: readonly string[], at: number, decimals: number): { lines: string[]; next: number } | null {
  const scale = POWERS[decimals]!;
  /** Each path line's operator and its points, rounded, in units of the last decimal place. */
  const path: { op: string; values: number[] }[] = [];
  let curves = false;
  let i = at;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === 'h') {
      path.push({ op: 'h', values: [] });
      continue;
    }
    const space = line.lastIndexOf(' ');
    const op = line.slice(space + 1);
    const count = PATH_OPS.get(op);
    if (count === undefined || op === 're') break;
    const values = numbers(line.slice(0, space), count);
    if (!values) return null;
    path.push({ op, values: values.map((v) => Math.round(v * scale)) });
    if (op === 'c' || op === 'v' || op === 'y') curves = true;
  }
  if (!curves || !PAINTING.has(lines[i] ?? '')) return null;
  const [x, y] = path[0]!.values as [number, number];
  const out = [`1 0 0 1 ${fixed(x / scale, decimals)} ${fixed(y / scale, decimals)} cm`];
  for (const { op, values } of path) {
    if (op === 'h') out.push('h');
    else out.push(`${values.map((v, k) => fixed((v - (k % 2 === 0 ? x : y)) / scale, decimals)).join(' ')} ${op}`);
  }
  out.push(lines[i]!, `1 0 0 1 ${fixed(-x / scale, decimals)} ${fixed(-y / scale, decimals)} cm`);
  return { lines: out, next: i + 1 };
}

/** The last letters of the operators roundPathNumbers follows or rewrites, by character code. */
const OP_ENDS: readonly boolean[] = Array.from({ length: 128 }, (_, c) => 'qQmlcvye'.includes(String.fromCharCode(c)));

/** The operators that end a path, as Chromium writes them (a clip is "W n"). */
const PAINTING = new Set(['f', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'n', 'W n', 'W* n']);

/** Path operators and how many numbers each takes. */
const PATH_OPS = new Map([
  ['m', 2],
  ['l', 2],
  ['c', 6],
  ['v', 4],
  ['y', 4],
  ['re', 4],
]);

/** Largest error allowed on the page, in points. */
const TOLERANCE_PT = 0.005;

/** Decimals enough that rounding (at most half a unit of the last place) moves no point more than the tolerance. */
function decimalsFor([a, b, c, d]: number[]): number {
  // The largest singular value: the most the matrix stretches any small move.
  const sum = a! * a! + b! * b! + c! * c! + d! * d!;
  const det = a! * d! - b! * c!;
  const stretch = Math.sqrt((sum + Math.sqrt(Math.max(0, sum * sum - 4 * det * det))) / 2);
  if (!Number.isFinite(stretch) || stretch === 0) return 6;
  return Math.min(6, Math.max(0, Math.ceil(Math.log10((0.5 * stretch) / TOLERANCE_PT))));
}

/** Exactly `count` plain PDF numbers separated by single spaces, or null. */
function numbers(text: string, count: number): number[] | null {
  const values: number[] = [];
  let start = 0;
  for (let k = 0; k < count; k++) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    const value = plainNumber(text, start, end);
    if (value === null) return null;
    values.push(value);
    start = end + 1;
  }
  return start === text.length + 1 ? values : null;
}

/**
 * The number written in text[start, end): digits, at most one '.', an optional sign; null otherwise.
 * Up to 15 digits it is read as Number() reads it, with one rounding: the digits as an integer (exact
 * below 2^53) over a power of ten (exact up to 10^22).
 */
function plainNumber(text: string, start: number, end: number): number | null {
  let digits = 0;
  let dots = 0;
  let decimals = 0;
  let mantissa = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      mantissa = mantissa * 10 + (c - 0x30);
      if (dots > 0) decimals++;
    } else if (c === 0x2e) dots++;
    else if (!((c === 0x2d || c === 0x2b) && i === start)) return null;
  }
  if (digits === 0 || dots > 1) return null;
  let value: number;
  if (digits <= 15) {
    value = mantissa / POWERS_OF_TEN[decimals]!;
    if (text.charCodeAt(start) === 0x2d) value = -value;
  } else value = Number(text.slice(start, end));
  return Math.abs(value) < 1e15 ? value : null; // larger, String() would write an exponent
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A number with at most `decimals` decimals (6 at most), no exponent, no leading "0.". */
function fixed(value: number, decimals: number): string {
  const scale = POWERS[decimals]!;
  // The shortest text that reads back as the rounded value: "1059.38", never "1059.3799999999999".
  const rounded = Math.round(value * scale) / scale;
  if (rounded === 0) return '0';
  const text = String(rounded);
  if (text.charCodeAt(0) === 0x30) return text.slice(1); // "0.5" → ".5"
  if (text.startsWith('-0.')) return `-${text.slice(2)}`;
  return text;
}

const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
