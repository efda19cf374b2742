/** A place in a profile: map keys and list indexes, from the top (`['provisions', 'T1.06', 'elements', 'a']`). */
export type FieldPath = (string | number)[];

/**
 * One change a user made in a form. `value` set: the field takes that value (created with any
 * missing parents; an index equal to a list's length appends). `remove: true`: the field goes.
 */
export type FieldEdit = { path: FieldPath; value: unknown; remove?: undefined } | { path: FieldPath; remove: true; value?: undefined };

/** The path as one string, for keys in maps and for the page: `provisions/T1.06/elements/a`. */
export const pathKey = (path: readonly (string | number)[]): string => path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Checks that what the page sent is a list of edits (it is untrusted like any request). */
export function parseEdits(input: unknown): FieldEdit[] | undefined {
  if (!Array.isArray(input) || input.length > 10_000) return undefined;
  const edits: FieldEdit[] = [];
  for (const item of input) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { path, value, remove } = item as Record<string, unknown>;
    if (!Array.isArray(path) || path.length === 0 || path.length > 12) return undefined;
    if (!path.every((s) => (typeof s === 'string' && s.length <= 200) || (Number.isInteger(s) && (s as number) >= 0))) return undefined;
    if (remove === true) edits.push({ path: path as FieldPath, remove: true });
    else if (value !== undefined) edits.push({ path: path as FieldPath, value });
    else return undefined;
  }
  return edits;
}
