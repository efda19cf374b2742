import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportCsv } from '../../export/export-csv.js';
import { exportJson } from '../../export/export-json.js';
import { exportRows, type ExportRow } from '../../export/export-rows.js';
import { countErrors } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { score } from '../../scoring/score.js';
import { LEXGAP_VERSION } from '../../version.js';
import { collectProfileFiles } from '../collect-files.js';
import { EXIT, UsageError } from '../errors.js';
import { checkProfileFiles, loadCatalogue } from '../load-inputs.js';
import { writeFileAtomic } from '../write-file-atomic.js';

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
  if (options.out !== undefined && !(await stat(dirname(resolve(options.out))).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`${options.out}: the folder ${dirname(options.out)} does not exist`, 'create it first, or choose another --out');
  }
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  const { checks, sources } = await checkProfileFiles(files, catalogue);

  const rows: ExportRow[] = [];
  let exported = 0;
  let warnings = 0;
  for (const check of checks) {
    const errors = check.findings.filter((f) => f.severity === 'error');
    warnings += check.findings.length - errors.length;
    if (check.profile && check.framework) {
      rows.push(...exportRows(check.framework, check.profile, score(check.framework, check.profile)));
      exported++;
      continue;
    }
    process.stderr.write(`${check.file}: not exported — ${errors.length} error${errors.length === 1 ? '' : 's'}:\n`);
    for (const f of errors) process.stderr.write(formatFinding(f, sources.get(f.file)) + '\n');
    process.stderr.write('\n');
  }
  if (warnings > 0) process.stderr.write(`${warnings} warning${warnings === 1 ? '' : 's'} — \`lexgap validate ${paths.join(' ')}\` shows them\n`);
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');

  const text = options.format === 'json' ? exportJson(rows, `lexgap ${LEXGAP_VERSION}`) : exportCsv(rows);
  if (options.out === undefined) {
    process.stdout.write(text);
  } else {
    await writeFileAtomic(options.out, text);
    process.stdout.write(`Wrote ${options.out}: ${rows.length} rows, one per element of ${exported} profile${exported === 1 ? '' : 's'}\n`);
  }
  const failed = checks.some((c) => countErrors(c.findings) > 0) || countErrors(frameworkFindings) > 0;
  return failed ? EXIT.findings : EXIT.ok;
}
