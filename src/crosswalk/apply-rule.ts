import type { Outcome, Rule, SourceUnit } from './types.js';

/** Scores this close to a bar are on it: rounding noise is not a shortfall. */
const EPSILON = 1e-9;

export interface RuleInput {
  rule: Rule;
  minimum?: number;
  /** Every source element, applicable or not. */
  units: readonly SourceUnit[];
  /** The source framework's highest score: an element at it is met. */
  top: number;
  /** Source provision → weight, for the `minimum` rule. */
  weights: ReadonlyMap<string, number>;
}

/**
 * A rule's outcome, given only where the unassessed sources could not change it (three-valued:
 * an unknown source is "could be anything").
 * - all-met: met when every source element is met; not-met as soon as one is assessed below met.
 * - any-met: met as soon as one source element is met; not-met when all are assessed and none is.
 * - minimum: the sources' score — the mean of the listed elements per provision, weighted by the
 *   provisions' weights — reaches the minimum even if every unassessed element were not met
 *   (met), or stays below it even if every one were met (not-met).
 * Sources that are all not applicable make the target not applicable.
 */
export function applyRule({ rule, minimum, units, top, weights }: RuleInput): Outcome {
  const applicable = units.filter((u) => u.applicable);
  if (applicable.length === 0) return 'not-applicable';
  const isMet = (u: SourceUnit) => u.score !== null && u.score >= top - EPSILON;
  const unknown = applicable.some((u) => u.score === null);
  switch (rule) {
    case 'all-met':
      if (applicable.some((u) => u.score !== null && !isMet(u))) return 'not-met';
      return unknown ? 'unknown' : 'met';
    case 'any-met':
      if (applicable.some(isMet)) return 'met';
      return unknown ? 'unknown' : 'not-met';
    case 'minimum': {
      const { low, high } = scoreBounds(applicable, top, weights);
      const bar = minimum ?? top;
      if (low >= bar - EPSILON) return 'met';
      if (high < bar - EPSILON) return 'not-met';
      return 'unknown';
    }
  }
}

/** The lowest and highest score the sources could have once their unassessed elements are assessed. */
export function scoreBounds(applicable: readonly SourceUnit[], top: number, weights: ReadonlyMap<string, number>): { low: number; high: number } {
  const byProvision = new Map<string, SourceUnit[]>();
  for (const u of applicable) byProvision.set(u.provision, [...(byProvision.get(u.provision) ?? []), u]);
  let low = 0;
  let high = 0;
  let total = 0;
  for (const [provision, list] of byProvision) {
    const weight = weights.get(provision) ?? 1;
    const known = list.reduce((sum, u) => sum + (u.score ?? 0), 0);
    const open = list.filter((u) => u.score === null).length;
    low += (weight * known) / list.length;
    high += (weight * (known + open * top)) / list.length;
    total += weight;
  }
  return { low: low / total, high: high / total };
}
