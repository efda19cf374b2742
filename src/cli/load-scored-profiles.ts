import { checkFiles, type FileResult } from '../check/check-files.js';
import type { Need } from '../check/check-text.js';
import { countErrors } from '../findings/finding.js';
import { formatFinding } from '../findings/format-findings.js';
import { note } from '../ground/notes.js';
import { plural } from '../ground/plural.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { ScoredProfile } from '../scoring/types.js';
import { collectProfileFiles } from './collect-files.js';
import { loadCatalogue } from './load-inputs.js';

export interface LoadedScores<T = ScoredProfile> {
  scored: T[];
  /** A profile or framework had errors: the command exits 1 after doing what it can. */
  failed: boolean;
  catalogue: FrameworkCatalogue;
}

/** A valid profile's assessment without the profile, or with its element detail left out (see assessment-summary.ts). */
export type ScoredSummary = Pick<ScoredProfile, 'file' | 'framework' | 'assessment'> & {
  summary: boolean;
  /** The assessment's rows of `score --format csv`, made when it was checked (check-text.ts). */
  csv?: string;
};

/**
 * Loads, checks and scores profiles for every command that works on valid ones (score, report,
 * compare, export). A profile with errors is reported on stderr, with its code frames, and left out
 * (`<file>: not <verb> — …`); warnings are summed in one line pointing to `lexgap validate`.
 */
export async function loadScoredProfiles(paths: readonly string[], frameworkDirs: readonly string[], verb: string): Promise<LoadedScores> {
  const { results, failed, catalogue } = await load(paths, frameworkDirs, verb, () => 'full');
  const scored = results.flatMap((r) => (r.profile && r.assessment ? [{ file: r.file, framework: catalogue.get(r.frameworkId!)!, profile: r.profile, assessment: r.assessment }] : []));
  return { scored, failed, catalogue };
}

/**
 * As loadScoredProfiles, for outputs that read only the assessment; with `summarise(files)` true
 * they get its summary, so that 10,000 profiles take tens of MB, not gigabytes.
 */
export async function loadScoredSummaries(paths: readonly string[], frameworkDirs: readonly string[], verb: string, summarise: (files: number) => boolean): Promise<LoadedScores<ScoredSummary>> {
  let summary = false;
  const { results, failed, catalogue } = await load(paths, frameworkDirs, verb, (files) => ((summary = summarise(files)) ? 'summary' : 'full'));
  // A summary from the result cache is decoded only when read (the CSV prints its stored rows instead).
  const scored = results.flatMap((r): ScoredSummary[] =>
    r.csv !== undefined || r.assessment
      ? [{ file: r.file, framework: catalogue.get(r.frameworkId!)!, get assessment() { return r.assessment!; }, summary, ...(r.csv === undefined ? {} : { csv: r.csv }) }]
      : [],
  );
  return { scored, failed, catalogue };
}

async function load(paths: readonly string[], frameworkDirs: readonly string[], verb: string, need: (files: number) => Need): Promise<{ results: FileResult[]; failed: boolean; catalogue: FrameworkCatalogue }> {
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(frameworkDirs);
  const checks = await checkFiles(files, catalogue, { need: need(files.length), frames: 'errors' });
  const warned: { file: string; count: number }[] = [];
  for (const check of checks) {
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      process.stderr.write(`${check.file}: not ${verb} — ${plural(errors.length, 'error')}:\n`);
      for (const f of errors) process.stderr.write(formatFinding(f, f.file === check.file ? check.source : undefined) + '\n');
      process.stderr.write('\n');
      continue;
    }
    if (check.findings.length > 0) warned.push({ file: check.file, count: check.findings.length });
  }
  if (warned.length > 0) {
    const total = warned.reduce((n, w) => n + w.count, 0);
    const where = warned.length > 3 ? paths.join(' ') : warned.map((w) => w.file).join(' ');
    note(`${plural(total, 'warning')} in ${plural(warned.length, 'profile')} — \`lexgap validate ${where}\` shows them (--quiet leaves this out)`);
  }
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');
  const failed = checks.some((c) => countErrors(c.findings) > 0) || countErrors(frameworkFindings) > 0;
  return { results: checks, failed, catalogue };
}
