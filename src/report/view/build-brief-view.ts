import { percent } from '../../format/percent.js';
import type { Catalog } from '../i18n/catalog.js';
import type { BriefView } from './types.js';
import { provisionIndex } from '../../framework/provision-index.js';
import { buildCover, documentBase, pendingRows, runningHeader, type ViewInput } from './build-country-view.js';
import { gapRows } from './gap-rows.js';
import { shorten, text } from './common.js';
import { buildGlance } from './glance.js';
import { scaleInBrief, thresholdText } from './methodology.js';

/**
 * Limits that keep the brief within two A4 pages whatever the profile holds; anything cut is
 * marked as shortened and the brief points to the country report for the rest.
 */
export const BRIEF_LIMITS = { gaps: 5, recommendation: 380, context: 100, amendment: 150, elementText: 100, shortfalls: 2, pending: 2, pendingText: 220, pendingStage: 120, basedOn: 420, unassessedIds: 8 } as const;

/** The two-page brief for parliament: standing, the five most urgent gaps, pending bills, a one-line method. */
export function buildBriefView(input: ViewInput): BriefView {
  const { framework, profile, assessment, catalog } = input;
  const provisions = provisionIndex(framework);
  const title = catalog.t('doc.briefTitle', { country: profile.name });
  const cover = buildCover(input, title);
  if (cover.basedOn) cover.basedOn = shortenMarked(cover.basedOn, BRIEF_LIMITS.basedOn, catalog.t('brief.shortenedText'));

  const gaps = gapRows(framework, assessment.gaps.slice(0, BRIEF_LIMITS.gaps), provisions, catalog).map((gap) => {
    // The recommendation is the amendment when an element has none of its own, else only context: shorter.
    const asAmendment = gap.shortfalls.length === 0 || gap.shortfalls.some((s) => s.amendment === null);
    const cut = shorten(gap.recommendation, asAmendment ? BRIEF_LIMITS.recommendation : BRIEF_LIMITS.context);
    const shown = gap.shortfalls.slice(0, BRIEF_LIMITS.shortfalls).map((s) => {
      const amendment = s.amendment === null ? null : shorten(s.amendment, BRIEF_LIMITS.amendment);
      return { ...s, text: shorten(s.text, BRIEF_LIMITS.elementText).text, amendment: amendment?.text ?? null, partialNote: s.partialNote === null ? null : shorten(s.partialNote, BRIEF_LIMITS.amendment).text };
    });
    const cutAny = cut.shortened || shown.length < gap.shortfalls.length || gap.shortfalls.some((s) => s.amendment !== null && s.amendment.length > BRIEF_LIMITS.amendment);
    return { ...gap, shortfalls: shown, recommendation: cut.text, shortened: cutAny };
  });

  const allPending = framework.tiers.flatMap((t) => t.provisions).flatMap((p) => {
    const given = Object.hasOwn(profile.provisions, p.id) ? profile.provisions[p.id] : undefined;
    return pendingRows(input, p, given?.pending ?? []);
  });
  const pending = allPending.slice(0, BRIEF_LIMITS.pending).map((row) => ({
    ...row,
    bill: { ...row.bill, text: shorten(row.bill.text, BRIEF_LIMITS.pendingText).text },
    stage: row.stage === null ? null : shorten(row.stage, BRIEF_LIMITS.pendingStage).text,
    notes: row.notes === null ? null : shorten(row.notes, BRIEF_LIMITS.pendingText).text,
  }));

  // The heaviest unassessed provisions first: the ones whose answer would move the picture most.
  const unassessed = [...assessment.unassessed].sort((a, b) => b.weight - a.weight);
  const shownIds = unassessed.slice(0, BRIEF_LIMITS.unassessedIds).map((p) => `${p.id} ${text(provisions.get(p.id)?.title, catalog)}`);
  const frameworkName = text(framework.shortTitle ?? framework.title, catalog);

  const glance = buildGlance(framework, assessment, catalog);
  return {
    kind: 'brief',
    ...documentBase(input, title, runningHeader(input)),
    cover,
    glance,
    rangeSentence: catalog.t('brief.rangeSentence', { range: glance.range.span, standing: glance.standing }),
    standingHeading: catalog.t('brief.whereStands', { country: profile.name }),
    standingSentence: catalog.t('brief.standingSentence', { framework: frameworkName, country: profile.name, score: percent(assessment.score), coverage: percent(assessment.coverage) }),
    gaps,
    gapsIntro: gapsIntro(gaps.length, assessment.gaps.length, catalog),
    unassessedLine: unassessed.length ? catalog.t('brief.unassessed', { n: unassessed.length, list: shownIds.join('; ') + (unassessed.length > shownIds.length ? '; …' : '') }) : null,
    pending,
    morePending: allPending.length > pending.length ? catalog.t('brief.morePending', { n: allPending.length - pending.length }) : null,
    methodNote: `${catalog.t('brief.methodNote', { scale: scaleInBrief(framework, catalog), threshold: thresholdText(framework, catalog) })} ${catalog.t('brief.methodRange')}`,
  };
}

function gapsIntro(shown: number, total: number, catalog: Catalog): string {
  if (total === 0) return catalog.t('brief.noGaps');
  if (total === 1) return catalog.t('brief.oneGap');
  return shown === total ? catalog.t('brief.allGaps', { n: total }) : catalog.t('brief.topGapsIntro', { n: shown, total });
}

function shortenMarked(value: string, limit: number, marker: string): string {
  const cut = shorten(value, limit);
  return cut.shortened ? `${cut.text} ${marker}` : cut.text;
}
