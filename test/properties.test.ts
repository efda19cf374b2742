import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkCatalogue } from '../src/framework/framework-catalogue.js';
import { loadFrameworks } from '../src/framework/load-frameworks.js';
import type { Framework } from '../src/framework/types.js';
import { checkProfile } from '../src/profile/check-profile.js';
import type { Profile } from '../src/profile/types.js';
import { score } from '../src/scoring/score.js';
import { CACHE_DIR, ROOT } from './helpers/run-cli.js';

// A fixed seed and a bounded number of runs in CI keep the suite fast and repeatable; locally,
// FC_RUNS=2000 explores further.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123), numRuns: Number(process.env.FC_RUNS ?? 150) });
process.env.LEXGAP_CACHE_DIR = CACHE_DIR;

const TODAY = '2026-11-23';
const ANSWERS = ['met', 'partial', 'not-met', 'unknown', 'not-applicable'] as const;
const RANK: Record<string, number> = { 'not-met': 0, partial: 1, met: 2 };
let catalogue: FrameworkCatalogue;
let framework: Framework;

beforeAll(async () => {
  const { frameworks } = await loadFrameworks([join(ROOT, 'frameworks'), join(ROOT, 'test/fixtures/frameworks')]);
  catalogue = new FrameworkCatalogue(frameworks);
  framework = catalogue.get('asean-ocsea')!;
});

/** A valid profile with element answers only, every scored answer backed by one citation. */
function profileArbitrary() {
  return fc.constant(null).chain(() => {
    const elements = framework.tiers.flatMap((t) => t.provisions.flatMap((p) => p.elements.map((e) => [p.id, e.id] as const)));
    return fc.array(fc.constantFrom(...ANSWERS), { minLength: elements.length, maxLength: elements.length }).map((answers) => {
      const provisions: Profile['provisions'] = {};
      elements.forEach(([p, e], i) => {
        provisions[p] ??= { elements: {}, evidence: [{ law: 'act', section: 's.1', confidence: 'sourced', checked: TODAY }] };
        provisions[p].elements![e] = answers[i]!;
      });
      return { country: 'AA', name: 'Testland', framework: 'asean-ocsea', assessed: TODAY, status: 'draft', laws: { act: { title: 'Act' } }, provisions } as Profile;
    });
  });
}

const isValid = (profile: Profile) => checkProfile('p.yaml', stringify(profile), catalogue, TODAY).profile !== undefined;

describe('score (property-based)', () => {
  it('stays within [0, 1] and agrees between provision, tier and overall', () => {
    fc.assert(
      fc.property(profileArbitrary(), (profile) => {
        const a = score(framework, profile);
        const provisions = a.tiers.flatMap((t) => t.provisions);
        for (const value of [a.score, a.coverage, ...a.tiers.flatMap((t) => [t.score, t.coverage]), ...provisions.map((p) => p.score)]) {
          if (value !== null) expect(value).toBeGreaterThanOrEqual(0), expect(value).toBeLessThanOrEqual(1);
        }
        const weighted = (list: typeof provisions) => {
          const scored = list.filter((p) => p.applicable && p.score !== null);
          const w = scored.reduce((n, p) => n + p.weight, 0);
          return w === 0 ? null : scored.reduce((n, p) => n + p.weight * p.score!, 0) / w;
        };
        for (const tier of a.tiers) expect(tier.score ?? -1).toBeCloseTo(weighted(tier.provisions) ?? -1, 12);
        expect(a.score ?? -1).toBeCloseTo(weighted(provisions) ?? -1, 12);
        for (const tier of a.tiers) expect(tier.attained).toBe(tier.provisions.every((p) => !p.applicable || p.score === 1));
      }),
    );
  });

  it('never lowers any score when one answer improves', () => {
    const elementIndex = fc.nat();
    fc.assert(
      fc.property(profileArbitrary(), elementIndex, (profile, n) => {
        const slots = Object.entries(profile.provisions).flatMap(([p, answer]) => Object.keys(answer.elements!).map((e) => [p, e] as const));
        const [p, e] = slots[n % slots.length]!;
        const before = profile.provisions[p]!.elements![e]!;
        const better = before === 'unknown' ? 'met' : before in RANK && RANK[before]! < 2 ? (before === 'not-met' ? 'partial' : 'met') : undefined;
        fc.pre(better !== undefined);
        const improved = structuredClone(profile);
        improved.provisions[p]!.elements![e] = better!;
        const a = score(framework, profile);
        const b = score(framework, improved);
        const pairs: [number | null, number | null][] = [
          [a.score, b.score],
          ...a.tiers.map((t, i) => [t.score, b.tiers[i]!.score] as [number | null, number | null]),
          ...a.tiers.flatMap((t, i) => t.provisions.map((q, j) => [q.score, b.tiers[i]!.provisions[j]!.score] as [number | null, number | null])),
        ];
        for (const [x, y] of pairs) if (x !== null) expect(y).not.toBeNull(), expect(y!).toBeGreaterThanOrEqual(x - 1e-12);
      }),
    );
  });

  it('does not depend on the order of keys in the profile', () => {
    fc.assert(
      fc.property(profileArbitrary(), fc.nat(), (profile, seed) => {
        const shuffle = <T>(list: T[]) => list.map((v, i) => [v, (i * 7919 + seed) % 104729] as const).sort((x, y) => x[1] - y[1]).map(([v]) => v);
        const reordered: Profile = { ...profile, provisions: Object.fromEntries(shuffle(Object.entries(profile.provisions)).map(([id, ans]) => [id, { ...ans, elements: Object.fromEntries(shuffle(Object.entries(ans.elements!))) }])) };
        expect(score(framework, reordered)).toEqual(score(framework, profile));
      }),
    );
  });

  it('generated profiles are valid, so the properties above speak of real profiles', () => {
    fc.assert(
      fc.property(profileArbitrary(), (profile) => {
        expect(isValid(profile)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('validate (property-based)', () => {
  const base = readFileSync(join(ROOT, 'countries/MY.yaml'), 'utf8');
  const lineCount = base.split('\n').length;

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat({ max: base.length }) }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat({ max: base.length }), cut: fc.nat({ max: 200 }), text: fc.string({ maxLength: 40, unit: fc.constantFrom(...'ab: -[]{}\n\t&*!|>"\'#%@`,?'.split('')) }) }),
    fc.record({ kind: fc.constant('answer' as const), nth: fc.nat(), text: fc.oneof(fc.constantFrom('mett', 'yes', '1', 'null', '__proto__', 'constructor', '[]', '{}', '"x: y"'), fc.string({ maxLength: 12 })) }),
    fc.record({ kind: fc.constant('key' as const), nth: fc.nat(), text: fc.constantFrom('T1.6', 'T9.99', 'evidnce', 'elements', '__proto__', 'toString', 'a', 'zz') }),
  );

  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  function mutate(text: string, m: Mutation): string {
    switch (m.kind) {
      case 'truncate':
        return text.slice(0, m.at);
      case 'splice':
        return text.slice(0, m.at) + m.text + text.slice(m.at + m.cut);
      case 'answer': {
        const spots = [...text.matchAll(/\b(met|partial|not-met|unknown)\b/g)];
        const spot = spots[m.nth % Math.max(1, spots.length)];
        if (!spot) return text + m.text;
        return text.slice(0, spot.index) + m.text + text.slice(spot.index! + spot[0].length);
      }
      default: {
        const spots = [...text.matchAll(/^( +)([A-Za-z0-9.]+):/gm)];
        const spot = spots[m.nth % Math.max(1, spots.length)];
        if (!spot) return `${m.text}:\n${text}`;
        return text.slice(0, spot.index! + spot[1]!.length) + m.text + text.slice(spot.index! + spot[1]!.length + spot[2]!.length);
      }
    }
  }

  it('never throws on mutated profiles, and every finding points at a real line and column', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutations.reduce((t, m) => mutate(t, m), base);
        const check = checkProfile('MY.yaml', text, catalogue, TODAY);
        const lines = text.split('\n').length;
        for (const f of check.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(Math.max(lines, lineCount) + 1);
          expect(f.col).toBeGreaterThanOrEqual(1);
          expect(f.message.length).toBeGreaterThan(0);
        }
        if (check.profile) expect(check.findings.every((f) => f.severity === 'warning')).toBe(true);
      }),
    );
  });
});
