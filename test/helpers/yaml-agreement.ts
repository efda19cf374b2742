import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseDocument } from 'yaml';
import { fastParse } from '../../src/yaml/fast-parse.js';
import { readProfile } from '../../src/yaml/profile-reader.js';

/** What the full reader makes of a text: its data, or the codes it refuses it with. */
export function fullRead(text: string): { data: unknown } | { refused: string } {
  try {
    const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, merge: false });
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length) return { refused: problems.map((e) => e.code).join(', ') };
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    return { refused: String(err) };
  }
}

/**
 * Undefined when the fast reader agrees with the full one: it leaves the text to the full reader, or
 * gives exactly the data the full reader gives with nothing to report. Otherwise, what differs.
 */
export function disagreement(text: string): string | undefined {
  const fast = fastParse(text);
  if (fast === undefined) return undefined;
  const full = fullRead(text);
  if ('refused' in full) return `the full reader refuses it (${full.refused}) but the fast one reads ${JSON.stringify(fast.data)}`;
  if (!isDeepStrictEqual(fast.data, full.data)) return `fast ${JSON.stringify(fast.data)} ≠ full ${JSON.stringify(full.data)}`;
  // The locator reads the text again, noting ranges: that reading must take the same path.
  if (!isDeepStrictEqual(readProfile(text, true)?.data, fast.data)) return 'the reader gives other data when it notes ranges';
  return undefined;
}
