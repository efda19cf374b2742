import { provisionIndex } from '../framework/provision-index.js';
import { textIn } from '../framework/text.js';
import { topScore } from '../framework/scale.js';
import type { Framework, Provision } from '../framework/types.js';
import type { Profile, ProvisionAnswer } from '../profile/types.js';
import { score } from '../scoring/score.js';
import type { Assessment, ProvisionResult } from '../scoring/types.js';
import { applyRule } from './apply-rule.js';
import { outcomeAnswers } from './outcome-answers.js';
import type { DerivedAssessment, DerivedTarget, LoadedCrosswalk, Mapping, SourceUnit } from './types.js';

export interface DeriveInput {
  crosswalk: LoadedCrosswalk;
  /** The framework the source assessment answers (the crosswalk's `from`). */
  source: Framework;
  /** The framework to derive results for (the crosswalk's `to`). */
  target: Framework;
  assessment: Assessment;
}

/**
 * Reads an assessment against one framework as answers to another, through a checked crosswalk:
 * each mapping's rule decides its target's answer from the source answers, nothing is assessed
 * anew. Returns the derived profile (for other views of it) and its assessment, which carries the
 * record of how every target was decided.
 */
export function derive({ crosswalk: loaded, source, target, assessment }: DeriveInput): { profile: Profile; assessment: DerivedAssessment } {
  const { crosswalk, file } = loaded;
  const results = new Map(assessment.tiers.flatMap((t) => t.provisions).map((p) => [p.id, p]));
  const sourceProvisions = provisionIndex(source);
  const targetProvisions = provisionIndex(target);
  const weights = new Map([...sourceProvisions.values()].map((p) => [p.id, p.weight]));
  const answers = outcomeAnswers(target);
  const top = topScore(source);

  const provisions: Record<string, ProvisionAnswer> = {};
  const targets: DerivedTarget[] = crosswalk.mappings.map((mapping) => {
    const units = mapping.sources.flatMap((ref) => sourceUnits(sourceProvisions.get(ref.provision)!, results.get(ref.provision), ref.elements));
    const outcome = applyRule({ rule: mapping.rule, minimum: mapping.minimum, units, top, weights });
    const answer = answers[outcome] ?? answers.unknown!;
    const elements = mapping.element ? [mapping.element] : targetProvisions.get(mapping.target)!.elements.map((e) => e.id);
    const given = (provisions[mapping.target] ??= { elements: {} });
    for (const element of elements) given.elements![element] = answer;
    return { target: mapping.target, ...optional(mapping), rule: mapping.rule, outcome, answer, sources: units };
  });

  const profile: Profile = {
    country: assessment.country,
    name: assessment.name,
    framework: target.id,
    assessed: assessment.assessed,
    status: assessment.status as Profile['status'],
    basedOn: `Derived from the ${source.id} assessment through crosswalk ${crosswalk.id}; not assessed against ${target.id} directly.`,
    provisions,
  };
  return {
    profile,
    assessment: {
      ...score(target, profile),
      derived: {
        crosswalk: crosswalk.id,
        crosswalkTitle: textIn(crosswalk.title),
        crosswalkFile: file,
        from: { id: source.id, version: source.version },
        note: textIn(crosswalk.note),
        caveats: crosswalk.caveats.map((c) => textIn(c)),
        targets,
        sourceCoverage: sourceCoverage(targets, assessment.coverage),
      },
    },
  };
}

/**
 * The source elements a reference names, each with the answer that counts for it. A reference to a
 * whole provision means its requirements, not its good practice (which scoring leaves out too).
 */
function sourceUnits(provision: Provision, result: ProvisionResult | undefined, only: readonly string[] | undefined): SourceUnit[] {
  const ids = only ?? provision.elements.filter((e) => e.goodPractice !== true).map((e) => e.id);
  return ids.map((id) => {
    const element = result?.elements.find((e) => e.id === id) ?? result?.goodPractice.find((e) => e.id === id);
    const unit = { provision: provision.id, element: id };
    if (!result || !element) return { ...unit, answer: null, score: null, applicable: true };
    if (!result.applicable || !element.applicable) return { ...unit, answer: element.answer ?? result.answer ?? null, score: null, applicable: false };
    if (element.score !== null) return { ...unit, answer: element.answer ?? null, score: element.score, applicable: true };
    // A provision answered as a whole speaks for each of its elements, as in scoring.
    if (result.scoredFrom === 'provision') return { ...unit, answer: result.answer ?? null, score: result.score, applicable: true };
    return { ...unit, answer: element.answer ?? null, score: null, applicable: true };
  });
}

function optional(mapping: Mapping): Pick<DerivedTarget, 'element' | 'minimum'> {
  return {
    ...(mapping.element === undefined ? {} : { element: mapping.element }),
    ...(mapping.minimum === undefined ? {} : { minimum: mapping.minimum }),
  };
}


/** The distinct applicable source elements behind every target, and how many of them are assessed. */
function sourceCoverage(targets: readonly DerivedTarget[], profileCoverage: number): DerivedAssessment['derived']['sourceCoverage'] {
  const units = new Map<string, SourceUnit>();
  for (const t of targets) for (const u of t.sources) if (u.applicable) units.set(`${u.provision}\u0000${u.element}`, u);
  const applicable = units.size;
  const assessed = [...units.values()].filter((u) => u.score !== null).length;
  return { assessed, applicable, coverage: applicable === 0 ? 0 : assessed / applicable, profileCoverage };
}
