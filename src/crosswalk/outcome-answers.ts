import type { Framework } from '../framework/types.js';
import type { Outcome } from './types.js';

/**
 * The target framework's answer for each outcome a rule can reach: `met` is the highest-scored
 * answer, `not-met` the lowest, `unknown` the initial answer when it is unscored (else the first
 * unscored answer), `not-applicable` the first answer marked `applicable: false`. Missing entries
 * mean the scale cannot express that outcome; check-crosswalk.ts reports it.
 */
export function outcomeAnswers(framework: Framework): Partial<Record<Outcome, string>> {
  const entries = Object.entries(framework.scale);
  const scored = entries.filter(([, e]) => e.score !== null && e.applicable !== false);
  const byScore = (pick: (a: number, b: number) => boolean) =>
    scored.reduce<[string, number] | undefined>((best, [key, e]) => (best === undefined || pick(e.score!, best[1]) ? [key, e.score!] : best), undefined)?.[0];
  const initial = Object.hasOwn(framework.scale, framework.initialAnswer) ? framework.scale[framework.initialAnswer] : undefined;
  const unknown =
    initial && initial.score === null && initial.applicable !== false
      ? framework.initialAnswer
      : entries.find(([, e]) => e.score === null && e.applicable !== false)?.[0];
  const answers: Partial<Record<Outcome, string>> = {
    met: byScore((a, b) => a > b),
    'not-met': byScore((a, b) => a < b),
    unknown,
    'not-applicable': entries.find(([, e]) => e.applicable === false)?.[0],
  };
  for (const key of Object.keys(answers) as Outcome[]) if (answers[key] === undefined) delete answers[key];
  return answers;
}
