import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { score } from '../src/scoring/score.js';
import type { Framework } from '../src/framework/types.js';
import type { Profile } from '../src/profile/types.js';
import { lexgap, MINI } from './helpers/run-cli.js';

// Expected values are computed by hand from test/fixtures/frameworks/mini.yaml: weights A.1 3,
// A.2 1, A.3 3, B.1 2, B.2 2; A.1 c is good practice; the scale runs from 0 (not met) to 1 (met).
function assessment(file: string) {
  const result = lexgap(['score', ...MINI, '--format', 'json', file]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).assessments[0];
}
const byId = (a: any) => Object.fromEntries(a.tiers.flatMap((t: any) => t.provisions).map((p: any) => [p.id, p]));

describe('score ranges over what is unknown', () => {
  it('bounds a provision, a tier and the whole by answering every unknown lowest, then highest', () => {
    const a = assessment('test/fixtures/profiles/mini-mixed.yaml');
    const p = byId(a);
    expect(p['A.1'].bounds).toEqual({ lower: 0.75, upper: 0.75 }); // met + partial, nothing unknown
    expect(p['A.2'].bounds).toEqual({ lower: 0.5, upper: 1 }); // met, c unknown: (1+0)/2 … (1+1)/2; b not applicable
    expect(p['A.3'].bounds).toEqual({ lower: 0, upper: 0 });
    expect(p['B.1'].bounds).toEqual({ lower: 0.5, upper: 0.5 }); // provision-level partial decides it
    expect(p['B.2'].bounds).toEqual({ lower: 0, upper: 1 }); // nothing answered: anything on the scale
    const [tierA, tierB] = a.tiers;
    expect(tierA.bounds.lower).toBeCloseTo((3 * 0.75 + 1 * 0.5 + 3 * 0) / 7); // 2.75/7 = 0.3929
    expect(tierA.bounds.upper).toBeCloseTo((3 * 0.75 + 1 * 1 + 3 * 0) / 7); // 3.25/7 = 0.4643
    expect(tierB.bounds.lower).toBeCloseTo((2 * 0.5 + 2 * 0) / 4); // 0.25
    expect(tierB.bounds.upper).toBeCloseTo((2 * 0.5 + 2 * 1) / 4); // 0.75
    expect(a.bounds.lower).toBeCloseTo((2.75 + 1 + 0) / 11); // 0.3409
    expect(a.bounds.upper).toBeCloseTo((3.25 + 1 + 2) / 11); // 0.5682
    expect(a.score).toBeCloseTo(4.25 / 9); // the assessed score is unchanged: B.2 left out
  });

  it('gives a fully assessed profile a range of zero width equal to its score', () => {
    const a = assessment('test/fixtures/profiles/mini-tier-a.yaml');
    expect(a.bounds.lower).toBeCloseTo(8 / 9);
    expect(a.bounds.upper).toBeCloseTo(8 / 9);
    expect(a.score).toBeCloseTo(8 / 9);
  });

  it('tells attained, not attained and undecided tiers apart', () => {
    const mixed = assessment('test/fixtures/profiles/mini-mixed.yaml');
    expect(mixed.tiers.map((t: any) => t.status)).toEqual(['not-attained', 'not-attained']); // A.3 not met; B.1 partial
    expect(mixed.standing).toBeNull();
    expect(mixed.standingUpper).toBeNull();
    const tierA = assessment('test/fixtures/profiles/mini-tier-a.yaml');
    expect(tierA.tiers.map((t: any) => t.status)).toEqual(['attained', 'not-attained']); // B.1 = (1 + 0)/2
    expect([tierA.standing, tierA.standingUpper]).toEqual(['A', 'A']);
    const open = assessment('test/fixtures/profiles-ranges/mini-undecided.yaml');
    // A.2 is met on a with c unknown: it could still fall to 0.5, so tier A is not yet attained.
    expect(byId(open)['A.2'].status).toBe('undecided');
    expect(open.tiers.map((t: any) => t.status)).toEqual(['undecided', 'undecided']);
    expect([open.standing, open.standingUpper]).toEqual([null, 'B']);
  });
});

describe('element-level gaps and good practice', () => {
  it('names the elements that fall short, and the provision-level answer that speaks for unanswered ones', () => {
    const a = assessment('test/fixtures/profiles/mini-mixed.yaml');
    const gaps = Object.fromEntries(a.gaps.map((g: any) => [g.id, g.shortfalls]));
    // `score --format json` adds each shortfall's element text and amendment (its own, else the recommendation).
    expect(gaps['A.1']).toEqual([{ id: 'b', answer: 'partial', score: 0.5, fromProvision: false, text: 'First b', amendment: 'Amend first b.', amendmentFromRecommendation: false, partialNote: 'A partial law usually lacks b.' }]); // a is met: never a shortfall
    expect(gaps['A.3']).toEqual([{ id: 'a', answer: 'not-met', score: 0, fromProvision: false, text: 'Third a', amendment: 'Fix the third.', amendmentFromRecommendation: true, partialNote: null }]);
    expect(gaps['B.1'].map((s: any) => [s.id, s.answer, s.fromProvision])).toEqual([['a', 'partial', true], ['b', 'partial', true]]);
  });

  it('never lowers a score or makes a gap with a good-practice element', () => {
    const a = assessment('test/fixtures/profiles-ranges/mini-good-practice.yaml');
    const p = byId(a)['A.1'];
    expect(p.score).toBe(1); // a and b met; c (good practice) not met is left out
    expect(p.bounds).toEqual({ lower: 1, upper: 1 });
    expect(p.applicableElements).toBe(2);
    expect(p.goodPractice).toEqual([{ id: 'c', answer: 'not-met', score: 0, applicable: true, goodPractice: true }]);
    expect(a.gaps.map((g: any) => g.id)).toEqual(['A.3']); // A.1 is not a gap
    // Tier A: A.1 1 (w3), A.2 unanswered, A.3 partial 0.5 (w3) → (3 + 1.5)/6 = 0.75; coverage 3 of 6 core elements (A.2 b… all three count).
    expect(a.tiers[0].score).toBeCloseTo(0.75);
    expect(a.tiers[0].coverage).toBeCloseTo(3 / 6);
  });
});

describe('range properties', () => {
  const framework = parse(readFileSync('test/fixtures/frameworks/mini.yaml', 'utf8')) as Framework;
  const answers = ['met', 'partial', 'not-met', 'unknown', 'not-applicable'];
  const elementIds = framework.tiers.flatMap((t) => t.provisions.map((p) => [p.id, p.elements.map((e) => e.id)] as const));
  const profileOf = (picks: string[][]): Profile => ({
    country: 'ZZ', name: 'Z', framework: 'mini', assessed: '2025-01-01', status: 'draft',
    provisions: Object.fromEntries(elementIds.map(([id, els], i) => [id, { elements: Object.fromEntries(els.map((e, j) => [e, picks[i]![j]!])) }])),
  });
  const picksArb = fc.tuple(...elementIds.map(([, els]) => fc.tuple(...els.map(() => fc.constantFrom(...answers)))));
  type B = { lower: number; upper: number } | null;
  // A tier with nothing applicable has no range before or after (answering an unknown cannot change that).
  const within = (outer: B, inner: B) =>
    outer === null || inner === null ? outer === inner : outer.lower <= inner.lower + 1e-9 && inner.upper <= outer.upper + 1e-9;

  it('keeps lower ≤ assessed ≤ upper for the whole, every tier and every provision', () => {
    fc.assert(
      fc.property(picksArb, (picks) => {
        const a = score(framework, profileOf(picks as string[][]));
        const results = [a, ...a.tiers, ...a.tiers.flatMap((t) => t.provisions)];
        for (const r of results) {
          if (!r.bounds || r.score === null) continue;
          expect(r.bounds.lower).toBeLessThanOrEqual(r.score + 1e-9);
          expect(r.score).toBeLessThanOrEqual(r.bounds.upper + 1e-9);
        }
      }),
    );
  });

  it('narrows the range when an unknown is answered, inside the old one', () => {
    fc.assert(
      fc.property(picksArb, fc.nat(), fc.constantFrom('met', 'partial', 'not-met'), (picks, at, answer) => {
        const before = picks as string[][];
        const unknowns = before.flatMap((row, i) => row.flatMap((v, j) => (v === 'unknown' ? [[i, j] as const] : [])));
        if (unknowns.length === 0) return;
        const [i, j] = unknowns[at % unknowns.length]!;
        const after = before.map((row) => [...row]);
        after[i]![j] = answer;
        const a = score(framework, profileOf(before));
        const b = score(framework, profileOf(after));
        expect(within(a.bounds, b.bounds)).toBe(true);
        a.tiers.forEach((t, k) => expect(within(t.bounds, b.tiers[k]!.bounds)).toBe(true));
      }),
    );
  });
});
