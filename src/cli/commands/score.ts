import { countErrors } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { scoreCsv } from '../../format/score-csv.js';
import { scoreMarkdown } from '../../format/score-markdown.js';
import { comparisonText, countryScoreText } from '../../format/score-text.js';
import { textIn } from '../../framework/text.js';
import type { Framework } from '../../framework/types.js';
import { score as scoreProfile } from '../../scoring/score.js';
import type { Assessment } from '../../scoring/types.js';
import { collectProfileFiles } from '../collect-files.js';
import { EXIT, UsageError } from '../errors.js';
import { checkProfileFiles, loadCatalogue } from '../load-inputs.js';

export interface ScoreOptions {
  format: 'text' | 'json' | 'csv' | 'markdown';
  gaps?: string;
  frameworks: string[];
}

/** `lexgap score`: scores every valid profile; profiles with errors are reported and skipped (exit 1). */
export async function score(paths: string[], options: ScoreOptions): Promise<number> {
  const gapLimit = parseGapLimit(options.gaps);
  const files = await collectProfileFiles(paths);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  const { checks, sources } = await checkProfileFiles(files, catalogue);

  const scored: { framework: Framework; assessment: Assessment }[] = [];
  const warned: { file: string; count: number }[] = [];
  for (const check of checks) {
    const errors = countErrors(check.findings);
    if (check.profile && check.framework) scored.push({ framework: check.framework, assessment: scoreProfile(check.framework, check.profile) });
    if (errors > 0) {
      process.stderr.write(`${check.file}: not scored — ${errors} error${errors === 1 ? '' : 's'}:\n`);
      for (const f of check.findings.filter((f) => f.severity === 'error')) process.stderr.write(formatFinding(f, sources.get(f.file)) + '\n');
      process.stderr.write('\n');
    } else if (check.findings.length > 0) {
      warned.push({ file: check.file, count: check.findings.length });
    }
  }
  if (warned.length > 0) {
    const total = warned.reduce((n, w) => n + w.count, 0);
    const files = warned.length > 3 ? paths.join(' ') : warned.map((w) => w.file).join(' ');
    process.stderr.write(`${total} warning${total === 1 ? '' : 's'} in ${warned.length} profile${warned.length === 1 ? '' : 's'} — \`lexgap validate ${files}\` shows them\n`);
  }
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');

  const assessments = scored.map((s) => s.assessment);
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ assessments }, null, 2) + '\n');
  } else if (options.format === 'csv') {
    process.stdout.write(scoreCsv(assessments));
  } else if (options.format === 'markdown') {
    process.stdout.write([...groupByFramework(scored)].map(([f, list]) => scoreMarkdown(f, list)).join('\n'));
  } else if (scored.length === 1) {
    const { framework, assessment } = scored[0]!;
    process.stdout.write(countryScoreText(framework, assessment, { gaps: gapLimit ?? 5 }) + '\n');
  } else {
    process.stdout.write(comparisonsText(scored, gapLimit ?? 3));
  }
  const failed = checks.some((c) => countErrors(c.findings) > 0) || countErrors(frameworkFindings) > 0;
  return failed ? EXIT.findings : EXIT.ok;
}

/** One comparison table per framework, then each country's most urgent gaps by id and title. */
function comparisonsText(scored: { framework: Framework; assessment: Assessment }[], gaps: number): string {
  const out: string[] = [];
  for (const [framework, assessments] of groupByFramework(scored)) {
    out.push(comparisonText(framework, assessments), '');
    if (gaps > 0) {
      const titles = new Map(framework.tiers.flatMap((t) => t.provisions).map((p) => [p.id, textIn(p.title)]));
      out.push(`Most urgent gaps (${Number.isFinite(gaps) ? `up to ${gaps}` : 'all'} per country; \`lexgap score <file>\` gives the recommendations):`);
      for (const a of assessments) {
        const list = a.gaps.slice(0, gaps).map((g) => `${g.id} ${titles.get(g.id)}`);
        out.push(`  ${a.country}: ${list.length ? list.join('; ') : 'none among the assessed provisions'}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

function groupByFramework(scored: { framework: Framework; assessment: Assessment }[]): Map<Framework, Assessment[]> {
  const byFramework = new Map<Framework, Assessment[]>();
  for (const { framework, assessment } of scored) byFramework.set(framework, [...(byFramework.get(framework) ?? []), assessment]);
  return byFramework;
}

function parseGapLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'all') return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--gaps ${value}: not a number of gaps`, 'give a whole number, or "all"');
  return n;
}
