import { loadScriptModule } from './script-module.js';

type ValidateLane = (paths: string[], verbose: boolean) => Promise<void>;

/** The validate lane as one CommonJS script, which the build writes beside the bundle (scripts/bundle.mjs). */
const SCRIPT = new URL('./validate-lane.cjs', import.meta.url);
/** The same lane as an ES module: what the script takes for its import.meta.url (its neighbours' paths), and the fallback. */
const MODULE = new URL('./validate-lane.js', import.meta.url);

/**
 * Runs `lexgap validate <paths…>` (validate-lane.ts). Node 20 keeps no compiled code for ES modules
 * between runs, so compiling the lane's 200 KB module took ~25 ms of CPU of each one-file run; run as
 * a script, V8's code cache holds its compiled code (src/cache/code-cache.ts), saved after the first
 * run, when the functions that run called are compiled too (~10 ms). Without the script (lexgap run
 * from tsc's output in dist/, or a script that does not load) the lane is imported as a module.
 */
export async function runValidateLane(paths: string[], verbose: boolean): Promise<void> {
  const script = loadScriptModule(SCRIPT, MODULE);
  const validateLane = script?.exports.validateLane;
  if (!script || typeof validateLane !== 'function') return (await import('./validate-lane.js')).validateLane(paths, verbose);
  await (validateLane as ValidateLane)(paths, verbose);
  script.saveCodeCache();
}
