import { isDerived } from './derived-text.js';
import type { Assessment } from '../scoring/types.js';
import { BOM, csvLines, toCsv } from './csv.js';

/**
 * Published column names; new ones are added at the end. `lower`/`upper` are the range over what is
 * unknown, `attainment` is three-valued (attained, not-attained, undecided; empty for the overall row)
 * and `standing_upper` the highest tier the country could still reach.
 */
export const SCORE_CSV_COLUMNS = ['country', 'country_name', 'framework', 'framework_version', 'assessed', 'status', 'scope', 'score', 'coverage', 'attained', 'standing', 'gaps', 'lower', 'upper', 'attainment', 'standing_upper'] as const;
/** Added with `--framework`: the crosswalk a row was derived through (empty when assessed directly), its source framework, its caveats and the coverage of the source answers it reads. */
export const DERIVED_CSV_COLUMNS = ['derived_via', 'derived_from', 'derived_caveats', 'derived_source_coverage'] as const;

/** Tidy CSV: one row per country × scope (overall, then each tier); scores as fractions 0..1. */
export function scoreCsv(assessments: readonly Assessment[], options: { derivedColumns?: boolean } = {}): string {
  const rows = assessments.flatMap((a) => rowsOf(a, options.derivedColumns));
  const header = [...SCORE_CSV_COLUMNS, ...(options.derivedColumns ? DERIVED_CSV_COLUMNS : [])];
  return toCsv([header, ...rows]);
}

/**
 * One assessment's rows of `scoreCsv` (without derived columns), as text: made once when a profile is
 * checked and kept in the result cache, so that a warm `score --format csv` of 10,000 profiles prints
 * without decoding their assessments. `scoreCsvOfLines` joins them: the same bytes as scoreCsv.
 */
export function scoreCsvLines(a: Assessment): string {
  return csvLines(rowsOf(a));
}

export function scoreCsvOfLines(lines: readonly string[]): string {
  return BOM + csvLines([SCORE_CSV_COLUMNS]) + lines.join('');
}

function rowsOf(a: Assessment, derivedColumns = false) {
  const common = [a.country, a.name, a.frameworkId, a.frameworkVersion, a.assessed, a.status];
  const derived = derivedColumns ? derivedCells(a) : [];
  return [
    [...common, 'overall', round(a.score), round(a.coverage), a.standing !== null, a.standing ?? '', a.gaps.length, round(a.bounds?.lower ?? null), round(a.bounds?.upper ?? null), '', a.standingUpper ?? '', ...derived],
    ...a.tiers.map((t) => [...common, t.id, round(t.score), round(t.coverage), t.attained, a.standing ?? '', a.gaps.filter((g) => g.tierId === t.id).length, round(t.bounds?.lower ?? null), round(t.bounds?.upper ?? null), t.status, a.standingUpper ?? '', ...derived]),
  ];
}

/** The derived columns of one assessment's rows; caveats one per line within the cell. */
export function derivedCells(a: Assessment): string[] {
  if (!isDerived(a)) return ['', '', '', ''];
  // The share of the source elements the crosswalk reads that are assessed (four decimals).
  const source = String(Math.round(a.derived.sourceCoverage.coverage * 10000) / 10000);
  return [a.derived.crosswalk, `${a.derived.from.id} ${a.derived.from.version}`, a.derived.caveats.map((c) => c.replace(/\s+/g, ' ').trim()).join('\n'), source];
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}
