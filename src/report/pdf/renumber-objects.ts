import type { PdfObject } from './pdf-objects.js';

/**
 * Numbers the objects 1, 2, 3, … in the order given, and every reference to them with them. Folding
 * the text runs into their parents (fold-text-runs.ts) leaves thousands of numbers unused; written
 * as free entries between the others they cost the cross-reference stream more than the objects they
 * replace (12 KB instead of 4 in the Indonesian report), and the object streams' indexes compress
 * better over consecutive numbers.
 *
 * References are found by reading each object as PDF syntax — literal and hex strings and comments
 * are passed over, so a URL or a title that happens to read "12 0 R" is never touched — in objects
 * outside streams and in stream dictionaries; stream data is copied byte for byte. Returns null when
 * an object refers to a number that is not there, or its syntax is not understood: the caller keeps
 * the numbers as they are.
 */
export function renumberObjects(objects: readonly PdfObject[]): { objects: PdfObject[]; renumber: (ref: string) => string | null } | null {
  const numbers = new Map<number, number>();
  objects.forEach((o, i) => numbers.set(o.num, i + 1));
  const out: PdfObject[] = [];
  for (const object of objects) {
    // A stream's dictionary is at its start: its data is never read.
    let text = object.body.toString('latin1', 0, object.isStream ? Math.min(object.body.length, 4096) : object.body.length);
    let end = object.isStream ? dictionaryEnd(text) : text.length;
    if (end < 0 && object.isStream && object.body.length > 4096) {
      text = object.body.toString('latin1');
      end = dictionaryEnd(text);
    }
    if (end < 0) return null;
    const head = rewriteReferences(text.slice(0, end), numbers);
    if (head === null) return null;
    const body = head === text.slice(0, end) ? object.body : Buffer.concat([Buffer.from(head, 'latin1'), object.body.subarray(end)]);
    out.push({ ...object, num: numbers.get(object.num)!, body });
  }
  const renumber = (ref: string) => {
    const m = /^(\d+)\s+0\s+R$/.exec(ref.trim());
    const to = m ? numbers.get(Number(m[1])) : undefined;
    return to === undefined ? null : `${to} 0 R`;
  };
  return { objects: out, renumber };
}

/** Where a stream's dictionary ends (just after its closing ">>"); -1 when it cannot be found. */
function dictionaryEnd(text: string): number {
  let depth = 0;
  let i = text.search(/\S/);
  if (i < 0 || !text.startsWith('<<', i)) return -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '<' && text[i + 1] === '<') {
      depth++;
      i += 2;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      const skip = skipString(text, i);
      if (skip < 0) return -1;
      i = skip > i ? skip : i + 1;
    }
  }
  return -1;
}

/** The text with each "N 0 R" outside strings and comments renumbered; null when a reference points nowhere. */
function rewriteReferences(text: string, numbers: ReadonlyMap<number, number>): string | null {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('<<', i) || text.startsWith('>>', i)) {
      i += 2;
      continue;
    }
    const skip = skipString(text, i);
    if (skip < 0) return null;
    if (skip > i) {
      i = skip;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && (i === 0 || DELIMITER.test(text[i - 1]!))) {
      REF.lastIndex = i;
      const m = REF.exec(text);
      if (m) {
        const to = numbers.get(Number(m[1]));
        if (to === undefined) return null;
        out += `${text.slice(copied, i)}${to} 0 R`;
        i = copied = REF.lastIndex;
        continue;
      }
      // A number that is not a reference: step over all its digits.
      while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
      continue;
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** "N G R", with R ending the token. Generation 0 only: Chromium writes no other (pdf-objects.ts refuses them). */
const REF = /(\d+)\s+0\s+R(?![^\s()<>[\]{}/%])/y;
const DELIMITER = /[\s()<>[\]{}/%]/;
const isNumberChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e;

/**
 * If a literal string, a hex string or a comment starts at i, the index just after it (-1 when it
 * never ends); else i.
 */
function skipString(text: string, i: number): number {
  const c = text[i];
  if (c === '(') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '\\') j++;
      else if (d === '(') depth++;
      else if (d === ')' && --depth === 0) return j + 1;
    }
    return -1;
  }
  if (c === '<' && text[i + 1] !== '<') {
    const end = text.indexOf('>', i);
    return end < 0 ? -1 : end + 1;
  }
  if (c === '%') {
    const end = text.slice(i).search(/[\r\n]/);
    return end < 0 ? text.length : i + end;
  }
  return i;
}
