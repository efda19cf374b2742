import type { ExportRow } from './export-rows.js';

/** Changed whenever the shape of the export changes (a field added, removed or changing meaning), with schemas/export.schema.json. */
export const EXPORT_FORMAT_VERSION = 2; // 2: good_practice, shortfall, amendment, partial_note; provision_lower, provision_upper, provision_attainment

/** The JSON export: the same rows as the CSV, with each row's citations as a list. Valid against schemas/export.schema.json. */
export function exportJson(rows: readonly ExportRow[], generator: string): string {
  return JSON.stringify({ format: 'lexgap-export', version: EXPORT_FORMAT_VERSION, generator, rows }, null, 2) + '\n';
}
