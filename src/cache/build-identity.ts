import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEXGAP_VERSION } from '../version.js';

/**
 * This build of lexgap, for cache entries that stand for what its code computes (a schema derived from
 * a framework): its version and the time and size of the file `moduleUrl` names (a module's own
 * import.meta.url: the bundle, rewritten at each build, or a file tsc wrote). A rebuilt lexgap misses,
 * never reuses what an older build computed.
 */
export function buildIdentity(moduleUrl: string): string {
  try {
    const info = statSync(fileURLToPath(moduleUrl));
    return `${LEXGAP_VERSION} ${info.mtimeMs} ${info.size}`;
  } catch {
    return `${LEXGAP_VERSION} unknown build ${Math.random()}`; // never reuse what cannot be tied to this build
  }
}
