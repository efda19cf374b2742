import { deriveAll, type ScoredProfile } from '../../crosswalk/derive-all.js';
import { scoreByFocusArea } from '../../crosswalk/focus-areas.js';
import { countErrors, type Finding } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { derivationTrace, derivedNotice, isDerived, provisionMatrixText } from '../../format/derived-text.js';
import { derivedMarkdown } from '../../format/derived-markdown.js';
import { focusAreaCsv, focusAreaJson, focusAreaMarkdown, focusAreaText, type FocusAreaView } from '../../format/score-by-focus-area.js';
import { scoreCsv, scoreCsvOfLines } from '../../format/score-csv.js';
import { scoreJson } from '../../format/score-json.js';
import { scoreMarkdown } from '../../format/score-markdown.js';
import { comparisonText, countryScoreText } from '../../format/score-text.js';
import { boundValue, type BoundChoice } from '../../format/range-text.js';
import type { FrameworkCatalogue } from '../../framework/framework-catalogue.js';
import { textIn } from '../../framework/text.js';
import type { Framework } from '../../framework/types.js';
import type { Assessment } from '../../scoring/types.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { checkFiles } from '../../check/check-files.js';
import { loadCatalogue, loadCrosswalks } from '../load-inputs.js';
import { loadScoredProfiles, loadScoredSummaries, type ScoredSummary } from '../load-scored-profiles.js';
import { pickFramework } from '../pick-framework.js';

export interface ScoreOptions {
  format: 'text' | 'json' | 'csv' | 'markdown';
  gaps?: string;
  frameworks: string[];
  /** Score against this framework, deriving results through crosswalks where a profile answers another. */
  framework?: string;
  by: 'tier' | 'focus-area';
  failUnder?: string;
  /** What --fail-under compares: the assessed score (default) or one end of the range. */
  bound?: BoundChoice;
}

/** `lexgap score`: scores every valid profile; profiles with errors are reported and skipped (exit 1). */
export async function score(paths: string[], options: ScoreOptions): Promise<number> {
  const gapLimit = parseGapLimit(options.gaps);
  const bar = options.failUnder === undefined ? undefined : parseFailUnder(options.failUnder);
  // The CSV and the comparison of several countries print only figures: they keep summaries (flat memory in N).
  const light = options.by === 'tier' && options.framework === undefined && (options.format === 'csv' || options.format === 'text');
  const loaded = light
    ? await loadScoredSummaries(paths, options.frameworks, 'scored', (files) => options.format === 'csv' || files > 1)
    : await loadScoredProfiles(paths, options.frameworks, 'scored');
  const { catalogue } = loaded;
  const target = options.framework === undefined ? undefined : pickFramework(catalogue, options.framework);
  let scored: readonly ScoredSummary[] | ScoredProfile[] = loaded.scored;

  let underived = false;
  if (target) {
    const derived = await deriveForTarget(scored as ScoredProfile[], target, catalogue, options.frameworks);
    scored = derived.results;
    underived = derived.failed;
  }
  // Of several files only one was valid: its text output is the detailed one, from the full profile.
  if (light && options.format === 'text' && scored.length === 1 && (scored[0] as ScoredSummary).summary) scored = await rescoreInFull(scored[0]!.file, options.frameworks);

  process.stdout.write(options.by === 'focus-area' ? focusAreaOutput(scored as ScoredProfile[], options.format) : tierOutput(scored, options.format, gapLimit, target !== undefined));

  const failed = loaded.failed || underived;
  const below = bar === undefined ? false : reportFailUnder(scored.map((s) => s.assessment), bar, options.bound ?? 'assessed');
  return failed || below ? EXIT.findings : EXIT.ok;
}

/**
 * Results against --framework: profiles that answer it as they are, the others derived through a
 * crosswalk. A crosswalk with errors is reported and its profiles are not scored (exit 1); no
 * crosswalk at all is a usage problem (exit 2).
 */
export async function deriveForTarget(
  scored: ScoredProfile[],
  target: Framework,
  catalogue: FrameworkCatalogue,
  extraDirs: string[],
): Promise<{ results: ScoredProfile[]; failed: boolean }> {
  const needed = scored.some((s) => s.framework.id !== target.id);
  const { crosswalks, findings } = needed ? await loadCrosswalks(catalogue, extraDirs) : { crosswalks: [], findings: [] as Finding[] };
  for (const f of findings) process.stderr.write(formatFinding(f) + '\n');
  const { results, missing } = deriveAll(scored, target, crosswalks);
  if (missing.size > 0 && countErrors(findings) === 0) {
    const [from, files] = [...missing][0]!;
    const towards = crosswalks.filter((c) => c.crosswalk.to === target.id).map((c) => c.crosswalk.from);
    throw new UsageError(
      `no crosswalk from ${from} to ${target.id}: ${files.length === 1 ? files[0] : `${files.length} profiles`} cannot be scored against ${target.id}`,
      towards.length ? `${target.id} results can be derived from profiles that answer ${towards.join(', ')}` : `no crosswalk leads to ${target.id}: score without --framework, or write one as frameworks/README.md ("Crosswalks") describes`,
    );
  }
  for (const [from, files] of missing) {
    for (const file of files) process.stderr.write(`${file}: not scored against ${target.id} — it answers ${from}, and no usable crosswalk from ${from} to ${target.id} could be loaded (see the errors above)\n`);
  }
  return { results, failed: missing.size > 0 || countErrors(findings) > 0 };
}

/** One valid profile scored again with its element detail, quietly (its findings were reported already). */
async function rescoreInFull(file: string, frameworkDirs: readonly string[]): Promise<ScoredProfile[]> {
  const { catalogue } = await loadCatalogue(frameworkDirs);
  const [check] = await checkFiles([file], catalogue, { need: 'full', frames: 'errors' });
  if (!check?.profile || !check.assessment) throw new UsageError(`${file} changed while lexgap read it`, 'run the command again');
  return [{ file, framework: catalogue.get(check.frameworkId!)!, profile: check.profile, assessment: check.assessment }];
}

function tierOutput(scored: readonly (Pick<ScoredProfile, 'framework' | 'assessment'> & { csv?: string })[], format: ScoreOptions['format'], gapLimit: number | undefined, derivedColumns: boolean): string {
  if (format === 'json') return scoreJson(scored);
  if (format === 'csv') {
    // Each summary's rows were made when it was checked: its assessment need not be decoded from the cache.
    if (!derivedColumns && scored.every((s) => s.csv !== undefined)) return scoreCsvOfLines(scored.map((s) => s.csv!));
    return scoreCsv(scored.map((s) => s.assessment), { derivedColumns });
  }
  if (format === 'markdown') return [...groupByFramework(scored)].map(([f, list]) => scoreMarkdown(f, list) + derivedMarkdown(f, list)).join('\n');
  if (scored.length === 1) {
    const { framework, assessment: a } = scored[0]!;
    const text = countryScoreText(framework, a, { gaps: gapLimit ?? 5 });
    return isDerived(a) ? `${derivedNotice(framework, [a])}\n\n${text}\n\n${derivationTrace(framework, a)}\n` : text + '\n';
  }
  return comparisonsText(scored, gapLimit ?? 3);
}

function focusAreaOutput(scored: ScoredProfile[], format: ScoreOptions['format']): string {
  const views: FocusAreaView[] = [...groupByFramework(scored)].map(([framework]) => ({
    framework,
    rows: scored.filter((s) => s.framework === framework).map((s) => ({ assessment: s.assessment, groups: scoreByFocusArea(framework, s.profile) })),
  }));
  if (format === 'json') return JSON.stringify(focusAreaJson(views), null, 2) + '\n';
  if (format === 'csv') return focusAreaCsv(views);
  return views.map(format === 'markdown' ? focusAreaMarkdown : focusAreaText).join('\n');
}

/** One comparison table per framework, then each country's most urgent gaps by id and title. */
function comparisonsText(scored: readonly Pick<ScoredProfile, 'framework' | 'assessment'>[], gaps: number): string {
  const out: string[] = [];
  for (const [framework, assessments] of groupByFramework(scored)) {
    const notice = derivedNotice(framework, assessments);
    if (notice) out.push(notice, '');
    out.push(comparisonText(framework, assessments), '');
    if (notice) out.push(provisionMatrixText(framework, assessments), '');
    if (gaps > 0) {
      const titles = new Map(framework.tiers.flatMap((t) => t.provisions).map((p) => [p.id, textIn(p.title)]));
      const command = notice ? `lexgap score --framework ${framework.id} <file>` : 'lexgap score <file>';
      out.push(`Most urgent gaps (${Number.isFinite(gaps) ? `up to ${gaps}` : 'all'} per country; \`${command}\` gives the recommendations):`);
      for (const a of assessments) {
        const list = a.gaps.slice(0, gaps).map((g) => `${g.id} ${titles.get(g.id)}`);
        out.push(`  ${a.country}: ${list.length ? list.join('; ') : 'none among the assessed provisions'}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function groupByFramework(scored: readonly Pick<ScoredProfile, 'framework' | 'assessment'>[]): Map<Framework, Assessment[]> {
  const byFramework = new Map<Framework, Assessment[]>();
  for (const { framework, assessment } of scored) byFramework.set(framework, [...(byFramework.get(framework) ?? []), assessment]);
  return byFramework;
}


/**
 * Says which countries fall below --fail-under (no score at all counts as below); true when any does.
 * With --bound lower the bar must be reached whatever the unknowns turn out to be; with upper, it
 * must still be within reach.
 */
function reportFailUnder(assessments: readonly Assessment[], bar: number, bound: BoundChoice): boolean {
  const shown = `${+(bar * 100).toFixed(2)}%${bound === 'assessed' ? '' : ` (--bound ${bound})`}`;
  const value = (a: Assessment) => boundValue(a, bound);
  const below = assessments.filter((a) => value(a) === null || value(a)! < bar - 1e-9);
  if (assessments.length === 0) {
    process.stderr.write(`--fail-under ${shown}: no country was scored, so none reaches it\n`);
    return true;
  }
  if (below.length === 0) {
    process.stderr.write(`--fail-under ${shown}: every country reaches it (${assessments.length} scored)\n`);
    return false;
  }
  const list = below.map((a) => `  ${a.country} ${a.name} (${a.frameworkId}): ${value(a) === null ? 'no score — nothing assessed yet' : floorPercent(value(a)!)}`);
  const many = assessments.length !== 1;
  const what = bound === 'assessed' ? `countr${many ? 'ies score' : 'y scores'} below it` : `countr${many ? 'ies fall' : 'y falls'} below it at the ${bound === 'lower' ? 'lowest' : 'highest'} ${many ? 'they' : 'it'} could score`;
  process.stderr.write(`--fail-under ${shown}: ${below.length} of ${assessments.length} ${what}:\n${list.join('\n')}\n`);
  return true;
}

/** One decimal, rounded down: a score just under the bar never shows as reaching it. */
function floorPercent(score: number): string {
  return `${(Math.floor(score * 1000 + 1e-6) / 10).toFixed(1)}%`;
}

/** `0.6`, `60%` or `60.5%` → 0.6…; anything else is a usage error. */
export function parseFailUnder(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(value);
  const hint = 'give a score between 0 and 1, such as 0.6, or a percentage, such as 60%';
  if (!match) throw new UsageError(`--fail-under ${value}: not a score`, hint);
  const n = Number(match[1]);
  if (match[2] === '%') {
    if (n > 100) throw new UsageError(`--fail-under ${value}: a percentage cannot be above 100%`, hint);
    return n / 100;
  }
  if (n > 1) throw new UsageError(`--fail-under ${value}: a score is between 0 and 1`, `for a percentage write ${value}%`);
  return n;
}

function parseGapLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--gaps ${value}: not a number of gaps`, 'give a whole number, or "all"');
  return n;
}
