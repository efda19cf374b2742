import { runCommandLine } from './run-command-line.js';
import { runValidateLane } from './run-validate-lane.js';

/**
 * The CLI: runs the command line, and turns what went wrong into a message and an exit code (each
 * runner reports its own errors: command-line.ts and validate-lane.ts).
 */
export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); // output piped into `head`: not an error
  });
  const verbose = argv.includes('--verbose');
  const paths = plainValidate(argv);
  if (paths) {
    await runValidateLane(paths, verbose);
    return;
  }
  try {
    await runCommandLine(argv, verbose);
  } catch (err) {
    // The command line could not be loaded at all (imported here: the validate lane never needs it).
    process.exitCode = (await import('./report-error.js')).reportError(err, verbose);
  }
}

/**
 * The paths of `lexgap validate <paths…>` with no option, the commonest command line (a drafter after
 * each edit, a CI step): it runs in the validate lane (validate-lane.ts, run by run-validate-lane.ts), without commander. Anything
 * else — an option, `--`, help, another command — goes through commander (program.ts).
 */
function plainValidate(argv: string[]): string[] | undefined {
  const [command, ...paths] = argv.slice(2);
  if (command !== 'validate' || paths.length === 0 || paths.some((p) => p.startsWith('-'))) return undefined;
  return paths;
}
