import { runProgram } from './program.js';
import { reportError } from './report-error.js';

/**
 * Every command line but the validate lane's (main.ts): commander runs it (program.ts), and what went
 * wrong becomes a message and an exit code. The build writes this file, with all it imports, as one
 * CommonJS script too (scripts/bundle.mjs), which run-command-line.ts runs with V8's code cache. It
 * reports its own errors: the script's copy of UsageError is not main.ts's.
 */
export async function runCommandLine(argv: string[], verbose: boolean): Promise<void> {
  try {
    await runProgram(argv);
  } catch (err) {
    process.exitCode = reportError(err, verbose);
  }
}
