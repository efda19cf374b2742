import { provisionIndex } from '../../framework/provision-index.js';
import type { Framework, Provision } from '../../framework/types.js';
import type { Profile } from '../../profile/types.js';
import type { Assessment, ProvisionResult } from '../../scoring/types.js';
import type { Catalog } from '../i18n/catalog.js';
import {
  answerLabel, answerLevel, formatDate, frameworkMeta, legend, link, nestedLabels, optional, pageLabel, scored, statusView, text,
} from './common.js';
import { anchorOf, buildGlance } from './glance.js';
import { buildMethodology } from './methodology.js';
import { buildChangesView } from './build-changes-view.js';
import { buildDerivedView } from './build-derived-view.js';
import type { ProfileDiff } from '../../diff/types.js';
import type {
  CountryView, CoverView, DocumentBase, EvidenceRow, GapRow, LawRow, PendingRow, ProvisionView, ReferenceRow, Sources, TierView,
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
    gaps: gapRows(input, assessment.gaps, provisions),
    unassessed: assessment.unassessed.map((p) => ({ id: p.id, anchor: anchorOf(p.id), title: text(provisions.get(p.id)?.title, catalog) })),
    tiers: tierViews(input),
    derived: (input.derived ?? []).map((d) => buildDerivedView(d.framework, d.assessment, catalog)),
    methodology: buildMethodology(framework, catalog),
    sources: buildSources(input),
  };
}

export function documentBase(input: Pick<ViewInput, 'catalog' | 'file' | 'version'> & { framework: Framework }, title: string, runningHeader?: string): DocumentBase {
  const { catalog } = input;
  return {
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

export function gapRows(input: ViewInput, gaps: readonly ProvisionResult[], provisions: Map<string, Provision>): GapRow[] {
  const { framework, catalog } = input;
  return gaps.map((gap, i) => {
    const provision = provisions.get(gap.id)!;
    return {
      rank: i + 1,
      id: gap.id,
      anchor: anchorOf(gap.id),
      title: text(provision.title, catalog),
      tierId: gap.tierId,
      weight: gap.weight,
      weightLabel: weightLabel(framework, gap.weight, catalog),
      score: scored(gap.score, gap.applicable, framework, catalog),
      recommendation: text(provision.recommendation, catalog),
      shortened: false,
    };
  });
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
      provisions: tier.provisions.map((p) => provisionView(input, p, result.provisions.find((r) => r.id === p.id)!)),
    };
  });
}

function provisionView(input: ViewInput, provision: Provision, result: ProvisionResult): ProvisionView {
  const { framework, profile, assessment, catalog } = input;
  const given = Object.hasOwn(profile.provisions, provision.id) ? profile.provisions[provision.id] : undefined;
  const basis = Object.hasOwn(framework.bases, provision.basis) ? framework.bases[provision.basis] : undefined;
  return {
    id: provision.id,
    anchor: anchorOf(provision.id),
    title: text(provision.title, catalog),
    requirement: text(provision.requirement, catalog),
    weightText: `${catalog.t('provisions.weight', { weight: provision.weight })}${weightName(framework, provision.weight, catalog)}`,
    basis: basis ? text(basis.label, catalog) : provision.basis,
    basisNote: optional(provision.basisNote, catalog),
    score: scored(result.score, result.applicable, framework, catalog),
    coverageText: result.applicable ? catalog.t('provisions.elementsAssessed', { assessed: result.assessedElements, applicable: result.applicableElements }) : catalog.t('provisions.notApplicable'),
    applicable: result.applicable,
    isGap: assessment.gaps.some((g) => g.id === provision.id),
    provisionAnswer: given?.answer === undefined ? null : { label: answerLabel(framework, given.answer, catalog), level: answerLevel(framework, given.answer) },
    scoredFromProvision: result.scoredFrom === 'provision',
    elements: provision.elements.map((element) => {
      const answer = result.elements.find((e) => e.id === element.id)?.answer;
      return {
        id: element.id,
        text: text(element.text, catalog),
        answer: answer ?? '',
        answerLabel: answer === undefined ? catalog.t('provisions.noAnswer') : answerLabel(framework, answer, catalog),
        level: answerLevel(framework, answer),
      };
    }),
    evidence: (given?.evidence ?? []).map((e): EvidenceRow => {
      const law = profile.laws && Object.hasOwn(profile.laws, e.law) ? profile.laws[e.law] : undefined;
      const url = e.url ?? law?.url;
      return {
        law: link(law?.title ?? e.law, law?.url),
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
    references: (provision.references ?? []).map((r): ReferenceRow => {
      const instrument = framework.instruments && Object.hasOwn(framework.instruments, r.instrument) ? framework.instruments[r.instrument] : undefined;
      const provenance = r.provenance && framework.provenances && Object.hasOwn(framework.provenances, r.provenance) ? framework.provenances[r.provenance] : undefined;
      const name = instrument ? text(instrument.title, catalog) : r.instrument;
      return {
        instrument: name,
        link: instrument?.url ? link(name, instrument.url) : null,
        locator: optional(r.locator, catalog),
        provenance: provenance ? text(provenance.label, catalog) : optional(r.provenance, catalog),
        note: optional(r.note, catalog),
      };
    }),
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
      details: details.length ? details.join(' · ') : null,
      notes: optional(law.notes, catalog),
      citedFor: cited.length ? catalog.t('sources.citedFor', { provisions: cited.join(', ') }) : catalog.t('sources.notCited'),
    };
  });
  return {
    laws,
    framework: frameworkMeta(framework, catalog),
    bases: Object.values(framework.bases).map((b) => ({ label: text(b.label, catalog), description: optional(b.description, catalog) })),
    provenances: Object.values(framework.provenances ?? {}).map((p) => ({ label: text(p.label, catalog), description: optional(p.description, catalog) })),
    instruments: Object.entries(framework.instruments ?? {}).map(([key, i]) => ({ key, title: link(text(i.title, catalog), i.url) })),
  };
}


function weightName(framework: Framework, weight: number, catalog: Catalog): string {
  const label = weightLabel(framework, weight, catalog);
  return label ? ` (${label})` : '';
}

function weightLabel(framework: Framework, weight: number, catalog: Catalog): string {
  const described = framework.weights && Object.hasOwn(framework.weights, String(weight)) ? framework.weights[String(weight)] : undefined;
  return described ? text(described.label, catalog) : '';
}
