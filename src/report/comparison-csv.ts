import { toCsv } from '../format/csv.js';
import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { orderAssessments, type ComparisonOrder } from './view/comparison-order.js';

export const COMPARISON_CSV_COLUMNS = [
  'country', 'country_name', 'framework', 'framework_version', 'assessed', 'status', 'tier', 'provision', 'title', 'weight',
  'score', 'applicable', 'assessed_elements', 'applicable_elements', 'meets_threshold', 'gap_rank',
  // The range over what is unknown, and attainment in three values (attained, not-attained, undecided, not-applicable).
  'lower', 'upper', 'attainment',
] as const;

/** Tidy CSV for the comparison: one row per country × provision; scores as fractions 0..1, blank when unscored. */
export function comparisonCsv(framework: Framework, assessments: readonly Assessment[], order: ComparisonOrder = 'name'): string {
  const titles = new Map(framework.tiers.flatMap((t) => t.provisions).map((p) => [p.id, textIn(p.title)]));
  const rows = orderAssessments(assessments, order)
    .flatMap((a) =>
      a.tiers.flatMap((t) =>
        t.provisions.map((p) => {
          const rank = a.gaps.findIndex((g) => g.id === p.id);
          return [
            a.country, a.name, a.frameworkId, a.frameworkVersion, a.assessed, a.status, t.id, p.id, titles.get(p.id) ?? '', p.weight,
            round(p.score), p.applicable, p.assessedElements, p.applicableElements, p.meetsThreshold,
            rank < 0 ? null : rank + 1,
            round(p.bounds?.lower ?? null), round(p.bounds?.upper ?? null), p.status,
          ];
        }),
      ),
    );
  return toCsv([[...COMPARISON_CSV_COLUMNS], ...rows]);
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}
