import { boundValue } from '../../format/range-text.js';
import type { Assessment } from '../../scoring/types.js';

/** How `compare --sort` orders the countries: by code, or by a score (highest first). */
export type ComparisonOrder = 'name' | 'assessed' | 'lower' | 'upper';

export const COMPARISON_ORDERS: readonly ComparisonOrder[] = ['name', 'assessed', 'lower', 'upper'];

/**
 * Countries in the order asked for. By a score, the highest first; a country with no score last;
 * ties by country code, so the order never depends on the order the files were read in.
 */
export function orderAssessments(assessments: readonly Assessment[], order: ComparisonOrder): Assessment[] {
  const byCode = (a: Assessment, b: Assessment) => a.country.localeCompare(b.country);
  if (order === 'name') return [...assessments].sort(byCode);
  const value = (a: Assessment) => boundValue(a, order) ?? -1;
  return [...assessments].sort((a, b) => value(b) - value(a) || byCode(a, b));
}
