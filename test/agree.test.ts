import { describe, expect, it } from 'vitest';
import { lexgap, MINI } from './helpers/run-cli.js';

const X = 'test/fixtures/agree/coder-x.yaml';
const Y = 'test/fixtures/agree/coder-y.yaml';
const Z = 'test/fixtures/agree/coder-z-same.yaml';
const agreeJson = (a: string, b: string) => {
  const result = lexgap(['agree', ...MINI, '--format', 'json', a, b]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe('lexgap agree', () => {
  // Worked by hand. Elements both answered (8): A.1 a,b,c; A.2 a,b,c; A.3 a; B.1 a
  // (B.1 b is unknown in X, B.2 a unknown in Y: answered by one only, 2).
  // Pairs (X,Y): (met,met) (met,partial) (not-met,not-met) (met,met) (partial,partial)
  // (not-met,met) (not-met,not-met) (met,met): 6 agree, p_o = 6/8 = 0.75.
  // X: met 4, partial 1, not-met 3. Y: met 4, partial 2, not-met 2.
  // p_e = (4·4 + 1·2 + 3·2)/64 = 24/64 = 0.375; kappa = (0.75 − 0.375)/(1 − 0.375) = 0.6.
  // Tier A (7 pairs, 5 agree): X met 3, partial 1, not-met 3; Y met 3, partial 2, not-met 2;
  // p_e = (9 + 2 + 6)/49 = 17/49; kappa = (35/49 − 17/49)/(32/49) = 18/32 = 0.5625.
  it("gives percentage agreement and Cohen's kappa per tier and overall, computed by hand", () => {
    const r = agreeJson(X, Y);
    expect(r.overall).toMatchObject({ compared: 8, agreed: 6, percent: 0.75 });
    expect(r.overall.kappa).toBeCloseTo(0.6, 10);
    expect(r.tiers[0]).toMatchObject({ id: 'A', compared: 7, agreed: 5 });
    expect(r.tiers[0].kappa).toBeCloseTo(0.5625, 10);
    expect(r.answeredByOneOnly).toBe(2);
  });

  it('says kappa is undefined when both codings give one answer throughout, or nothing is compared', () => {
    const r = agreeJson(X, Y);
    // Tier B: the one pair is (met, met): p_e = 1, so kappa would divide by zero.
    expect(r.tiers[1]).toMatchObject({ compared: 1, agreed: 1, percent: 1, kappa: null, kappaUndefined: 'no-variation' });
    const z = agreeJson(X, Z);
    expect(z.tiers[0]).toMatchObject({ compared: 0, percent: null, kappa: null, kappaUndefined: 'nothing-compared' });
    expect(z.overall).toMatchObject({ compared: 2, agreed: 2, kappa: null, kappaUndefined: 'no-variation' });
    const text = lexgap(['agree', ...MINI, X, Z]);
    expect(text.stdout).toMatch(/Overall\s+2\s+2\s+100%\s+undefined \(one answer only\)/);
  });

  it('lists every disagreement with both answers and both citations', () => {
    const result = lexgap(['agree', ...MINI, X, Y]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Overall\s+8\s+6\s+75%\s+0\.60/);
    expect(result.stdout).toContain('Disagreements (2):');
    expect(result.stdout).toContain('A.1(b)  First b');
    expect(result.stdout).toContain('A: met — Penal Code, s.1, "any person under eighteen"');
    expect(result.stdout).toContain('B: partial — Penal Code 2019, s.1(2)');
    expect(result.stdout).toContain('A.2(c)  Second c');
    expect(result.stdout).not.toContain('A.3(a)'); // both not-met: agreed
  });

  it('refuses codings of different frameworks or countries with exit 2', () => {
    const frameworks = lexgap(['agree', ...MINI, X, 'countries/MY.yaml']);
    expect(frameworks.code).toBe(2);
    expect(frameworks.stderr).toContain('answers the framework "mini" but countries/MY.yaml answers "asean-ocsea"');
    const countries = lexgap(['agree', ...MINI, X, 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(countries.code).toBe(2);
    expect(countries.stderr).toContain('assesses AG but');
  });

  it('reports a coding with errors at its line and exits 1', () => {
    const result = lexgap(['agree', ...MINI, X, 'test/fixtures/agree/coder-broken.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('coder-broken.yaml: not compared');
    expect(result.stderr).toMatch(/coder-broken\.yaml:8:\d+  error/);
    expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});
