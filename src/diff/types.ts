/** What changed between two versions of a country's profile. Plain data: text, JSON and reports read it. */
export interface ProfileDiff {
  frameworkId: string;
  frameworkVersion: string;
  country: Change<string>;
  name: Change<string>;
  assessed: Change<string>;
  status: Change<string>;
  /** Overall weighted score, 0..1 (null when nothing is scored). */
  score: Delta;
  coverage: Delta;
  standing: Change<string | null>;
  /** Every tier of the framework, in its order, changed or not. */
  tiers: TierDelta[];
  /** Only the provisions whose answers changed, in framework order. */
  provisions: ProvisionChange[];
  laws: LawChanges;
  /** How many provisions fall under each kind of change. */
  counts: Record<ChangeKind, number>;
}

/** A value before and after. */
export interface Change<T> {
  old: T;
  new: T;
}

/** A score before and after; `delta` is new − old when both are scored, otherwise null. */
export interface Delta extends Change<number | null> {
  delta: number | null;
}

export interface TierDelta {
  id: string;
  score: Delta;
  coverage: Delta;
  attained: Change<boolean>;
}

/**
 * - `improved` / `regressed`: scored in both versions, the score went up / down;
 * - `newly-assessed`: not scored before, scored now;
 * - `no-longer-assessed`: scored before, not now (answers withdrawn, or now not applicable);
 * - `changed`: answers changed but the score did not (or the provision is unscored in both).
 */
export type ChangeKind = 'improved' | 'regressed' | 'newly-assessed' | 'no-longer-assessed' | 'changed';

export const CHANGE_KINDS: readonly ChangeKind[] = ['improved', 'regressed', 'newly-assessed', 'no-longer-assessed', 'changed'];

export interface ProvisionChange {
  id: string;
  tierId: string;
  weight: number;
  kind: ChangeKind;
  score: Delta;
  applicable: Change<boolean>;
  /** The provision-level `answer`, when it changed (undefined = not given). */
  answer?: Change<string | undefined>;
  /** Only the elements whose answer changed, in framework order. */
  elements: ElementChange[];
}

export interface ElementChange {
  id: string;
  /** The answer as written; undefined when the profile leaves the element out. */
  answer: Change<string | undefined>;
  score: Change<number | null>;
}

export interface LawRef {
  key: string;
  title: string;
  repealedBy?: string;
}

export interface LawChanges {
  added: LawRef[];
  removed: LawRef[];
  /** Declared in both versions; `repealedBy` set only in the new one. */
  repealed: LawRef[];
}
