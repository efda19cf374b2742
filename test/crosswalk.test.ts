import { describe, expect, it } from 'vitest';
import { applyRule } from '../src/crosswalk/apply-rule.js';
import type { SourceUnit } from '../src/crosswalk/types.js';
import { lexgap } from './helpers/run-cli.js';

// Expected answers are worked out by hand from test/fixtures/profiles (answering `mini`, weights
// A.1 3, A.2 1) and test/fixtures/crosswalk/crosswalks/mini-criteria-from-mini.yaml:
//
//   AA Mixedland  A.1 {a met, b partial}  A.2 {a met, b n/a, c unknown}  A.3 {a not-met}  B.1 partial (whole)  B.2 absent
//   BB Tierland   A.1 {met, met}  A.2 met (whole)  A.3 {met}  B.1 {met, not-met}  B.2 {a n/a}
//   CC Metland    every provision met (whole)
//
//   K1 all-met A.1                      AA not-met (b partial)          BB met  CC met
//   K2 any-met A.3(a), A.2(c)           AA unknown (not-met, unknown)   BB met  CC met
//   K3 minimum 0.5 over A.1, A.2        AA met: low = (3×0.75 + 1×0.5)/4 = 0.6875   BB met  CC met
//   K4 minimum 0.8 (same)               AA unknown: 0.6875 ≤ 0.8 ≤ high (3×0.75 + 1×1)/4 = 0.8125
//   K5 minimum 0.9 (same)               AA not-met: high 0.8125 < 0.9
//   K6(a) all-met A.2(a, c)             AA unknown (c)                  BB met  CC met
//   K6(b) all-met B.2                   AA unknown (absent)   BB not-applicable   CC met
//   K7 unmapped                         unanswered everywhere
const DIRS = ['--frameworks', 'test/fixtures/frameworks', '--frameworks', 'test/fixtures/crosswalk'];
const BROKEN = [...DIRS, '--frameworks', 'test/fixtures/crosswalk-broken'];

function derivedJson(args: string[] = []) {
  const result = lexgap(['score', ...DIRS, '--framework', 'mini-criteria', '--format', 'json', ...args, 'test/fixtures/profiles']);
  expect(result.code, result.stderr).toBe(0);
  const list = JSON.parse(result.stdout).assessments;
  return Object.fromEntries(list.map((a: any) => [a.country, a]));
}

const answers = (a: any) =>
  Object.fromEntries(a.tiers.flatMap((t: any) => t.provisions).flatMap((p: any) => p.elements.map((e: any) => [`${p.id}${p.elements.length > 1 ? `(${e.id})` : ''}`, e.answer ?? null])));

describe('deriving results through a crosswalk', () => {
  it('decides each target by its rule, and only where the unassessed sources could not change it', () => {
    const byCountry = derivedJson();
    expect(answers(byCountry.AA)).toEqual({ K1: 'not-met', K2: 'unknown', K3: 'met', K4: 'unknown', K5: 'not-met', 'K6(a)': 'unknown', 'K6(b)': 'unknown', K7: null });
    expect(answers(byCountry.BB)).toEqual({ K1: 'met', K2: 'met', K3: 'met', K4: 'met', K5: 'met', 'K6(a)': 'met', 'K6(b)': 'not-applicable', K7: null });
    expect(answers(byCountry.CC)).toEqual({ K1: 'met', K2: 'met', K3: 'met', K4: 'met', K5: 'met', 'K6(a)': 'met', 'K6(b)': 'met', K7: null });
  });

  it('scores the derived answers with the usual rules, so coverage counts the targets decided', () => {
    const { AA, BB, CC } = derivedJson();
    expect(AA.score).toBeCloseTo(1 / 3); // K1 0, K3 1, K5 0
    expect(AA.coverage).toBeCloseTo(3 / 8); // 8 target elements, 3 decided
    expect(BB.score).toBe(1);
    expect(BB.coverage).toBeCloseTo(6 / 7); // K6(b) not applicable; K7 unanswered
    expect(BB.standing).toBeNull(); // K7 is never decided, so the tier is never attained
    expect(CC.coverage).toBeCloseTo(7 / 8);
  });

  it('records how each target was decided: crosswalk, rule, outcome and the source answers', () => {
    const { AA } = derivedJson();
    expect(AA.frameworkId).toBe('mini-criteria');
    expect(AA.derived.crosswalk).toBe('mini-criteria-from-mini');
    expect(AA.derived.from).toEqual({ id: 'mini', version: '1' });
    expect(AA.derived.caveats).toEqual(['Test caveat one.', 'Test caveat two.']);
    const k2 = AA.derived.targets.find((t: any) => t.target === 'K2');
    expect(k2).toMatchObject({ rule: 'any-met', outcome: 'unknown', answer: 'unknown' });
    expect(k2.sources.map((s: any) => `${s.provision}(${s.element}) ${s.answer}`)).toEqual(['A.3(a) not-met', 'A.2(c) unknown']);
  });

  it('says in text that the result is derived, through which crosswalk, with its caveats and the answers by target', () => {
    const result = lexgap(['score', ...DIRS, '--framework', 'mini-criteria', 'test/fixtures/profiles']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^DERIVED, NOT ASSESSED: These results against mini-criteria are read from each profile's mini answers\s+through the crosswalk mini-criteria-from-mini/);
    expect(result.stdout).toContain('  - Test caveat one.\n  - Test caveat two.');
    expect(result.stdout).toMatch(/AA Mixedland\s+33%\s+\d+–\d+%\s+33%\s+38%\s+2\s+none/);
    expect(result.stdout).toMatch(/AA Mixedland\s+Not met\s+Not yet assessed\s+Met\s+Not yet assessed\s+Not met\s+Not yet assessed\s+unanswered/);
    expect(result.stdout).toMatch(/BB Tierland\s+Met\s+Met\s+Met\s+Met\s+Met\s+Met\s+unanswered/); // K6: b not applicable
    expect(result.stderr).toContain('warning  K7 of mini-criteria has no mapping');
  });

  it('shows one country the rule and source answers behind each derived answer', () => {
    const result = lexgap(['score', ...DIRS, '--framework', 'mini-criteria', 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DERIVED, NOT ASSESSED: This result against mini-criteria is read from the profile');
    expect(result.stdout).toMatch(/K3\s+Met\s+score at least 50% over: A\.1\(a\) met, A\.1\(b\) partial, A\.2\(a\) met, A\.2\(b\) not-applicable, A\.2\(c\) unknown/);
    expect(result.stdout).toMatch(/K6\(b\)\s+Not yet assessed\s+all met of: B\.2\(a\) unanswered/);
  });

  it('adds the crosswalk and its caveats to every CSV row, and a notice and answer table to Markdown', () => {
    const csv = lexgap(['score', ...DIRS, '--framework', 'mini-criteria', '--format', 'csv', 'test/fixtures/profiles/mini-mixed.yaml']);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFcountry,country_name,framework,framework_version,assessed,status,scope,score,coverage,attained,standing,gaps,lower,upper,attainment,standing_upper,derived_via,derived_from,derived_caveats,derived_source_coverage');
    // one caveat per line inside the quoted cell
    // The range over the derived answers (seven criteria of weight 1): at worst only K3 met, 1/7;
    // at best K2, K4, K6 and K7 (unknown or unanswered) met as well, 5/7.
    // Source coverage: the crosswalk reads A.1(a, b), A.2(a, c), A.3(a), B.2(a) for AA (A.2(b) is not
    // applicable, A.1(c) good practice); assessed are A.1(a, b), A.2(a), A.3(a): 4 of 6.
    expect(lines[1]).toBe('AA,Mixedland,mini-criteria,1,2025-01-15,draft,overall,0.3333,0.375,false,,2,0.1429,0.7143,,,mini-criteria-from-mini,mini 1,"Test caveat one.\nTest caveat two.",0.6667');
    const md = lexgap(['score', ...DIRS, '--framework', 'mini-criteria', '--format', 'markdown', 'test/fixtures/profiles']);
    expect(md.stdout).toContain("> **Derived, not assessed.** These results are read from each profile's `mini` answers through the crosswalk `mini-criteria-from-mini`");
    expect(md.stdout).toContain('> - Test caveat one.');
    expect(md.stdout).toContain('| Mixedland (AA) | Not met | Not yet assessed | Met | Not yet assessed | Not met | Not yet assessed | unanswered |');
  });

  it('scores profiles that answer the framework itself as they are, and keeps the plain CSV without --framework', () => {
    const direct = lexgap(['score', ...DIRS, '--framework', 'mini', '--format', 'json', 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(direct.code).toBe(0);
    const a = JSON.parse(direct.stdout).assessments[0];
    expect(a.derived).toBeUndefined();
    expect(a.score).toBeCloseTo(4.25 / 9);
    const csv = lexgap(['score', ...DIRS, '--format', 'csv', 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(csv.stdout.split('\r\n')[0]).toBe('\uFEFFcountry,country_name,framework,framework_version,assessed,status,scope,score,coverage,attained,standing,gaps,lower,upper,attainment,standing_upper');
  });

  it('derives the shipped ICMEC criteria from the shipped ASEAN profiles, saying so', () => {
    const result = lexgap(['score', '--framework', 'icmec-model-legislation', 'countries/PH.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('through the crosswalk icmec-from-asean-ocsea\n(frameworks/crosswalks/icmec-from-asean-ocsea.yaml)');
    expect(result.stdout).toMatch(/C4\s+\S.*all met of: T1\.06\(b\) /);
  });

  it('is a usage error (exit 2) to ask for a framework no crosswalk leads to, or one that does not exist', () => {
    const none = lexgap(['score', '--framework', 'asean-victim-services', 'countries/PH.yaml']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('lexgap: no crosswalk from asean-ocsea to asean-victim-services: countries/PH.yaml cannot be scored against asean-victim-services');
    expect(none.stdout).toBe('');
    const typo = lexgap(['score', '--framework', 'icmec-model-legislaton', 'countries/PH.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('there is no framework "icmec-model-legislaton"  (did you mean "icmec-model-legislation"?)');
  });
});

describe('checking a crosswalk file', () => {
  const findings = (stderr: string, file: string) =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith(`test/fixtures/crosswalk-broken/crosswalks/${file}:`))
      .map((l) => l.replace(/^[^:]+:/, ''));

  it('reports every wrong name at its line and column, with a did-you-mean, and exits 1', () => {
    const result = lexgap(['score', ...BROKEN, '--framework', 'mini-criteria', 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(result.code).toBe(1);
    expect(findings(result.stderr, 'cross-references.yaml').filter((l) => l.includes('  error  '))).toEqual([
      '9:55  error  "A.9" is not a provision of mini  (did you mean "A.1" or "A.2" or "A.3"?)',
      '10:71  error  A.1 of mini has no element "z"  (did you mean "a" or "b" or "c"?)',
      '11:14  error  "K9" is not a provision of mini-criteria  (did you mean "K1" or "K2" or "K3"?)',
      '12:24  error  rule "minimum" needs the score the sources must reach  (add `minimum:` with a score between 0 and 1, e.g. 0.5)',
      '13:42  error  `minimum` has no effect with rule "any-met"  (remove it, or use `rule: minimum`)',
      '14:14  error  K1 is already decided by mapping #1  (decide each target once: merge the two mappings)',
      '15:27  error  K6 of mini-criteria has no element "c"  (did you mean "a" or "b"?)',
      '15:85  error  A.2 is listed twice in this mapping  (list it once, with all the elements that count)',
    ]);
    expect(findings(result.stderr, 'unknown-framework.yaml')).toEqual(['4:5  error  there is no framework "mini-critera"  (did you mean "mini-criteria"?)']);
  });

  it('checks the shape against the crosswalk meta-schema, in plain words', () => {
    const result = lexgap(['score', ...BROKEN, '--framework', 'mini-criteria', 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(findings(result.stderr, 'shape.yaml')).toEqual([
      '8:5  error  mappings #1 is missing "sources"  (add `sources:`)',
      '9:11  error  "all" is not allowed for mappings #1 › rule  (did you mean "all-met"? — allowed: all-met, any-met, minimum)',
      '10:5  error  unknown key "source" in mappings #1  (did you mean "sources"?)',
    ]);
  });

  it('leaves a profile unscored (exit 1) when the only crosswalk it needs is broken', () => {
    const result = lexgap(['score', '--frameworks', 'test/fixtures/frameworks', '--frameworks', 'test/fixtures/crosswalk/broken-only', '--framework', 'mini-target', 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('crosswalks/broken.yaml:8:55  error  "A.9" is not a provision of mini');
    expect(result.stderr).toContain('test/fixtures/profiles/mini-mixed.yaml: not scored against mini-target — it answers mini, and no usable crosswalk from mini to mini-target could be loaded (see the errors above)');
    expect(result.stdout).not.toContain('Mixedland');
  });
});

describe('the rules on their own', () => {
  const unit = (provision: string, score: number | null, applicable = true): SourceUnit => ({ provision, element: 'a', answer: null, score, applicable });
  const weights = new Map([['P', 3], ['Q', 1]]);
  const apply = (rule: 'all-met' | 'any-met' | 'minimum', units: SourceUnit[], minimum?: number) => applyRule({ rule, minimum, units, top: 1, weights });

  it('all-met: partial counts as short; unknown leaves it open unless something is already short', () => {
    expect(apply('all-met', [unit('P', 1), unit('Q', 1)])).toBe('met');
    expect(apply('all-met', [unit('P', 1), unit('Q', 0.5)])).toBe('not-met');
    expect(apply('all-met', [unit('P', 1), unit('Q', null)])).toBe('unknown');
    expect(apply('all-met', [unit('P', 0), unit('Q', null)])).toBe('not-met');
  });

  it('any-met: one met is enough; none met is final only when nothing is unknown', () => {
    expect(apply('any-met', [unit('P', 0), unit('Q', 1)])).toBe('met');
    expect(apply('any-met', [unit('P', 0.5), unit('Q', 0)])).toBe('not-met');
    expect(apply('any-met', [unit('P', 0.5), unit('Q', null)])).toBe('unknown');
  });

  it('minimum: weights provisions, and averages elements within one', () => {
    // P (weight 3) at 0 and Q (weight 1) at 1: (3×0 + 1×1)/4 = 0.25
    expect(apply('minimum', [unit('P', 0), unit('Q', 1)], 0.25)).toBe('met');
    expect(apply('minimum', [unit('P', 0), unit('Q', 1)], 0.26)).toBe('not-met');
    // P's two elements average to 0.5: (3×0.5 + 1×0)/4 = 0.375
    expect(apply('minimum', [unit('P', 1), unit('P', 0), unit('Q', 0)], 0.375)).toBe('met');
  });

  it('sources that are all not applicable make the target not applicable; a not-applicable source is left out', () => {
    expect(apply('all-met', [unit('P', null, false)])).toBe('not-applicable');
    expect(apply('all-met', [unit('P', 1), unit('Q', null, false)])).toBe('met');
  });
});

// Overall scores of the mini profiles (test/scoring.test.ts): AA 4.25/9 = 0.4722, BB 8/9 = 0.8889, CC 1.
describe('score --fail-under', () => {
  const score = (...args: string[]) => lexgap(['score', '--frameworks', 'test/fixtures/frameworks', ...args]);

  it('exits 1 and names each country below the bar, as a fraction or a percentage', () => {
    for (const bar of ['50%', '0.5']) {
      const result = score('--fail-under', bar, 'test/fixtures/profiles');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('--fail-under 50%: 1 of 3 countries score below it:\n  AA Mixedland (mini): 47.2%\n');
    }
  });

  it('exits 0 when every country reaches the bar, and says so on stderr so stdout stays data', () => {
    const result = score('--fail-under', '0.47', '--format', 'csv', 'test/fixtures/profiles');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('--fail-under 47%: every country reaches it (3 scored)');
    expect(result.stdout.startsWith('\uFEFFcountry,country_name,')).toBe(true);
  });

  it('rounds a score down in its message, so one just under the bar never shows as reaching it', () => {
    const result = score('--fail-under', '88.89%', 'test/fixtures/profiles');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  BB Tierland (mini): 88.8%');
  });

  it('counts a country with nothing assessed as below the bar', () => {
    const result = score('--fail-under', '0', 'test/fixtures/crosswalk/profiles/mini-blank.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  DD Blankland (mini): no score — nothing assessed yet');
  });

  it('applies to derived results too', () => {
    const result = lexgap(['score', ...DIRS, '--framework', 'mini-criteria', '--fail-under', '50%', 'test/fixtures/profiles']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  AA Mixedland (mini-criteria): 33.3%');
  });

  it('refuses a bar that is not a score (exit 2)', () => {
    const sixty = score('--fail-under', '60', 'test/fixtures/profiles');
    expect(sixty.code).toBe(2);
    expect(sixty.stderr).toBe('lexgap: --fail-under 60: a score is between 0 and 1  (for a percentage write 60%)\n');
    expect(score('--fail-under', '101%', 'test/fixtures/profiles').code).toBe(2);
    expect(score('--fail-under', 'high', 'test/fixtures/profiles').code).toBe(2);
  });
});

// By focus area, derived through the fixture crosswalk: FA1 = K3, K5; FA2 = K1; no tag = K2, K4, K6, K7.
//   AA  FA1 (met, not-met) 50%, coverage 2/2   FA2 (not-met) 0%   no tag: nothing decided, coverage 0/5
//   BB  FA1 100%   FA2 100%   no tag: K2, K4, K6(a) met, K6(b) n/a, K7 open → 100%, coverage 3/4
//   CC  FA1 100%   FA2 100%   no tag: 100%, coverage 4/5
describe('score --by focus-area', () => {
  const byFocus = (...args: string[]) => lexgap(['score', ...DIRS, '--framework', 'mini-criteria', '--by', 'focus-area', ...args, 'test/fixtures/profiles']);

  it('scores each focus area as a tier, and lists the provisions with each tag and with none', () => {
    const result = byFocus();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Country\s+Focus area 1\s+Focus area 2\s+No tag/);
    expect(result.stdout).toMatch(/AA Mixedland\s+50% \(100%\)\s+0% \(100%\)\s+— \(0%\)/);
    expect(result.stdout).toMatch(/BB Tierland\s+100% \(100%\)\s+100% \(100%\)\s+100% \(75%\)/);
    expect(result.stdout).toMatch(/CC Metland\s+100% \(100%\)\s+100% \(100%\)\s+100% \(80%\)/);
    expect(result.stdout).toContain('Focus area 1 (2 of 7 provisions): K3, K5.');
    expect(result.stdout).toContain('No focus-area tag (4 of 7 provisions, not counted in any focus area): K2, K4, K6, K7.');
    expect(result.stdout).toContain('DERIVED, NOT ASSESSED');
  });

  it('gives tidy CSV and JSON, with the untagged provisions as their own group', () => {
    const lines = byFocus('--format', 'csv').stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFcountry,country_name,framework,framework_version,assessed,status,focus_area,provisions,score,coverage,derived_via,derived_from,derived_caveats,derived_source_coverage,focus_area_label');
    // mini-criteria declares no focus-area titles: the label falls back to "Focus area n".
    expect(lines[1]).toBe('CC,Metland,mini-criteria,1,2025-01-15,reviewed,1,K3 K5,1,1,mini-criteria-from-mini,mini 1,"Test caveat one.\nTest caveat two.",1,Focus area 1'); // CC: every source answered (met as a whole)
    expect(lines).toContain('AA,Mixedland,mini-criteria,1,2025-01-15,draft,,K2 K4 K6 K7,,0,mini-criteria-from-mini,mini 1,"Test caveat one.\nTest caveat two.",0.6667,');
    const json = JSON.parse(byFocus('--format', 'json').stdout);
    const aa = json.frameworks[0].countries.find((c: any) => c.country === 'AA');
    expect(aa.groups).toEqual([
      { focusArea: 1, score: 0.5, coverage: 1 },
      { focusArea: 2, score: 0, coverage: 1 },
      { focusArea: null, score: null, coverage: 0 },
    ]);
    expect(aa.derived.crosswalk).toBe('mini-criteria-from-mini');
  });

  it('says which shipped provisions carry each focus-area tag', () => {
    // frameworks/asean-ocsea.yaml tags all 43 provisions with focus area 1, T2.01 with 2, and
    // twelve provisions (T2.05–T2.11, T3.01, T3.02, T3.04–T3.06) with 7; none is left untagged.
    const result = lexgap(['score', '--by', 'focus-area', 'countries/PH.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Focus area 1[^\n]*\(43 of 43 provisions\): T1\.01, T1\.02,/);
    expect(result.stdout).toMatch(/Focus area 2[^\n]*\(1 of 43 provisions\): T2\.01\./);
    expect(result.stdout).toMatch(/Focus area 7: Collaboration with industry and the private sector \(12 of 43 provisions\): T2\.05,\s+T2\.06,/);
    expect(result.stdout).not.toContain('No focus-area tag');
  });

  it('says so when a framework tags no provision with a focus area', () => {
    const result = lexgap(['score', '--by', 'focus-area', '--framework', 'icmec-model-legislation', 'countries/PH.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(icmec-model-legislation 9th ed. 2018) tags none of its provisions with a focus area, so it has no focus-area view.');
  });
});

describe('lexgap frameworks and crosswalks', () => {
  it('lists the shipped crosswalk beside the frameworks', () => {
    const result = lexgap(['frameworks', '--format', 'json']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.crosswalks.map((c: any) => `${c.from} → ${c.to}`)).toEqual(['asean-ocsea → icmec-model-legislation']);
  });
});
