import { entryOf, topScore } from '../framework/scale.js';
import type { Framework, Provision, ScaleEntry, Tier } from '../framework/types.js';
import type { Profile } from '../profile/types.js';
import { EPSILON, provisionBounds, reaches, tierStatus, weightedBounds } from './bounds.js';
import { orderGaps } from './order-gaps.js';
import type { Assessment, Bounds, ElementResult, ProvisionResult, Shortfall, TierResult } from './types.js';

/**
 * Scores a valid profile against its framework: element → provision → tier → overall, with the
 * bounds over what is unknown. The rules are the ones every report prints in its methodology section.
 */
export function score(framework: Framework, profile: Profile): Assessment {
  const rules = { threshold: framework.attainment.threshold, top: topScore(framework), scale: scaleBounds(framework), entries: scaleEntries(framework.scale) };
  const tiers = framework.tiers.map((tier) => scoreTier(framework, tier, profile, rules));
  const all = tiers.flatMap((t) => t.provisions);
  let standing: string | null = null;
  for (const tier of tiers) {
    if (tier.status !== 'attained') break;
    standing = tier.id;
  }
  let standingUpper: string | null = null;
  for (const tier of tiers) {
    if (tier.status === 'not-attained') break;
    standingUpper = tier.id;
  }
  return {
    country: profile.country,
    name: profile.name,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    assessed: profile.assessed,
    status: profile.status,
    score: weightedMean(all),
    bounds: weightedBounds(all),
    coverage: coverage(all),
    standing,
    standingUpper,
    tiers,
    gaps: orderGaps(all.filter((p) => p.applicable && p.score !== null && p.score < rules.top - EPSILON), tiers.map((t) => t.id)),
    unassessed: all.filter((p) => p.applicable && p.score === null),
  };
}

interface Rules {
  threshold: number;
  top: number;
  /** The scale's lowest and highest scores: what an unknown could turn out to be. */
  scale: Bounds;
  /** The scale's entries by answer (entryOf's answer, looked up in a Map: an element answer is read for every element of every profile). */
  entries: Map<string, ScaleEntry>;
}

const entriesOfScale = new WeakMap<Record<string, ScaleEntry>, Map<string, ScaleEntry>>();

function scaleEntries(scale: Record<string, ScaleEntry>): Map<string, ScaleEntry> {
  let entries = entriesOfScale.get(scale);
  if (!entries) {
    entries = new Map();
    for (const answer of Object.getOwnPropertyNames(scale)) entries.set(answer, entryOf(scale, answer)!);
    entriesOfScale.set(scale, entries);
  }
  return entries;
}

function scaleBounds(framework: Framework): Bounds {
  const scores = Object.values(framework.scale).flatMap((s) => (s.score === null ? [] : [s.score]));
  return { lower: Math.min(...scores), upper: Math.max(...scores) };
}

function scoreTier(framework: Framework, tier: Tier, profile: Profile, rules: Rules): TierResult {
  const provisions = tier.provisions.map((p) => scoreProvision(framework, tier.id, p, profile, rules));
  const status = tierStatus(provisions);
  return {
    id: tier.id,
    score: weightedMean(provisions),
    bounds: weightedBounds(provisions),
    coverage: coverage(provisions),
    status,
    attained: status === 'attained',
    provisions,
  };
}

function scoreProvision(framework: Framework, tierId: string, provision: Provision, profile: Profile, rules: Rules): ProvisionResult {
  const given = Object.hasOwn(profile.provisions, provision.id) ? profile.provisions[provision.id] : undefined;
  const all: ElementResult[] = provision.elements.map((element) => {
    const answer = given?.elements && Object.hasOwn(given.elements, element.id) ? given.elements[element.id] : undefined;
    const entry = answer === undefined ? undefined : rules.entries.get(answer);
    return { id: element.id, answer, score: entry?.score ?? null, applicable: entry?.applicable !== false, goodPractice: element.goodPractice === true };
  });
  const elements = all.filter((e) => !e.goodPractice);
  const applicableElements = elements.filter((e) => e.applicable);
  const scored: number[] = [];
  for (const e of applicableElements) if (e.score !== null) scored.push(e.score);
  const unknown = applicableElements.length - scored.length;
  const own = given?.answer === undefined ? undefined : rules.entries.get(given.answer);

  let result: Pick<ProvisionResult, 'score' | 'bounds' | 'scoredFrom' | 'applicable' | 'assessedElements' | 'shortfalls'>;
  if (scored.length > 0) {
    const shortfalls: Shortfall[] = [];
    for (const e of applicableElements) if (e.score !== null && e.score < rules.top - EPSILON) shortfalls.push({ id: e.id, answer: e.answer!, score: e.score, fromProvision: false });
    result = { score: mean(scored), bounds: provisionBounds(scored, unknown, rules.scale), scoredFrom: 'elements', applicable: true, assessedElements: scored.length, shortfalls };
  } else if (own && own.score !== null && own.applicable !== false && applicableElements.length > 0) {
    // A provision-level answer speaks for all its core elements.
    const ownScore = own.score;
    const shortfalls = ownScore < rules.top - EPSILON ? applicableElements.map((e) => ({ id: e.id, answer: given!.answer!, score: ownScore, fromProvision: true })) : [];
    result = { score: ownScore, bounds: { lower: ownScore, upper: ownScore }, scoredFrom: 'provision', applicable: true, assessedElements: applicableElements.length, shortfalls };
  } else {
    const notApplicable = own?.applicable === false || applicableElements.length === 0;
    result = { score: null, bounds: notApplicable ? null : { ...rules.scale }, scoredFrom: 'none', applicable: !notApplicable, assessedElements: 0, shortfalls: [] };
  }
  return {
    id: provision.id,
    tierId,
    weight: provision.weight,
    ...result,
    answer: given?.answer,
    elements,
    goodPractice: all.filter((e) => e.goodPractice),
    applicableElements: result.applicable ? applicableElements.length : 0,
    meetsThreshold: result.score !== null && result.score >= rules.threshold - EPSILON,
    status: result.bounds === null ? 'not-applicable' : reaches(result.bounds, rules.threshold),
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
