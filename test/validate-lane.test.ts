import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

// `lexgap validate <paths…>` with no option runs in a bundle file of its own, without commander
// (src/cli/validate-lane.ts); with any option it goes through commander. Both must print the same
// bytes and exit with the same code: `--format text` is the default, so it changes nothing but the way.
describe('a plain validate runs in its own lane, as commander would run it', () => {
  it.each([
    ['a profile with warnings', ['countries/PH.yaml']],
    ['a folder of profiles', ['countries/']],
    ['broken profiles', ['test/fixtures/bad']],
    ['adversarial files', ['test/fixtures/adversarial']],
    ['a file that does not exist, beside one that does', ['countries/TH.yaml', 'no-such-file.yaml']],
    ['a folder with no profile', ['test/fixtures']],
  ])('%s', (_, paths) => {
    const lane = lexgap(['validate', ...paths]);
    const commander = lexgap(['validate', '--format', 'text', ...paths]);
    expect(lane.stdout).toBe(commander.stdout);
    expect(lane.stderr).toBe(commander.stderr);
    expect(lane.code).toBe(commander.code);
    expect(lane.stdout + lane.stderr).not.toBe('');
  });
});

// The lane runs as a script with V8's code cache (src/cli/run-validate-lane.ts): an empty, filled or
// damaged cache, or none, changes only the speed.
describe("the validate lane's code cache", () => {
  it('prints the same whether the cache is empty, filled, damaged or off', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-lane-cache-'));
    const paths = ['test/fixtures/profiles-asean/planted-mistakes.yaml', 'countries/TH.yaml'];
    const env = { LEXGAP_CACHE_DIR: dir };
    const dropResults = () => readdirSync(dir).filter((e) => e.startsWith('results-')).forEach((e) => rmSync(join(dir, e)));
    const cold = lexgap(['validate', ...paths], { env });
    const codeEntries = readdirSync(dir).filter((e) => e.startsWith('code-'));
    expect(codeEntries.length).toBeGreaterThan(0);
    dropResults();
    const warm = lexgap(['validate', ...paths], { env });
    for (const entry of codeEntries) {
      const bytes = readFileSync(join(dir, entry));
      bytes[bytes.length - 8] ^= 0xff; // one byte of V8's code
      writeFileSync(join(dir, entry), bytes);
    }
    dropResults();
    const damaged = lexgap(['validate', ...paths], { env });
    const off = lexgap(['validate', ...paths], { env: { LEXGAP_CACHE_DIR: '' } });
    expect(cold.code).toBe(1);
    expect(cold.stdout).toContain('planted-mistakes.yaml');
    for (const run of [warm, damaged, off]) {
      expect(run.stdout).toBe(cold.stdout);
      expect(run.stderr).toBe(cold.stderr);
      expect(run.code).toBe(cold.code);
    }
  });
});
