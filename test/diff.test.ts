import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { lexgap, MINI, ROOT } from './helpers/run-cli.js';

// MY-v1.yaml is countries/MY.yaml as committed; MY-v2.yaml changes it as its header says. Expected
// values are computed by hand from the ASEAN framework's weights (T1.01–T1.12: 3, T1.13–T1.24: 2;
// T2.01–T2.05 and T2.08: 2, the other T2 provisions: 1), not copied from lexgap's output.
//   v1 T1: ten weight-3 provisions at 1, T1.17 (w2) at 1, T1.19 (w2) at 0.5 → 33 / 34
//   v2 T1: T1.02 → (1 + 0.5 + 1) / 3, so −0.5; T1.03 scored 0 (w3 added); T1.10 unscored (w3 gone) → 29.5 / 34
//   v1 T2: T2.04 1 (w2), T2.05 0 (w2), T2.07 1 (w1), T2.09 1 (w1) → 4 / 6;  v2: T2.05 → 0.5 / 4 → 4.25 / 6
//   overall: 37 / 40 → 33.75 / 40;  coverage: 33 / 167 assessed elements → 34 / 167
const V1 = 'test/fixtures/diff/MY-v1.yaml';
const V2 = 'test/fixtures/diff/MY-v2.yaml';

function diffJson(args: string[], cwd?: string) {
  const result = lexgap(['diff', '--format', 'json', ...args], { cwd });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function git(cwd: string, ...args: string[]) {
  const result = spawnSync('git', ['-c', 'user.name=lexgap tests', '-c', 'user.email=tests@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

describe('lexgap diff on two versions of the Malaysia profile', () => {
  let d: any;
  beforeAll(() => {
    d = diffJson([V1, V2]);
  });

  it('sorts the changed provisions by what happened to their range, and lists evidence-only changes', () => {
    // T1.06(a) unknown → met with its other elements met: the assessed score stays 100% but the
    // range narrows (1/3 … 1 → 2/3 … 1). T1.09, T1.11 and T2.07 cite act588, whose citations v2
    // moves to actA9999: their answers are the same, their evidence is not.
    const kinds = Object.fromEntries(d.provisions.map((p: any) => [p.id, p.kind]));
    expect(kinds).toEqual({
      'T1.02': 'regressed',
      'T1.03': 'newly-assessed',
      'T1.06': 'narrowed',
      'T1.09': 'evidence',
      'T1.10': 'no-longer-assessed',
      'T1.11': 'evidence',
      'T2.05': 'improved',
      'T2.07': 'evidence',
    });
    expect(d.counts).toEqual({ improved: 1, regressed: 1, narrowed: 1, withdrawn: 0, 'newly-assessed': 1, 'no-longer-assessed': 1, changed: 0, evidence: 3 });
    const byId = Object.fromEntries(d.provisions.map((p: any) => [p.id, p]));
    expect(byId['T1.10'].withdrawn).toEqual(['a']);
    expect(byId['T2.07'].evidence).toMatchObject({ added: [{ law: 'actA9999' }], removed: [{ law: 'act588' }] });
  });

  it('lists the element-level changes, keyed by element id', () => {
    const byId = Object.fromEntries(d.provisions.map((p: any) => [p.id, p]));
    expect(byId['T1.02'].elements).toEqual([{ id: 'd', answer: { old: 'met', new: 'partial' }, score: { old: 1, new: 0.5 } }]);
    expect(byId['T1.02'].score.old).toBe(1);
    expect(byId['T1.02'].score.new).toBeCloseTo(1.5 / 2); // a met, d partial; e is good practice, left out
    expect(byId['T1.03'].score).toEqual({ old: null, new: 0, delta: null });
    expect(byId['T1.10'].score).toEqual({ old: 1, new: null, delta: null });
    expect(byId['T1.06'].elements).toEqual([{ id: 'a', answer: { old: 'unknown', new: 'met' }, score: { old: null, new: 1 } }]);
    expect(byId['T2.05'].score.new).toBeCloseTo(0.5 / 4);
  });

  it('gives the score deltas overall and per tier, computed by hand', () => {
    expect(d.score.old).toBeCloseTo(37 / 40);
    // T1.02 (weight 3) falls from 1 to 0.75 (its good-practice element e is left out): −0.75; with the
    // other changes (−2.75) the weighted sum falls from 37 to 33.5 over 40.
    expect(d.score.new).toBeCloseTo(33.5 / 40);
    expect(d.score.delta).toBeCloseTo(-3.5 / 40);
    const [t1, t2, t3] = d.tiers;
    expect(t1.score.delta).toBeCloseTo(-3.75 / 34);
    expect(t2.score.delta).toBeCloseTo(0.25 / 6);
    expect(t3.score).toEqual({ old: null, new: null, delta: null });
    expect(d.coverage.delta).toBeCloseTo(1 / 167);
    expect(d.standing).toEqual({ old: null, new: null });
    expect(d.assessed).toEqual({ old: '2026-06-30', new: '2026-11-23' });
  });

  it('lists the laws added, removed and newly repealed', () => {
    expect(d.laws).toEqual({
      added: [{ key: 'actA9999', title: 'Online Safety (Amendment) Act 2026 (fictional, for lexgap tests)' }],
      removed: [],
      repealed: [{ key: 'act588', title: 'Communications and Multimedia Act 1998 (Act 588), as amended by Act A1743 (2025)', repealedBy: 'actA9999' }],
    });
  });

  it('treats reordered provisions, elements and laws as no change', () => {
    // v2 moved T1.01 and reordered T1.04's elements: neither is reported.
    expect(d.provisions.map((p: any) => p.id)).not.toContain('T1.01');
    expect(d.provisions.map((p: any) => p.id)).not.toContain('T1.04');
    // A copy with every map written in reverse order is the same assessment.
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-diff-'));
    const data = parse(readFileSync(join(ROOT, V1), 'utf8'));
    const reverse = (map: Record<string, unknown>) => Object.fromEntries(Object.entries(map).reverse());
    data.laws = reverse(data.laws);
    data.provisions = reverse(Object.fromEntries(Object.entries<any>(data.provisions).map(([id, p]) => [id, { ...p, elements: reverse(p.elements) }])));
    writeFileSync(join(dir, 'MY.yaml'), stringify(data));
    const same = diffJson([V1, join(dir, 'MY.yaml')]);
    expect(same.provisions).toEqual([]);
    expect(same.score.delta).toBe(0);
    expect(same.laws).toEqual({ added: [], removed: [], repealed: [] });
  });

  it('prints the changes for a drafter: scores before and after, then each provision and element', () => {
    const result = lexgap(['diff', V1, V2]);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Malaysia (MY) — changes in its asean-ocsea 2023 assessment');
    expect(out).toContain(`  before: ${V1} (assessed 2026-06-30, draft)`);
    expect(out).toMatch(/Overall\s+93%\s+84%\s+-8\.8 pts/); // 37/40 → 33.5/40
    expect(out).toMatch(/T1 Substantive criminal law[^\n]*\s+97%\s+86%\s+-11\.0 pts/); // 33/34 → 29.25/34
    expect(out).toMatch(/T2 Criminal procedure[^\n]*\s+67%\s+71%\s+\+4\.2 pts/);
    expect(out).toContain('8 provisions changed: 1 improved, 1 regressed, 1 narrowed by new answers, 1 newly assessed, 1 no longer assessed, 3 with evidence changed only.');
    // T2.05 (five elements, a only answered): 0 … 0.2 → 0.5/5 … (0.5 + 1)/5 = 0.1 … 0.3
    expect(out).toMatch(/Improved \(range moved up\) \(1\):\n {2}T2\.05 {2}Mandatory reporting[^\n]*\(assessed 0% → 13%; could be 0–20% → 10–30% \(moved up\), weight 2\)\n {9}a: not-met → partial/);
    // T1.02 core elements a–d (e is good practice): before a, d met, b, c unknown → 2/4 … 4/4; after d partial → 1.5/4 … 3.5/4.
    expect(out).toMatch(/Regressed \(range moved down\) \(1\):\n {2}T1\.02 [^\n]*\(assessed 100% → 75%; could be 50–100% → 38–88% \(moved down\), weight 3\)\n {9}d: met → partial/);
    expect(out).toMatch(/Newly assessed \(1\):\n {2}T1\.03 [^\n]*\(assessed — → 0%; could be 0–100% → 0–80% \(narrowed\), weight 3\)/);
    expect(out).toMatch(/No longer assessed \(answers withdrawn or not applicable\) \(1\):\n {2}T1\.10 [^\n]*\(assessed 100% → —; could be 25–100% → 0–100% \(widened\), weight 3\)\n {9}a: met → unknown {2}\(answer withdrawn\)/);
    expect(out).toMatch(/Evidence changed, answers unchanged \(3\):\n {2}T1\.09 [^\n]*\(weight 3\)\n {9}citation added: actA9999 s\.233\n {9}citation removed: act588 s\.233/);
    expect(out).toContain('  added:          actA9999  Online Safety (Amendment) Act 2026 (fictional, for lexgap tests)');
    expect(out).toContain('  newly repealed: act588  Communications and Multimedia Act 1998');
  });

  it('reports laws removed and a provision that became not applicable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-diff-'));
    const v1 = readFileSync(join(ROOT, 'test/fixtures/profiles/mini-mixed.yaml'), 'utf8').replace('laws:\n', 'laws:\n  act2: {title: Act No. 2, year: 2021}\n');
    const v2 = v1.replace('  act2: {title: Act No. 2, year: 2021}\n', '').replace('elements: {a: not-met}', 'elements: {a: not-applicable}');
    writeFileSync(join(dir, 'v1.yaml'), v1);
    writeFileSync(join(dir, 'v2.yaml'), v2);
    const d = diffJson([...MINI, join(dir, 'v1.yaml'), join(dir, 'v2.yaml')]);
    expect(d.laws.removed).toEqual([{ key: 'act2', title: 'Act No. 2' }]);
    expect(d.provisions).toEqual([
      {
        id: 'A.3', tierId: 'A', weight: 3, kind: 'no-longer-assessed', score: { old: 0, new: null, delta: null },
        range: { old: { lower: 0, upper: 0 }, new: null, move: 'gone' },
        applicable: { old: true, new: false }, elements: [{ id: 'a', answer: { old: 'not-met', new: 'not-applicable' }, score: { old: 0, new: null } }],
        withdrawn: [], // not applicable is an answer, not a withdrawal
        evidence: { added: [], removed: [], changed: [] },
      },
    ]);
    expect(d.tiers[0].score.new).toBeCloseTo((3 * 0.75 + 1) / 4); // A.3 leaves the weights
    const text = lexgap(['diff', ...MINI, join(dir, 'v1.yaml'), join(dir, 'v2.yaml')]).stdout;
    expect(text).toContain('(assessed 0% → —; could be 0% → not applicable, weight 3, now not applicable)');
    expect(text).toContain('  removed:        act2  Act No. 2');
  });
});

describe('lexgap diff --since <git revision>', () => {
  const repo = mkdtempSync(join(tmpdir(), 'lexgap-git-'));
  const file = join(repo, 'countries', 'MY.yaml');
  beforeAll(() => {
    mkdirSync(join(repo, 'countries'));
    git(repo, 'init', '-q');
    copyFileSync(join(ROOT, V1), file);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v1');
    copyFileSync(join(ROOT, V2), file);
    copyFileSync(join(ROOT, 'test/fixtures/export/TH-thai.yaml'), join(repo, 'countries', 'TH.yaml'));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v2');
  });

  it('reads the earlier version from git and gives the same diff as two files', () => {
    const d = diffJson([file, '--since', 'HEAD~1']);
    const files = diffJson([V1, V2]);
    expect(d.old.source).toBe(`${file}@HEAD~1`);
    expect(d.provisions).toEqual(files.provisions);
    expect(d.tiers).toEqual(files.tiers);
    expect(d.laws).toEqual(files.laws);
  });

  it('works from inside the repository with a relative path, against the working copy', () => {
    writeFileSync(file, readFileSync(join(ROOT, V1), 'utf8')); // uncommitted: back to v1
    const d = diffJson(['MY.yaml', '--since', 'HEAD~1'], join(repo, 'countries'));
    expect(d.provisions).toEqual([]);
    copyFileSync(join(ROOT, V2), file);
  });

  it('says so, with exit 2, when the file did not exist at the revision', () => {
    const result = lexgap(['diff', join(repo, 'countries', 'TH.yaml'), '--since', 'HEAD~1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^lexgap: .*TH\.yaml did not exist at HEAD~1 .*\(choose a revision where it did: `git log --oneline -- .*TH\.yaml` lists them\)\n$/);
  });

  it('says so, with exit 2, when the revision does not exist or the file is not in a repository', () => {
    const unknown = lexgap(['diff', file, '--since', 'v9.9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no revision "v9.9" in the repository of');
    const outside = mkdtempSync(join(tmpdir(), 'lexgap-nogit-'));
    copyFileSync(join(ROOT, V1), join(outside, 'MY.yaml'));
    const noRepo = lexgap(['diff', join(outside, 'MY.yaml'), '--since', 'HEAD']);
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/^lexgap: .*MY\.yaml is not in a git repository {2}\(use --since only on a file tracked by git, or compare two files/);
  });

  it('never passes a revision that git would read as an option', () => {
    const result = lexgap(['diff', file, '--since=--output=/tmp/lexgap-pwned']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since "--output=/tmp/lexgap-pwned" is not a git revision');
  });
});

describe('lexgap diff: what it refuses', () => {
  it('reports errors in either version as `score` does, and exits 1', () => {
    const result = lexgap(['diff', 'test/fixtures/profiles-asean/valid-small.yaml', 'test/fixtures/profiles-asean/planted-mistakes.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('test/fixtures/profiles-asean/planted-mistakes.yaml: cannot be compared — 4 errors:');
    expect(result.stderr).toContain('planted-mistakes.yaml:13:3  error  unknown key "T1.7" in provisions');
  });

  it('refuses, with exit 2, profiles that answer different frameworks', () => {
    const result = lexgap(['diff', ...MINI, 'test/fixtures/profiles/mini-mixed.yaml', V1]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `lexgap: test/fixtures/profiles/mini-mixed.yaml answers the framework "mini" but ${V1} answers "asean-ocsea": they cannot be compared  (a diff compares two versions of one assessment; give two profiles with the same \`framework:\`)\n`,
    );
  });

  it('needs two profiles, or one with --since', () => {
    expect(lexgap(['diff', V1]).stderr).toMatch(/^lexgap: give two profiles to compare, or one with --since <git revision>/);
    expect(lexgap(['diff', V1, V2, '--since', 'HEAD']).stderr).toMatch(/^lexgap: with --since, give one profile/);
    const folder = lexgap(['diff', 'countries', V2]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('countries is a folder: diff compares two profile files');
    expect(lexgap(['diff', 'nope.yaml', V2]).stderr).toContain('lexgap: nope.yaml: no such file');
  });
});

// --max-warnings belongs beside the other validate tests; it is here while test/validate.test.ts is
// another engineer's to change.
describe('lexgap validate --max-warnings', () => {
  it('passes at the limit and fails (exit 1) above it, saying so in the summary', () => {
    // MY-v1.yaml has three warnings (citations with no section) and no error.
    const at = lexgap(['validate', '--max-warnings', '3', V1]);
    expect(at.code).toBe(0);
    expect(at.stdout).toMatch(/0 errors, 3 warnings in 1 file\n$/);
    const over = lexgap(['validate', '--max-warnings', '2', V1]);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/0 errors, 3 warnings in 1 file — more than the 2 allowed by --max-warnings 2\n$/);
    expect(lexgap(['validate', V1]).code).toBe(0);
  });

  it('reports the limit in JSON', () => {
    const data = JSON.parse(lexgap(['validate', '--format', 'json', '--max-warnings', '0', V1]).stdout);
    expect(data).toMatchObject({ errors: 0, warnings: 3, maxWarnings: 0, tooManyWarnings: true });
  });

  it('refuses a limit that is not a whole number', () => {
    for (const bad of ['-1', 'many', '1.5', '']) {
      const result = lexgap(['validate', '--max-warnings', bad, V1]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain(`lexgap: --max-warnings ${bad}: not a number of warnings  (give a whole number, 0 or more`);
    }
  });
});
