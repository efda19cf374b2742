import { describe, expect, it } from 'vitest';
import { lexgap, MINI } from './helpers/run-cli.js';

// Expected values are computed by hand from test/fixtures/frameworks/mini.yaml (weights A.1 3, A.2 1,
// A.3 3, B.1 2, B.2 2) and the fixture profiles, not copied from lexgap's output.
function scoreJson(file: string) {
  const result = lexgap(['score', ...MINI, '--format', 'json', `test/fixtures/profiles/${file}`]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).assessments[0];
}

describe('scoring', () => {
  it('averages scored elements, leaves out unknown and not-applicable, and weights provisions', () => {
    const a = scoreJson('mini-mixed.yaml');
    const byId = Object.fromEntries(a.tiers.flatMap((t: any) => t.provisions).map((p: any) => [p.id, p]));
    expect(byId['A.1'].score).toBeCloseTo(0.75); // (met 1 + partial 0.5) / 2
    expect(byId['A.2'].score).toBeCloseTo(1); // met; not-applicable and unknown left out
    expect(byId['A.2'].applicableElements).toBe(2); // b is not applicable
    expect(byId['A.2'].assessedElements).toBe(1);
    expect(byId['A.3'].score).toBe(0);
    expect(byId['B.1'].score).toBeCloseTo(0.5); // provision-level answer, no element scored
    expect(byId['B.1'].scoredFrom).toBe('provision');
    expect(byId['B.2'].score).toBeNull(); // not in the profile at all
    const [tierA, tierB] = a.tiers;
    expect(tierA.score).toBeCloseTo((3 * 0.75 + 1 * 1 + 3 * 0) / 7); // 0.4643
    expect(tierA.coverage).toBeCloseTo(4 / 5);
    expect(tierB.score).toBeCloseTo(0.5);
    expect(tierB.coverage).toBeCloseTo(2 / 3);
    expect(a.score).toBeCloseTo(4.25 / 9); // 0.4722
    expect(a.coverage).toBeCloseTo(6 / 8);
    expect(a.standing).toBeNull();
  });

  it('orders gaps by tier, then weight (heaviest first), then score (lowest first)', () => {
    const a = scoreJson('mini-mixed.yaml');
    expect(a.gaps.map((g: any) => g.id)).toEqual(['A.3', 'A.1', 'B.1']);
    expect(a.unassessed.map((p: any) => p.id)).toEqual(['B.2']);
  });

  it('gives the standing as the highest tier attained with every lower tier attained', () => {
    const a = scoreJson('mini-tier-a.yaml');
    expect(a.tiers[0].attained).toBe(true);
    expect(a.tiers[1].attained).toBe(false); // B.1 = (1 + 0) / 2
    expect(a.standing).toBe('A');
    expect(a.score).toBeCloseTo(8 / 9); // B.2 not applicable: out of the weights too
    expect(a.coverage).toBe(1);
    const all = scoreJson('mini-all-met.yaml');
    expect(all.standing).toBe('B');
    expect(all.score).toBe(1);
    expect(all.gaps).toEqual([]);
  });

  it('prints a country as a table with percentages and the recommendation of each gap', () => {
    const result = lexgap(['score', ...MINI, 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Mixedland (AA)');
    expect(result.stdout).toMatch(/Overall: assessed 47% · could be 34–57%\s+coverage 75%/); // bounds 3.75/11 … 6.25/11
    expect(result.stdout).toMatch(/A Tier A\s+46%\s+39–46%\s+80%\s+not attained/); // (2.25 + 0.5)/7 … 3.25/7
    expect(result.stdout).toMatch(/1\. A\.3\s+Third[\s\S]*→ Fix the third\./);
    expect(result.stdout).toContain('Not yet assessed (1): B.2');
  });

  it('compares several countries in one table, and exports tidy CSV', () => {
    const text = lexgap(['score', ...MINI, 'test/fixtures/profiles']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/AA Mixedland\s+47%\s+34–57%\s+46%\s+50%\s+75%\s+3\s+none: A cannot be attained on what is assessed/);
    expect(text.stdout).toMatch(/BB Tierland\s+89%\s+89%\s+100%\s+50%\s+100%\s+1\s+A attained/); // fully assessed: one value
    expect(text.stdout).toMatch(/CC Metland\s+100%\s+100%\s+100%\s+100%\s+100%\s+0\s+B attained/);
    const csv = lexgap(['score', ...MINI, '--format', 'csv', 'test/fixtures/profiles']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('country,country_name,framework,framework_version,assessed,status,scope,score,coverage,attained,standing,gaps,lower,upper,attainment,standing_upper');
    expect(lines).toContain('BB,Tierland,mini,1,2025-01-15,reviewed,overall,0.8889,1,true,A,1,0.8889,0.8889,,A');
    expect(lines).toContain('AA,Mixedland,mini,1,2025-01-15,draft,A,0.4643,0.8,false,,2,0.3929,0.4643,not-attained,');
    expect(lines).toHaveLength(1 + 3 * 3);
  });

  it('scores the shipped Philippines and Malaysia profiles', () => {
    const result = lexgap(['score', 'countries/']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PH Philippines/);
    expect(result.stdout).toMatch(/MY Malaysia/);
  });
});
