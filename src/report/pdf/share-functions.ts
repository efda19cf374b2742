import { streamDictionary, type PdfObject } from './pdf-objects.js';

/**
 * Chromium writes the function of a hatched fill (a PostScript calculator function that draws its
 * stripes) once per shading, although every badge of one kind has the same one: only its /Domain
 * differs, the box it is asked about. The Indonesian report holds 96 such copies of 3 functions,
 * 27 KB, and each assessed provision adds more. This keeps one copy of each, asked over the union of
 * the boxes: a shading evaluates its function only inside its own /Domain, which lies inside that
 * union, so no input is clipped differently and every fill is drawn as before.
 *
 * A function is shared only where all it differs in is its /Domain and every reference to it is a
 * shading's "/Function N 0 R" in an object outside a stream; anything else is kept as it is.
 */
export function shareFunctions(objects: readonly PdfObject[]): PdfObject[] {
  /** Function object number → its group key and domain. */
  const functions = new Map<number, { key: string; domain: number[] }>();
  for (const object of objects) {
    if (!object.isStream) continue;
    const head = FUNCTION.exec(object.body.toString('latin1', 0, Math.min(object.body.length, 400)));
    if (!head) continue;
    const domain = head[1]!.trim().split(/\s+/).map(Number);
    if (domain.length !== 4 || !domain.every(Number.isFinite)) continue;
    // The same range and the same stream bytes: the same function but for its domain.
    const key = `${head[2]}\n${object.body.toString('latin1', head[0].length)}`;
    functions.set(object.num, { key, domain });
  }
  if (functions.size < 2) return [...objects];

  // Every reference to a function, anywhere: one not of the "/Function N 0 R" form rules it out.
  // Read in one pass over all the objects' text (stream data left out): a regex over one string is
  // many times faster than over thousands.
  const all = objects.map((o) => (o.isStream ? streamDictionary(o) : o.body.toString('latin1'))).join('\n');
  for (const ref of all.matchAll(REFERENCE)) {
    const num = Number(ref[2]);
    if (functions.has(num) && ref[1] !== '/Function') functions.delete(num);
  }

  /** Group key → the number kept and the union of the domains. */
  const kept = new Map<string, { num: number; domain: number[] }>();
  const replaced = new Map<number, number>();
  for (const [num, { key, domain }] of functions) {
    const group = kept.get(key);
    if (!group) {
      kept.set(key, { num, domain: [...domain] });
      continue;
    }
    group.domain = [Math.min(group.domain[0]!, domain[0]!), Math.max(group.domain[1]!, domain[1]!), Math.min(group.domain[2]!, domain[2]!), Math.max(group.domain[3]!, domain[3]!)];
    replaced.set(num, group.num);
  }
  if (replaced.size === 0) return [...objects];
  const widened = new Map([...kept.values()].map((g) => [g.num, g.domain]));

  const out: PdfObject[] = [];
  for (const object of objects) {
    if (replaced.has(object.num)) continue;
    const domain = widened.get(object.num);
    if (domain) {
      const text = object.body.toString('latin1');
      const body = text.replace(/\/Domain\s*\[[^\]]*\]/, `/Domain [${domain.join(' ')}]`);
      out.push({ ...object, body: Buffer.from(body, 'latin1') });
    } else if (!object.isStream && object.body.includes('/Function') && /\/Function\s+\d+\s+0\s+R/.test(object.body.toString('latin1'))) {
      const body = object.body.toString('latin1').replace(/\/Function\s+(\d+)\s+0\s+R/g, (whole, num: string) => {
        const to = replaced.get(Number(num));
        return to === undefined ? whole : `/Function ${to} 0 R`;
      });
      out.push({ ...object, body: Buffer.from(body, 'latin1') });
    } else out.push(object);
  }
  return out;
}

/** A PostScript calculator function as Chromium writes it: its domain, its range, its compressed code. */
const FUNCTION = /^\s*<<\/FunctionType 4\s*\/Domain \[([^\]]*)\]\s*\/Range \[([^\]]*)\]\s*\/Filter \/FlateDecode\s*\/Length \d+>>\s*stream\r?\n/;

/** "N 0 R" with the name before it, if any. */
const REFERENCE = /(\/[A-Za-z]+)?\s*(\d+)\s+0\s+R\b/g;
