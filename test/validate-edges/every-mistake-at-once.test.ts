import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lexgap } from '../helpers/run-cli.js';

/** The `file:line:col  severity  message  (hint)` heads of the text output, in order. */
const heads = (stdout: string) => stdout.split('\n').filter((l) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(l));

let dir: string;
let blank: string;

/** A profile as `lexgap init TH` writes it, changed by `edit`, written to its own file. */
function profile(name: string, edit: (text: string) => string): string {
  const file = join(dir, name);
  const text = edit(blank);
  expect(text).not.toBe(blank);
  writeFileSync(file, text);
  return file;
}

/** The 1-based line of the first line of `text` starting with `prefix`. */
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lexgap-edges-'));
  const made = lexgap(['init', 'TH', '--framework', 'asean-ocsea', '--out', join(dir, 'TH.yaml')]);
  expect(made.code).toBe(0);
  blank = readFileSync(join(dir, 'TH.yaml'), 'utf8');
  expect(lexgap(['validate', join(dir, 'TH.yaml')]).code).toBe(0);
});

describe('one tab, one finding', () => {
  it('a tab indenting one line is one error, and a real schema error in the same file is still reported', () => {
    let tabLine = 0;
    const file = profile('tab.yaml', (text) => {
      const lines = text.split('\n');
      tabLine = lineOf(text, '  T1.03:') + 1; // the `elements:` line under T1.03
      expect(lines[tabLine - 1]).toBe('    elements:');
      lines[tabLine - 1] = '\telements:';
      return lines.join('\n').replace('\nstatus: draft\n', '\nstatus: drft\n');
    });
    const result = lexgap(['validate', file]);
    expect(result.code).toBe(1);
    const statusLine = lineOf(readFileSync(file, 'utf8'), 'status:');
    expect(heads(result.stdout)).toEqual([
      `${file}:${statusLine}:9  error  "drft" is not allowed for status  (did you mean "draft"? — allowed: draft, reviewed)`,
      `${file}:${tabLine}:1  error  a tab is used to indent this line  (indent with spaces, not tabs)`,
    ]);
    expect(result.stdout).not.toContain('All mapping items must start at the same column');
    expect(result.stdout).toContain('2 errors, 0 warnings in 1 file');
  });
});

describe('a misspelt provision id hides nothing inside its block', () => {
  it('an impossible date under "T1.6" is reported with the misspelt id, not after it is fixed', () => {
    let dateLine = 0;
    const file = profile('t16.yaml', (text) => {
      const at = text.indexOf('  T1.06:');
      const evidence = text.indexOf('    evidence: []', at);
      const changed =
        text.slice(0, at) + '  T1.6:' + text.slice(at + '  T1.06:'.length, evidence) +
        '    evidence: [{law: pc, section: "s. 287/1", confidence: sourced, checked: 2026-02-30}]' +
        text.slice(evidence + '    evidence: []'.length);
      dateLine = lineOf(changed, '    evidence: [{law: pc');
      return changed.replace('\nlaws: {}\n', '\nlaws: {pc: {title: Penal Code, year: 1956}}\n');
    });
    const result = lexgap(['validate', file]);
    expect(result.code).toBe(1);
    const written = readFileSync(file, 'utf8');
    const idLine = lineOf(written, '  T1.6:');
    const dateCol = written.split('\n')[dateLine - 1]!.indexOf('2026-02-30') + 1;
    expect(heads(result.stdout)).toEqual([
      `${file}:${idLine}:3  error  unknown key "T1.6" in provisions  (did you mean "T1.06"?)`,
      `${file}:${dateLine}:${dateCol}  error  the date checked 2026-02-30 is not a real date  (check the day and the month (YYYY-MM-DD))`,
    ]);
  });
});

describe('"did you mean" finds the obvious', () => {
  it('"T1.7O" in a profile from init is offered T1.07, the provision the file now lacks, and nothing is reported missing', () => {
    const file = profile('t17o.yaml', (text) => text.replace('\n  T1.07:', '\n  T1.7O:'));
    const result = lexgap(['validate', file]);
    const line = lineOf(readFileSync(file, 'utf8'), '  T1.7O:');
    expect(heads(result.stdout)).toEqual([`${file}:${line}:3  error  unknown key "T1.7O" in provisions  (did you mean "T1.07"?)`]);
    expect(result.stdout).toContain('1 error, 0 warnings in 1 file');
  });

  it('"partly" as an answer suggests "partial" and still lists the allowed words', () => {
    const file = profile('partly.yaml', (text) => text.replace('      a: unknown # Procuring', '      a: partly # Procuring'));
    const result = lexgap(['validate', file]);
    expect(heads(result.stdout)).toEqual([
      `${file}:${lineOf(readFileSync(file, 'utf8'), '      a: partly')}:10  error  "partly" is not allowed for provisions › T1.06 › elements › a  (did you mean "partial"? — allowed: met, partial, not-met, unknown, not-applicable)`,
    ]);
  });

  it('citing an undeclared "penalcode" suggests the declared "pc"', () => {
    const file = profile('penalcode.yaml', (text) => {
      const at = text.indexOf('  T1.06:');
      const evidence = text.indexOf('    evidence: []', at);
      return (
        text.slice(0, evidence) + '    evidence: [{law: penalcode, section: "s. 287/1", confidence: sourced, checked: 2026-11-01}]' +
        text.slice(evidence + '    evidence: []'.length)
      ).replace('\nlaws: {}\n', '\nlaws: {pc: {title: Penal Code, year: 1956}}\n');
    });
    const result = lexgap(['validate', file]);
    expect(heads(result.stdout)).toContainEqual(expect.stringMatching(/error {2}the law "penalcode" is not declared under `laws` {2}\(did you mean "pc"\?\)$/));
  });
});
