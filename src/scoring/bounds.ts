import type { Attainment, Bounds, ProvisionResult } from './types.js';

/** Scores below the threshold by less than this are rounding noise, not a shortfall. */
export const EPSILON = 1e-9;

/**
 * A provision's bounds: its scored core elements as they are (`sum` of their `scored` scores, added
 * in the framework's order), each unknown applicable core element at the scale's lowest score, then
 * at its highest. A provision answered only at provision level is decided by that answer; one with
 * nothing answered could be anything on the scale.
 */
export function provisionBounds(sum: number, scored: number, unknown: number, scale: Bounds): Bounds {
  const n = scored + unknown;
  return { lower: (sum + unknown * scale.lower) / n, upper: (sum + unknown * scale.upper) / n };
}

/** Weight-averaged bounds of the applicable provisions; null when none is applicable. */
export function weightedBounds(provisions: readonly ProvisionResult[]): Bounds | null {
  let lower = 0;
  let upper = 0;
  let weights = 0;
  for (const p of provisions) {
    if (!p.applicable || p.bounds === null) continue;
    lower += p.weight * p.bounds.lower;
    upper += p.weight * p.bounds.upper;
    weights += p.weight;
  }
  return weights === 0 ? null : { lower: lower / weights, upper: upper / weights };
}

/** Whether bounds reach a threshold: surely (the lower bound does), surely not (the upper does not), or undecided. */
export function reaches(bounds: Bounds, threshold: number): Attainment {
  if (bounds.lower >= threshold - EPSILON) return 'attained';
  if (bounds.upper < threshold - EPSILON) return 'not-attained';
  return 'undecided';
}

/** A tier is attained when every applicable provision surely is, not attained when any surely is not. */
export function tierStatus(provisions: readonly ProvisionResult[]): Attainment {
  let status: Attainment = 'attained';
  for (const p of provisions) {
    if (!p.applicable) continue;
    if (p.status === 'not-attained') return 'not-attained';
    if (p.status !== 'attained') status = 'undecided';
  }
  return status;
}
