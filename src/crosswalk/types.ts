import type { Text } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';

/** How a mapping decides its target from its sources. */
export type Rule = 'all-met' | 'any-met' | 'minimum';

/** Provisions (or some of their elements) of the source framework that decide a target. */
export interface SourceRef {
  provision: string;
  /** The elements that count; without it, every element of the provision. */
  elements?: string[];
}

export interface Mapping {
  /** A provision of the target framework. */
  target: string;
  /** One of its elements; without it, the answer goes to every element of the target. */
  element?: string;
  rule: Rule;
  /** For rule `minimum`: the score (0–1) the sources must reach. */
  minimum?: number;
  sources: SourceRef[];
  note?: Text;
}

/** A crosswalk file: answers to one framework (`from`) read as answers to another (`to`). */
export interface Crosswalk {
  id: string;
  title: Text;
  version?: string;
  from: string;
  to: string;
  /** How the mapping was made and from what. */
  note: Text;
  /** What a reader of derived results must keep in mind; shown with every derived result. */
  caveats: Text[];
  mappings: Mapping[];
}

export interface LoadedCrosswalk {
  crosswalk: Crosswalk;
  file: string;
}

/** A rule's verdict. `unknown`: the unassessed sources could still change it. */
export type Outcome = 'met' | 'not-met' | 'unknown' | 'not-applicable';

/** One source element as the rule saw it. */
export interface SourceUnit {
  provision: string;
  element: string;
  /** The answer that counted: the element's own, or its provision's when the provision is answered as a whole. */
  answer: string | null;
  score: number | null;
  applicable: boolean;
}

/** How one target was decided: the record a reader checks a derived answer against. */
export interface DerivedTarget {
  target: string;
  element?: string;
  rule: Rule;
  minimum?: number;
  outcome: Outcome;
  /** The target framework's answer given for the outcome. */
  answer: string;
  sources: SourceUnit[];
}

export interface Derivation {
  crosswalk: string;
  crosswalkTitle: string;
  /** Where the crosswalk was read from, for the reader who wants to check it. */
  crosswalkFile: string;
  from: { id: string; version: string };
  note: string;
  caveats: string[];
  targets: DerivedTarget[];
  /**
   * The answers behind the derived results: the distinct applicable source elements the crosswalk
   * reads, how many of them are assessed, and the source profile's own coverage. The derived
   * assessment's `coverage` counts decided targets, which a single met source can decide.
   */
  sourceCoverage: { assessed: number; applicable: number; coverage: number; profileCoverage: number };
}

/** An assessment against the target framework, derived from one against the source framework. */
export interface DerivedAssessment extends Assessment {
  derived: Derivation;
}
