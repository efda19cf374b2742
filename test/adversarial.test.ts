import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

// Links a report could turn into something that runs or reads the machine: refused where they are
// written, at their line, before any report is made. (The report's own defences are tested in
// test/report/security.test.ts and test/report/adversarial-report.test.ts.)
const URLS = 'test/fixtures/adversarial/urls/UR.yaml';
const UNSAFE_FRAMEWORKS = 'test/fixtures/adversarial/frameworks-unsafe';

/** The `file:line:col  severity  message` heads of the text output, in order. */
const heads = (output: string) => output.split('\n').filter((l) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(l));

describe('javascript: and file: URLs', () => {
  it('are refused wherever a profile gives a URL, each at its line, with what to write instead', () => {
    const result = lexgap(['validate', URLS]);
    expect(result.code).toBe(1);
    const why = '(only http:// and https:// addresses can be cited)';
    // The errors only: the laws declared here to carry bad URLs are never cited, which is a warning each.
    expect(heads(result.stdout).filter((h) => h.includes('  error  '))).toEqual([
      `${URLS}:9:32  error  "javascript:alert(document.cookie)" is not in the right form for laws › js › url  ${why}`,
      `${URLS}:10:34  error  "JavaScript:alert(1)" is not in the right form for laws › upper › url  ${why}`,
      `${URLS}:11:32  error  "file:///etc/passwd" is not in the right form for laws › file › url  ${why}`,
      `${URLS}:12:36  error  " javascript:alert(1)" is not in the right form for laws › spaced › url  ${why}`,
      `${URLS}:13:32  error  "https://example.org/act javascript:alert(1)" is not in the right form for laws › tail › url  ${why}`,
      `${URLS}:19:80  error  "file:///etc/shadow" is not in the right form for provisions › T1.06 › evidence #1 › url  ${why}`,
      `${URLS}:20:80  error  "javascript:void(0)//https://example.org" is not in the right form for provisions › T1.06 › evidence #2 › url  ${why}`,
      `${URLS}:22:51  error  "file://localhost/etc/hosts" is not in the right form for provisions › T1.06 › pending #1 › url  ${why}`,
    ]);
    expect(result.stdout).toContain(`  > 11 |   file: {title: File Act, url: "file:///etc/passwd"}\n       |                                ^^^^^^^^^^^^^^^^^^^^`);
  });

  it('keep the profile out of every report: nothing is written, exit 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'lexgap-urls-'));
    const result = lexgap(['report', URLS, '--format', 'html', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${URLS}: not reported — 8 errors`);
    expect(result.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });

  it('are refused in a framework too, at their lines', () => {
    const result = lexgap(['frameworks', '--frameworks', UNSAFE_FRAMEWORKS]);
    expect(result.code).toBe(1);
    expect(heads(result.stdout + result.stderr).filter((l) => l.includes('unsafe-links.yaml'))).toEqual([
      `${UNSAFE_FRAMEWORKS}/unsafe-links.yaml:5:33  error  "javascript:alert(1)" is not in the right form for source › url  (use an http:// or https:// address)`,
      `${UNSAFE_FRAMEWORKS}/unsafe-links.yaml:9:33  error  "file:///etc/passwd" is not in the right form for instruments › X › url  (use an http:// or https:// address)`,
    ]);
  });
});

describe('names every JavaScript object has', () => {
  it('are not taken for a declared basis of a framework provision', () => {
    const result = lexgap(['frameworks', '--frameworks', UNSAFE_FRAMEWORKS, '--format', 'json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).findings.filter((f: { file: string }) => f.file.endsWith('object-keys.yaml'));
    expect(findings.map((f: { line: number; message: string }) => `${f.line}: ${f.message}`)).toEqual([
      '18: basis "constructor" is not declared under `bases`',
      '19: basis "toString" is not declared under `bases`',
      '20: basis "__proto__" is not declared under `bases`',
    ]);
  });
});
