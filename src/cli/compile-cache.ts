import module from 'node:module';
import { join } from 'node:path';
import { cacheDir } from '../cache/disk-cache.js';

/**
 * Node 22.1 and later can keep the compiled code of the modules a run loads (module.enableCompileCache),
 * so the next run reads it instead of compiling them again; it goes in lexgap's cache folder and is off
 * with it (LEXGAP_CACHE_DIR=""). Node 20 has no such function: there this does nothing. bin/lexgap.js
 * calls it before it imports the rest of lexgap, which the cache then covers.
 */
export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  const dir = cacheDir();
  if (typeof enable !== 'function' || !dir) return;
  try {
    enable(join(dir, 'node-compile-cache'));
  } catch {
    // a cache that cannot be set up only costs speed
  }
}
