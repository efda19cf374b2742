import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small content-addressed cache for work that only depends on its input text (compiled
 * validators, checked frameworks). Entries are named by a hash of everything they depend on, so a
 * changed input simply misses. A missing, read-only or damaged cache only costs speed.
 * LEXGAP_CACHE_DIR sets its folder ("" turns it off); by default ~/.cache/lexgap.
 */
export function cacheDir(): string | undefined {
  if (process.env.LEXGAP_CACHE_DIR !== undefined) return process.env.LEXGAP_CACHE_DIR || undefined;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : tmpdir());
  return join(base, 'lexgap');
}

export function cacheKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n\u0000')).digest('hex').slice(0, 24);
}

export function readCache(name: string): string | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}

/** A binary entry (V8's code cache, a pack of many small results), as readCache reads text; undefined when missing or off. */
export function readCacheBytes(name: string): Buffer | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    return readFileSync(join(dir, name));
  } catch {
    return undefined;
  }
}

export function writeCache(name: string, produce: () => string): void {
  writeEntry(name, produce);
}

/** A binary entry, written as writeCache writes text: whole or not at all; several chunks are written as one. */
export function writeCacheBytes(name: string, produce: () => Uint8Array | readonly Uint8Array[]): void {
  writeEntry(name, () => {
    const bytes = produce();
    return bytes instanceof Uint8Array ? bytes : Buffer.concat(bytes);
  });
}

function writeEntry(name: string, produce: () => string | Uint8Array): void {
  const dir = cacheDir();
  if (!dir) return;
  const file = join(dir, name);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, produce());
    renameSync(temp, file); // readers see the old entry or the whole new one
  } catch {
    rmSync(temp, { force: true });
  }
}

export function dropCache(name: string): void {
  const dir = cacheDir();
  if (dir) rmSync(join(dir, name), { force: true });
}

/** Removes the entries whose names start with `prefix` and that were last written more than `days` ago. */
export function pruneCache(prefix: string, days: number): void {
  const dir = cacheDir();
  if (!dir) return;
  const before = Date.now() - days * 24 * 3600 * 1000;
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && statSync(join(dir, name)).mtimeMs < before) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // a cache that cannot be listed is left as it is
  }
}
