import { percent } from '../../format/percent.js';
import type { Framework } from '../../framework/types.js';
import type { Assessment } from '../../scoring/types.js';
import type { RangeBar } from './types.js';
import type { Catalog } from '../i18n/catalog.js';
import { formatDate, frameworkMeta, legend, nestedLabels, pageLabel, scored, statusView, text } from './common.js';
import { LOW_COVERAGE } from './glance.js';
import { buildMethodology } from './methodology.js';
import type { ComparisonView } from './types.js';
import { derivations, isDerived } from '../../format/derived-text.js';
import { orderAssessments, type ComparisonOrder } from './comparison-order.js';
import { rangeView, standingView } from './range-view.js';

export interface ComparisonInput {
  framework: Framework;
  /** One assessment per country, all against `framework`. */
  assessments: readonly Assessment[];
  catalog: Catalog;
  version: string;
  /** The order of the countries (default: by code). */
  order?: ComparisonOrder;
}

/** The regional comparison: countries (columns, by code) × provisions (rows, grouped by tier). */
export function buildComparisonView(input: ComparisonInput): ComparisonView {
  const { framework, catalog } = input;
  const order = input.order ?? 'name';
  const assessments = orderAssessments(input.assessments, order);
  const name = text(framework.shortTitle ?? framework.title, catalog);
  const title = catalog.t('doc.comparisonTitle', { framework: name });
  const hasDraft = assessments.some((a) => a.status !== 'reviewed');
  return {
    kind: 'comparison',
    lang: catalog.lang,
    title,
    runningHeader: `${name} ${framework.version} · ${assessments.map((a) => a.country).join(', ')}`,
    pageLabel: pageLabel(catalog),
    labels: nestedLabels(catalog),
    madeWith: catalog.t('doc.madeWith', { version: input.version, file: assessments.map((a) => `${a.country}`).join(', ') }),
    heading: title,
    framework: frameworkMeta(framework, catalog),
    orderText: catalog.t('compare.sortedBy', { order: catalog.t(`compare.order.${order}`) }),
    countriesText: catalog.t(assessments.length === 1 ? 'compare.oneCountry' : 'compare.countries', { n: assessments.length }),
    countries: assessments.map((a) => ({
      code: a.country,
      name: a.name,
      assessed: formatDate(a.assessed, catalog),
      status: statusView(a.status, catalog),
      overall: scored(a.score, true, framework, catalog),
      coverage: percent(a.coverage),
      sourceCoverage: isDerived(a) ? `${percent(a.derived.sourceCoverage.coverage)} · ${percent(a.derived.sourceCoverage.profileCoverage)}` : null,
      standing: standingView(framework, a, catalog),
      range: rangeView(a.score, a.bounds, catalog),
      bar: rangeBar(a),
      tiers: a.tiers.map((t) => scored(t.score, true, framework, catalog)),
    })),
    tierHeads: framework.tiers.map((t) => ({ id: t.id, title: text(t.title, catalog) })),
    matrix: framework.tiers.map((tier) => ({
      tierId: tier.id,
      tierTitle: text(tier.title, catalog),
      tierScores: assessments.map((a) => {
        const result = a.tiers.find((t) => t.id === tier.id);
        return scored(result?.score ?? null, true, framework, catalog);
      }),
      rows: tier.provisions.map((p) => ({
        id: p.id,
        title: text(p.title, catalog),
        weight: p.weight,
        cells: assessments.map((a) => {
          const result = a.tiers.flatMap((t) => t.provisions).find((r) => r.id === p.id);
          return scored(result?.score ?? null, result?.applicable ?? true, framework, catalog);
        }),
      })),
    })),
    legend: legend(catalog),
    pdfInfo: {
      author: null,
      subject: catalog.t('doc.subject', { framework: `${name} ${framework.version}` }),
      creator: `lexgap ${input.version}`,
    },
    lowCoverage: lowCoverage(assessments, catalog),
    derived: derivedView(framework, assessments),
    hasDraft,
    draftNotice: hasDraft ? catalog.t('compare.draftNotice') : null,
    methodology: buildMethodology(framework, catalog),
  };
}

/** The countries whose scores rest on less than half of the applicable elements, named beside the scores. */
function lowCoverage(assessments: readonly Assessment[], catalog: Catalog): string | null {
  const low = assessments.filter((a) => a.coverage < LOW_COVERAGE).map((a) => a.country);
  return low.length ? catalog.t('compare.lowCoverage', { countries: low.join(', ') }) : null;
}

/** A fraction as a position on a 0–100 scale, one decimal: the range bar's geometry. */
function pct(value: number): number {
  return Math.round(value * 1000) / 10;
}

/** The range bar's geometry on a 0–100 scale: the bracket from lower to upper, the assessed mark. */
function rangeBar(a: Assessment): RangeBar {
  const lower = pct(a.bounds?.lower ?? 0);
  const upper = pct(a.bounds?.upper ?? 0);
  return { lower, width: Math.max(upper - lower, 0.8), hasScore: a.score !== null, score: pct(a.score ?? 0) };
}

/** Derived, not assessed: which crosswalk, from what, and the caveats a reader must keep in mind (English, as the crosswalk files are). */
function derivedView(framework: Framework, assessments: readonly Assessment[]): ComparisonView['derived'] {
  const used = derivations(assessments);
  if (used.length === 0) return null;
  return used.map(({ derivation: d, countries }) => ({
    intro: `Derived, not assessed: the results for ${countries.join(', ')} against ${framework.id} are read from each profile's ${d.from.id} answers through the crosswalk ${d.crosswalk} (${d.crosswalkTitle}). "Answers behind" is the share of the ${d.from.id} elements the crosswalk reads that are assessed, then the ${d.from.id} profile's own coverage.`,
    caveats: d.caveats,
  }));
}
