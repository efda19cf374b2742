import { agreement } from '../../agree/agreement.js';
import { agreementText } from '../../agree/agreement-text.js';
import { countErrors } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { plural } from '../../ground/plural.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { checkProfileFiles, loadCatalogue } from '../load-inputs.js';

export interface AgreeOptions {
  format: 'text' | 'json';
  frameworks: string[];
}

/** `lexgap agree a.yaml b.yaml`: how far two independent codings of one country agree. */
export async function agree(first: string, second: string, options: AgreeOptions): Promise<number> {
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  const { checks, sources } = await checkProfileFiles([first, second], catalogue);
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');
  const [a, b] = checks as [(typeof checks)[0], (typeof checks)[0]];
  if (a.framework && b.framework && a.framework.id !== b.framework.id) {
    throw new UsageError(
      `${first} answers the framework "${a.framework.id}" but ${second} answers "${b.framework.id}": their codings cannot be compared`,
      'give two codings of the same framework',
    );
  }
  for (const check of checks) {
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (errors.length === 0) continue;
    process.stderr.write(`${check.file}: not compared — ${plural(errors.length, 'error')}:\n`);
    for (const f of errors) process.stderr.write(formatFinding(f, sources.get(f.file)) + '\n');
  }
  if (!a.profile || !b.profile || countErrors(frameworkFindings) > 0) return EXIT.findings;
  if (a.profile.country !== b.profile.country) {
    throw new UsageError(
      `${first} assesses ${a.profile.country} but ${second} assesses ${b.profile.country}`,
      'agreement is measured between two codings of the same country',
    );
  }
  const framework = a.framework!;
  const result = agreement(framework, a.profile, b.profile);
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ framework: framework.id, country: a.profile.country, a: first, b: second, ...result }, null, 2) + '\n');
  } else {
    const coding = (file: string, laws = {}) => ({ label: file, laws });
    process.stdout.write(agreementText(framework, result, coding(first, a.profile.laws), coding(second, b.profile.laws)) + '\n');
  }
  return EXIT.ok;
}
