import { provisionIndex } from '../framework/provision-index.js';
import { textIn } from '../framework/text.js';
import type { Element, Framework, Provision } from '../framework/types.js';
import type { Assessment, ProvisionResult, Shortfall } from '../scoring/types.js';

/**
 * What a drafter acts on for one gap: the core elements that fall short, each with its own
 * amendment (the provision's recommendation when the element has none), and the recommendation as
 * context. Pure: reads the assessment's shortfalls, recomputes nothing. A met element never appears.
 */
export interface ElementGap {
  id: string;
  text: string;
  /** The answer that puts the element short (its own, or the provision-level answer standing for it). */
  answer: string;
  score: number;
  fromProvision: boolean;
  /** The element's own amendment, else the provision's recommendation. */
  amendment: string;
  /** true when the element has no amendment of its own and `amendment` is the provision's recommendation. */
  amendmentFromRecommendation: boolean;
  /** For a partial answer: what a partial law usually lacks (the element's `partialNote`). */
  partialNote: string | null;
}

export interface ProvisionGap {
  id: string;
  title: string;
  tierId: string;
  weight: number;
  score: number | null;
  recommendation: string;
  shortfalls: ElementGap[];
  /** true when at least one shortfall has no amendment of its own (the recommendation then is the amendment). */
  usesRecommendation: boolean;
}

/** Good-practice elements not answered at the top of the scale: listed apart, never as gaps. */
export interface GoodPracticeItem {
  provisionId: string;
  provisionTitle: string;
  id: string;
  text: string;
  /** The answer given, or null when the element is not answered. */
  answer: string | null;
  amendment: string | null;
}

/** The shortfalls of one provision, in `lang` (English fallback). */
export function provisionGap(framework: Framework, result: ProvisionResult, lang = 'en', provision = provisionIndex(framework).get(result.id)!): ProvisionGap {
  const recommendation = textIn(provision.recommendation, lang);
  const shortfalls = result.shortfalls.map((s) => elementGap(framework, provision, s, recommendation, lang));
  return {
    id: result.id,
    title: textIn(provision.title, lang),
    tierId: result.tierId,
    weight: result.weight,
    score: result.score,
    recommendation,
    shortfalls,
    usesRecommendation: shortfalls.some((s) => s.amendmentFromRecommendation),
  };
}

/** Every gap of an assessment, most urgent first (the assessment's order). */
export function assessmentGaps(framework: Framework, assessment: Assessment, lang = 'en'): ProvisionGap[] {
  const index = provisionIndex(framework);
  return assessment.gaps.map((g) => provisionGap(framework, g, lang, index.get(g.id)!));
}

function elementGap(framework: Framework, provision: Provision, s: Shortfall, recommendation: string, lang: string): ElementGap {
  const element = provision.elements.find((e) => e.id === s.id);
  const own = element?.amendment === undefined ? '' : textIn(element.amendment, lang).trim();
  const partial = isPartial(framework, s.score) && element?.partialNote !== undefined ? textIn(element.partialNote, lang).trim() : '';
  return {
    id: s.id,
    text: textIn(element?.text, lang),
    answer: s.answer,
    score: s.score,
    fromProvision: s.fromProvision,
    amendment: own || recommendation,
    amendmentFromRecommendation: own === '',
    partialNote: partial || null,
  };
}

/** A score strictly between the scale's lowest and highest: a partly met answer. */
function isPartial(framework: Framework, score: number): boolean {
  const scores = Object.values(framework.scale).flatMap((e) => (e.score === null ? [] : [e.score]));
  return score > Math.min(...scores) + 1e-9 && score < Math.max(...scores) - 1e-9;
}

/**
 * Good-practice elements of assessed provisions that are not answered at the top of the scale, in
 * framework order: what a country could add beyond the requirements.
 */
export function furtherGoodPractice(framework: Framework, assessment: Assessment, lang = 'en'): GoodPracticeItem[] {
  const index = provisionIndex(framework);
  const top = Math.max(...Object.values(framework.scale).flatMap((e) => (e.score === null ? [] : [e.score])));
  return assessment.tiers.flatMap((t) => t.provisions).flatMap((result) => {
    if (!result.applicable || result.goodPractice.length === 0) return [];
    const provision = index.get(result.id)!;
    return result.goodPractice.flatMap((gp): GoodPracticeItem[] => {
      if (!gp.applicable) return [];
      if (gp.score !== null && gp.score >= top - 1e-9) return [];
      // Listed when answered below the top, or left open in a provision that is otherwise assessed.
      if (gp.answer === undefined && result.score === null) return [];
      const element = provision.elements.find((e) => e.id === gp.id) as Element;
      return [{
        provisionId: result.id,
        provisionTitle: textIn(provision.title, lang),
        id: gp.id,
        text: textIn(element.text, lang),
        answer: gp.answer ?? null,
        amendment: element.amendment === undefined ? null : textIn(element.amendment, lang),
      }];
    });
  });
}
