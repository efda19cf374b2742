import { percent } from '../../format/percent.js';
import { isSettled, spanText } from '../../format/range-text.js';
import type { Framework } from '../../framework/types.js';
import type { Assessment, Attainment, Bounds } from '../../scoring/types.js';
import type { Catalog } from '../i18n/catalog.js';

/** A score's range over what is unknown, as the reports print it. */
export interface RangeView {
  /** "34–57%", or "47%" when nothing unknown can move it; "—" when nothing is applicable. */
  span: string;
  /** "assessed 47% · could be 34–57%" in the report's language. */
  line: string;
  settled: boolean;
}

export function rangeView(score: number | null, bounds: Bounds | null, catalog: Catalog): RangeView {
  if (!bounds) return { span: '—', line: '—', settled: true };
  const span = spanText(bounds);
  const settled = isSettled(bounds);
  if (score === null) return { span, line: catalog.t('range.none', { range: span }), settled };
  return { span, line: settled ? `${percent(score)} · ${catalog.t('range.full')}` : catalog.t('range.line', { score: percent(score), range: span }), settled };
}

export function attainmentText(status: Attainment | 'not-applicable', catalog: Catalog): string {
  if (status === 'attained') return catalog.t('attain.attained');
  if (status === 'not-attained') return catalog.t('attain.notAttained');
  if (status === 'undecided') return catalog.t('attain.undecided');
  return catalog.t('attain.notApplicable');
}

/**
 * The standing in three values: "T1 attained; could reach T2", "None yet; could reach T3", "None:
 * T1 cannot be attained on what is assessed", tiers by id.
 */
export function standingView(framework: Framework, a: Pick<Assessment, 'standing' | 'standingUpper'>, catalog: Catalog): string {
  if (a.standing) {
    return a.standingUpper && a.standingUpper !== a.standing ? catalog.t('standing.reach', { tier: a.standing, upper: a.standingUpper }) : catalog.t('glance.standingTier', { tier: a.standing });
  }
  if (a.standingUpper) return catalog.t('standing.noneReach', { upper: a.standingUpper });
  const first = framework.tiers[0];
  return first ? catalog.t('standing.noneBlocked', { tier: first.id }) : catalog.t('glance.standingNone');
}
