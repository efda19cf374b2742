import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

const PLANTED = 'test/fixtures/profiles-asean/planted-mistakes.yaml';

describe('the compiled-validator cache', () => {
  it('gives the same findings whether it is empty, filled, damaged or off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-cache-test-'));
    const env = { LEXGAP_CACHE_DIR: dir };
    const cold = lexgap(['validate', '--format', 'json', PLANTED], { env });
    const entries = readdirSync(dir);
    expect(entries.some((e) => e.startsWith('validator-'))).toBe(true);
    expect(entries.some((e) => e.startsWith('framework-'))).toBe(true);
    expect(entries.some((e) => e.startsWith('code-'))).toBe(true); // V8's compiled code for the validators
    expect(entries.some((e) => e.startsWith('validator-for-'))).toBe(true); // the framework's text → its validator
    const warm = lexgap(['validate', '--format', 'json', PLANTED], { env });
    const compiled = lexgap(['validate', '--format', 'json', PLANTED], { env });
    for (const entry of entries) writeFileSync(join(dir, entry), 'this is not JavaScript {');
    const damaged = lexgap(['validate', '--format', 'json', PLANTED], { env });
    const repaired = lexgap(['validate', '--format', 'json', PLANTED], { env });
    const off = lexgap(['validate', '--format', 'json', PLANTED], { env: { LEXGAP_CACHE_DIR: '' } });
    expect(cold.code).toBe(1);
    expect(JSON.parse(cold.stdout).findings).toHaveLength(5);
    for (const run of [warm, compiled, damaged, repaired, off]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(cold.stdout);
      expect(run.stderr).toBe('');
    }
  });

  it("gives the same findings when the validators the frameworks' entries name are gone, and compiles them again", () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-cache-test-'));
    const env = { LEXGAP_CACHE_DIR: dir };
    const cold = lexgap(['validate', '--format', 'json', PLANTED], { env });
    const validators = () => readdirSync(dir).filter((e) => /^validator-[0-9a-f]+\.cjs$/.test(e));
    const compiled = validators();
    for (const entry of readdirSync(dir)) if (/^(code|framework|results)-/.test(entry) || compiled.includes(entry)) rmSync(join(dir, entry));
    const gone = lexgap(['validate', '--format', 'json', PLANTED], { env });
    expect(validators().sort()).toEqual(compiled.sort());
    const again = lexgap(['validate', '--format', 'json', PLANTED], { env });
    for (const run of [gone, again]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(cold.stdout);
      expect(run.stderr).toBe('');
    }
  });
});
