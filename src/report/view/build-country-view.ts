import { provisionIndex } from '../../framework/provision-index.js';
import type { Framework, Provision } from '../../framework/types.js';
import type { Profile } from '../../profile/types.js';
import type { Assessment, ProvisionResult } from '../../scoring/types.js';
import type { Catalog } from '../i18n/catalog.js';
import {
  answerLabel, answerLevel, formatDate, safeHref, frameworkMeta, legend, link, nestedLabels, optional, pageLabel, scored, statusView, text,
} from './common.js';
import { anchorOf, buildGlance } from './glance.js';
import { buildMethodology } from './methodology.js';
import { buildChangesView } from './build-changes-view.js';
import { gapRows, goodPracticeRows, unassessedRows, weightLabel } from './gap-rows.js';
import { basesInUse, provenancesInUse, provisionBasis, referenceRow } from './provenance.js';
import { buildDerivedView } from './build-derived-view.js';
import type { ProfileDiff } from '../../diff/types.js';
import type {
  CountryView, CoverView, DocumentBase, EvidenceRow, LawRow, PdfInfo, PendingRow, ProvisionView, Sources, TierView,
} from './types.js';

export interface ViewInput {
  framework: Framework;
  profile: Profile;
  assessment: Assessment;
  catalog: Catalog;
  /** The profile's file name, printed in the colophon. */
  file: string;
  /** lexgap's version, printed in the colophon. */
  version: string;
  /** An earlier version to report the changes since, and where it was read. */
  since?: { diff: ProfileDiff; source: string };
  /** Results against other frameworks derived from this assessment through crosswalks. */
  derived?: { framework: Framework; assessment: import('../../crosswalk/types.js').DerivedAssessment }[];
}

/** The country gap report's view: pure, from the framework, the profile, its assessment and a catalogue. */
export function buildCountryView(input: ViewInput): CountryView {
  const { framework, profile, assessment, catalog } = input;
  const provisions = provisionIndex(framework);
  return {
    kind: 'country',
    ...documentBase(input, catalog.t('doc.countryTitle', { country: profile.name }), runningHeader(input)),
    cover: buildCover(input, catalog.t('doc.countryTitle', { country: profile.name })),
    glance: buildGlance(framework, assessment, catalog),
    changes: input.since ? buildChangesView(framework, input.since.diff, input.since.source, catalog) : null,
    gaps: gapRows(framework, assessment.gaps, provisions, catalog),
    goodPractice: goodPracticeRows(framework, assessment, catalog),
    unassessed: unassessedRows(assessment, provisions, catalog),
    tiers: tierViews(input),
    derived: (input.derived ?? []).map((d) => buildDerivedView(d.framework, d.assessment, catalog)),
    methodology: buildMethodology(framework, catalog),
    sources: buildSources(input),
  };
}

export function documentBase(input: Pick<ViewInput, 'catalog' | 'file' | 'version'> & { framework: Framework; profile?: Profile }, title: string, runningHeader?: string): DocumentBase {
  const { catalog } = input;
  return {
    pdfInfo: pdfInfo(input.framework, input.profile, input.version, catalog),
    lang: catalog.lang,
    title,
    runningHeader: runningHeader ?? title,
    pageLabel: pageLabel(catalog),
    labels: nestedLabels(catalog),
    madeWith: catalog.t('doc.madeWith', { version: input.version, file: input.file }),
    legend: legend(catalog),
  };
}

/** The running header: country, framework and, for a draft, the word that says so on every page. */
export function runningHeader(input: ViewInput): string {
  const { framework, profile, catalog } = input;
  const status = statusView(profile.status, catalog);
  return [`${profile.name} (${profile.country})`, `${text(framework.shortTitle ?? framework.title, catalog)} ${framework.version}`, status.isDraft ? status.label : '']
    .filter(Boolean)
    .join(' · ');
}

export function buildCover(input: ViewInput, heading: string): CoverView {
  const { framework, profile, catalog } = input;
  return {
    country: profile.name,
    countryCode: profile.country,
    heading,
    framework: frameworkMeta(framework, catalog),
    assessed: formatDate(profile.assessed, catalog),
    status: statusView(profile.status, catalog),
    basedOn: optional(profile.basedOn, catalog),
    assessors: (profile.assessors ?? []).map((a) => [a.name, a.role, a.organisation].filter(Boolean).join(', ')),
  };
}

function tierViews(input: ViewInput): TierView[] {
  const { framework, assessment, catalog } = input;
  const glanceTiers = buildGlance(framework, assessment, catalog).tiers;
  return framework.tiers.map((tier, i) => {
    const result = assessment.tiers.find((t) => t.id === tier.id)!;
    return {
      id: tier.id,
      title: text(tier.title, catalog),
      description: optional(tier.description, catalog),
      summary: glanceTiers[i]!,
      // A provision nobody has assessed gets a row in the compact table, not a page of its own.
      provisions: tier.provisions.flatMap((p) => {
        const r = result.provisions.find((x) => x.id === p.id)!;
        return r.applicable && r.score === null ? [] : [provisionView(input, p, r)];
      }),
      unassessedNote: unassessedNote(result.provisions.filter((r) => r.applicable && r.score === null).length, tier.provisions.length, catalog),
    };
  });
}

function provisionView(input: ViewInput, provision: Provision, result: ProvisionResult): ProvisionView {
  const { framework, profile, assessment, catalog } = input;
  const given = Object.hasOwn(profile.provisions, provision.id) ? profile.provisions[provision.id] : undefined;
  const gapIndex = assessment.gaps.findIndex((g) => g.id === provision.id);
  const gap = gapIndex < 0 ? null : { ...gapRows(framework, [assessment.gaps[gapIndex]!], new Map([[provision.id, provision]]), catalog)[0]!, rank: gapIndex + 1 };
  return {
    id: provision.id,
    anchor: anchorOf(provision.id),
    title: text(provision.title, catalog),
    requirement: text(provision.requirement, catalog),
    weightText: `${catalog.t('provisions.weight', { weight: provision.weight })}${weightName(framework, provision.weight, catalog)}`,
    basis: provisionBasis(framework, provision.basis, catalog),
    basisNote: optional(provision.basisNote, catalog),
    score: scored(result.score, result.applicable, framework, catalog),
    coverageText: result.applicable ? catalog.t('provisions.elementsAssessed', { assessed: result.assessedElements, applicable: result.applicableElements }) : catalog.t('provisions.notApplicable'),
    applicable: result.applicable,
    isGap: gap !== null,
    gap,
    provisionAnswer: given?.answer === undefined ? null : { label: answerLabel(framework, given.answer, catalog), level: answerLevel(framework, given.answer) },
    scoredFromProvision: result.scoredFrom === 'provision',
    elements: provision.elements.map((element) => {
      const answer = [...result.elements, ...result.goodPractice].find((e) => e.id === element.id)?.answer;
      return {
        id: element.id,
        text: text(element.text, catalog),
        answer: answer ?? '',
        answerLabel: answer === undefined ? catalog.t('provisions.noAnswer') : answerLabel(framework, answer, catalog),
        level: answerLevel(framework, answer),
        goodPractice: element.goodPractice === true,
      };
    }),
    evidence: (given?.evidence ?? []).map((e): EvidenceRow => {
      const law = profile.laws && Object.hasOwn(profile.laws, e.law) ? profile.laws[e.law] : undefined;
      // The law's own address is in the sources (and behind its title): only a citation's own deep link is printed here.
      const url = e.url;
      return {
        law: link(citedTitle(law?.title ?? e.law), law?.url),
        section: optional(e.section, catalog),
        quote: optional(e.quote, catalog),
        link: url ? link(url, url) : null,
        confidence: e.confidence === 'sourced' ? catalog.t('provisions.confidence.sourced') : catalog.t('provisions.confidence.inferred'),
        checked: catalog.t('provisions.checked', { date: formatDate(e.checked, catalog) }),
        source: e.source ? catalog.t('provisions.source', { source: e.source }) : null,
        elements: e.elements?.length ? catalog.t('provisions.backs', { elements: e.elements.join(', ') }) : null,
      };
    }),
    notes: optional(given?.notes, catalog),
    pending: pendingRows(input, provision, given?.pending ?? []),
    references: (provision.references ?? []).map((r) => referenceRow(framework, r, catalog)),
    recommendation: text(provision.recommendation, catalog),
  };
}

export function pendingRows(input: ViewInput, provision: Provision, pending: NonNullable<Profile['provisions'][string]['pending']>): PendingRow[] {
  const { catalog } = input;
  return pending.map((bill) => ({
    bill: link(bill.bill, bill.url),
    stage: optional(bill.stage, catalog),
    checked: bill.checked ? catalog.t('provisions.checked', { date: formatDate(bill.checked, catalog) }) : null,
    notes: optional(bill.notes, catalog),
    provisionId: provision.id,
    provisionTitle: text(provision.title, catalog),
  }));
}

function buildSources(input: ViewInput): Sources {
  const { framework, profile, catalog } = input;
  const order = framework.tiers.flatMap((t) => t.provisions.map((p) => p.id));
  const citedFor = new Map<string, Set<string>>();
  for (const id of order) {
    const given = Object.hasOwn(profile.provisions, id) ? profile.provisions[id] : undefined;
    for (const e of given?.evidence ?? []) citedFor.set(e.law, (citedFor.get(e.law) ?? new Set()).add(id));
  }
  const laws = Object.entries(profile.laws ?? {}).map(([key, law]): LawRow => {
    const repealedBy = law.repealedBy ? (profile.laws && Object.hasOwn(profile.laws, law.repealedBy) ? profile.laws[law.repealedBy]!.title : law.repealedBy) : undefined;
    const details = [
      law.year !== undefined ? catalog.t('sources.year', { year: law.year }) : '',
      law.inForce ? catalog.t('sources.inForce', { date: formatDate(law.inForce, catalog) }) : '',
      repealedBy ? catalog.t('sources.repealedBy', { law: repealedBy }) : '',
    ].filter(Boolean);
    const cited = [...(citedFor.get(key) ?? [])];
    return {
      key,
      anchor: `law-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`,
      title: link(law.title, law.url),
      url: safeHref(law.url) ? link(law.url!, law.url) : null,
      details: details.length ? details.join(' · ') : null,
      notes: optional(law.notes, catalog),
      citedFor: cited.length ? catalog.t('sources.citedFor', { provisions: cited.join(', ') }) : catalog.t('sources.notCited'),
    };
  });
  return {
    laws,
    framework: frameworkMeta(framework, catalog),
    // Only what the provisions and references use: a basis declared for later says nothing yet.
    bases: basesInUse(framework).flatMap((k) => (Object.hasOwn(framework.bases, k) ? [framework.bases[k]!] : [])).map((b) => ({ label: text(b.label, catalog), description: optional(b.description, catalog) })),
    provenances: provenancesInUse(framework).map((k) => framework.provenances![k]!).map((p) => ({ label: text(p.label, catalog), description: optional(p.description, catalog) })),
    instruments: Object.entries(framework.instruments ?? {}).map(([key, i]) => ({ key, title: link(text(i.title, catalog), i.url), url: safeHref(i.url) ? link(i.url!, i.url) : null })),
  };
}


function weightName(framework: Framework, weight: number, catalog: Catalog): string {
  const label = weightLabel(framework, weight, catalog);
  return label ? ` (${label})` : '';
}

/**
 * A long law title as a citation gives it: "Republic Act No. 11930 (Anti-OSAEC … Act)" is cited as
 * "Republic Act No. 11930"; the full title stands in the sources. Short titles are kept whole.
 */
function citedTitle(title: string): string {
  const cut = title.indexOf(' (');
  return title.length > 60 && cut >= 12 ? title.slice(0, cut) : title;
}

function unassessedNote(count: number, total: number, catalog: Catalog): string | null {
  if (count === 0) return null;
  return count === total ? catalog.t('provisions.tierNoneAssessed') : catalog.t('provisions.tierSomeUnassessed', { n: count });
}

/** The PDF's author (the profile's assessors), subject and creator. */
function pdfInfo(framework: Framework, profile: Profile | undefined, version: string, catalog: Catalog): PdfInfo {
  const names = (profile?.assessors ?? []).map((a) => [a.name, a.organisation].filter(Boolean).join(', '));
  return {
    author: names.length ? names.join('; ') : null,
    subject: catalog.t('doc.subject', { framework: `${text(framework.shortTitle ?? framework.title, catalog)} ${framework.version}` }),
    creator: `lexgap ${version}`,
  };
}
