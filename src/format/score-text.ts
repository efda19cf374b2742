import { furtherGoodPractice, provisionGap } from '../gaps/element-gaps.js';
import { provisionIndex } from '../framework/provision-index.js';
import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { gapDetailText } from './gap-text.js';
import { percent } from './percent.js';
import { ATTAINMENT_TEXT, isSettled, rangeText, spanText, standingText } from './range-text.js';
import { textTable } from './table.js';
import { wrap } from './wrap.js';

/** Scores average only what is assessed: said next to every score that rests on partial coverage. */
export const COVERAGE_CAVEAT = 'The assessed score counts only the assessed elements; "could be" is the range it could take once every unknown is answered.';

export interface ScoreTextOptions {
  /** How many gaps to list per country; Infinity for all. */
  gaps: number;
}

/** One country: its overall and tier scores, coverage, standing and its most urgent gaps. */
export function countryScoreText(framework: Framework, a: Assessment, options: ScoreTextOptions): string {
  const provisions = provisionIndex(framework);
  const out: string[] = [];
  out.push(`${a.name} (${a.country}) — ${framework.id} ${framework.version}, assessed ${a.assessed}, ${a.status}`);
  out.push(`Overall: ${rangeText(a.score, a.bounds)}   coverage ${percent(a.coverage)}`);
  out.push(`Standing: ${standingText(framework, a)}`);
  if (a.coverage < 1) out.push(COVERAGE_CAVEAT);
  out.push('');
  out.push(
    textTable(
      ['Tier', 'Assessed', 'Could be', 'Coverage', 'Attained'],
      a.tiers.map((t) => [`${t.id} ${textIn(framework.tiers.find((ft) => ft.id === t.id)?.title)}`, percent(t.score), t.bounds ? spanText(t.bounds) : '—', percent(t.coverage), ATTAINMENT_TEXT[t.status]]),
      [1, 2, 3],
    ),
  );
  out.push('');
  const shown = a.gaps.slice(0, options.gaps);
  if (a.gaps.length === 0) out.push('No gaps among the assessed provisions.');
  else out.push(`Gaps, most urgent first (${shown.length} of ${a.gaps.length}${shown.length < a.gaps.length ? '; --gaps all lists every one' : ''}):`);
  shown.forEach((gap, i) => {
    const p = provisions.get(gap.id)!;
    out.push(`${String(i + 1).padStart(3)}. ${gap.id}  ${textIn(p.title)}  (${gap.bounds && isSettled(gap.bounds) ? `score ${percent(gap.score)}` : rangeText(gap.score, gap.bounds)}, weight ${gap.weight})`);
    out.push(...gapDetailText(provisionGap(framework, gap, 'en', p)));
  });
  const goodPractice = furtherGoodPractice(framework, a);
  if (goodPractice.length > 0) {
    out.push('');
    out.push(wrap(`Further good practice, not counted in the score (${goodPractice.length}): ${goodPractice.map((g) => `${g.provisionId}(${g.id})`).join(', ')}`, 100, '', '  '));
  }
  if (a.unassessed.length > 0) {
    out.push('');
    out.push(wrap(`Not yet assessed (${a.unassessed.length}): ${a.unassessed.map((p) => p.id).join(', ')}`, 100, '', '  '));
  }
  return out.join('\n');
}

/** Several countries: one row each, tier columns in framework order. */
export function comparisonText(framework: Framework, assessments: readonly Assessment[]): string {
  const header = ['Country', 'Assessed', 'Could be', ...framework.tiers.map((t) => t.id), 'Coverage', 'Gaps', 'Standing'];
  const rows = assessments.map((a) => [
    `${a.country} ${a.name}`,
    percent(a.score),
    a.bounds ? spanText(a.bounds) : '—',
    ...a.tiers.map((t) => percent(t.score)),
    percent(a.coverage),
    String(a.gaps.length),
    standingText(framework, a),
  ]);
  const right = header.map((_, i) => i).filter((i) => i > 0 && i < header.length - 1);
  const caveat = assessments.some((a) => a.coverage < 1) ? `\n${COVERAGE_CAVEAT}` : '';
  return `${textIn(framework.shortTitle ?? framework.title)} (${framework.id} ${framework.version})\n\n${textTable(header, rows, right)}${caveat}`;
}

