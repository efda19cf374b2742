import { deepEqual } from './apply-edits.js';
import type { FieldPath } from './field-edit.js';

/**
 * The fields that differ between two versions of a profile, at the level a form shows them: an
 * element answer, a citation's section, a law. Lists of citations are compared item by item.
 */
export function fieldDiff(a: unknown, b: unknown, path: FieldPath = []): FieldPath[] {
  if (deepEqual(a, b)) return [];
  const isObject = (v: unknown) => typeof v === 'object' && v !== null;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b) || path.length >= 6) return [path];
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.every((v) => !isObject(v)) && bb.every((v) => !isObject(v))) return [path]; // a list of plain values is one field
    const out: FieldPath[] = [];
    for (let i = 0; i < Math.max(a.length, bb.length); i++) out.push(...fieldDiff(a[i], bb[i], [...path, i]));
    return out;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
  return keys.flatMap((k) => fieldDiff(ra[k], rb[k], [...path, k]));
}

/** The value at a path, or undefined. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}
