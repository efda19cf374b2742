import type { DerivedAssessment, DerivedTarget } from '../crosswalk/types.js';
import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { percent } from './percent.js';
import { textTable } from './table.js';
import { wrap } from './wrap.js';

const WIDTH = 100;

export const isDerived = (a: Assessment): a is DerivedAssessment => 'derived' in a && (a as DerivedAssessment).derived !== undefined;

/** The crosswalks behind the derived assessments in a list, each with the countries read through it. */
export function derivations(assessments: readonly Assessment[]): { derivation: DerivedAssessment['derived']; countries: string[] }[] {
  const byCrosswalk = new Map<string, { derivation: DerivedAssessment['derived']; countries: string[] }>();
  for (const a of assessments.filter(isDerived)) {
    const entry = byCrosswalk.get(a.derived.crosswalk) ?? { derivation: a.derived, countries: [] };
    entry.countries.push(a.country);
    byCrosswalk.set(a.derived.crosswalk, entry);
  }
  return [...byCrosswalk.values()];
}

/** Said above every derived result: that it is derived, through which crosswalk, and its caveats. */
export function derivedNotice(framework: Framework, assessments: readonly Assessment[]): string {
  const out: string[] = [];
  const direct = assessments.filter((a) => !isDerived(a)).map((a) => a.country);
  for (const { derivation: d, countries } of derivations(assessments)) {
    const who = countries.length === assessments.length ? (countries.length === 1 ? 'This result' : 'These results') : `The results for ${countries.join(', ')}`;
    const verb = who === 'This result' ? 'is' : 'are';
    out.push(wrap(`DERIVED, NOT ASSESSED: ${who} against ${framework.id} ${verb} read from ${countries.length === 1 ? 'the' : 'each'} profile's ${d.from.id} answers through the crosswalk ${d.crosswalk} (${d.crosswalkFile}). Caveats:`, WIDTH));
    for (const caveat of d.caveats) out.push(wrap(caveat, WIDTH, '  - ', '    '));
  }
  for (const a of assessments.filter(isDerived)) out.push(wrap(sourceCoverageText(a), WIDTH));
  if (out.length && direct.length) out.push(`Assessed directly against ${framework.id}: ${direct.join(', ')}.`);
  return out.join('\n');
}

/** One row per country, one column per provision: the answer when all its elements share it, else its score. */
export function provisionMatrixText(framework: Framework, assessments: readonly Assessment[]): string {
  const provisions = framework.tiers.flatMap((t) => t.provisions);
  const rows = assessments.map((a) => [`${a.country} ${a.name}`, ...provisions.map((p) => provisionCell(framework, a, p.id))]);
  const key = provisions.map((p) => `${p.id} ${textIn(p.title)}`).join(' · ');
  return `${textTable(['Country', ...provisions.map((p) => p.id)], rows)}\n${wrap(key, WIDTH)}`;
}

/** How each target was decided for one country: rule, outcome and the source answers behind it. */
export function derivationTrace(framework: Framework, a: DerivedAssessment): string {
  const rows = a.derived.targets.map((t) => [t.element ? `${t.target}(${t.element})` : t.target, label(framework, t.answer), `${ruleText(t)}: ${sourcesText(t)}`]);
  return [`How each answer was derived (crosswalk ${a.derived.crosswalk}; \`lexgap score <file>\` without --framework shows the ${a.derived.from.id} assessment):`, textTable(['Target', 'Answer', 'Rule and source answers'], rows)].join('\n');
}

export function ruleText(t: Pick<DerivedTarget, 'rule' | 'minimum'>): string {
  if (t.rule === 'minimum') return `score at least ${percent(t.minimum ?? 1)} over`;
  return t.rule === 'all-met' ? 'all met of' : 'any met of';
}

export function sourcesText(t: DerivedTarget): string {
  return t.sources.map((s) => `${s.provision}(${s.element}) ${s.answer ?? 'unanswered'}`).join(', ');
}

/** A provision's result in one cell: the answer's label when all its elements share one answer, else its score. */
export function provisionCell(framework: Framework, a: Assessment, id: string): string {
  const result = a.tiers.flatMap((t) => t.provisions).find((p) => p.id === id);
  if (!result) return '—';
  // Not-applicable elements say nothing about the rest: the cell shows the others' shared answer.
  const applicable = result.elements.filter((e) => e.applicable);
  const answers = new Set((applicable.length ? applicable : result.elements).map((e) => e.answer));
  if (answers.size === 1) {
    const [only] = answers;
    return only === undefined ? 'unanswered' : label(framework, only);
  }
  return percent(result.score);
}

function label(framework: Framework, answer: string): string {
  return Object.hasOwn(framework.scale, answer) ? textIn(framework.scale[answer]!.label) : answer;
}

/**
 * Coverage told honestly for a derived result: the derived coverage counts decided targets, which
 * one met source can decide; this says how much of the source answers stand behind them.
 */
export function sourceCoverageText(a: DerivedAssessment): string {
  const c = a.derived.sourceCoverage;
  return `${a.country}: coverage of the answers behind the derived results ${percent(c.coverage)} (${c.assessed} of ${c.applicable} ${a.derived.from.id} elements the crosswalk reads are assessed; the ${a.derived.from.id} profile as a whole ${percent(c.profileCoverage)}).`;
}
