import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap, MINI } from './helpers/run-cli.js';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `lexgap-results-${name}-`));
const packs = (cache: string) => readdirSync(cache).filter((n) => n.startsWith('results-'));

/** A folder with a valid profile with warnings and the file of planted mistakes. */
function profiles(): string {
  const dir = temp('profiles');
  for (const name of ['PH.yaml']) copyFileSync(join('countries', name), join(dir, name));
  copyFileSync('test/fixtures/profiles-asean/planted-mistakes.yaml', join(dir, 'planted.yaml'));
  return dir;
}

describe('the result cache', () => {
  it('a second run gives the same output from the cache, and a damaged, truncated or empty cache only costs speed', () => {
    const dir = profiles();
    const cache = temp('cache');
    const env = { LEXGAP_CACHE_DIR: cache };
    const runs = (e: Record<string, string>) => [lexgap(['validate', dir], { env: e }), lexgap(['score', '--format', 'csv', dir], { env: e })];
    const cold = runs(env);
    expect(packs(cache)).toHaveLength(2); // one for validate (findings), one for score (summaries)
    expect(cold[0]!.stdout).toContain('planted.yaml:');
    expect(cold.map((r) => r.code)).toEqual([1, 1]);
    const check = (label: string, e: Record<string, string>) => {
      const again = runs(e);
      again.forEach((run, i) => {
        expect(run.stdout, label).toBe(cold[i]!.stdout);
        expect(run.stderr, label).toBe(cold[i]!.stderr);
        expect(run.code, label).toBe(cold[i]!.code);
      });
    };
    check('warm', env);
    const damage = (how: (bytes: Buffer) => Buffer) => {
      for (const pack of packs(cache)) writeFileSync(join(cache, pack), how(readFileSync(join(cache, pack))));
    };
    damage((b) => Buffer.from(b.map((x, i) => (i > b.length / 2 && i % 7 === 0 ? x ^ 0x55 : x)))); // bytes flipped in the entries
    check('flipped bytes', env);
    damage((b) => b.subarray(0, Math.floor(b.length / 2)));
    check('truncated', env);
    damage(() => Buffer.from('not a pack {"context":1}\n'));
    check('garbage', env);
    damage(() => Buffer.alloc(0));
    const off = runs({ LEXGAP_CACHE_DIR: '' });
    expect(off.map((r) => r.stdout)).toEqual(cold.map((r) => r.stdout));
    expect(packs(cache).map((p) => readFileSync(join(cache, p)).length)).toEqual([0, 0]); // off: nothing written
    check('empty', env);
  });

  it('a changed file is checked again, and the original text hits its old entry', () => {
    const dir = temp('changed');
    const cache = temp('cache');
    const env = { LEXGAP_CACHE_DIR: cache };
    const text = readFileSync('test/fixtures/profiles/mini-all-met.yaml', 'utf8');
    writeFileSync(join(dir, 'XX.yaml'), text);
    const before = lexgap(['validate', ...MINI, dir], { env });
    expect(before.stdout).toBe('0 errors, 0 warnings in 1 file\n');
    writeFileSync(join(dir, 'XX.yaml'), text.replace(/^status: .*$/m, 'status: finished'));
    const after = lexgap(['validate', ...MINI, dir], { env });
    expect(after.code).toBe(1);
    expect(after.stdout).toContain(`${join(dir, 'XX.yaml')}:`);
    expect(after.stdout).toContain('1 error');
    writeFileSync(join(dir, 'XX.yaml'), text);
    expect(lexgap(['validate', ...MINI, dir], { env }).stdout).toBe(before.stdout);
  });

  it('an entry is about the text, not the path: a copy under another name gets findings with its own name', () => {
    const dir = temp('copies');
    const cache = temp('cache');
    const env = { LEXGAP_CACHE_DIR: cache };
    copyFileSync('test/fixtures/profiles-asean/planted-mistakes.yaml', join(dir, 'a.yaml'));
    const first = lexgap(['validate', dir], { env });
    copyFileSync('test/fixtures/profiles-asean/planted-mistakes.yaml', join(dir, 'b.yaml'));
    const both = lexgap(['validate', dir], { env });
    const fresh = lexgap(['validate', dir], { env: { LEXGAP_CACHE_DIR: '' } });
    expect(both.stdout).toBe(fresh.stdout);
    expect(both.stdout).toContain(`${join(dir, 'b.yaml')}:`);
    expect(both.stdout.split(`${join(dir, 'a.yaml')}:`).length).toBe(first.stdout.split(`${join(dir, 'a.yaml')}:`).length);
  });

  it('a changed framework is a miss: the score reads the new framework', () => {
    const frameworks = temp('frameworks');
    const cache = temp('cache');
    const env = { LEXGAP_CACHE_DIR: cache };
    const mini = readFileSync('test/fixtures/frameworks/mini.yaml', 'utf8');
    writeFileSync(join(frameworks, 'mini.yaml'), mini);
    const args = ['score', '--format', 'csv', '--frameworks', frameworks, 'test/fixtures/profiles/mini-mixed.yaml', 'test/fixtures/profiles/mini-all-met.yaml'];
    const before = lexgap(args, { env });
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain(',mini,1,'); // framework_version 1
    writeFileSync(join(frameworks, 'mini.yaml'), mini.replace('version: "1"', 'version: "2"'));
    const after = lexgap(args, { env });
    expect(after.stdout).toContain(',mini,2,');
    expect(after.stdout).not.toContain(',mini,1,');
  });
});
