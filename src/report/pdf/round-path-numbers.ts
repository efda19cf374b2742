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
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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
      const operands = line.slice(0, space);
      const values = numbers(operands, PATH_OPS.get(op)!);
      if (values) lines[i] = `${values.map((v) => fixed(v, decimals)).join(' ')} ${op}`;
    }
  }
  return lines.join('\n');
}

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
  const parts = text.split(' ');
  if (parts.length !== count) return null;
  const values: number[] = [];
  for (const part of parts) {
    if (!NUMBER.test(part)) return null;
    const value = Number(part);
    if (!(Math.abs(value) < 1e15)) return null; // String() would write an exponent
    values.push(value);
  }
  return values;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

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
