import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

// Derived results in the report and the comparison, through the fixture crosswalk mini-criteria-from-mini
// (see the hand-worked answers at the top of crosswalk.test.ts). For Mixedland (AA):
//   K1 not met, K3 met, K5 not met; K2, K4, K6 open; K7 unmapped → assessed 1/3 = 33%,
//   could be 1/7 = 14% … 5/7 = 71%.
//   Source coverage: the crosswalk reads A.1(a, b), A.2(a, c), A.3(a), B.2(a) (A.2(b) not applicable):
//   4 of 6 assessed = 67%; the mini profile as a whole covers 6/8 = 75%.
const DIRS = ['--frameworks', 'test/fixtures/frameworks', '--frameworks', 'test/fixtures/crosswalk'];
const MIXED = 'test/fixtures/profiles/mini-mixed.yaml';

describe('derived results in the country report and the comparison', () => {
  it('the country report has a derived section: each criterion, its rule, the answers behind it, the coverage and the caveats', () => {
    const out = mkdtempSync(join(tmpdir(), 'lexgap-derived-'));
    const result = lexgap(['report', ...DIRS, '--format', 'html', '--out', out, MIXED]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'AA.html'), 'utf8');
    expect(html).toContain('Derived, not assessed.');
    expect(html).toContain('Derived score: assessed 33% · could be 14–71%.');
    expect(html).toContain('4 of the 6 mini elements the crosswalk reads are assessed (67%); this mini assessment as a whole covers 75%.');
    expect(html).toMatch(/<strong>K3<\/strong>[^<]*<\/td><td><span class="pill lv-full">Met<\/span><\/td><td class="small">score at least 50% over: A\.1\(a\) met, A\.1\(b\) partial/);
    expect(html).toContain('Test caveat one.');
  });

  it('compare --framework compares the derived results, says they are derived and gives the answers behind them', () => {
    const result = lexgap(['compare', ...DIRS, '--framework', 'mini-criteria', '--out', '-', MIXED]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Derived, not assessed: the results for AA against mini-criteria');
    expect(result.stdout).toContain('answers behind: 67% · 75%');
    expect(result.stdout).toContain('14–71%');
  });
});
