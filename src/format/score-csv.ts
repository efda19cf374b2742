import type { Assessment } from '../scoring/types.js';
import { toCsv } from './csv.js';

export const SCORE_CSV_COLUMNS = ['country', 'name', 'framework', 'framework_version', 'assessed', 'status', 'scope', 'score', 'coverage', 'attained', 'standing', 'gaps'] as const;

/** Tidy CSV: one row per country × scope (overall, then each tier); scores as fractions 0..1. */
export function scoreCsv(assessments: readonly Assessment[]): string {
  const rows = assessments.flatMap((a) => {
    const common = [a.country, a.name, a.frameworkId, a.frameworkVersion, a.assessed, a.status];
    return [
      [...common, 'overall', round(a.score), round(a.coverage), a.standing !== null, a.standing ?? '', a.gaps.length],
      ...a.tiers.map((t) => [...common, t.id, round(t.score), round(t.coverage), t.attained, a.standing ?? '', a.gaps.filter((g) => g.tierId === t.id).length]),
    ];
  });
  return toCsv([[...SCORE_CSV_COLUMNS], ...rows]);
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}
