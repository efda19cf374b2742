import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromStoredForm, RACY_MS, ResultCache, storedForm, type FileStat } from '../src/check/result-cache.js';
import type { FrameworkCatalogue } from '../src/framework/framework-catalogue.js';
import { loadCatalogue } from '../src/framework/load-catalogue.js';
import type { Assessment } from '../src/scoring/types.js';

// The result cache trusts a file unread when its size, mtime, ctime, inode and device are those it noted
// (as git's index does), except a file changed too shortly before the run that read it ("racily clean").
describe('the result cache trusts a file by its size and times', () => {
  const saved = process.env.LEXGAP_CACHE_DIR;
  let catalogue: FrameworkCatalogue;
  beforeAll(async () => {
    process.env.LEXGAP_CACHE_DIR = mkdtempSync(join(tmpdir(), 'lexgap-trust-'));
    ({ catalogue } = await loadCatalogue());
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.LEXGAP_CACHE_DIR;
    else process.env.LEXGAP_CACHE_DIR = saved;
  });
  const open = () => ResultCache.open('findings', catalogue, '2026-01-01', ['/profiles']);
  const stat = (mtimeMs: number, more: Partial<FileStat> = {}): FileStat => ({ size: 100, mtimeMs, ctimeMs: mtimeMs, ino: 7, dev: 1, ...more });
  const result = (file: string) => storedForm(file, { findings: [] });

  it('an old file is trusted next run; one changed within RACY_MS of the run is read again', () => {
    const old = stat(Date.now() - 60_000);
    const racy = stat(Date.now() - RACY_MS / 2);
    const first = open();
    first.note('/profiles/old.yaml', old, 'key-old');
    first.put('key-old', result('/profiles/old.yaml'));
    first.note('/profiles/racy.yaml', racy, 'key-racy');
    first.put('key-racy', result('/profiles/racy.yaml'));
    first.save();

    const next = open();
    expect(next.knows('/profiles/old.yaml')).toBe(true);
    expect(next.knownKey('/profiles/old.yaml', old)).toBe('key-old');
    // Racily clean: the same size and times could hide an edit made in the same tick of the clock.
    expect(next.knows('/profiles/racy.yaml')).toBe(false);
    expect(next.knownKey('/profiles/racy.yaml', racy)).toBeUndefined();
    expect(next.get('key-racy')).toEqual({ findings: [] }); // its result is still found by its bytes
  });

  it('any difference in size, mtime, ctime, inode or device is a change: the file is read again', () => {
    const old = stat(Date.now() - 60_000);
    const first = open();
    first.note('/profiles/a.yaml', old, 'key-a');
    first.put('key-a', result('/profiles/a.yaml'));
    first.save();
    const next = open();
    expect(next.knownKey('/profiles/a.yaml', { ...old })).toBe('key-a');
    for (const changed of [{ size: 101 }, { mtimeMs: old.mtimeMs + 1 }, { ctimeMs: old.ctimeMs + 0.001 }, { ino: 8 }, { dev: 2 }]) {
      expect(next.knownKey('/profiles/a.yaml', { ...old, ...changed }), JSON.stringify(changed)).toBeUndefined();
    }
    expect(next.knownKey('/profiles/b.yaml', old)).toBeUndefined();
  });

  it('a note whose result is no longer stored is dropped: no trust without a result', () => {
    const old = stat(Date.now() - 60_000);
    const first = open();
    first.note('/profiles/a.yaml', old, 'key-a'); // noted, but its result was not storable
    first.put('key-a', undefined);
    first.save();
    expect(open().knows('/profiles/a.yaml')).toBe(false);
  });

  it('a run that finds every result and notes the same files does not write the pack again', () => {
    const old = stat(Date.now() - 60_000);
    const pack = () => readdirSync(process.env.LEXGAP_CACHE_DIR!).filter((n) => n.startsWith('results-')).map((n) => statSync(join(process.env.LEXGAP_CACHE_DIR!, n)).mtimeMs);
    const run = (first: boolean) => {
      const cache = open();
      if (first) cache.put('key-a', result('/profiles/a.yaml'));
      else expect(cache.get('key-a')).toEqual({ findings: [] });
      cache.note('/profiles/a.yaml', old, 'key-a');
      cache.note('/profiles/binary.yaml', old, 'key-binary'); // read, but unreadable as a profile: no result
      cache.save();
    };
    run(true);
    const written = pack();
    run(false);
    expect(pack()).toEqual(written);
  });

  it('a summary is stored with its assessment on a line of its own, decoded only when read', () => {
    const assessment = { country: 'XX', score: 0.5, tiers: [], gaps: [{ id: 'T1.01', tierId: 'T1' }, { id: 'T2.03', tierId: 'T2' }] } as unknown as Assessment;
    const stored = storedForm('x.yaml', { findings: [], frameworkId: 'f', assessment, csv: 'XX,1\r\n' })!;
    expect(stored.split('\n')).toHaveLength(2);
    let shared = 0;
    const value = fromStoredForm(Buffer.from(stored), () => shared++)!;
    expect(value.csv).toBe('XX,1\r\n');
    expect(shared).toBe(0); // not decoded yet
    expect(value.assessment).toEqual(assessment);
    expect(value.assessment).toBe(value.assessment); // decoded once
    expect(shared).toBe(1);
    expect(fromStoredForm('{"no findings":1}')).toBeUndefined();
    expect(fromStoredForm('not json')).toBeUndefined();
  });

  it('writes one pack for these folders', () => {
    expect(readdirSync(process.env.LEXGAP_CACHE_DIR!).filter((n) => n.startsWith('results-'))).toHaveLength(1);
  });
});
