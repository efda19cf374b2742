import { entryOf, topScore } from '../framework/scale.js';
import type { Framework, Provision, Tier } from '../framework/types.js';
import type { Profile } from '../profile/types.js';
import { orderGaps } from './order-gaps.js';
import type { Assessment, ElementResult, ProvisionResult, TierResult } from './types.js';

/** Scores below the threshold by less than this are rounding noise, not a shortfall. */
const EPSILON = 1e-9;

/**
 * Scores a valid profile against its framework: element → provision → tier → overall.
 * The rules are the ones every report prints in its methodology section.
 */
export function score(framework: Framework, profile: Profile): Assessment {
  const threshold = framework.attainment.threshold;
  const tiers = framework.tiers.map((tier) => scoreTier(framework, tier, profile, threshold));
  const all = tiers.flatMap((t) => t.provisions);
  let standing: string | null = null;
  for (const tier of tiers) {
    if (!tier.attained) break;
    standing = tier.id;
  }
  const top = topScore(framework);
  return {
    country: profile.country,
    name: profile.name,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    assessed: profile.assessed,
    status: profile.status,
    score: weightedMean(all),
    coverage: coverage(all),
    standing,
    tiers,
    gaps: orderGaps(all.filter((p) => p.applicable && p.score !== null && p.score < top - EPSILON), tiers.map((t) => t.id)),
    unassessed: all.filter((p) => p.applicable && p.score === null),
  };
}

function scoreTier(framework: Framework, tier: Tier, profile: Profile, threshold: number): TierResult {
  const provisions = tier.provisions.map((p) => scoreProvision(framework, tier.id, p, profile, threshold));
  const applicable = provisions.filter((p) => p.applicable);
  return {
    id: tier.id,
    score: weightedMean(provisions),
    coverage: coverage(provisions),
    attained: applicable.every((p) => p.meetsThreshold),
    provisions,
  };
}

function scoreProvision(framework: Framework, tierId: string, provision: Provision, profile: Profile, threshold: number): ProvisionResult {
  const given = Object.hasOwn(profile.provisions, provision.id) ? profile.provisions[provision.id] : undefined;
  const elements: ElementResult[] = provision.elements.map((element) => {
    const answer = given?.elements && Object.hasOwn(given.elements, element.id) ? given.elements[element.id] : undefined;
    const entry = answer === undefined ? undefined : entryOf(framework.scale, answer);
    return { id: element.id, answer, score: entry?.score ?? null, applicable: entry?.applicable !== false };
  });
  const applicableElements = elements.filter((e) => e.applicable);
  const scored = applicableElements.flatMap((e) => (e.score === null ? [] : [e.score]));
  const own = given?.answer === undefined ? undefined : entryOf(framework.scale, given.answer);

  let result: Pick<ProvisionResult, 'score' | 'scoredFrom' | 'applicable' | 'assessedElements'>;
  if (scored.length > 0) {
    result = { score: mean(scored), scoredFrom: 'elements', applicable: true, assessedElements: scored.length };
  } else if (own && own.score !== null && own.applicable !== false) {
    // A provision-level answer speaks for all its elements.
    result = { score: own.score, scoredFrom: 'provision', applicable: true, assessedElements: applicableElements.length };
  } else {
    const notApplicable = own?.applicable === false || applicableElements.length === 0;
    result = { score: null, scoredFrom: 'none', applicable: !notApplicable, assessedElements: 0 };
  }
  return {
    id: provision.id,
    tierId,
    weight: provision.weight,
    ...result,
    answer: given?.answer,
    elements,
    applicableElements: result.applicable ? applicableElements.length : 0,
    meetsThreshold: result.score !== null && result.score >= threshold - EPSILON,
  };
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Weight-averaged score of the scored, applicable provisions; null when none is scored. */
function weightedMean(provisions: readonly ProvisionResult[]): number | null {
  let total = 0;
  let weights = 0;
  for (const p of provisions) {
    if (!p.applicable || p.score === null) continue;
    total += p.weight * p.score;
    weights += p.weight;
  }
  return weights === 0 ? null : total / weights;
}

/** Assessed elements / applicable elements; a framework section with nothing applicable is fully covered. */
function coverage(provisions: readonly ProvisionResult[]): number {
  const applicable = provisions.reduce((n, p) => n + p.applicableElements, 0);
  const assessed = provisions.reduce((n, p) => n + p.assessedElements, 0);
  return applicable === 0 ? 1 : assessed / applicable;
}
