import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticProfile } from '../bench/make-profiles.mjs';
import { CACHE_DIR, lexgap as run, type CliResult } from './helpers/run-cli.js';

// LEXGAP_WORKERS=0 checks every file on the main thread; LEXGAP_WORKERS=2 uses two worker threads
// whatever the number of files (unset, workers start only from 200 files to check). Both paths must
// print the same bytes and exit with the same code. The result packs are removed before each run, so
// every file is checked (the compiled validators stay cached: the runs stay quick).
const MAIN_THREAD = { LEXGAP_WORKERS: '0' };
const WORKERS = { LEXGAP_WORKERS: '2' };

function lexgap(args: string[], options: { env: Record<string, string> }): CliResult {
  for (const name of readdirSync(CACHE_DIR).filter((n) => n.startsWith('results-'))) rmSync(join(CACHE_DIR, name));
  return run(args, options);
}

let folder: string;

beforeAll(() => {
  // Valid profiles with warnings, every kind of broken file (binary, empty, Latin-1, tabs, alias bomb,
  // unknown framework, duplicate keys), planted mistakes and synthetic valid profiles: 32 files.
  folder = mkdtempSync(join(tmpdir(), 'lexgap-workers-'));
  for (const name of ['BN.yaml', 'PH.yaml']) copyFileSync(join('countries', name), join(folder, name));
  for (const name of readdirSync('test/fixtures/bad')) copyFileSync(join('test/fixtures/bad', name), join(folder, `bad-${name}`));
  copyFileSync('test/fixtures/profiles-asean/planted-mistakes.yaml', join(folder, 'planted-mistakes.yaml'));
  const framework = parse(readFileSync('frameworks/asean-ocsea.yaml', 'utf8'));
  for (let i = 0; i < 20; i++) writeFileSync(join(folder, `synthetic-${String(i).padStart(2, '0')}.yaml`), syntheticProfile(framework, i));
});

describe('worker threads', () => {
  it.each([
    [['validate']],
    [['score']],
    [['score', '--format', 'csv']],
    [['export']],
  ])('lexgap %j prints the same and exits the same with workers as on the main thread', (args) => {
    const here = lexgap([...args, folder], { env: MAIN_THREAD });
    const threads = lexgap([...args, folder], { env: WORKERS });
    expect(here.code).toBe(1); // the broken files have errors
    expect(here.stdout.length).toBeGreaterThan(0);
    expect(threads.stdout).toBe(here.stdout);
    expect(threads.stderr).toBe(here.stderr);
    expect(threads.code).toBe(here.code);
  });

  it('a worker that dies with files in hand loses none of them: the main thread checks them', () => {
    const here = lexgap(['validate', '--format', 'json', folder], { env: MAIN_THREAD });
    const crashed = lexgap(['validate', '--format', 'json', folder], { env: { ...WORKERS, LEXGAP_TEST_WORKER_CRASH: '1' } });
    expect(JSON.parse(crashed.stdout).files).toHaveLength(readdirSync(folder).length);
    expect(crashed.stdout).toBe(here.stdout);
    expect(crashed.stderr).toBe(here.stderr);
    expect(crashed.code).toBe(1);
  });

  it('one valid profile among broken ones still gets the detailed single-country text', () => {
    const one = mkdtempSync(join(tmpdir(), 'lexgap-workers-one-'));
    copyFileSync('countries/PH.yaml', join(one, 'PH.yaml'));
    copyFileSync('test/fixtures/bad/empty.yaml', join(one, 'empty.yaml'));
    const alone = lexgap(['score', 'countries/PH.yaml'], { env: MAIN_THREAD });
    const among = lexgap(['score', one], { env: WORKERS });
    expect(among.code).toBe(1);
    expect(among.stdout).toBe(alone.stdout);
    expect(among.stdout).toContain('Gaps, most urgent first');
  });
});
