import { countErrors, sortFindings } from '../../findings/finding.js';
import { formatFinding, summarise } from '../../findings/format-findings.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { collectProfileFiles } from '../collect-files.js';
import { checkFiles } from '../../check/check-files.js';
import { loadCatalogue } from '../load-inputs.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  /** As typed after --max-warnings: more warnings than this fail the run (for CI). */
  maxWarnings?: string;
  frameworks: string[];
}

/** `lexgap validate`: every finding in every file, at once. Exit 1 when any is an error, or warnings exceed --max-warnings. */
export async function validate(paths: string[], options: ValidateOptions): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  // Only the findings are kept, and the text of the files that have some (for code frames).
  const checks = await checkFiles(files, catalogue, { need: 'findings', frames: 'findings' });
  const sources = new Map(checks.filter((c) => c.source !== undefined).map((c) => [c.file, c.source!]));
  const findings = sortFindings([...frameworkFindings, ...checks.flatMap((c) => c.findings)]);
  const errors = countErrors(findings);
  const warnings = findings.length - errors;
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (options.format === 'json') {
    const files = checks.map((c) => ({ file: c.file, valid: countErrors(c.findings) === 0, errors: countErrors(c.findings), warnings: c.findings.length - countErrors(c.findings) }));
    const limit = maxWarnings === undefined ? {} : { maxWarnings, tooManyWarnings };
    process.stdout.write(JSON.stringify({ files, findings, errors, warnings, ...limit }, null, 2) + '\n');
  } else {
    for (const finding of findings) process.stdout.write(formatFinding(finding, sources.get(finding.file)) + '\n\n');
    const limit = tooManyWarnings ? ` — more than the ${maxWarnings} allowed by --max-warnings ${maxWarnings}` : '';
    process.stdout.write(summarise(findings, files.length) + limit + '\n');
  }
  return errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings ${value}: not a number of warnings`, 'give a whole number, 0 or more, e.g. --max-warnings 0');
  return n;
}
