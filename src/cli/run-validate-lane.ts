import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCachedScript } from '../cache/code-cache.js';

type ValidateLane = (paths: string[], verbose: boolean) => Promise<void>;

/** The validate lane as one CommonJS script, which the build writes beside the bundle (scripts/bundle.mjs). */
const SCRIPT = new URL('./validate-lane.cjs', import.meta.url);
/** The same lane as an ES module: what the script takes for its import.meta.url (its neighbours' paths), and the fallback. */
const MODULE = new URL('./validate-lane.js', import.meta.url);
/** The script is CommonJS: it runs inside a function given what a module has, and the URL it stands in for. */
const WRAP = { before: '(function (exports, require, module, __lexgapModuleUrl) {', after: '\n})' };

/**
 * Runs `lexgap validate <paths…>` (validate-lane.ts). Node 20 keeps no compiled code for ES modules
 * between runs, so compiling the lane's 200 KB module took ~25 ms of CPU of each one-file run; run as
 * a script, V8's code cache holds its compiled code (src/cache/code-cache.ts), saved after the first
 * run, when the functions that run called are compiled too (~10 ms). Without the script (lexgap run
 * from tsc's output in dist/, or a script that does not load) the lane is imported as a module.
 */
export async function runValidateLane(paths: string[], verbose: boolean): Promise<void> {
  const script = laneScript();
  if (!script) return (await import('./validate-lane.js')).validateLane(paths, verbose);
  await script.validateLane(paths, verbose);
  script.saveCodeCache();
}

function laneScript(): { validateLane: ValidateLane; saveCodeCache: () => void } | undefined {
  let code: Buffer;
  try {
    code = readFileSync(SCRIPT);
  } catch {
    return undefined; // not built as a script (tsc's output)
  }
  try {
    const script = runCachedScript(code, fileURLToPath(SCRIPT), WRAP);
    const module = { exports: {} as { validateLane?: unknown } };
    (script.value as (...args: unknown[]) => void)(module.exports, createRequire(SCRIPT), module, MODULE.href);
    const { validateLane } = module.exports;
    if (typeof validateLane !== 'function') return undefined;
    return { validateLane: validateLane as ValidateLane, saveCodeCache: () => script.saveCodeCache() };
  } catch {
    return undefined;
  }
}
