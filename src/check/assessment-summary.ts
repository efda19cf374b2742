import type { Assessment } from '../scoring/types.js';

/**
 * An assessment without its per-element detail: what `score --format csv` and the text comparison
 * of several countries print (overall and tier figures, bounds, standing, each gap's id and tier).
 * A full assessment is ~50 KB in memory, a summary ~3 KB: 10,000 countries fit in a few tens of MB.
 * `test/check-summary.test.ts` prints both through those outputs and requires the same bytes.
 */
export function summariseAssessment(a: Assessment): Assessment {
  return {
    ...a,
    tiers: a.tiers.map((t) => ({ ...t, provisions: [] })),
    gaps: a.gaps.map((g) => ({ ...g, elements: [], shortfalls: [], goodPractice: [] })),
    unassessed: [],
  };
}
