import { plainValue } from './core-schema.js';
import { asPropertyName } from '../ground/property-name.js';

/**
 * The values of the short plain scalars read lately (`met`, `partial`, `sourced`, `2025-06-30`, a
 * law's key), each found again by comparing the text with the one read before, so that a value
 * profiles repeat thousands of times is not made again. Its text is kept as the string V8 keeps for
 * a property of that name (internalised): the schema's allowed values are such strings, and two of
 * them are compared by their place in memory, not their characters.
 *
 * A table of SIZE slots, one value each, chosen by a hash of the text; a slot taken by another text
 * is simply replaced. Only the value's text and its meaning (plainValue) are kept: strings, numbers,
 * true, false and null, which nothing can change.
 */
const SIZE = 512;
/** Longer texts (notes, titles, quotes) rarely repeat. */
const MAX_LENGTH = 24;
const texts: (string | undefined)[] = new Array<string | undefined>(SIZE).fill(undefined);
const values: unknown[] = new Array<unknown>(SIZE).fill(undefined);

/** plainValue of the text at `[start, end)`, whose code units are `codes[start, end)`. */
export function plainValueAt(text: string, codes: Uint16Array, start: number, end: number): unknown {
  const length = end - start;
  if (length > MAX_LENGTH) return plainValue(text.slice(start, end));
  let hash = length;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + codes[i]!) | 0;
  const slot = (hash ^ (hash >>> 11)) & (SIZE - 1);
  const seen = texts[slot];
  if (seen !== undefined && seen.length === length) {
    let at = 0;
    while (at < length && seen.charCodeAt(at) === codes[start + at]) at++;
    if (at === length) return values[slot];
  }
  const source = asPropertyName(text.slice(start, end));
  const value = plainValue(source);
  texts[slot] = source;
  values[slot] = value;
  return value;
}
