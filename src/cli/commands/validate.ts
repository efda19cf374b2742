import { countErrors, sortFindings } from '../../findings/finding.js';
import { formatFinding, summarise } from '../../findings/format-findings.js';
import { EXIT } from '../errors.js';
import { collectProfileFiles } from '../collect-files.js';
import { checkProfileFiles, loadCatalogue } from '../load-inputs.js';

export interface ValidateOptions {
  format: 'text' | 'json';
  frameworks: string[];
}

/** `lexgap validate`: every finding in every file, at once. Exit 1 when any is an error. */
export async function validate(paths: string[], options: ValidateOptions): Promise<number> {
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  const { checks, sources } = await checkProfileFiles(files, catalogue);
  const findings = sortFindings([...frameworkFindings, ...checks.flatMap((c) => c.findings)]);
  if (options.format === 'json') {
    const files = checks.map((c) => ({ file: c.file, valid: countErrors(c.findings) === 0, errors: countErrors(c.findings), warnings: c.findings.length - countErrors(c.findings) }));
    process.stdout.write(JSON.stringify({ files, findings, errors: countErrors(findings), warnings: findings.length - countErrors(findings) }, null, 2) + '\n');
  } else {
    for (const finding of findings) process.stdout.write(formatFinding(finding, sources.get(finding.file)) + '\n\n');
    process.stdout.write(summarise(findings, files.length) + '\n');
  }
  return countErrors(findings) > 0 ? EXIT.findings : EXIT.ok;
}
