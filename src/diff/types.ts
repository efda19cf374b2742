import type { Bounds } from '../scoring/types.js';
import type { EvidenceChanges } from './evidence-changes.js';
import type { RangeMove } from './range-change.js';

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
  /** The overall range over what is unknown, and what happened to it. */
  range: RangeDelta;
  standing: Change<string | null>;
  /** The highest tier that could still be attained. */
  standingUpper: Change<string | null>;
  /** Every tier of the framework, in its order, changed or not. */
  tiers: TierDelta[];
  /** Only the provisions whose answers or evidence changed, in framework order. */
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

/** A range before and after, and what happened to it. */
export interface RangeDelta extends Change<Bounds | null> {
  move: RangeMove;
}

export interface TierDelta {
  id: string;
  score: Delta;
  range: RangeDelta;
  coverage: Delta;
  attained: Change<boolean>;
  status: Change<string>;
}

/**
 * Told by what happened to the provision's range over what is unknown, not by its assessed score
 * alone (withdrawing a low answer raises the mean of what is left: that is not progress):
 * - `improved` / `regressed`: both ends of the range moved up / down;
 * - `narrowed`: unknown answers were given and the range got tighter;
 * - `withdrawn`: answers were withdrawn and the range got wider;
 * - `newly-assessed`: not scored before, scored now;
 * - `no-longer-assessed`: scored before, not now (answers withdrawn, or now not applicable);
 * - `changed`: answers changed but the range did not;
 * - `evidence`: the answers are the same, the citations (law, section, quote, URL…) changed.
 */
export type ChangeKind = 'improved' | 'regressed' | 'narrowed' | 'withdrawn' | 'newly-assessed' | 'no-longer-assessed' | 'changed' | 'evidence';

export const CHANGE_KINDS: readonly ChangeKind[] = ['improved', 'regressed', 'narrowed', 'withdrawn', 'newly-assessed', 'no-longer-assessed', 'changed', 'evidence'];

export interface ProvisionChange {
  id: string;
  tierId: string;
  weight: number;
  kind: ChangeKind;
  score: Delta;
  range: RangeDelta;
  applicable: Change<boolean>;
  /** The provision-level `answer`, when it changed (undefined = not given). */
  answer?: Change<string | undefined>;
  /** Only the elements whose answer changed, in framework order. */
  elements: ElementChange[];
  /** Elements (or `*` for the provision-level answer) whose scored answer was withdrawn: now unknown or not given. */
  withdrawn: string[];
  /** Citations added, removed or changed (law, section, quote, URL, …). */
  evidence: EvidenceChanges;
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
