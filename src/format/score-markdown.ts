import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { percent } from './percent.js';
import { spanText, standingText } from './range-text.js';

/** A Markdown comparison table (for a README or a report draft), one per framework. */
export function scoreMarkdown(framework: Framework, assessments: readonly Assessment[]): string {
  const header = ['Country', 'Assessed score', 'Could be', ...framework.tiers.map((t) => t.id), 'Coverage', 'Gaps', 'Standing', 'Assessed', 'Status'];
  const rows = assessments.map((a) => [
    `${a.name} (${a.country})`,
    percent(a.score),
    a.bounds ? spanText(a.bounds) : '—',
    ...a.tiers.map((t) => percent(t.score)),
    percent(a.coverage),
    String(a.gaps.length),
    standingText(framework, a),
    a.assessed,
    a.status,
  ]);
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `**${escape(textIn(framework.shortTitle ?? framework.title))}** (\`${framework.id}\` ${framework.version})`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 || i >= header.length - 3 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
    '',
  ].join('\n');
}
