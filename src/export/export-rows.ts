import { textIn } from '../framework/text.js';
import { provisionGap } from '../gaps/element-gaps.js';
import type { Framework } from '../framework/types.js';
import type { Evidence, Profile } from '../profile/types.js';
import type { Assessment } from '../scoring/types.js';
import { isDerived } from '../format/derived-text.js';

/** One citation backing an element, with the cited law's title resolved. */
export interface ExportCitation {
  law: string;
  law_title: string;
  section: string | null;
  quote: string | null;
  /** The citation's own link, else the law's. */
  url: string | null;
  confidence: string;
  checked: string;
  source: string | null;
}

/**
 * One country × provision × element: the unit researchers count. Field names are the published
 * column names (snake_case) and never change meaning; new fields may be added at the end.
 */
export interface ExportRow {
  country: string;
  country_name: string;
  framework: string;
  framework_version: string;
  assessed: string;
  status: string;
  tier: string;
  provision: string;
  provision_title: string;
  weight: number;
  element: string;
  element_text: string;
  /** As written in the profile; null when the profile leaves the element out. */
  answer: string | null;
  score: number | null;
  applicable: boolean;
  provision_answer: string | null;
  provision_score: number | null;
  provision_scored_from: 'elements' | 'provision' | 'none';
  notes: string | null;
  citations: ExportCitation[];
  /** A good-practice element: never scored, never a shortfall. */
  good_practice: boolean;
  /** A core element that falls short (its own answer, or the provision-level answer, below the top score). */
  shortfall: boolean;
  /** For a shortfall: the element's amendment, else the provision's recommendation; null otherwise. */
  amendment: string | null;
  /** For a partly met shortfall: what a partial law usually lacks (the element's partialNote). */
  partial_note: string | null;
  /** The provision's range over what is unknown (null when it is not applicable). */
  provision_lower: number | null;
  provision_upper: number | null;
  /** Three-valued: attained, not-attained, undecided; or not-applicable. */
  provision_attainment: string;
  /** Derived, not assessed: the crosswalk the row's answer was read through; null for an assessed row. */
  derived_via: string | null;
  /** The framework the derivation reads, "id version" (as in `score --framework --format csv`); null for an assessed row. */
  derived_from: string | null;
  /** The share of the applicable source elements the crosswalk reads that are assessed (0..1); null for an assessed row. */
  derived_source_coverage: number | null;
}

/** Every element of the framework for one scored profile, in framework order; English text. */
export function exportRows(framework: Framework, profile: Profile, assessment: Assessment): ExportRow[] {
  const laws = profile.laws ?? {};
  const results = new Map(assessment.tiers.flatMap((t) => t.provisions).map((p) => [p.id, p]));
  const derived = derivedFields(assessment);
  return framework.tiers.flatMap((tier) =>
    tier.provisions.flatMap((provision) => {
      const result = results.get(provision.id)!;
      const given = Object.hasOwn(profile.provisions, provision.id) ? profile.provisions[provision.id] : undefined;
      const evidence = given?.evidence ?? [];
      const gap = provisionGap(framework, result, 'en', provision);
      return provision.elements.map((element): ExportRow => {
        const short = gap.shortfalls.find((x) => x.id === element.id);
        const scored = [...result.elements, ...result.goodPractice].find((e) => e.id === element.id)!;
        return {
          country: profile.country,
          country_name: profile.name,
          framework: framework.id,
          framework_version: framework.version,
          assessed: profile.assessed,
          status: profile.status,
          tier: tier.id,
          provision: provision.id,
          provision_title: textIn(provision.title),
          weight: provision.weight,
          element: element.id,
          element_text: textIn(element.text),
          answer: scored.answer ?? null,
          score: round(scored.score),
          applicable: scored.applicable && result.applicable,
          provision_answer: given?.answer ?? null,
          provision_score: round(result.score),
          provision_scored_from: result.scoredFrom,
          notes: given?.notes ?? null,
          citations: evidence.filter((e) => backs(e, element.id)).map((e) => citation(e, laws)),
          good_practice: element.goodPractice === true,
          shortfall: short !== undefined,
          amendment: short?.amendment ?? null,
          partial_note: short?.partialNote ?? null,
          provision_lower: round(result.bounds?.lower ?? null),
          provision_upper: round(result.bounds?.upper ?? null),
          provision_attainment: result.status,
          ...derived,
        };
      });
    }),
  );
}

/** The same on every row of a profile: where its answers come from when they were derived through a crosswalk. */
function derivedFields(assessment: Assessment): Pick<ExportRow, 'derived_via' | 'derived_from' | 'derived_source_coverage'> {
  if (!isDerived(assessment)) return { derived_via: null, derived_from: null, derived_source_coverage: null };
  const { crosswalk, from, sourceCoverage } = assessment.derived;
  return { derived_via: crosswalk, derived_from: `${from.id} ${from.version}`, derived_source_coverage: round(sourceCoverage.coverage) };
}

/** A citation with no `elements` list backs the whole provision (as `validate` reads it). */
function backs(evidence: Evidence, element: string): boolean {
  return !evidence.elements || evidence.elements.length === 0 || evidence.elements.includes(element);
}

function citation(e: Evidence, laws: NonNullable<Profile['laws']>): ExportCitation {
  const law = Object.hasOwn(laws, e.law) ? laws[e.law] : undefined;
  return {
    law: e.law,
    law_title: law?.title ?? '',
    section: e.section ?? null,
    quote: e.quote ?? null,
    url: e.url ?? law?.url ?? null,
    confidence: e.confidence,
    checked: e.checked,
    source: e.source ?? null,
  };
}

/** Four decimals, as in `lexgap score --format csv`: enough for weighted means, stable across runs. */
function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}
