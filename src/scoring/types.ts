/** The result of scoring one profile against its framework. Plain data: reports and exports read it. */
export interface Assessment {
  country: string;
  name: string;
  frameworkId: string;
  frameworkVersion: string;
  assessed: string;
  status: string;
  /** Weighted mean over every scored provision, 0..1; null when nothing is assessed. */
  score: number | null;
  /** The lowest and highest the overall score could be once every unknown is answered. */
  bounds: Bounds | null;
  /** Assessed elements / applicable elements, 0..1 (good-practice elements left out). */
  coverage: number;
  /** The highest tier surely attained, with every tier before it attained too; null when none is. */
  standing: string | null;
  /** The highest tier that could still be attained, given what is already assessed; null when none can. */
  standingUpper: string | null;
  tiers: TierResult[];
  /** Provisions assessed below the top score, most urgent first; each names its short elements. */
  gaps: ProvisionResult[];
  /** Applicable provisions with no scored answer yet, in framework order. */
  unassessed: ProvisionResult[];
}

/**
 * Lowest and highest possible score: every unknown answered with the scale's lowest, then its
 * highest score. Equal when nothing is unknown.
 */
export interface Bounds {
  lower: number;
  upper: number;
}

/** Three-valued: decided by what is assessed whatever the unknowns turn out to be, or not yet. */
export type Attainment = 'attained' | 'not-attained' | 'undecided';

export interface TierResult {
  id: string;
  score: number | null;
  /** null when no provision of the tier is applicable. */
  bounds: Bounds | null;
  coverage: number;
  /** attained: every applicable provision surely reaches the threshold; not-attained: one surely cannot. */
  status: Attainment;
  /** status === 'attained'. */
  attained: boolean;
  provisions: ProvisionResult[];
}

export interface ProvisionResult {
  id: string;
  tierId: string;
  weight: number;
  /** Mean of the scored core elements, or the provision-level answer's score when no element is scored. */
  score: number | null;
  /** null when the provision is not applicable. */
  bounds: Bounds | null;
  scoredFrom: 'elements' | 'provision' | 'none';
  /** false when the provision or all of its core elements are answered not-applicable. */
  applicable: boolean;
  answer?: string;
  /** Core elements (good practice is in `goodPractice`). */
  elements: ElementResult[];
  /** Core elements that fall short (answered below the top score), in framework order. */
  shortfalls: Shortfall[];
  /** Good-practice elements: never scored, never a gap; reports list them apart. */
  goodPractice: ElementResult[];
  assessedElements: number;
  applicableElements: number;
  /** The assessed score reaches the threshold. */
  meetsThreshold: boolean;
  /** Whether the threshold is reached whatever the unknown elements turn out to be. */
  status: Attainment | 'not-applicable';
}

export interface ElementResult {
  id: string;
  /** The answer given, or undefined when the profile leaves the element out. */
  answer?: string;
  score: number | null;
  applicable: boolean;
  goodPractice: boolean;
}

/** A core element below the top score: its own answer, or the provision-level answer that speaks for it. */
export interface Shortfall {
  id: string;
  answer: string;
  score: number;
  /** true when the element was not answered itself and the provision-level answer speaks for it. */
  fromProvision: boolean;
}

/** A valid profile with the framework it answers and its assessment: what every output starts from. */
export interface ScoredProfile {
  file: string;
  framework: import('../framework/types.js').Framework;
  profile: import('../profile/types.js').Profile;
  assessment: Assessment;
}
