import { countErrors } from '../findings/finding.js';
import { formatFinding } from '../findings/format-findings.js';
import { note } from '../ground/notes.js';
import { plural } from '../ground/plural.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { score } from '../scoring/score.js';
import type { ScoredProfile } from '../scoring/types.js';
import { collectProfileFiles } from './collect-files.js';
import { checkProfileFiles, loadCatalogue } from './load-inputs.js';

export interface LoadedScores {
  scored: ScoredProfile[];
  /** A profile or framework had errors: the command exits 1 after doing what it can. */
  failed: boolean;
  catalogue: FrameworkCatalogue;
}

/**
 * Loads, checks and scores profiles for every command that works on valid ones (score, report,
 * compare, export). A profile with errors is reported on stderr, with its code frames, and left out
 * (`<file>: not <verb> — …`); warnings are summed in one line pointing to `lexgap validate`.
 */
export async function loadScoredProfiles(paths: readonly string[], frameworkDirs: readonly string[], verb: string): Promise<LoadedScores> {
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(frameworkDirs);
  const { checks, sources } = await checkProfileFiles(files, catalogue);
  const scored: ScoredProfile[] = [];
  const warned: { file: string; count: number }[] = [];
  for (const check of checks) {
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      process.stderr.write(`${check.file}: not ${verb} — ${plural(errors.length, 'error')}:\n`);
      for (const f of errors) process.stderr.write(formatFinding(f, sources.get(f.file)) + '\n');
      process.stderr.write('\n');
      continue;
    }
    if (check.findings.length > 0) warned.push({ file: check.file, count: check.findings.length });
    if (check.profile && check.framework) {
      scored.push({ file: check.file, framework: check.framework, profile: check.profile, assessment: score(check.framework, check.profile) });
    }
  }
  if (warned.length > 0) {
    const total = warned.reduce((n, w) => n + w.count, 0);
    const where = warned.length > 3 ? paths.join(' ') : warned.map((w) => w.file).join(' ');
    note(`${plural(total, 'warning')} in ${plural(warned.length, 'profile')} — \`lexgap validate ${where}\` shows them (--quiet leaves this out)`);
  }
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');
  const failed = checks.some((c) => countErrors(c.findings) > 0) || countErrors(frameworkFindings) > 0;
  return { scored, failed, catalogue };
}
