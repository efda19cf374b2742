import type { Framework } from '../framework/types.js';
import type { Law, Profile } from '../profile/types.js';
import type { Assessment, ProvisionResult } from '../scoring/types.js';
import { CHANGE_KINDS, type Change, type ChangeKind, type Delta, type ElementChange, type LawChanges, type LawRef, type ProfileDiff, type ProvisionChange } from './types.js';

/** Score differences smaller than this are rounding noise, not a change (as in scoring). */
const EPSILON = 1e-9;

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
      const change = diffProvision(oldProvisions.get(id), newProvisions.get(id));
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
    standing: change(oldAssessment.standing, newAssessment.standing),
    tiers: newAssessment.tiers.map((tier) => {
      const before = oldAssessment.tiers.find((t) => t.id === tier.id);
      return {
        id: tier.id,
        score: delta(before?.score ?? null, tier.score),
        coverage: delta(before?.coverage ?? null, tier.coverage),
        attained: change(before?.attained ?? false, tier.attained),
      };
    }),
    provisions,
    laws: diffLaws(oldProfile.laws ?? {}, newProfile.laws ?? {}),
    counts,
  };
}

/** The change to one provision, or undefined when none of its answers changed. */
function diffProvision(before: ProvisionResult | undefined, after: ProvisionResult | undefined): ProvisionChange | undefined {
  if (!before || !after) return undefined; // both assessments come from the same framework
  const oldElements = byId(before.elements);
  const elements: ElementChange[] = after.elements.flatMap((element) => {
    const old = oldElements.get(element.id);
    if (old?.answer === element.answer) return [];
    return [{ id: element.id, answer: change(old?.answer, element.answer), score: change(old?.score ?? null, element.score) }];
  });
  const answerChanged = before.answer !== after.answer;
  if (elements.length === 0 && !answerChanged) return undefined;
  const score = delta(before.score, after.score);
  return {
    id: after.id,
    tierId: after.tierId,
    weight: after.weight,
    kind: kindOf(score),
    score,
    applicable: change(before.applicable, after.applicable),
    ...(answerChanged ? { answer: change(before.answer, after.answer) } : {}),
    elements,
  };
}

function kindOf(score: Delta): ChangeKind {
  if (score.old === null) return score.new === null ? 'changed' : 'newly-assessed';
  if (score.new === null) return 'no-longer-assessed';
  if (score.new > score.old + EPSILON) return 'improved';
  if (score.new < score.old - EPSILON) return 'regressed';
  return 'changed';
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
