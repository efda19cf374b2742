import { entryOf } from '../framework/scale.js';
import type { Framework } from '../framework/types.js';
import type { Evidence, Profile } from '../profile/types.js';

/** Agreement between two codings over the elements both answered, as comparative-law datasets report it. */
export interface AgreementStats {
  /** Elements both codings answered (neither left unknown). */
  compared: number;
  agreed: number;
  /** agreed / compared; null when nothing is compared. */
  percent: number | null;
  /** Cohen's kappa; null when it is undefined (see `kappaUndefined`). */
  kappa: number | null;
  /** Why kappa is undefined: nothing compared, or both codings used one and the same answer throughout. */
  kappaUndefined?: 'nothing-compared' | 'no-variation';
}

export interface Disagreement {
  tier: string;
  provision: string;
  element: string;
  a: CodedAnswer;
  b: CodedAnswer;
}

export interface CodedAnswer {
  answer: string;
  /** The citations that back this element in that coding. */
  evidence: Evidence[];
}

export interface Agreement {
  overall: AgreementStats;
  tiers: ({ id: string } & AgreementStats)[];
  disagreements: Disagreement[];
  /** Elements one coding answered and the other left unknown: not compared, counted for the record. */
  answeredByOneOnly: number;
}

/**
 * Compares two codings of the same framework element by element. An element's answer is its own,
 * or the provision-level answer that speaks for it (as in scoring); one left unknown by either
 * coding is not compared. Good-practice elements are coded like any other and compared too.
 */
export function agreement(framework: Framework, a: Profile, b: Profile): Agreement {
  const pairs: { tier: string; provision: string; element: string; a: string; b: string }[] = [];
  let answeredByOneOnly = 0;
  for (const tier of framework.tiers) {
    for (const provision of tier.provisions) {
      for (const element of provision.elements) {
        const x = codedAnswer(framework, a, provision.id, element.id);
        const y = codedAnswer(framework, b, provision.id, element.id);
        if (x && y) pairs.push({ tier: tier.id, provision: provision.id, element: element.id, a: x, b: y });
        else if (x || y) answeredByOneOnly++;
      }
    }
  }
  return {
    overall: stats(pairs),
    tiers: framework.tiers.map((t) => ({ id: t.id, ...stats(pairs.filter((p) => p.tier === t.id)) })),
    disagreements: pairs
      .filter((p) => p.a !== p.b)
      .map((p) => ({
        tier: p.tier,
        provision: p.provision,
        element: p.element,
        a: { answer: p.a, evidence: backing(a, p.provision, p.element) },
        b: { answer: p.b, evidence: backing(b, p.provision, p.element) },
      })),
    answeredByOneOnly,
  };
}

/** The answer that counts for an element, or undefined when it is not yet assessed. */
function codedAnswer(framework: Framework, profile: Profile, provisionId: string, elementId: string): string | undefined {
  const given = Object.hasOwn(profile.provisions, provisionId) ? profile.provisions[provisionId] : undefined;
  const own = given?.elements && Object.hasOwn(given.elements, elementId) ? given.elements[elementId] : undefined;
  const assessed = (answer: string | undefined) => {
    const entry = answer === undefined ? undefined : entryOf(framework.scale, answer);
    return entry !== undefined && (entry.score !== null || entry.applicable === false);
  };
  if (assessed(own)) return own;
  if (assessed(given?.answer)) return given!.answer;
  return undefined;
}

function backing(profile: Profile, provisionId: string, elementId: string): Evidence[] {
  const given = Object.hasOwn(profile.provisions, provisionId) ? profile.provisions[provisionId] : undefined;
  return (given?.evidence ?? []).filter((e) => !e.elements || e.elements.length === 0 || e.elements.includes(elementId));
}

/**
 * Percentage agreement p_o and Cohen's kappa (p_o − p_e) / (1 − p_e), where p_e is the agreement
 * expected by chance from each coding's own answer frequencies.
 */
export function stats(pairs: readonly { a: string; b: string }[]): AgreementStats {
  const n = pairs.length;
  if (n === 0) return { compared: 0, agreed: 0, percent: null, kappa: null, kappaUndefined: 'nothing-compared' };
  const agreed = pairs.filter((p) => p.a === p.b).length;
  const po = agreed / n;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const p of pairs) {
    countA.set(p.a, (countA.get(p.a) ?? 0) + 1);
    countB.set(p.b, (countB.get(p.b) ?? 0) + 1);
  }
  let pe = 0;
  for (const [answer, k] of countA) pe += (k / n) * ((countB.get(answer) ?? 0) / n);
  if (Math.abs(1 - pe) < 1e-12) return { compared: n, agreed, percent: po, kappa: null, kappaUndefined: 'no-variation' };
  return { compared: n, agreed, percent: po, kappa: (po - pe) / (1 - pe) };
}
