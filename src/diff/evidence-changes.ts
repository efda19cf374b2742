import type { Evidence } from '../profile/types.js';

/** The citation fields a reader checks; a change to any of them is an evidence change. */
export const EVIDENCE_FIELDS = ['section', 'quote', 'url', 'elements', 'confidence', 'checked', 'source'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

export interface CitationRef {
  law: string;
  section: string | null;
}

/** A citation of the same law (and the same elements, when there are several) whose fields changed. */
export interface CitationChange extends CitationRef {
  fields: { field: EvidenceField; old: string | null; new: string | null }[];
}

export interface EvidenceChanges {
  added: CitationRef[];
  removed: CitationRef[];
  changed: CitationChange[];
}

export function hasEvidenceChanges(e: EvidenceChanges): boolean {
  return e.added.length + e.removed.length + e.changed.length > 0;
}

/**
 * The citations of one provision before and after. Citations equal in every field are no change,
 * whatever their order; of the rest, one removed and one added that cite the same law are paired
 * (first by the elements they back, then in order) and reported as that citation changed.
 */
export function diffEvidence(before: readonly Evidence[], after: readonly Evidence[]): EvidenceChanges {
  const removed = [...before];
  const added: Evidence[] = [];
  for (const e of after) {
    const same = removed.findIndex((r) => key(r) === key(e));
    if (same >= 0) removed.splice(same, 1);
    else added.push(e);
  }
  const changed: CitationChange[] = [];
  for (const pass of [(a: Evidence, b: Evidence) => a.law === b.law && field(a, 'elements') === field(b, 'elements'), (a: Evidence, b: Evidence) => a.law === b.law]) {
    for (let i = 0; i < added.length; ) {
      const match = removed.findIndex((r) => pass(r, added[i]!));
      if (match < 0) {
        i++;
        continue;
      }
      const [old] = removed.splice(match, 1);
      const [now] = added.splice(i, 1);
      changed.push({ ...ref(now!), fields: EVIDENCE_FIELDS.filter((f) => field(old!, f) !== field(now!, f)).map((f) => ({ field: f, old: field(old!, f), new: field(now!, f) })) });
    }
  }
  return { added: added.map(ref), removed: removed.map(ref), changed };
}

function ref(e: Evidence): CitationRef {
  return { law: e.law, section: e.section ?? null };
}

function field(e: Evidence, name: EvidenceField): string | null {
  const value = e[name];
  if (value === undefined || value === null) return null;
  return Array.isArray(value) ? [...value].sort().join(', ') : String(value);
}

function key(e: Evidence): string {
  return JSON.stringify([e.law, ...EVIDENCE_FIELDS.map((f) => field(e, f))]);
}
