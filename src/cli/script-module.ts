import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCachedScript, type ScriptOptions } from '../cache/code-cache.js';

/**
 * The script is CommonJS: it runs inside a function given what a module has, the URL it stands in for,
 * and an `import()` for the packages left outside the bundle (Puppeteer, Handlebars: the build points
 * the script's imports of them here, as a script run by node:vm cannot import by itself).
 */
const WRAP = { before: '(function (exports, require, module, __lexgapModuleUrl, __lexgapImport) {', after: '\n})' };
const importPackage = (specifier: string): Promise<unknown> => import(specifier);

/** What a script exports, and the call that keeps V8's compiled code of it for the next run. */
export interface ScriptModule {
  exports: Record<string, unknown>;
  saveCodeCache(): void;
}

/**
 * A part of lexgap that the build also writes as one CommonJS script (scripts/bundle.mjs), run with
 * V8's code cache (src/cache/code-cache.ts): Node 20 keeps no compiled code for ES modules between
 * runs, so an ES module is compiled afresh at every run, and each of its chunks is resolved, read and
 * linked on its own. `script` is the script's file; `module`, the ES module beside it that it stands in
 * for (its import.meta.url: the package root, the workers' files and the yaml package are found from
 * it). Undefined when there is no script (lexgap run from tsc's output in dist/) or it does not load:
 * the caller imports the ES module instead.
 */
export function loadScriptModule(script: URL, module: URL, options: ScriptOptions = {}): ScriptModule | undefined {
  let code: Buffer;
  try {
    code = readFileSync(script);
  } catch {
    return undefined; // not built as a script (tsc's output)
  }
  try {
    const compiled = runCachedScript(code, fileURLToPath(script), WRAP, options);
    const holder = { exports: {} as Record<string, unknown> };
    (compiled.value as (...args: unknown[]) => void)(holder.exports, createRequire(script), holder, module.href, importPackage);
    return { exports: holder.exports, saveCodeCache: () => compiled.saveCodeCache() };
  } catch {
    return undefined;
  }
}
