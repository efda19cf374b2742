import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

const BAD = 'test/fixtures/bad';

/** The `file:line:col  severity  message` heads of the text output, in order. */
function heads(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(l));
}

describe('lexgap validate', () => {
  it('finds exactly the five planted mistakes, each at its line', () => {
    const result = lexgap(['validate', 'test/fixtures/profiles-asean/planted-mistakes.yaml']);
    expect(result.code).toBe(1);
    const f = 'test/fixtures/profiles-asean/planted-mistakes.yaml';
    expect(heads(result.stdout)).toEqual([
      `${f}:4:11  error  the assessment date 2025-02-30 is not a real date  (check the day and the month (YYYY-MM-DD))`,
      `${f}:12:15  error  the law "penal" is not declared under \`laws\`  (declare it under \`laws:\` with its title, year and url)`,
      `${f}:13:3  error  unknown key "T1.7" in provisions  (did you mean "T1.07" or "T1.17"?)`,
      `${f}:16:19  error  "parital" is not allowed for provisions › T1.08 › elements › a  (did you mean "partial"? — allowed: met, partial, not-met, unknown, not-applicable)`,
      `${f}:18:19  warning  element a is answered "met" with no citation backing it  (add an \`evidence\` entry citing the law and section, or answer \`unknown\` until it is checked)`,
    ]);
    expect(result.stdout).toContain('4 errors, 1 warning in 1 file');
  });

  it('underlines the culprit in a code frame', () => {
    const result = lexgap(['validate', 'test/fixtures/profiles-asean/planted-mistakes.yaml']);
    expect(result.stdout).toContain('  > 13 |   T1.7:\n       |   ^^^^');
  });

  it('accepts a valid profile with exit 0', () => {
    const result = lexgap(['validate', 'test/fixtures/profiles-asean/valid-small.yaml']);
    expect(result.stdout).toContain('0 errors, 0 warnings in 1 file');
    expect(result.code).toBe(0);
  });

  it('validates the shipped country profiles with no errors', () => {
    const result = lexgap(['validate', 'countries/']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toMatch(/answer-without-evidence|with no citation/);
  });

  it('gives the same findings as data with --format json', () => {
    const result = lexgap(['validate', '--format', 'json', 'test/fixtures/profiles-asean/planted-mistakes.yaml']);
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout);
    expect(data.errors).toBe(4);
    expect(data.warnings).toBe(1);
    expect(data.findings.map((f: any) => [f.line, f.col, f.code])).toEqual([
      [4, 11, 'impossible-date'],
      [12, 15, 'undeclared-law'],
      [13, 3, 'unknown-key'],
      [16, 19, 'not-allowed'],
      [18, 19, 'answer-without-evidence'],
    ]);
    expect(result.stderr).toBe('');
  });

  it('flags a date in the future, an assessment over three years old, and a repealed law cited as evidence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const file = join(dir, 'OLD.yaml');
    writeFileSync(
      file,
      [
        'country: PH', 'name: Philippines', 'framework: asean-ocsea', 'assessed: 2019-01-01', 'status: draft',
        'laws:', '  ra9775: {title: RA 9775, year: 2009, repealedBy: RA 11930 (2022)}',
        'provisions:', '  T1.06:', '    elements: {a: met}',
        '    evidence: [{law: ra9775, section: s.4, confidence: sourced, checked: 2999-01-01}]', '',
      ].join('\n'),
    );
    const result = lexgap(['validate', '--format', 'json', file]);
    const codes = JSON.parse(result.stdout).findings.map((f: any) => `${f.severity}:${f.code}:${f.line}`);
    expect(codes).toEqual(['warning:stale-assessment:4', 'error:repealed-law:11', 'error:future-date:11']);
    expect(result.code).toBe(1);
  });

  it('reports element answers that contradict the provision-level answer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const file = join(dir, 'X.yaml');
    writeFileSync(
      file,
      'country: PH\nname: P\nframework: asean-ocsea\nassessed: 2025-01-01\nstatus: draft\nlaws: {a: {title: A}}\nprovisions:\n  T1.06:\n    answer: met\n    elements: {a: met, b: not-met}\n    evidence: [{law: a, section: s.1, confidence: sourced, checked: 2025-01-01}]\n',
    );
    const result = lexgap(['validate', file]);
    expect(result.code).toBe(1);
    expect(heads(result.stdout)).toEqual([
      `${file}:9:13  error  the provision is answered "met" but its elements say otherwise (a: met, b: not-met)  (make the provision \`answer\` agree with the element answers, or remove it and let the elements decide)`,
    ]);
  });

  it('points a missing key at its parent, and an unknown one at the key itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const file = join(dir, 'M.yaml');
    writeFileSync(
      file,
      'country: PH\nname: P\nframework: asean-ocsea\nassessed: 2025-01-01\nlaws: {a: {title: A}}\nprovisions:\n  T1.06:\n    elements: {a: met}\n    evidence:\n      - section: s.1\n        confidence: sourced\n        checked: 2025-01-01\n        quoted: x\n',
    );
    const result = lexgap(['validate', '--format', 'json', file]);
    const found = JSON.parse(result.stdout).findings.map((f: any) => `${f.line}:${f.col} ${f.message}`);
    expect(found).toEqual([
      '1:1 missing "status"',
      '10:9 provisions › T1.06 › evidence #1 is missing "law"',
      '13:9 unknown key "quoted" in provisions › T1.06 › evidence #1',
    ]);
  });

  it('checks the block of a misspelt provision id against the provision it most likely means', () => {
    // Thailand's profile with "T1.06" written "T1.6" and one answer inside that block misspelt: the
    // schema alone stops at the unknown key; the block is also checked as T1.06, the only provision
    // the file lacks that "T1.6" is close to, and its finding says so.
    const lines = readFileSync('countries/TH.yaml', 'utf8').split('\n');
    const at = lines.indexOf('  T1.06:');
    expect(lines[at + 1]).toBe('    elements: {a: unknown, b: met, c: met}');
    lines[at] = '  T1.6:';
    lines[at + 1] = '    elements: {a: unknown, b: mett, c: met}';
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-misspelt-'));
    const file = join(dir, 'TH.yaml');
    writeFileSync(file, lines.join('\n'));
    const result = lexgap(['validate', file]);
    expect(result.code).toBe(1);
    expect(heads(result.stdout)).toContain(
      `${file}:${at + 2}:31  error  "mett" is not allowed for provisions › T1.6 › elements › b (read as T1.06)  (did you mean "met"? — allowed: met, partial, not-met, unknown, not-applicable)`,
    );
    // The shipped profile, with nothing misspelt, has no such finding.
    expect(lexgap(['validate', 'countries/TH.yaml']).stdout).not.toContain('(read as');
  });

  it('reports every problem of several files at once', () => {
    const result = lexgap(['validate', `${BAD}/tab-indent.yaml`, `${BAD}/duplicate-key.yaml`, `${BAD}/unknown-framework.yaml`]);
    expect(result.code).toBe(1);
    // The tab-indented file is read past its tabs, so its missing citation is reported too.
    expect(heads(result.stdout)).toHaveLength(5);
    expect(result.stdout).toContain('4 errors, 1 warning in 3 files');
  });
});

describe('bad input gets a clear message, never a stack trace', () => {
  const cases: [string, number, RegExp][] = [
    ['unquoted-colon.yaml', 6, /6:10 {2}error {2}this value contains ": ", which YAML reads as the start of another key {2}\(put the whole value in "double quotes"/],
    ['tab-indent.yaml', 7, /7:1 {2}error {2}a tab is used to indent this line {2}\(indent with spaces, not tabs\)/],
    ['duplicate-key.yaml', 9, /9:3 {2}error {2}the key "T1\.06" appears twice in the same map/],
    ['alias-bomb.yaml', 1, /1:1 {2}error {2}the YAML expands its aliases .* "alias bomb"/],
    ['binary.yaml', 1, /1:1 {2}error {2}this is a binary file, not YAML text/],
    ['latin1.yaml', 1, /1:1 {2}error {2}the file is not UTF-8 text {2}\(save it as UTF-8/],
    ['empty.yaml', 1, /1:1 {2}error {2}the file is empty {2}\(run `lexgap init <country code>`/],
    ['unknown-framework.yaml', 3, /3:12 {2}error {2}there is no framework "asean-ocsa" {2}\(did you mean "asean-ocsea"\?\)/],
    ['proto-key.yaml', 6, /6:1 {2}error {2}unknown key "__proto__"/],
  ];
  for (const [file, line, pattern] of cases) {
    it(`${file}: exit 1, the finding at line ${line}`, () => {
      const result = lexgap(['validate', `${BAD}/${file}`]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^test/fixtures/bad/${file.replace('.', '\\.')}:${line}:`, 'm'));
      expect(result.stdout).toMatch(pattern);
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/); // no stack trace
    });
  }

  it('a "constructor" answer is refused like any answer not on the scale', () => {
    const result = lexgap(['validate', `${BAD}/proto-key.yaml`]);
    expect(result.stdout).toMatch(/9:19 {2}error {2}"constructor" is not allowed/);
  });

  it('a 50 MB file is refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const file = join(dir, 'big.yaml');
    writeFileSync(file, 'country: "' + 'x'.repeat(50 * 1024 * 1024) + '"\n');
    const result = lexgap(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/1:1 {2}error {2}the file is 50\.0 MB — larger than the 5 MB a profile can be/);
  });

  it('YAML nested 10,000 levels deep is an error, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const file = join(dir, 'deep.yaml');
    writeFileSync(file, 'country: TH\nprovisions: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n');
    const result = lexgap(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error  the YAML is nested too deeply to read');
  });

  it('a path that does not exist is a usage problem: exit 2, message on stderr', () => {
    const result = lexgap(['validate', 'countries/XX.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lexgap: countries/XX.yaml: no such file or folder  (check the spelling of the path)\n');
    expect(result.stdout).toBe('');
  });

  it('a folder with no profiles is a usage problem: exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    mkdirSync(join(dir, 'empty'));
    const result = lexgap(['validate', join(dir, 'empty')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/this folder has no profiles \(\*\.yaml files\)/);
  });

  it('an unknown option or format is a usage problem: exit 2', () => {
    expect(lexgap(['validate', '--format', 'xml', 'countries/']).code).toBe(2);
    expect(lexgap(['validate', '--nope', 'countries/']).code).toBe(2);
    expect(lexgap([]).code).toBe(2);
  });
});

describe('a law\'s stable identifier', () => {
  const profile = (identifier: string) =>
    [
      'country: AG', 'name: Agreeland', 'framework: mini', 'assessed: 2025-01-15', 'status: draft',
      'laws:', '  act:', '    title: Act 792', `    identifier: ${identifier}`, 'provisions: {}', '',
    ].join('\n');
  const check = (identifier: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    writeFileSync(join(dir, 'AG.yaml'), profile(identifier));
    return lexgap(['validate', '--frameworks', 'test/fixtures/frameworks', join(dir, 'AG.yaml')]);
  };

  it('accepts an Akoma Ntoso work URI or an ELI address', () => {
    expect(check('/akn/my/act/act/2017/792').code).toBe(0);
    expect(check('https://www.legislation.gov.uk/eli/ukpga/2003/42').code).toBe(0);
  });

  it('points at an identifier in another form, and says what form it takes', () => {
    const result = check('act-792');
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/AG\.yaml:9:17  error  "act-792" is not in the right form for laws › act › identifier  \(write an Akoma Ntoso work URI/);
  });
});
