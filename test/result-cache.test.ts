import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RACY_MS } from '../src/check/result-cache.js';
import { lexgap, MINI } from './helpers/run-cli.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

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
  describe('a second run, from the cache or past a damaged one, prints what the first printed', () => {
    // Each run rewrites the pack when it missed, so every test below starts from a whole one.
    const dir = profiles();
    const created = Date.now();
    const cache = temp('cache');
    const env = { LEXGAP_CACHE_DIR: cache };
    const runs = (e: Record<string, string>) => [lexgap(['validate', dir], { env: e }), lexgap(['score', '--format', 'csv', dir], { env: e })];
    let cold: ReturnType<typeof runs>;
    beforeAll(() => {
      cold = runs(env);
    });
    const same = (label: string, e: Record<string, string>) => {
      runs(e).forEach((run, i) => {
        expect(run.stdout, label).toBe(cold[i]!.stdout);
        expect(run.stderr, label).toBe(cold[i]!.stderr);
        expect(run.code, label).toBe(cold[i]!.code);
      });
    };
    const damage = (how: (bytes: Buffer) => Buffer) => {
      for (const pack of packs(cache)) writeFileSync(join(cache, pack), how(readFileSync(join(cache, pack))));
    };

    it('the first run fills one pack per command kind', () => {
      expect(packs(cache)).toHaveLength(2); // validate (findings) and score (summaries)
      expect(cold[0]!.stdout).toContain('planted.yaml:');
      expect(cold.map((r) => r.code)).toEqual([1, 1]);
    });

    it('warm: every file is found in the cache, so the packs are not written again', async () => {
      // The files were copied just before the first run: too new for their times to be trusted
      // (result-cache.ts: RACY_MS). A run once they are old enough notes them, and rewrites the packs.
      await sleep(created + RACY_MS + 100 - Date.now());
      same('warm, noting the times', env);
      const written = packs(cache).map((p) => statSync(join(cache, p)).mtimeMs);
      same('warm', env);
      expect(packs(cache).map((p) => statSync(join(cache, p)).mtimeMs)).toEqual(written);
    });

    it('bytes flipped in the entries', () => {
      damage((b) => Buffer.from(b.map((x, i) => (i > b.length / 2 && i % 7 === 0 ? x ^ 0x55 : x))));
      same('flipped bytes', env);
    });

    it('bytes flipped in the header (the entries\' keys and the files\' sizes and times)', () => {
      damage((b) => Buffer.from(b.map((x, i) => (i > 40 && i < 400 && i % 5 === 0 ? x ^ 0x55 : x))));
      same('flipped header', env);
    });

    it('truncated', () => {
      damage((b) => b.subarray(0, Math.floor(b.length / 2)));
      same('truncated', env);
    });

    it('garbage', () => {
      damage(() => Buffer.from('not a pack {"context":1}\n'));
      same('garbage', env);
    });

    it('empty, and off: LEXGAP_CACHE_DIR="" reads and writes nothing', () => {
      damage(() => Buffer.alloc(0));
      same('off', { LEXGAP_CACHE_DIR: '' });
      expect(packs(cache).map((p) => readFileSync(join(cache, p)).length)).toEqual([0, 0]);
      same('empty', env);
    });
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

  describe('a file unchanged by its size and times is not read again, and an edit is always seen', () => {
    const text = readFileSync('test/fixtures/profiles/mini-all-met.yaml', 'utf8');
    // The same number of bytes, and an error: an answer that is not one.
    const edited = text.replace('A.1: {answer: met', 'A.1: {answer: bad');
    const setup = () => {
      const dir = temp('trust');
      const env = { LEXGAP_CACHE_DIR: temp('cache') };
      const file = join(dir, 'XX.yaml');
      writeFileSync(file, text);
      return { dir, env, file };
    };
    /** Rewrites the file with the same size and gives it back its mtime, as a quick editor or a tool might. */
    const editKeepingSizeAndMtime = (file: string) => {
      const { atime, mtime } = statSync(file);
      writeFileSync(file, edited);
      utimesSync(file, atime, mtime);
      expect(statSync(file).size).toBe(Buffer.byteLength(text));
      expect(statSync(file).mtime).toEqual(mtime);
    };

    it('an edit within the same second as the run before, with the same size and mtime (racily clean), is seen', () => {
      expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
      const { dir, env, file } = setup();
      expect(lexgap(['validate', ...MINI, dir], { env }).stdout).toBe('0 errors, 0 warnings in 1 file\n');
      editKeepingSizeAndMtime(file); // within RACY_MS of the first run: its times were not noted
      const after = lexgap(['validate', ...MINI, dir], { env });
      expect(after.code).toBe(1);
      expect(after.stdout).toContain(`${file}:`);
    });

    it('an edit to a file old enough to be trusted, keeping its size and mtime, is seen (its ctime moved)', async () => {
      const { dir, env, file } = setup();
      await sleep(RACY_MS + 100); // old enough: the next run notes its size and times
      const first = lexgap(['score', '--format', 'csv', ...MINI, dir], { env });
      expect(first.code, first.stderr).toBe(0);
      expect(lexgap(['score', '--format', 'csv', ...MINI, dir], { env }).stdout).toBe(first.stdout); // from the cache, unread
      editKeepingSizeAndMtime(file);
      const after = lexgap(['score', '--format', 'csv', ...MINI, dir], { env });
      expect(after.code).toBe(1);
      expect(after.stderr).toContain(`${file}: not scored`);
    });
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
