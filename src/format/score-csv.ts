import { isDerived } from './derived-text.js';
import type { Assessment, Bounds } from '../scoring/types.js';
import { BOM, csvCell, csvLines } from './csv.js';

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
  const header = [...SCORE_CSV_COLUMNS, ...(options.derivedColumns ? DERIVED_CSV_COLUMNS : [])];
  let out = BOM + csvLines([header]);
  for (const a of assessments) out += linesOf(a, options.derivedColumns === true);
  return out;
}

/**
 * One assessment's rows of `scoreCsv` (without derived columns), as text: made once when a profile is
 * checked and kept in the result cache, so that a warm `score --format csv` of 10,000 profiles prints
 * without decoding their assessments. `scoreCsvOfLines` joins them: the same bytes as scoreCsv.
 */
export function scoreCsvLines(a: Assessment): string {
  return linesOf(a, false);
}

export function scoreCsvOfLines(lines: readonly string[]): string {
  return BOM + csvLines([SCORE_CSV_COLUMNS]) + lines.join('');
}

/**
 * An assessment's rows in the dialect of format/csv.ts, written cell by cell: the overall row, then
 * one per tier, each starting with the same six cells and ending with the same derived ones.
 */
function linesOf(a: Assessment, derivedColumns: boolean): string {
  const common = `${csvCell(a.country)},${csvCell(a.name)},${csvCell(a.frameworkId)},${csvCell(a.frameworkVersion)},${csvCell(a.assessed)},${csvCell(a.status)},`;
  const derived = derivedColumns ? `,${derivedCells(a).map(csvCell).join(',')}` : '';
  const standing = csvCell(a.standing ?? '');
  const standingUpper = csvCell(a.standingUpper ?? '');
  const row = (scope: string, score: number | null, coverage: number, attained: boolean, gaps: number, bounds: Bounds | null, attainment: string) =>
    `${common}${scope},${fraction(score)},${fraction(coverage)},${attained},${standing},${gaps},${fraction(bounds?.lower ?? null)},${fraction(bounds?.upper ?? null)},${attainment},${standingUpper}${derived}\r\n`;
  let out = row('overall', a.score, a.coverage, a.standing !== null, a.gaps.length, a.bounds, '');
  for (const t of a.tiers) {
    let gaps = 0;
    for (const g of a.gaps) if (g.tierId === t.id) gaps++;
    out += row(csvCell(t.id), t.score, t.coverage, t.attained, gaps, t.bounds, csvCell(t.status));
  }
  return out;
}

/** The derived columns of one assessment's rows; caveats one per line within the cell. */
export function derivedCells(a: Assessment): string[] {
  if (!isDerived(a)) return ['', '', '', ''];
  // The share of the source elements the crosswalk reads that are assessed (four decimals).
  const source = String(Math.round(a.derived.sourceCoverage.coverage * 10000) / 10000);
  return [a.derived.crosswalk, `${a.derived.from.id} ${a.derived.from.version}`, a.derived.caveats.map((c) => c.replace(/\s+/g, ' ').trim()).join('\n'), source];
}

/**
 * A score, coverage or bound as its cell: the fraction rounded to four decimals (empty when null).
 * Fractions 0..1 have 10,001 roundings, each written once and then reused: the same text as String()
 * of the rounded number, without converting a number to text five times a row.
 */
function fraction(value: number | null): string {
  if (value === null) return '';
  const tenThousandths = Math.round(value * 10000);
  if (!(tenThousandths >= 0 && tenThousandths <= 10000)) return String(tenThousandths / 10000);
  return (fractionText[tenThousandths] ??= String(tenThousandths / 10000));
}

const fractionText = new Array<string | undefined>(10001);
