import { toCsv } from '../format/csv.js';
import type { ExportCitation, ExportRow } from './export-rows.js';

/** The published CSV columns, in order (documented in the README; never renamed). */
export const EXPORT_CSV_COLUMNS = [
  'country', 'country_name', 'framework', 'framework_version', 'assessed', 'status',
  'tier', 'provision', 'provision_title', 'weight', 'element', 'element_text',
  'answer', 'score', 'applicable', 'provision_answer', 'provision_score', 'provision_scored_from',
  'citation_count', 'law', 'law_title', 'section', 'quote', 'url', 'confidence', 'checked', 'source',
  'notes', 'good_practice', 'shortfall', 'amendment', 'partial_note',
  'provision_lower', 'provision_upper', 'provision_attainment',
  'derived_via', 'derived_from', 'derived_source_coverage',
] as const;

/** Several citations in one cell: the n-th value of every citation column belongs to the n-th citation. */
export const CITATION_SEPARATOR = ' | ';

const CITATION_COLUMNS = ['law', 'law_title', 'section', 'quote', 'url', 'confidence', 'checked', 'source'] as const satisfies readonly (keyof ExportCitation)[];

/** UTF-8 CSV with BOM, RFC 4180 line endings, one row per country × provision × element. */
export function exportCsv(rows: readonly ExportRow[]): string {
  const body = rows.map((row) => {
    const joined = Object.fromEntries(CITATION_COLUMNS.map((c) => [c, row.citations.length ? row.citations.map((x) => x[c] ?? '').join(CITATION_SEPARATOR) : '']));
    const cells: Record<(typeof EXPORT_CSV_COLUMNS)[number], string | number | boolean | null> = {
      ...row,
      ...(joined as Record<(typeof CITATION_COLUMNS)[number], string>),
      citation_count: row.citations.length,
    };
    return EXPORT_CSV_COLUMNS.map((column) => cells[column]);
  });
  return toCsv([[...EXPORT_CSV_COLUMNS], ...body]);
}
