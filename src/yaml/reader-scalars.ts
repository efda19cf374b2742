/**
 * Quoted and block scalars for the profile reader (profile-reader.ts), read as the `yaml` package
 * reads them (yaml/dist/compose/resolve-flow-scalar and resolve-block-scalar), for the shapes a
 * profile uses; any other shape is refused (`refuse()`), and the full reader takes the file.
 */

/** Where the reader is: `pos` moves on as it reads; `end` is where the Document ends the last block scalar read. */
export interface Cursor {
  readonly text: string;
  /** The text's code units, then 0 (`END`) past its end (a text holding a 0 is refused). */
  readonly codes: Uint16Array;
  pos: number;
  end: number;
}

/** Thrown (once made, never with a stack) when the text is not one the reader is sure of. */
export const REFUSED = Object.freeze({ refused: true });

export function refuse(): never {
  throw REFUSED;
}

const END = 0;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const DOUBLE = 0x22;
const SINGLE = 0x27;

/** `"…"` on one line, from its opening quote; `pos` ends after the closing one. */
export function readDoubleQuoted(c: Cursor): string {
  const text = c.text;
  const codes = c.codes;
  let at = c.pos + 1;
  let from = at;
  let value = '';
  for (;;) {
    const ch = codes[at]!;
    if (ch === DOUBLE) break;
    if (ch === BACKSLASH) {
      value += text.slice(from, at) + escaped(text, at);
      at += escapeLength(codes[at + 1]!);
      from = at;
    } else if (ch === NEWLINE || ch === END) {
      refuse(); // runs over a line (the full reader folds it and rules on its indentation), or never closes
    } else at++;
  }
  c.pos = at + 1;
  return value + text.slice(from, at);
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

function escapeLength(next: number): number {
  return next === 0x78 ? 4 : next === 0x75 ? 6 : next === 0x55 ? 10 : 2; // \xXX \uXXXX \UXXXXXXXX
}

/** The character a `\` escape at `at` stands for; an escape the full reader refuses is refused. */
function escaped(text: string, at: number): string {
  const next = text[at + 1];
  if (next === undefined) refuse();
  if (Object.hasOwn(ESCAPES, next)) return ESCAPES[next]!;
  const length = escapeLength(next.charCodeAt(0)) - 2;
  if (length === 0) refuse();
  const digits = text.substr(at + 2, length);
  if (digits.length !== length || !HEX_DIGITS.test(digits)) refuse();
  const code = parseInt(digits, 16);
  if (code > 0x10ffff) refuse();
  return String.fromCodePoint(code);
}

/** `'…'` on one line (`''` is a quote), from its opening quote; `pos` ends after the closing one. */
export function readSingleQuoted(c: Cursor): string {
  const text = c.text;
  const codes = c.codes;
  let at = c.pos + 1;
  let from = at;
  let value = '';
  for (;;) {
    const ch = codes[at]!;
    if (ch === SINGLE) {
      if (codes[at + 1]! !== SINGLE) break;
      value += text.slice(from, at + 1);
      at += 2;
      from = at;
    } else if (ch === NEWLINE || ch === END) {
      refuse();
    } else at++;
  }
  c.pos = at + 1;
  return value + text.slice(from, at);
}

/**
 * A block scalar (`|` or `>`, chomping `-` or `+`, no indentation indicator), from its header, in a
 * node whose key or `-` stands at column `owner`. `pos` ends at the start of the first line after
 * it, `end` where the Document ends it. Refused: an indentation indicator, no content line, a blank
 * line holding as many spaces as the content's indentation (the full reader keeps some of them),
 * a line less indented than the first but more than `owner` (an error), spaces after the last line
 * break of the file.
 */
export function readBlockScalar(c: Cursor, owner: number): string {
  const text = c.text;
  const codes = c.codes;
  const folded = codes[c.pos]! === 0x3e;
  let at = c.pos + 1;
  let ch = codes[at]!;
  const chomp = ch === 0x2d ? -1 : ch === 0x2b ? 1 : 0;
  if (chomp !== 0) ch = codes[++at]!;
  if (ch === SPACE) {
    do ch = codes[++at]!;
    while (ch === SPACE);
    if (ch === HASH) {
      at = text.indexOf('\n', at);
      if (at < 0) refuse();
      ch = NEWLINE;
    }
  }
  if (ch !== NEWLINE) refuse();
  let line = at + 1;
  // Leading blank lines, then the first content line, whose indentation is the content's.
  let leading = 0;
  let widest = 0;
  let indent = 0;
  for (;;) {
    indent = 0;
    while (codes[line + indent]! === SPACE) indent++;
    if (codes[line + indent]! !== NEWLINE) break;
    leading++;
    if (indent > widest) widest = indent;
    line += indent + 1;
  }
  const content = indent;
  if (content <= owner || widest >= content || line + indent >= text.length) refuse();
  let value = leading > 0 ? '\n'.repeat(leading) : '';
  let sep = '';
  let moreBefore = false;
  let blanks = 0;
  let end = line;
  for (;;) {
    indent = 0;
    while (codes[line + indent]! === SPACE) indent++;
    ch = codes[line + indent]!;
    if (ch === NEWLINE) {
      if (indent >= content) refuse();
      blanks++;
      line += indent + 1;
      continue;
    }
    if (ch === END) {
      if (indent > 0) refuse();
      break;
    }
    if (indent < content) {
      if (indent > owner) refuse();
      break;
    }
    for (; blanks > 0; blanks--) {
      if (!folded) value += sep;
      else if (sep === '\n') value += '\n';
      sep = '\n';
    }
    const newline = text.indexOf('\n', line + indent);
    const lineEnd = newline < 0 ? text.length : newline;
    if (!folded) {
      value += sep + text.slice(line + content, lineEnd);
      sep = '\n';
    } else if (indent > content) {
      if (sep === ' ') sep = '\n';
      else if (!moreBefore && sep === '\n') sep = '\n\n';
      value += sep + text.slice(line + content, lineEnd);
      sep = '\n';
      moreBefore = true;
    } else {
      value += sep + text.slice(line + indent, lineEnd);
      sep = ' ';
      moreBefore = false;
    }
    end = newline < 0 ? text.length : newline + 1;
    line = end;
    if (newline < 0) break;
  }
  c.pos = line;
  if (chomp === 1) {
    c.end = line;
    return value + '\n'.repeat(blanks + 1);
  }
  c.end = end;
  return chomp === 0 ? value + '\n' : value;
}
