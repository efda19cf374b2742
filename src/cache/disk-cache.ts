import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync, writevSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from '../ground/node-crypto.js';

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

/**
 * A binary entry, written as writeCache writes text: whole or not at all. Several chunks (a pack of
 * 10,000 results) are written one after another, never first copied into one buffer.
 */
export function writeCacheBytes(name: string, produce: () => Uint8Array | readonly Uint8Array[]): void {
  writeEntry(name, produce);
}

/** Chunks per write call: under any system's limit on the buffers of one call (IOV_MAX, 1,024 on Linux). */
const CHUNKS_PER_WRITE = 512;

function writeChunks(file: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    for (let i = 0; i < chunks.length; i += CHUNKS_PER_WRITE) {
      const group = chunks.slice(i, i + CHUNKS_PER_WRITE);
      let written = writevSync(fd, group);
      // A short write (rare, on a full disk or a signal): the rest chunk by chunk, or an error.
      for (const chunk of group) {
        if (written >= chunk.length) {
          written -= chunk.length;
          continue;
        }
        for (let at = written; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
        written = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function writeEntry(name: string, produce: () => string | Uint8Array | readonly Uint8Array[]): void {
  const dir = cacheDir();
  if (!dir) return;
  const file = join(dir, name);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const content = produce();
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(temp, content);
    else writeChunks(temp, content);
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
