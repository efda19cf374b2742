import { streamDictionary, type PdfObject } from './pdf-objects.js';

/**
 * Chromium tags every run of text as its own structure element, a /NonStruct holding one marked-
 * content id, under the paragraph, cell or heading it belongs to: half the objects of a report
 * (3,700 of 8,000 in the Indonesian one), about a quarter of its tagged structure's bytes. A NonStruct
 * element has no meaning of its own ("its content is treated as if it were part of its parent",
 * ISO 32000-1, 14.8.4.2), so this hands each such run to its parent: the parent's /K names the
 * marked content where it named the element (an integer on the parent's own page, else a marked-
 * content reference), and the page's entry in the parent tree names the parent. What a screen
 * reader reads, and in what order, is unchanged.
 *
 * Only an element made of exactly /Type, /S /NonStruct, /P, /Pg and an integer /K, whose parent is a
 * structure element naming it in its /K, and that nothing but its parent and the parent tree's
 * arrays refers to, is folded; anything else is kept as it is.
 */
export function foldTextRuns(objects: readonly PdfObject[]): PdfObject[] {
  const byNum = new Map(objects.map((o) => [o.num, o]));
  /** Leaf number → its parent, page and marked-content id. */
  const leaves = new Map<number, { parent: number; page: number; mcid: number }>();
  for (const object of objects) {
    if (object.isStream || object.body.length > 200) continue;
    const leaf = LEAF.exec(object.body.toString('latin1'));
    if (leaf) leaves.set(object.num, { parent: Number(leaf[1]), page: Number(leaf[2]), mcid: Number(leaf[3]) });
  }
  if (leaves.size === 0) return [...objects];
  const treeArrays = parentTreeArrays(objects);
  if (!treeArrays) return [...objects];

  // Who refers to each leaf: its parent once, in /K, and the parent tree's arrays; anyone else rules it out.
  const texts = new Map<number, string>();
  const text = (o: PdfObject) => {
    let t = texts.get(o.num);
    if (t === undefined) texts.set(o.num, (t = o.isStream ? streamDictionary(o) : o.body.toString('latin1')));
    return t;
  };
  const fromParent = new Map<number, number>();
  // One pass of the regex over all the objects' text joined (much faster than one per object), each
  // match told to the object it falls in.
  const starts: number[] = [];
  let length = 0;
  const all = objects
    .map((o) => {
      starts.push(length);
      const t = text(o);
      length += t.length + 1;
      return t;
    })
    .join('\n');
  let k = 0;
  for (const ref of all.matchAll(REFERENCE)) {
    const leaf = leaves.get(Number(ref[1]));
    if (!leaf) continue;
    while (k + 1 < starts.length && starts[k + 1]! <= ref.index) k++;
    const object = objects[k]!;
    if (treeArrays.has(object.num)) continue;
    const num = Number(ref[1]);
    if (object.num === leaf.parent) fromParent.set(num, (fromParent.get(num) ?? 0) + 1);
    else leaves.delete(num);
  }
  /** A parent's /K, and the numbers it refers to; null when it has none that can be read. */
  const kidsCache = new Map<number, { refs: Set<number> } | null>();
  const kidsRefs = (num: number) => {
    if (!kidsCache.has(num)) {
      const parent = byNum.get(num);
      const body = parent && !parent.isStream ? text(parent) : '';
      const kids = STRUCT_ELEM.test(body) ? kidsOf(body) : null;
      kidsCache.set(num, kids ? { refs: new Set([...kids.value.matchAll(REFERENCE)].map((r) => Number(r[1]))) } : null);
    }
    return kidsCache.get(num)!;
  };
  for (const [num, leaf] of leaves) {
    if (fromParent.get(num) !== 1 || !kidsRefs(leaf.parent)?.refs.has(num)) leaves.delete(num);
  }
  if (leaves.size === 0) return [...objects];

  const out: PdfObject[] = [];
  for (const object of objects) {
    if (leaves.has(object.num)) continue;
    const body = text(object);
    let changed: string | null = null;
    const kids = kidsCache.get(object.num) ? kidsOf(body) : null;
    if (kids) {
      const page = /\/Pg\s+(\d+)\s+0\s+R/.exec(body.slice(0, kids.start))?.[1] ?? /\/Pg\s+(\d+)\s+0\s+R/.exec(body.slice(kids.end))?.[1];
      const value = kids.value.replace(REFERENCE, (whole, n: string) => {
        const leaf = leaves.get(Number(n));
        if (!leaf || leaf.parent !== object.num) return whole;
        return page !== undefined && Number(page) === leaf.page ? String(leaf.mcid) : `<</Type /MCR /Pg ${leaf.page} 0 R /MCID ${leaf.mcid}>>`;
      });
      if (value !== kids.value) changed = body.slice(0, kids.start) + value + body.slice(kids.end);
    } else if (treeArrays.has(object.num)) {
      // A page's array in the parent tree: the marked content now belongs to the parent.
      const value = body.replace(REFERENCE, (whole, n: string) => {
        const leaf = leaves.get(Number(n));
        return leaf ? `${leaf.parent} 0 R` : whole;
      });
      if (value !== body) changed = value;
    }
    out.push(changed === null ? object : { ...object, body: Buffer.from(changed, 'latin1') });
  }
  return out;
}

const LEAF = /^\s*<<\s*\/Type\s*\/StructElem\s*\/S\s*\/NonStruct\s*\/P\s+(\d+)\s+0\s+R\s*\/Pg\s+(\d+)\s+0\s+R\s*\/K\s+(\d+)\s*>>\s*$/;
const REFERENCE = /(\d+)\s+0\s+R\b/g;
const STRUCT_ELEM = /^\s*<<\s*\/Type\s*\/StructElem\b/;

/** Where a structure element's /K value is in its text: one reference, one integer, or an array (of references, integers and dictionaries). */
function kidsOf(body: string): { start: number; end: number; value: string } | null {
  let at = body.indexOf('/K');
  while (at >= 0 && !/[\s[\d]/.test(body[at + 2] ?? '')) at = body.indexOf('/K', at + 2);
  if (at < 0) return null;
  let start = at + 2;
  while (start < body.length && /\s/.test(body[start]!)) start++;
  if (body[start] === '[') {
    const end = body.indexOf(']', start);
    return end < 0 ? null : { start, end: end + 1, value: body.slice(start, end + 1) };
  }
  SINGLE.lastIndex = start;
  const single = SINGLE.exec(body);
  return single ? { start, end: start + single[0].length, value: single[0] } : null;
}

const SINGLE = /\d+\s+0\s+R\b|\d+/y;

/**
 * The arrays the parent tree maps each page to (its marked content's elements, by id); null when the
 * tree is not the one flat /Nums array Chromium writes, or one of them is not an array object.
 */
function parentTreeArrays(objects: readonly PdfObject[]): Set<number> | null {
  const tree = objects.find((o) => !o.isStream && /^\s*<<\s*\/Type\s*\/ParentTree\b/.test(o.body.toString('latin1', 0, 64)));
  if (!tree) return null;
  const body = tree.body.toString('latin1');
  if (/\/Kids\b/.test(body)) return null;
  const nums = /\/Nums\s*\[([^\]]*)\]/.exec(body);
  if (!nums) return null;
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const arrays = new Set<number>();
  for (const ref of nums[1]!.matchAll(REFERENCE)) {
    const target = byNum.get(Number(ref[1]));
    if (target && !target.isStream && /^\s*\[/.test(target.body.toString('latin1', 0, 16))) arrays.add(target.num);
  }
  return arrays;
}
