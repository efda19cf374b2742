import type { Bounds } from '../scoring/types.js';

/** Differences smaller than this are rounding noise, not a change (as in scoring). */
const EPSILON = 1e-9;

/**
 * What happened to a range over what is unknown:
 * - `moved-up` / `moved-down`: both ends moved the same way (answers got better or worse);
 * - `narrowed`: it got tighter (unknown answers were given);
 * - `widened`: it got looser (answers were withdrawn);
 * - `unchanged`; `appeared` / `gone` when the provision became applicable or not applicable.
 */
export type RangeMove = 'moved-up' | 'moved-down' | 'narrowed' | 'widened' | 'unchanged' | 'appeared' | 'gone';

export function rangeMove(before: Bounds | null, after: Bounds | null): RangeMove {
  if (!before && !after) return 'unchanged';
  if (!before) return 'appeared';
  if (!after) return 'gone';
  const lower = after.lower - before.lower;
  const upper = after.upper - before.upper;
  if (lower > EPSILON && upper > EPSILON) return 'moved-up';
  if (lower < -EPSILON && upper < -EPSILON) return 'moved-down';
  const width = after.upper - after.lower - (before.upper - before.lower);
  if (width < -EPSILON) return 'narrowed';
  if (width > EPSILON) return 'widened';
  return 'unchanged';
}

export const RANGE_MOVE_TEXT: Record<RangeMove, string> = {
  'moved-up': 'moved up',
  'moved-down': 'moved down',
  narrowed: 'narrowed',
  widened: 'widened',
  unchanged: 'no change',
  appeared: 'now applicable',
  gone: 'now not applicable',
};
