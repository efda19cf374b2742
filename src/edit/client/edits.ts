import type { FieldEdit, FieldPath } from '../field-edit.js';

const same = (a: FieldPath, b: FieldPath) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
const startsWith = (path: FieldPath, prefix: FieldPath) => prefix.length < path.length && prefix.every((s, i) => String(s) === String(path[i]));

/** Sets or removes the value at `path` in plain data, creating missing parents (a number makes a list). */
export function applyLocal(data: Record<string, unknown>, edit: FieldEdit): void {
  let node: Record<string | number, unknown> = data;
  for (let i = 0; i < edit.path.length - 1; i++) {
    const segment = edit.path[i]!;
    let next = node[segment];
    if (typeof next !== 'object' || next === null) {
      if (edit.remove) return;
      next = typeof edit.path[i + 1] === 'number' ? [] : {};
      node[segment] = next;
    }
    node = next as Record<string | number, unknown>;
  }
  const last = edit.path[edit.path.length - 1]!;
  if (edit.remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = structuredClone(edit.value);
  }
}

/**
 * Adds an edit to the list the server applies in order. A second edit of the same field replaces the
 * first, and an edit inside a value an earlier edit created updates that value, when no edit between
 * them could have moved things (a removal, or a change to a parent); else it is appended, which is
 * always right.
 */
export function addEdit(edits: FieldEdit[], edit: FieldEdit): FieldEdit[] {
  for (let i = edits.length - 1; i >= 0; i--) {
    const earlier = edits[i]!;
    const later = edits.slice(i + 1);
    const quiet = later.every((e) => !e.remove && !startsWith(earlier.path, e.path) && !same(e.path, earlier.path));
    if (!quiet) break;
    if (same(earlier.path, edit.path)) return edits.map((e, j) => (j === i ? edit : e));
    if (!earlier.remove && startsWith(edit.path, earlier.path) && typeof earlier.value === 'object' && earlier.value !== null) {
      const value = structuredClone(earlier.value) as Record<string, unknown>;
      applyLocal(value, { ...edit, path: edit.path.slice(earlier.path.length) } as FieldEdit);
      return edits.map((e, j) => (j === i ? { path: e.path, value } : e));
    }
  }
  return [...edits, edit];
}
