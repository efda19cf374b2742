import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap, ROOT } from './helpers/run-cli.js';

// The mini framework with focus areas declared with titles: A.1 tagged with areas 1 and 2 (it counts
// in each), every other provision untagged. Worked by hand on mini-mixed.yaml:
//   areas 1 and 2 = A.1 alone: (met 1 + partial 0.5) / 2 = 75%, coverage 2/2
//   no tag = A.2 (w1) 1, A.3 (w3) 0, B.1 (w2) 0.5 (answered as a whole), B.2 (w2) unscored:
//     (1 + 0 + 1) / 6 = 33%; coverage (1 + 1 + 2 + 0) / (2 + 1 + 2 + 1) = 67%
function miniWithFocusAreas(a3Tag?: number): string {
  const mini = readFileSync(join(ROOT, 'test/fixtures/frameworks/mini.yaml'), 'utf8');
  let text = mini
    .replace('id: mini\n', 'id: mini-fa\n')
    .replace('initialAnswer: unknown\n', 'initialAnswer: unknown\nfocusAreas:\n  areas:\n    "1": {label: Legislation}\n    "2": {label: Victim support}\n')
    .replace('        weight: 3\n        basis: test\n        references', '        weight: 3\n        focusArea: [1, 2]\n        basis: test\n        references');
  if (a3Tag !== undefined) text = text.replace('        title: Third\n', `        title: Third\n        focusArea: ${a3Tag}\n`);
  return text;
}

function setup(a3Tag?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'lexgap-fa-'));
  writeFileSync(join(dir, 'mini-fa.yaml'), miniWithFocusAreas(a3Tag));
  const profile = readFileSync(join(ROOT, 'test/fixtures/profiles/mini-mixed.yaml'), 'utf8').replace('framework: mini\n', 'framework: mini-fa\n');
  const profiles = mkdtempSync(join(tmpdir(), 'lexgap-fa-profiles-'));
  writeFileSync(join(profiles, 'AA.yaml'), profile);
  return { dir, profile: join(profiles, 'AA.yaml') };
}

describe('focus areas named by their titles', () => {
  it('score --by focus-area heads each column with the title, and counts a provision tagged twice in each area', () => {
    const { dir, profile } = setup();
    const result = lexgap(['score', '--frameworks', dir, '--by', 'focus-area', profile]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Country\s+Legislation\s+Victim support\s+No tag/);
    expect(result.stdout).toMatch(/AA Mixedland\s+75% \(100%\)\s+75% \(100%\)\s+33% \(67%\)/);
    expect(result.stdout).toContain('Focus area 1: Legislation (1 of 5 provisions): A.1.');
    expect(result.stdout).toContain('Focus area 2: Victim support (1 of 5 provisions): A.1.');
    const csv = lexgap(['score', '--frameworks', dir, '--by', 'focus-area', '--format', 'csv', profile]).stdout.split('\r\n');
    expect(csv[0]!.endsWith(',focus_area_label')).toBe(true);
    expect(csv[1]).toMatch(/,1,A\.1,0\.75,1,.*Legislation$/);
  });

  it('check-framework reports a focus area that the framework does not declare, at its line', () => {
    const { dir } = setup(4);
    const result = lexgap(['frameworks', '--frameworks', dir]);
    expect(result.code).toBe(1);
    // The line of A.3's `focusArea: 4` in the generated file; column 20 is where the 4 stands.
    const line = miniWithFocusAreas(4).split('\n').findIndex((l) => l.includes('focusArea: 4')) + 1;
    expect(result.stdout + result.stderr).toContain(`mini-fa.yaml:${line}:20  error  focus area 4 of A.3 is not declared under \`focusAreas.areas\`  (declared: 1, 2; or add 4 there with its label)`);
  });
});
