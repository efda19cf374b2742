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
  /** Assessed elements / applicable elements, 0..1. */
  coverage: number;
  /** The highest tier attained with every tier before it attained too; null when none is. */
  standing: string | null;
  tiers: TierResult[];
  /** Provisions assessed below the top score, most urgent first. */
  gaps: ProvisionResult[];
  /** Applicable provisions with no scored answer yet, in framework order. */
  unassessed: ProvisionResult[];
}

export interface TierResult {
  id: string;
  score: number | null;
  coverage: number;
  attained: boolean;
  provisions: ProvisionResult[];
}

export interface ProvisionResult {
  id: string;
  tierId: string;
  weight: number;
  /** Mean of the scored elements, or the provision-level answer's score when no element is scored. */
  score: number | null;
  scoredFrom: 'elements' | 'provision' | 'none';
  /** false when the provision or all of its elements are answered not-applicable. */
  applicable: boolean;
  answer?: string;
  elements: ElementResult[];
  assessedElements: number;
  applicableElements: number;
  meetsThreshold: boolean;
}

export interface ElementResult {
  id: string;
  /** The answer given, or undefined when the profile leaves the element out. */
  answer?: string;
  score: number | null;
  applicable: boolean;
}

/** A valid profile with the framework it answers and its assessment: what every output starts from. */
export interface ScoredProfile {
  file: string;
  framework: import('../framework/types.js').Framework;
  profile: import('../profile/types.js').Profile;
  assessment: Assessment;
}
