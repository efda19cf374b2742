import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { lexgap, MINI, ROOT } from './helpers/run-cli.js';

// Every output carries the range over what is unknown and the three-valued standing. Worked by hand
// from test/fixtures/frameworks/mini.yaml (weights A.1 3, A.2 1, A.3 3, B.1 2, B.2 2; threshold 1) and
// test/fixtures/profiles/mini-mixed.yaml:
//   A.1 a met, b partial (c is good practice, left out)  → 0.75, fully assessed: 0.75 … 0.75
//   A.2 a met, b not applicable, c unknown              → 1, c could be 0 or 1: (1+0)/2 = 0.5 … 1
//   A.3 a not-met                                        → 0 … 0
//   B.1 answered partial as a whole                      → 0.5 … 0.5 (the answer decides it)
//   B.2 nothing answered                                 → unscored, 0 … 1
//   overall assessed (3·0.75 + 1·1 + 3·0 + 2·0.5) / 9 = 4.25/9 = 47%
//   lower (2.25 + 0.5 + 0 + 1 + 0) / 11 = 3.75/11 = 34%; upper (2.25 + 1 + 0 + 1 + 2) / 11 = 6.25/11 = 57%
//   tier A: assessed (2.25 + 1 + 0) / 7 = 46%; lower (2.25 + 0.5) / 7 = 39%; upper 3.25/7 = 46%
//   tier B: assessed 0.5; lower (1 + 0) / 4 = 25%; upper (1 + 2) / 4 = 75%
//   A.3 can never reach the threshold → tier A not attained → standing none, and none could be reached;
//   B.1 (partial, decided) cannot reach it either → tier B not attained.
const MIXED = 'test/fixtures/profiles/mini-mixed.yaml';
const UNDECIDED = 'test/fixtures/profiles-ranges/mini-undecided.yaml';

function score(...args: string[]) {
  const result = lexgap(['score', ...MINI, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('score carries the range and the three-valued standing', () => {
  it('text: names the assessed score and the range plainly, and attainment in three values', () => {
    const out = score(MIXED);
    expect(out).toContain('Overall: assessed 47% · could be 34–57%   coverage 75%');
    expect(out).toContain('Standing: none: A cannot be attained on what is assessed');
    expect(out).toMatch(/A Tier A\s+46%\s+39–46%\s+80%\s+not attained/);
    expect(out).toMatch(/B Tier B\s+50%\s+25–75%\s+67%\s+not attained/);
  });

  it('JSON: the assessment holds the bounds and the standing range', () => {
    const a = JSON.parse(score('--format', 'json', MIXED)).assessments[0];
    expect(a.bounds.lower).toBeCloseTo(3.75 / 11);
    expect(a.bounds.upper).toBeCloseTo(6.25 / 11);
    expect(a.tiers.map((t: any) => t.status)).toEqual(['not-attained', 'not-attained']);
    expect(a.standing).toBeNull();
    expect(a.standingUpper).toBeNull();
  });

  it('CSV: lower, upper, attainment and standing_upper columns, at the end', () => {
    const rows = parseCsv(score('--format', 'csv', MIXED), { columns: true }) as Record<string, string>[];
    const [overall, a, b] = rows;
    expect(Object.keys(overall!).slice(-4)).toEqual(['lower', 'upper', 'attainment', 'standing_upper']);
    expect(overall).toMatchObject({ scope: 'overall', score: '0.4722', lower: '0.3409', upper: '0.5682', attainment: '', standing_upper: '' });
    expect(a).toMatchObject({ scope: 'A', lower: '0.3929', upper: '0.4643', attainment: 'not-attained' }); // 2.75/7, 3.25/7
    expect(b).toMatchObject({ scope: 'B', lower: '0.25', upper: '0.75', attainment: 'not-attained' });
  });

  it('Markdown: an assessed score column and a could-be column', () => {
    const out = score('--format', 'markdown', MIXED);
    expect(out).toContain('| Country | Assessed score | Could be | A | B | Coverage | Gaps | Standing | Assessed | Status |');
    expect(out).toContain('| Mixedland (AA) | 47% | 34–57% | 46% | 50% | 75% | 3 | none: A cannot be attained on what is assessed | 2025-01-15 | draft |');
  });

  it('an undecided tier leaves the standing open: "none yet; could reach …"', () => {
    const a = JSON.parse(score('--format', 'json', UNDECIDED)).assessments[0];
    const text = score(UNDECIDED);
    // Whatever the fixture holds, the text follows the assessment's own three values.
    if (a.standing === null && a.standingUpper !== null) expect(text).toContain(`Standing: none yet; could reach ${a.standingUpper}`);
    if (a.standing !== null && a.standingUpper !== a.standing) expect(text).toContain(`Standing: ${a.standing} attained; could reach ${a.standingUpper}`);
    expect(a.tiers.some((t: any) => t.status === 'undecided')).toBe(true);
    expect(text).toMatch(/undecided/);
  });
});

describe('score --fail-under --bound', () => {
  it('compares the assessed score by default, and the lower or upper bound when asked', () => {
    // 47.2% assessed, 34.1% at worst, 56.8% at best.
    const assessed = lexgap(['score', ...MINI, '--fail-under', '40%', MIXED]);
    expect(assessed.code).toBe(0);
    const lower = lexgap(['score', ...MINI, '--fail-under', '40%', '--bound', 'lower', MIXED]);
    expect(lower.code).toBe(1);
    expect(lower.stderr).toContain('--fail-under 40% (--bound lower): 1 of 1 country falls below it at the lowest it could score:\n  AA Mixedland (mini): 34.0%');
    const upper = lexgap(['score', ...MINI, '--fail-under', '56%', '--bound', 'upper', MIXED]);
    expect(upper.code).toBe(0);
    expect(lexgap(['score', ...MINI, '--fail-under', '57%', '--bound', 'upper', MIXED]).code).toBe(1);
  });
});

describe('export carries each provision\'s range', () => {
  it('provision_lower, provision_upper and provision_attainment on every element row', () => {
    const result = lexgap(['export', ...MINI, '--format', 'json', MIXED]);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout).rows as any[];
    const first = (p: string) => rows.find((r) => r.provision === p);
    expect(first('A.1')).toMatchObject({ provision_lower: 0.75, provision_upper: 0.75, provision_attainment: 'not-attained' });
    expect(first('A.2')).toMatchObject({ provision_lower: 0.5, provision_upper: 1, provision_attainment: 'undecided' }); // c unknown: 1 and 0, or 1 and 1
    expect(first('B.2')).toMatchObject({ provision_score: null, provision_lower: 0, provision_upper: 1, provision_attainment: 'undecided' });
  });
});

describe('the country report, the brief and the comparison show the range', () => {
  const out = mkdtempSync(join(tmpdir(), 'lexgap-ranges-'));

  it('the report\'s glance gives the assessed score and the range, the tier table "could be" and three-valued attainment, the methodology the rules', () => {
    const result = lexgap(['report', ...MINI, '--format', 'html', '--out', out, MIXED]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'AA.html'), 'utf8');
    expect(html).toContain('assessed 47% · could be 34–57%');
    expect(html).toContain('None: A cannot be attained on what is assessed');
    expect(html).toMatch(/39–46%<\/td>/);
    expect(html).toMatch(/25–75%<\/td>/);
    expect(html).toContain('not attained');
    expect(html).toContain('class="range"'); // the bracket in the chart
    expect(html).toContain('Beside each score is its range');
    expect(html).toContain('undecided otherwise');
  });

  it('the brief says the range and the standing in a sentence, and the range rule in its method line', () => {
    const result = lexgap(['report', ...MINI, '--template', 'brief', '--format', 'html', '--out', out, MIXED]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'AA-brief.html'), 'utf8');
    expect(html).toContain('Once every unknown answer is given, the overall score could be 34–57%. Standing: None: A cannot be attained on what is assessed.');
    expect(html).toContain('The range is the lowest and highest the score could be once every unknown is answered');
  });

  it('the Thai and Vietnamese reports say the standing in their own words', () => {
    for (const [lang, words] of [['th', 'ไม่อาจบรรลุได้'], ['vi', 'không thể đạt']] as const) {
      const dir = join(out, lang);
      expect(lexgap(['report', ...MINI, '--format', 'html', '--lang', lang, '--out', dir, MIXED]).code).toBe(0);
      expect(readFileSync(join(dir, 'AA.html'), 'utf8')).toContain(words);
    }
  });

  it('the comparison draws a range bar per country and sorts by the lower bound when asked', () => {
    // Metland (CC) 100% … 100%, Tierland (BB) 8/9 … 8/9 (B.2 not applicable), Mixedland (AA) 34% … 57%.
    const byLower = lexgap(['compare', ...MINI, '--sort', 'lower', '--out', '-', 'test/fixtures/profiles']);
    expect(byLower.code, byLower.stderr).toBe(0);
    const order = [...byLower.stdout.matchAll(/<td><strong>(\w\w)<\/strong>/g)].map((m) => m[1]).slice(0, 3);
    expect(order).toEqual(['CC', 'BB', 'AA']);
    expect(byLower.stdout).toContain('class="range-bar"');
    expect(byLower.stdout).toContain('34–57%');
    expect(byLower.stdout).toContain('Countries in order of lowest possible score, highest first.');
    const byName = lexgap(['compare', ...MINI, '--out', '-', 'test/fixtures/profiles']);
    expect([...byName.stdout.matchAll(/<td><strong>(\w\w)<\/strong>/g)].map((m) => m[1]).slice(0, 3)).toEqual(['AA', 'BB', 'CC']);
  });

  it('the comparison CSV carries each provision\'s range and attainment', () => {
    const run = lexgap(['compare', ...MINI, '--format', 'csv', '--out', '-', MIXED]);
    const rows = parseCsv(run.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.provision === 'A.2')).toMatchObject({ lower: '0.5', upper: '1', attainment: 'undecided' });
  });
});

describe('diff tells a change by its range', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexgap-diff-ranges-'));
  const v1 = readFileSync(join(ROOT, MIXED), 'utf8');

  function diffOf(v2: string) {
    writeFileSync(join(dir, 'v1.yaml'), v1);
    writeFileSync(join(dir, 'v2.yaml'), v2);
    const json = lexgap(['diff', ...MINI, '--format', 'json', join(dir, 'v1.yaml'), join(dir, 'v2.yaml')]);
    expect(json.code, json.stderr).toBe(0);
    const text = lexgap(['diff', ...MINI, join(dir, 'v1.yaml'), join(dir, 'v2.yaml')]).stdout;
    return { d: JSON.parse(json.stdout), text };
  }

  it('an answer withdrawn is named as withdrawn, not as progress, even when the assessed score rises', () => {
    // A.1 a met, b partial → b unknown: assessed 75% → 100% (only a is left), but the range goes
    // from 75% … 75% to (1+0)/2 = 50% … 100%: wider, so answers were withdrawn.
    const { d, text } = diffOf(v1.replace('elements: {a: met, b: partial}', 'elements: {a: met, b: unknown}'));
    const [a1] = d.provisions;
    expect(a1).toMatchObject({ id: 'A.1', kind: 'withdrawn', withdrawn: ['b'], range: { old: { lower: 0.75, upper: 0.75 }, new: { lower: 0.5, upper: 1 }, move: 'widened' } });
    expect(a1.score.new).toBe(1);
    expect(text).toContain('Answers withdrawn (range widened; not progress) (1):');
    expect(text).toContain('A.1  First  (assessed 75% → 100%; could be 75% → 50–100% (widened), weight 3)');
    expect(text).toContain('b: partial → unknown  (answer withdrawn)');
    expect(text).not.toMatch(/^Improved/m);
    // Overall: A.1 weighs 3, its lower 0.75 → 0.5 and upper 0.75 → 1, so lower 3.75/11 → (3.75 − 0.75)/11 = 3/11
    // and upper 6.25/11 → (6.25 + 0.75)/11 = 7/11: widened.
    expect(d.range.move).toBe('widened');
    expect(d.range.new.lower).toBeCloseTo(3 / 11);
    expect(d.range.new.upper).toBeCloseTo(7 / 11);
  });

  it('a citation whose section changed is a change, listed with the old and new section', () => {
    const { d, text } = diffOf(v1.replace('section: s.1,', 'section: s.1A,'));
    expect(d.provisions).toHaveLength(1);
    expect(d.provisions[0]).toMatchObject({ id: 'A.1', kind: 'evidence', elements: [], withdrawn: [] });
    expect(d.provisions[0].evidence.changed).toEqual([{ law: 'act1', section: 's.1A', fields: [{ field: 'section', old: 's.1', new: 's.1A' }] }]);
    expect(text).toContain('Evidence changed, answers unchanged (1):');
    expect(text).toContain('citation act1: section "s.1" → "s.1A"');
    expect(text).not.toContain("No provision's answers");
  });

  it('an unknown answered narrows the range; a better answer moves it up', () => {
    // A.2 c unknown → met: 50% … 100% → 100% … 100%: narrowed (the assessed score stays 100%).
    // A.3 a not-met → met: 0 → 1: moved up.
    const { d } = diffOf(v1.replace('c: unknown}', 'c: met}').replace('elements: {a: not-met}', 'elements: {a: met}'));
    const kinds = Object.fromEntries(d.provisions.map((p: any) => [p.id, p.kind]));
    expect(kinds).toEqual({ 'A.2': 'narrowed', 'A.3': 'improved' });
  });
});
