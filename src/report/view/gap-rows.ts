import { furtherGoodPractice, provisionGap } from '../../gaps/element-gaps.js';
import type { Framework, Provision } from '../../framework/types.js';
import type { Assessment, ProvisionResult } from '../../scoring/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { answerLabel, answerLevel, scored, text } from './common.js';
import { anchorOf } from './glance.js';
import type { GapRow, GoodPracticeRow, UnassessedRow } from './types.js';

/**
 * The gaps as a drafter acts on them: each names the elements that fall short, with their own
 * amendments, and the provision's recommendation — as the amendment for elements that have none of
 * their own, otherwise as context. A met element is never listed.
 */
export function gapRows(framework: Framework, gaps: readonly ProvisionResult[], provisions: Map<string, Provision>, catalog: Catalog): GapRow[] {
  return gaps.map((result, i) => {
    const provision = provisions.get(result.id)!;
    const gap = provisionGap(framework, result, catalog.lang, provision);
    return {
      rank: i + 1,
      id: result.id,
      anchor: anchorOf(result.id),
      title: text(provision.title, catalog),
      tierId: result.tierId,
      weight: result.weight,
      weightLabel: weightLabel(framework, result.weight, catalog),
      score: scored(result.score, result.applicable, framework, catalog),
      recommendation: gap.recommendation,
      shortened: false,
      shortfalls: gap.shortfalls.map((s) => ({
        id: s.id,
        text: s.text,
        answerLabel: s.fromProvision ? catalog.t('gaps.fromProvision', { answer: answerLabel(framework, s.answer, catalog) }) : answerLabel(framework, s.answer, catalog),
        level: answerLevel(framework, s.answer),
        amendment: s.amendmentFromRecommendation ? null : s.amendment,
        partialNote: s.partialNote,
      })),
      recommendationLabel: gap.usesRecommendation ? catalog.t('gaps.recommendation') : catalog.t('gaps.context'),
    };
  });
}

/** Good-practice elements still open, apart from the gaps: never counted in a score. */
export function goodPracticeRows(framework: Framework, assessment: Assessment, catalog: Catalog): GoodPracticeRow[] {
  return furtherGoodPractice(framework, assessment, catalog.lang).map((g) => ({
    provisionId: g.provisionId,
    anchor: anchorOf(g.provisionId),
    provisionTitle: g.provisionTitle,
    id: g.id,
    text: g.text,
    answerLabel: g.answer === null ? catalog.t('provisions.noAnswer') : answerLabel(framework, g.answer, catalog),
    level: answerLevel(framework, g.answer ?? undefined),
    amendment: g.amendment,
  }));
}

/** Provisions nobody has assessed yet: what to check, in one compact table. */
export function unassessedRows(assessment: Assessment, provisions: Map<string, Provision>, catalog: Catalog): UnassessedRow[] {
  return assessment.unassessed.map((p) => {
    const provision = provisions.get(p.id)!;
    return {
      id: p.id,
      anchor: anchorOf(p.id),
      title: text(provision.title, catalog),
      weight: p.weight,
      requirement: text(provision.requirement, catalog),
      elementsText: catalog.t('gaps.elementCount', { n: provision.elements.filter((e) => e.goodPractice !== true).length }),
    };
  });
}

export function weightLabel(framework: Framework, weight: number, catalog: Catalog): string {
  const described = framework.weights && Object.hasOwn(framework.weights, String(weight)) ? framework.weights[String(weight)] : undefined;
  return described ? text(described.label, catalog) : '';
}
