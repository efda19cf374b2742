import type { Framework } from '../framework/types.js';
import type { Evidence, Law, Profile } from '../profile/types.js';
import type { Assessment, Bounds, ProvisionResult } from '../scoring/types.js';
import { diffEvidence, hasEvidenceChanges } from './evidence-changes.js';
import { rangeMove } from './range-change.js';
import { CHANGE_KINDS, type RangeDelta, type Change, type ChangeKind, type Delta, type ElementChange, type LawChanges, type LawRef, type ProfileDiff, type ProvisionChange } from './types.js';

/**
 * Compares two versions of a profile answering the same framework, each with its assessment.
 * Everything is keyed by provision, element and law id, so reordering a file is no change.
 */
export function diffProfiles(framework: Framework, oldProfile: Profile, newProfile: Profile, oldAssessment: Assessment, newAssessment: Assessment): ProfileDiff {
  const oldProvisions = byId(oldAssessment.tiers.flatMap((t) => t.provisions));
  const newProvisions = byId(newAssessment.tiers.flatMap((t) => t.provisions));
  const provisions: ProvisionChange[] = [];
  for (const tier of framework.tiers) {
    for (const { id } of tier.provisions) {
      const change = diffProvision(oldProvisions.get(id), newProvisions.get(id), evidenceOf(oldProfile, id), evidenceOf(newProfile, id));
      if (change) provisions.push(change);
    }
  }
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, provisions.filter((p) => p.kind === k).length])) as Record<ChangeKind, number>;
  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    country: change(oldProfile.country, newProfile.country),
    name: change(oldProfile.name, newProfile.name),
    assessed: change(oldProfile.assessed, newProfile.assessed),
    status: change(oldProfile.status, newProfile.status),
    score: delta(oldAssessment.score, newAssessment.score),
    coverage: delta(oldAssessment.coverage, newAssessment.coverage),
    range: range(oldAssessment.bounds, newAssessment.bounds),
    standing: change(oldAssessment.standing, newAssessment.standing),
    standingUpper: change(oldAssessment.standingUpper, newAssessment.standingUpper),
    tiers: newAssessment.tiers.map((tier) => {
      const before = oldAssessment.tiers.find((t) => t.id === tier.id);
      return {
        id: tier.id,
        score: delta(before?.score ?? null, tier.score),
        range: range(before?.bounds ?? null, tier.bounds),
        coverage: delta(before?.coverage ?? null, tier.coverage),
        attained: change(before?.attained ?? false, tier.attained),
        status: change<string>(before?.status ?? 'undecided', tier.status),
      };
    }),
    provisions,
    laws: diffLaws(oldProfile.laws ?? {}, newProfile.laws ?? {}),
    counts,
  };
}

/** The change to one provision, or undefined when neither its answers nor its citations changed. */
function diffProvision(before: ProvisionResult | undefined, after: ProvisionResult | undefined, oldEvidence: Evidence[], newEvidence: Evidence[]): ProvisionChange | undefined {
  if (!before || !after) return undefined; // both assessments come from the same framework
  const oldElements = byId([...before.elements, ...before.goodPractice]);
  const elements: ElementChange[] = [...after.elements, ...after.goodPractice].flatMap((element) => {
    const old = oldElements.get(element.id);
    if (old?.answer === element.answer) return [];
    return [{ id: element.id, answer: change(old?.answer, element.answer), score: change(old?.score ?? null, element.score) }];
  });
  const answerChanged = before.answer !== after.answer;
  const evidence = diffEvidence(oldEvidence, newEvidence);
  if (elements.length === 0 && !answerChanged && !hasEvidenceChanges(evidence)) return undefined;
  const score = delta(before.score, after.score);
  const bounds = range(before.bounds, after.bounds);
  // A scored answer that is now unknown or not given, on an element that is still applicable.
  const withdrawn = elements.filter((e) => e.score.old !== null && e.score.new === null && after.elements.concat(after.goodPractice).find((x) => x.id === e.id)?.applicable).map((e) => e.id);
  const answerWithdrawn = answerChanged && before.answer !== undefined && scoredAnswer(before) && after.applicable && (after.answer === undefined || !scoredAnswer(after));
  const answersChanged = elements.length > 0 || answerChanged;
  return {
    id: after.id,
    tierId: after.tierId,
    weight: after.weight,
    kind: answersChanged ? kindOf(score, bounds) : 'evidence',
    score,
    range: bounds,
    applicable: change(before.applicable, after.applicable),
    ...(answerChanged ? { answer: change(before.answer, after.answer) } : {}),
    elements,
    withdrawn: [...(answerWithdrawn ? ['*'] : []), ...withdrawn],
    evidence,
  };
}

/** Whether the provision-level answer counted: it scored the provision. */
function scoredAnswer(p: ProvisionResult): boolean {
  return p.scoredFrom === 'provision';
}

/** Scored-or-not first (newly / no longer assessed), then what happened to the range. */
function kindOf(score: Delta, bounds: RangeDelta): ChangeKind {
  if (score.old === null && score.new !== null) return 'newly-assessed';
  if (score.old !== null && score.new === null) return 'no-longer-assessed';
  switch (bounds.move) {
    case 'moved-up':
      return 'improved';
    case 'moved-down':
      return 'regressed';
    case 'narrowed':
      return 'narrowed';
    case 'widened':
      return 'withdrawn';
    default:
      return 'changed';
  }
}

function evidenceOf(profile: Profile, id: string): Evidence[] {
  return (Object.hasOwn(profile.provisions, id) ? profile.provisions[id]?.evidence : undefined) ?? [];
}

function range(before: Bounds | null, after: Bounds | null): RangeDelta {
  return { old: before, new: after, move: rangeMove(before, after) };
}

function diffLaws(before: Record<string, Law>, after: Record<string, Law>): LawChanges {
  const ref = (key: string, law: Law): LawRef => ({ key, title: law.title, ...(law.repealedBy ? { repealedBy: law.repealedBy } : {}) });
  const own = (laws: Record<string, Law>, key: string) => (Object.hasOwn(laws, key) ? laws[key] : undefined);
  return {
    added: Object.entries(after).filter(([key]) => !own(before, key)).map(([key, law]) => ref(key, law)),
    removed: Object.entries(before).filter(([key]) => !own(after, key)).map(([key, law]) => ref(key, law)),
    repealed: Object.entries(after).filter(([key, law]) => law.repealedBy && own(before, key) && !own(before, key)!.repealedBy).map(([key, law]) => ref(key, law)),
  };
}

function change<T>(old: T, next: T): Change<T> {
  return { old, new: next };
}

function delta(old: number | null, next: number | null): Delta {
  return { old, new: next, delta: old === null || next === null ? null : next - old };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
