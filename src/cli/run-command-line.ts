import { loadScriptModule } from './script-module.js';

type CommandLine = (argv: string[], verbose: boolean) => Promise<void>;

/** command-line.ts as one CommonJS script, which the build writes beside the bundle (scripts/bundle.mjs). */
const SCRIPT = new URL('./command-line.cjs', import.meta.url);
/** The same as an ES module (an entry of the bundle): what the script takes for its import.meta.url, and the fallback. */
const MODULE = new URL('./command-line.js', import.meta.url);

/**
 * Runs a command through commander (command-line.ts). As an ES module, the command's code is ~30
 * chunks (~310 KB for `score`), each resolved, read, compiled and linked afresh at every run: about
 * 70 ms of CPU of a one-file `score` on this machine. Run as a script, V8's code cache holds the
 * compiled code, one entry per command (each keeps the functions its first run called). Without the
 * script (tsc's output in dist/, or a script that does not load) the ES module is imported.
 */
export async function runCommandLine(argv: string[], verbose: boolean): Promise<void> {
  const script = loadScriptModule(SCRIPT, MODULE, { variant: commandOf(argv) });
  const run = script?.exports.runCommandLine;
  if (!script || typeof run !== 'function') return (await import('./command-line.js')).runCommandLine(argv, verbose);
  await (run as CommandLine)(argv, verbose);
  script.saveCodeCache();
}

/** The command's name, for the code cache's entry: the first word after the program's path, when it is one. */
function commandOf(argv: readonly string[]): string {
  const word = argv[2] ?? '';
  return /^[a-z][a-z-]{0,19}$/.test(word) ? word : '';
}
