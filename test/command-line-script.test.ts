import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

// Every command but the plain validate lane runs from one CommonJS script with V8's code cache
// (src/cli/run-command-line.ts), one cache entry per command: an empty, filled or damaged cache, or
// none, changes only the speed.
describe("the command line's code cache", () => {
  const newCache = () => mkdtempSync(join(tmpdir(), 'lexgap-command-cache-'));
  const codeEntries = (dir: string) => readdirSync(dir).filter((e) => e.startsWith('code-'));
  const dropResults = (dir: string) => readdirSync(dir).filter((e) => e.startsWith('results-')).forEach((e) => rmSync(join(dir, e)));

  it('prints the same whether the cache is empty, filled, damaged or off', () => {
    const dir = newCache();
    const env = { LEXGAP_CACHE_DIR: dir };
    const args = ['score', '--format', 'csv', 'countries/PH.yaml', 'test/fixtures/profiles-asean/planted-mistakes.yaml'];
    const cold = lexgap(args, { env });
    expect(codeEntries(dir).length).toBeGreaterThan(0);
    dropResults(dir);
    const warm = lexgap(args, { env });
    for (const entry of codeEntries(dir)) {
      const bytes = readFileSync(join(dir, entry));
      bytes[bytes.length - 8] ^= 0xff; // one byte of V8's code
      writeFileSync(join(dir, entry), bytes);
    }
    dropResults(dir);
    const damaged = lexgap(args, { env });
    const off = lexgap(args, { env: { LEXGAP_CACHE_DIR: '' } });
    expect(cold.code).toBe(1); // planted-mistakes.yaml has errors: reported and left out
    expect(cold.stdout).toContain('PH');
    expect(cold.stderr).toContain('planted-mistakes.yaml: not scored');
    for (const run of [warm, damaged, off]) {
      expect(run.stdout).toBe(cold.stdout);
      expect(run.stderr).toBe(cold.stderr);
      expect(run.code).toBe(cold.code);
    }
  });

  it('keeps an entry per command, each holding what its own run compiled', () => {
    const dir = newCache();
    const env = { LEXGAP_CACHE_DIR: dir };
    // Help and the version compile no validator: every entry here is the command line's own.
    expect(lexgap(['--version'], { env }).code).toBe(0);
    expect(codeEntries(dir)).toHaveLength(1);
    expect(lexgap(['--help'], { env }).code).toBe(0); // no command: the same entry, read
    expect(codeEntries(dir)).toHaveLength(1);
    expect(lexgap(['score', '--help'], { env }).code).toBe(0);
    expect(codeEntries(dir)).toHaveLength(2);
    expect(lexgap(['frameworks', '--help'], { env }).code).toBe(0);
    expect(codeEntries(dir)).toHaveLength(3);
    expect(lexgap(['score', '--help'], { env }).code).toBe(0); // its entry read, none added
    expect(codeEntries(dir)).toHaveLength(3);
  });

  it("reports a command's usage errors plainly, not as a bug in lexgap", () => {
    const run = lexgap(['score', '--gaps', 'many', 'countries/PH.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lexgap: --gaps many: not a number of gaps  (give a whole number, or "all")\n');
  });
});
