import type { Derivation } from '../crosswalk/types.js';
import type { ExportRow } from './export-rows.js';

/** Changed whenever the shape of the export changes (a field added, removed or changing meaning), with schemas/export.schema.json. */
// 2: good_practice, shortfall, amendment, partial_note; provision_lower, provision_upper, provision_attainment
// 3: derived_via, derived_from, derived_source_coverage on every row; top-level `derived` (each crosswalk and its caveats) when rows are derived
export const EXPORT_FORMAT_VERSION = 3;

/** A crosswalk behind derived rows, with what a reader of them must keep in mind. */
export interface ExportDerivation {
  crosswalk: string;
  crosswalk_title: string;
  from: { id: string; version: string };
  caveats: string[];
  countries: string[];
}

/**
 * The JSON export: the same rows as the CSV, with each row's citations as a list. Valid against
 * schemas/export.schema.json. When some rows are derived, `derived` lists the crosswalks behind
 * them with their caveats: the CSV has no place for those, the JSON must carry them.
 */
export function exportJson(rows: readonly ExportRow[], generator: string, derivations: readonly { derivation: Derivation; countries: string[] }[] = []): string {
  const derived: ExportDerivation[] = derivations.map(({ derivation: d, countries }) => ({
    crosswalk: d.crosswalk,
    crosswalk_title: d.crosswalkTitle,
    from: d.from,
    caveats: d.caveats,
    countries,
  }));
  const data = { format: 'lexgap-export', version: EXPORT_FORMAT_VERSION, generator, ...(derived.length ? { derived } : {}), rows };
  return JSON.stringify(data, null, 2) + '\n';
}
