import type { Framework } from '../framework/types.js';
import type { Assessment, Attainment, Bounds } from '../scoring/types.js';
import { percent } from './percent.js';

/** Bounds closer than this are one value: nothing left unknown can move the score. */
const EPSILON = 1e-9;

/** The rules behind the range and the three-valued standing, in the words every output prints. */
export const RANGE_RULES = [
  'The assessed score is the weighted mean of what is assessed; unknown answers are left out of it.',
  'The range ("could be") is the lowest and the highest the score could be once every unknown answer is given: every unknown element answered with the lowest score of the scale, then with the highest. A provision answered only as a whole is decided by that answer; a provision with no answer at all spans the whole scale.',
  'A tier is attained when every applicable provision reaches the threshold whatever the unknowns turn out to be; not attained when one provision cannot reach it even if every unknown were met; undecided otherwise.',
  'The standing is the highest tier attained with every lower tier attained too; "could reach" names the highest tier still within reach, with no lower tier already out of reach.',
] as const;

export function isSettled(bounds: Bounds): boolean {
  return bounds.upper - bounds.lower < EPSILON;
}

/** "34–57%", or "47%" when the range is one value. */
export function spanText(bounds: Bounds): string {
  if (isSettled(bounds)) return percent(bounds.lower);
  return `${percent(bounds.lower).replace(/%$/, '')}–${percent(bounds.upper)}`;
}

/** "assessed 47% · could be 34–57%": the figure of what is assessed and the range over what is not. */
export function rangeText(score: number | null, bounds: Bounds | null): string {
  if (!bounds) return 'not applicable';
  if (score === null) return `nothing assessed · could be ${spanText(bounds)}`;
  if (isSettled(bounds)) return `assessed ${percent(score)} · fully assessed`;
  return `assessed ${percent(score)} · could be ${spanText(bounds)}`;
}

export const ATTAINMENT_TEXT: Record<Attainment | 'not-applicable', string> = {
  attained: 'attained',
  'not-attained': 'not attained',
  undecided: 'undecided',
  'not-applicable': 'not applicable',
};

/**
 * The country's standing in plain words: "A attained; could reach B", "none yet; could reach B",
 * "none: A cannot be attained on what is assessed".
 */
export function standingText(framework: Framework, a: Pick<Assessment, 'standing' | 'standingUpper'>): string {
  if (a.standing) return a.standingUpper && a.standingUpper !== a.standing ? `${a.standing} attained; could reach ${a.standingUpper}` : `${a.standing} attained`;
  if (a.standingUpper) return `none yet; could reach ${a.standingUpper}`;
  const first = framework.tiers[0];
  return first ? `none: ${first.id} cannot be attained on what is assessed` : 'none';
}

/** The bound `--fail-under --bound` compares: the assessed figure, or one end of the range. */
export type BoundChoice = 'lower' | 'assessed' | 'upper';

export function boundValue(a: Pick<Assessment, 'score' | 'bounds'>, choice: BoundChoice): number | null {
  if (choice === 'assessed') return a.score;
  return a.bounds ? a.bounds[choice] : null;
}
