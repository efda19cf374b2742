import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

// A function whose answer shows it ran: the sum 0 + 1 + … + (n - 1).
const source = (n: number) => `(function () { let total = 0; for (let i = 0; i < ${n}; i++) total += i; return total; })`;
const SOURCE = source(10);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lexgap-code-cache-'));
});

const entries = () => readdirSync(dir).filter((e) => e.startsWith('code-'));
/** One run in a new process, as lexgap's runs are: compile, call once, keep V8's code. */
function run(text = SOURCE, cacheDir = dir): { fromCache: boolean; answer: number } {
  const child = spawnSync(process.execPath, [join(ROOT, 'test/fixtures/code-cache/run-script.mjs'), text], { encoding: 'utf8', env: { ...process.env, LEXGAP_CACHE_DIR: cacheDir } });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe("V8's code cache for cached validators", () => {
  it('is written by the first run and used by the next', () => {
    expect(run()).toEqual({ fromCache: false, answer: 45 }); // 0 + 1 + … + 9
    expect(entries()).toHaveLength(1);
    expect(run()).toEqual({ fromCache: true, answer: 45 });
  });

  it('is not given to V8 when its bytes are damaged, and is written again', () => {
    run();
    const file = join(dir, entries()[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 8] ^= 0xff; // one byte of V8's code, the checksum in front left as it was
    writeFileSync(file, bytes);
    expect(run()).toEqual({ fromCache: false, answer: 45 });
    expect(run()).toEqual({ fromCache: true, answer: 45 });
  });

  it('is rejected by V8 when it was made for another source, and is written again', () => {
    run(source(1000)); // another source, of another length
    const other = join(dir, entries()[0]!);
    const foreign = readFileSync(other);
    run();
    const mine = entries().find((e) => join(dir, e) !== other)!;
    writeFileSync(join(dir, mine), foreign); // whole, with a good checksum, but V8's code for the other source
    expect(run()).toEqual({ fromCache: false, answer: 45 });
    expect(run()).toEqual({ fromCache: true, answer: 45 });
  });

  it('survives an empty or truncated entry, and works with the cache off', () => {
    run();
    const file = join(dir, entries()[0]!);
    writeFileSync(file, readFileSync(file).subarray(0, 20));
    expect(run()).toEqual({ fromCache: false, answer: 45 });
    writeFileSync(file, '');
    expect(run()).toEqual({ fromCache: false, answer: 45 });
    expect(run(SOURCE, '')).toEqual({ fromCache: false, answer: 45 });
    expect(run(SOURCE, '')).toEqual({ fromCache: false, answer: 45 });
  });
});
