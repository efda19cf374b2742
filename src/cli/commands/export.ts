import { dirname } from 'node:path';
import { checkOutFolder } from '../../ground/out-folder.js';
import { exportCsv } from '../../export/export-csv.js';
import { exportJson } from '../../export/export-json.js';
import { exportRows, type ExportRow } from '../../export/export-rows.js';
import { LEXGAP_VERSION } from '../../version.js';
import { EXIT } from '../../ground/errors.js';
import { loadScoredProfiles } from '../load-scored-profiles.js';
import { pickFramework } from '../pick-framework.js';
import { derivations } from '../../format/derived-text.js';
import { deriveForTarget } from './score.js';
import { writeFileAtomic } from '../../ground/write-file-atomic.js';

export interface ExportOptions {
  format: 'csv' | 'json';
  out?: string;
  frameworks: string[];
  /** Export against this framework: profiles that answer another are derived through a crosswalk, as `score --framework` derives them. */
  framework?: string;
}

/**
 * `lexgap export`: tidy data for research tools, one row per country × provision × element.
 * Like `score`, profiles with errors are reported on stderr and left out (exit 1). With
 * --framework, rows of profiles that answer another framework are derived (not assessed) and say
 * through which crosswalk.
 */
export async function exportData(paths: string[], options: ExportOptions): Promise<number> {
  if (options.out !== undefined) await checkOutFolder(options.out, dirname(options.out), { create: false });
  const loaded = await loadScoredProfiles(paths, options.frameworks, 'exported');
  let { scored, failed } = loaded;
  if (options.framework !== undefined) {
    const derived = await deriveForTarget(scored, pickFramework(loaded.catalogue, options.framework), loaded.catalogue, options.frameworks);
    scored = derived.results;
    failed = failed || derived.failed;
  }
  const rows: ExportRow[] = scored.flatMap((s) => exportRows(s.framework, s.profile, s.assessment));
  const exported = scored.length;

  const generator = `lexgap ${LEXGAP_VERSION}`;
  const text = options.format === 'json' ? exportJson(rows, generator, derivations(scored.map((s) => s.assessment))) : exportCsv(rows);
  if (options.out === undefined) {
    process.stdout.write(text);
  } else {
    await writeFileAtomic(options.out, text);
    process.stdout.write(`Wrote ${options.out}: ${rows.length} rows, one per element of ${exported} profile${exported === 1 ? '' : 's'}\n`);
  }
  return failed ? EXIT.findings : EXIT.ok;
}
