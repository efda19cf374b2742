import { percent } from '../../format/percent.js';
import type { Framework } from '../../framework/types.js';
import type { Assessment } from '../../scoring/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { formatDate, frameworkMeta, legend, nestedLabels, pageLabel, scored, statusView, text } from './common.js';
import { LOW_COVERAGE } from './glance.js';
import { buildMethodology } from './methodology.js';
import type { ComparisonView } from './types.js';

export interface ComparisonInput {
  framework: Framework;
  /** One assessment per country, all against `framework`. */
  assessments: readonly Assessment[];
  catalog: Catalog;
  version: string;
}

/** The regional comparison: countries (columns, by code) × provisions (rows, grouped by tier). */
export function buildComparisonView(input: ComparisonInput): ComparisonView {
  const { framework, catalog } = input;
  const assessments = [...input.assessments].sort((a, b) => a.country.localeCompare(b.country));
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
    countriesText: catalog.t(assessments.length === 1 ? 'compare.oneCountry' : 'compare.countries', { n: assessments.length }),
    countries: assessments.map((a) => ({
      code: a.country,
      name: a.name,
      assessed: formatDate(a.assessed, catalog),
      status: statusView(a.status, catalog),
      overall: scored(a.score, true, framework, catalog),
      coverage: percent(a.coverage),
      standing: a.standing ?? '—',
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
