import { dirname } from 'node:path';
import { checkOutFolder } from '../../ground/out-folder.js';
import { exportCsv } from '../../export/export-csv.js';
import { exportJson } from '../../export/export-json.js';
import { exportRows, type ExportRow } from '../../export/export-rows.js';
import { LEXGAP_VERSION } from '../../version.js';
import { EXIT } from '../../ground/errors.js';
import { loadScoredProfiles } from '../load-scored-profiles.js';
import { writeFileAtomic } from '../../ground/write-file-atomic.js';

export interface ExportOptions {
  format: 'csv' | 'json';
  out?: string;
  frameworks: string[];
}

/**
 * `lexgap export`: tidy data for research tools, one row per country × provision × element.
 * Like `score`, profiles with errors are reported on stderr and left out (exit 1).
 */
export async function exportData(paths: string[], options: ExportOptions): Promise<number> {
  if (options.out !== undefined) await checkOutFolder(options.out, dirname(options.out), { create: false });
  const { scored, failed } = await loadScoredProfiles(paths, options.frameworks, 'exported');
  const rows: ExportRow[] = scored.flatMap((s) => exportRows(s.framework, s.profile, s.assessment));
  const exported = scored.length;

  const text = options.format === 'json' ? exportJson(rows, `lexgap ${LEXGAP_VERSION}`) : exportCsv(rows);
  if (options.out === undefined) {
    process.stdout.write(text);
  } else {
    await writeFileAtomic(options.out, text);
    process.stdout.write(`Wrote ${options.out}: ${rows.length} rows, one per element of ${exported} profile${exported === 1 ? '' : 's'}\n`);
  }
  return failed ? EXIT.findings : EXIT.ok;
}
