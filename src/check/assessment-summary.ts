import type { Assessment, ProvisionResult } from '../scoring/types.js';

/**
 * An assessment without its per-provision detail: what `score --format csv`, the text comparison of
 * several countries and --fail-under read (overall and tier figures, bounds, standing, and each gap's
 * id and tier). A full assessment is ~50 KB in memory and ~57 KB as JSON, a summary ~2 KB: 10,000
 * countries fit in a few tens of MB, and the result cache reads them quickly.
 *
 * Its gaps keep only `id` and `tierId`, so it is not a whole Assessment: it must only reach the
 * outputs above. `test/check-summary.test.ts` prints both through them and requires the same bytes.
 */
export function summariseAssessment(a: Assessment): Assessment {
  return {
    ...a,
    tiers: a.tiers.map((t) => ({ ...t, provisions: [] })),
    gaps: a.gaps.map((g) => ({ id: g.id, tierId: g.tierId }) as ProvisionResult),
    unassessed: [],
  };
}

/**
 * One object per gap (id, tier) for all the summaries of a run: the same few dozen provisions are gaps
 * in thousands of profiles (10,000 summaries: 31 → 16 MB). Gaps of a summary are only read.
 */
export class SharedGaps {
  private readonly gaps = new Map<string, ProvisionResult>();

  share(a: Assessment): void {
    a.gaps = a.gaps.map((g) => {
      const key = `${g.id}\u0000${g.tierId}`;
      const known = this.gaps.get(key);
      if (known) return known;
      this.gaps.set(key, g);
      return g;
    });
  }
}
