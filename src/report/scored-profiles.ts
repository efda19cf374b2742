import { checkProfileFiles, loadCatalogue } from '../cli/load-inputs.js';
import { collectProfileFiles } from '../cli/collect-files.js';
import { countErrors } from '../findings/finding.js';
import { formatFinding } from '../findings/format-findings.js';
import type { Framework } from '../framework/types.js';
import type { Profile } from '../profile/types.js';
import { score } from '../scoring/score.js';
import type { Assessment } from '../scoring/types.js';

export interface ScoredProfile {
  file: string;
  framework: Framework;
  profile: Profile;
  assessment: Assessment;
}

/**
 * Loads, checks and scores the profiles as `lexgap score` does: a profile with errors is reported on
 * stderr and skipped (`failed` is then true, for exit code 1); warnings are counted, not listed.
 */
export async function loadScoredProfiles(paths: readonly string[], frameworkDirs: readonly string[]): Promise<{ scored: ScoredProfile[]; failed: boolean }> {
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(frameworkDirs);
  const { checks, sources } = await checkProfileFiles(files, catalogue);
  const scored: ScoredProfile[] = [];
  for (const check of checks) {
    const errors = countErrors(check.findings);
    if (errors > 0) {
      process.stderr.write(`${check.file}: skipped — ${errors} error${errors === 1 ? '' : 's'}:\n`);
      for (const f of check.findings.filter((f) => f.severity === 'error')) process.stderr.write(formatFinding(f, sources.get(f.file)) + '\n');
      process.stderr.write('\n');
      continue;
    }
    if (check.findings.length > 0) {
      const n = check.findings.length;
      process.stderr.write(`${check.file}: ${n} warning${n === 1 ? '' : 's'} — \`lexgap validate ${check.file}\` shows them\n`);
    }
    if (check.profile && check.framework) scored.push({ file: check.file, framework: check.framework, profile: check.profile, assessment: score(check.framework, check.profile) });
  }
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');
  const failed = checks.some((c) => countErrors(c.findings) > 0) || countErrors(frameworkFindings) > 0;
  return { scored, failed };
}
