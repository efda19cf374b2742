import { scaleReading } from '../framework/scale.js';
import type { Framework, Provision, ScaleEntry, Tier } from '../framework/types.js';
import type { Profile } from '../profile/types.js';
import { EPSILON, provisionBounds, reaches, tierStatus, weightedBounds } from './bounds.js';
import { orderGaps } from './order-gaps.js';
import type { Assessment, Bounds, ElementResult, ProvisionResult, Shortfall, TierResult } from './types.js';
import { asPropertyName } from '../ground/property-name.js';

/** What a caller reads of an assessment. */
export interface ScoreOptions {
  /**
   * false: each provision's `elements`, `goodPractice` and `shortfalls` are left empty; every other
   * figure is the same (an assessment summary reads none of them: see check/assessment-summary.ts).
   * The same code scores both ways; `test/score-detail.test.ts` holds them equal.
   */
  detail?: boolean;
}

/**
 * Scores a valid profile against its framework: element → provision → tier → overall, with the
 * bounds over what is unknown. The rules are the ones every report prints in its methodology section.
 */
export function score(framework: Framework, profile: Profile, options: ScoreOptions = {}): Assessment {
  const scale = scaleReading(framework.scale);
  const rules: Rules = { threshold: framework.attainment.threshold, top: scale.upper, scale: { lower: scale.lower, upper: scale.upper }, entries: scale.entries, detail: options.detail !== false };
  const tiers = planOf(framework.tiers).map((tier) => scoreTier(tier, profile, rules));
  const all: ProvisionResult[] = [];
  for (const tier of tiers) for (const p of tier.provisions) all.push(p);
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
  const gaps: ProvisionResult[] = [];
  const unassessed: ProvisionResult[] = [];
  for (const p of all) {
    if (!p.applicable) continue;
    if (p.score === null) unassessed.push(p);
    else if (p.score < rules.top - EPSILON) gaps.push(p);
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
    gaps: orderGaps(gaps, tiers.map((t) => t.id)),
    unassessed,
  };
}

interface Rules {
  threshold: number;
  top: number;
  /** The scale's lowest and highest scores: what an unknown could turn out to be. */
  scale: Bounds;
  /** The scale's entries by answer (entryOf's answer, looked up in a Map: an element answer is read for every element of every profile). */
  entries: ReadonlyMap<string, ScaleEntry>;
  /** ScoreOptions.detail. */
  detail: boolean;
}

/**
 * A framework's tiers as scoring walks them for every profile, made once per framework: each
 * provision with its elements' ids and whether each is good practice. The ids are the property
 * names V8 keeps (internalised strings): a profile's answers are looked up by them fast.
 */
interface TierPlan {
  id: string;
  provisions: ProvisionPlan[];
}

interface ProvisionPlan {
  provision: Provision;
  id: string;
  elements: { id: string; goodPractice: boolean }[];
}

const plans = new WeakMap<readonly Tier[], TierPlan[]>();

function planOf(tiers: readonly Tier[]): TierPlan[] {
  let plan = plans.get(tiers);
  if (!plan) {
    plan = tiers.map((tier) => ({
      id: tier.id,
      provisions: tier.provisions.map((provision) => ({
        provision,
        id: asPropertyName(provision.id),
        elements: provision.elements.map((element) => ({ id: asPropertyName(element.id), goodPractice: element.goodPractice === true })),
      })),
    }));
    plans.set(tiers, plan);
  }
  return plan;
}

function scoreTier(tier: TierPlan, profile: Profile, rules: Rules): TierResult {
  const provisions = tier.provisions.map((p) => scoreProvision(tier.id, p, profile, rules));
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

/**
 * One pass over the provision's elements: the sum and count of the scored applicable core elements
 * (summed in the framework's order, as a mean of them would be), the count of applicable ones, and,
 * with detail, each element's result and each shortfall.
 */
function scoreProvision(tierId: string, plan: ProvisionPlan, profile: Profile, rules: Rules): ProvisionResult {
  const provision = plan.provision;
  const given = Object.hasOwn(profile.provisions, plan.id) ? profile.provisions[plan.id] : undefined;
  const answers = given?.elements;
  const detail = rules.detail;
  const elements: ElementResult[] = [];
  const goodPractice: ElementResult[] = [];
  let shortfalls: Shortfall[] = [];
  let sum = 0;
  let scored = 0;
  let applicableCount = 0;
  for (const element of plan.elements) {
    const isGoodPractice = element.goodPractice;
    if (isGoodPractice && !detail) continue;
    const answer = answers && Object.hasOwn(answers, element.id) ? answers[element.id] : undefined;
    const entry = answer === undefined ? undefined : rules.entries.get(answer);
    const score = entry?.score ?? null;
    const applicable = entry?.applicable !== false;
    if (detail) (isGoodPractice ? goodPractice : elements).push({ id: element.id, answer, score, applicable, goodPractice: isGoodPractice });
    if (isGoodPractice || !applicable) continue;
    applicableCount++;
    if (score === null) continue;
    sum += score;
    scored++;
    if (detail && score < rules.top - EPSILON) shortfalls.push({ id: element.id, answer: answer!, score, fromProvision: false });
  }
  const unknown = applicableCount - scored;
  const own = given?.answer === undefined ? undefined : rules.entries.get(given.answer);

  let provisionScore: number | null;
  let bounds: Bounds | null;
  let scoredFrom: ProvisionResult['scoredFrom'];
  let applicable: boolean;
  let assessedElements: number;
  if (scored > 0) {
    provisionScore = sum / scored;
    bounds = provisionBounds(sum, scored, unknown, rules.scale);
    scoredFrom = 'elements';
    applicable = true;
    assessedElements = scored;
  } else if (own && own.score !== null && own.applicable !== false && applicableCount > 0) {
    // A provision-level answer speaks for all its core elements.
    const ownScore = own.score;
    if (detail && ownScore < rules.top - EPSILON) shortfalls = elements.filter((e) => e.applicable).map((e) => ({ id: e.id, answer: given!.answer!, score: ownScore, fromProvision: true }));
    provisionScore = ownScore;
    bounds = { lower: ownScore, upper: ownScore };
    scoredFrom = 'provision';
    applicable = true;
    assessedElements = applicableCount;
  } else {
    const notApplicable = own?.applicable === false || applicableCount === 0;
    provisionScore = null;
    bounds = notApplicable ? null : { ...rules.scale };
    scoredFrom = 'none';
    applicable = !notApplicable;
    assessedElements = 0;
  }
  return {
    id: provision.id,
    tierId,
    weight: provision.weight,
    score: provisionScore,
    bounds,
    scoredFrom,
    applicable,
    assessedElements,
    shortfalls,
    answer: given?.answer,
    elements,
    goodPractice,
    applicableElements: applicable ? applicableCount : 0,
    meetsThreshold: provisionScore !== null && provisionScore >= rules.threshold - EPSILON,
    status: bounds === null ? 'not-applicable' : reaches(bounds, rules.threshold),
  };
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
  let applicable = 0;
  let assessed = 0;
  for (const p of provisions) {
    applicable += p.applicableElements;
    assessed += p.assessedElements;
  }
  return applicable === 0 ? 1 : assessed / applicable;
}
