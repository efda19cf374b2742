import { percent } from '../../format/percent.js';
import type { Framework } from '../../framework/types.js';
import type { Assessment } from '../../scoring/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { legend, scored, text } from './common.js';
import type { Chart, Glance, TierSummary } from './types.js';
import { attainmentText, rangeView, standingView } from './range-view.js';

/** Below this coverage the report warns that the scores describe only part of the law. */
export const LOW_COVERAGE = 0.5;

export function tierSummaries(framework: Framework, assessment: Assessment, catalog: Catalog): TierSummary[] {
  return assessment.tiers.map((tier) => ({
    id: tier.id,
    title: text(framework.tiers.find((t) => t.id === tier.id)?.title, catalog),
    score: scored(tier.score, true, framework, catalog),
    coverage: percent(tier.coverage),
    attained: tier.attained,
    attainedText: attainmentText(tier.status, catalog),
    status: tier.status,
    range: rangeView(tier.score, tier.bounds, catalog),
    gaps: assessment.gaps.filter((g) => g.tierId === tier.id).length,
  }));
}

export function buildGlance(framework: Framework, assessment: Assessment, catalog: Catalog): Glance {
  const applicable = assessment.tiers.flatMap((t) => t.provisions).reduce((n, p) => n + p.applicableElements, 0);
  const assessed = assessment.tiers.flatMap((t) => t.provisions).reduce((n, p) => n + p.assessedElements, 0);
  const tiers = tierSummaries(framework, assessment, catalog);
  return {
    overall: scored(assessment.score, true, framework, catalog),
    coverage: percent(assessment.coverage),
    coverageDetail: catalog.t('glance.coverageDetail', { assessed, applicable }),
    lowCoverage: assessment.coverage < LOW_COVERAGE ? catalog.t('glance.lowCoverage', { coverage: percent(assessment.coverage) }) : null,
    // A settled standing names the tier in full; a range of tiers by id keeps the box short (the tier table names them).
    standing: assessment.standing && (assessment.standingUpper ?? assessment.standing) === assessment.standing ? catalog.t('glance.standingTier', { tier: standingName(framework, assessment.standing, catalog) }) : standingView(framework, assessment, catalog),
    range: rangeView(assessment.score, assessment.bounds, catalog),
    standingAttained: assessment.standing !== null,
    standingExplain: catalog.t('glance.standingExplain'),
    tiers,
    chart: buildChart(assessment, tiers, catalog, framework),
    gapCount: assessment.gaps.length,
    unassessedCount: assessment.unassessed.length,
    map: assessment.tiers.map((tier) => ({
      tierId: tier.id,
      tierTitle: text(framework.tiers.find((t) => t.id === tier.id)?.title, catalog),
      cells: tier.provisions.map((p) => ({ id: p.id, anchor: anchorOf(p.id), score: scored(p.score, p.applicable, framework, catalog) })),
    })),
  };
}

function standingName(framework: Framework, tierId: string, catalog: Catalog): string {
  const tier = framework.tiers.find((t) => t.id === tierId);
  return tier ? `${tierId} (${text(tier.title, catalog)})` : tierId;
}

/** A horizontal bar chart: one row for the overall score and one per tier; geometry in SVG user units. */
function buildChart(assessment: Assessment, tiers: TierSummary[], catalog: Catalog, framework: Framework): Chart {
  const barX = 150;
  const barWidth = 250;
  const rowHeight = 36;
  const rows = [
    { label: catalog.t('glance.overall'), score: assessment.score, coverage: assessment.coverage, bounds: assessment.bounds },
    ...tiers.map((t, i) => ({ label: `${t.id}`, score: assessment.tiers[i]!.score, coverage: assessment.tiers[i]!.coverage, bounds: assessment.tiers[i]!.bounds })),
  ].map((row, i) => {
    const s = scored(row.score, true, framework, catalog);
    return {
      label: row.label,
      y: 12 + i * rowHeight,
      scoreWidth: round(barWidth * (row.score ?? 0)),
      coverageWidth: round(barWidth * row.coverage),
      scoreText: s.percent,
      coverageText: percent(row.coverage),
      level: s.level,
      rangeX: row.bounds ? round(barX + barWidth * row.bounds.lower) : null,
      rangeEndX: row.bounds ? round(barX + barWidth * row.bounds.upper) : null,
      rangeWidth: row.bounds ? round(barWidth * (row.bounds.upper - row.bounds.lower)) : 0,
      rangeText: row.bounds ? rangeView(row.score, row.bounds, catalog).span : '',
    };
  });
  return {
    width: 500,
    height: 12 + rows.length * rowHeight + 8,
    barX,
    barWidth,
    midX: barX + barWidth / 2,
    rows,
    title: catalog.t('glance.chartTitle'),
    legendScore: catalog.t('glance.chartScore'),
    legendCoverage: catalog.t('glance.chartCoverage'),
    legend: legend(catalog).filter((l) => l.level === 'full' || l.level === 'part' || l.level === 'none'),
    legendRange: catalog.t('glance.chartRange'),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The HTML id of a provision's section, e.g. p-T1-06. */
export function anchorOf(id: string): string {
  return `p-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
