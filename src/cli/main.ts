import { EXIT, UsageError } from '../ground/errors.js';

/** The CLI: runs the command line, and turns what went wrong into a message and an exit code. */
export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0); // output piped into `head`: not an error
  });
  const verbose = argv.includes('--verbose');
  try {
    const paths = plainValidate(argv);
    if (paths) process.exitCode = await (await import('./commands/validate.js')).validate(paths, { format: 'text', frameworks: [] });
    else await (await import('./program.js')).runProgram(argv);
  } catch (err) {
    process.exitCode = report(err, verbose);
  }
}

/**
 * The paths of `lexgap validate <paths…>` with no option, the commonest command line (a drafter after
 * each edit, a CI step): it runs without loading commander (a tenth of a one-file run's start-up),
 * with the options commander would give it (program.ts: `--format text`, no `--frameworks`, quiet
 * off). Anything else — an option, `--`, help, another command — goes through commander.
 */
function plainValidate(argv: string[]): string[] | undefined {
  const [command, ...paths] = argv.slice(2);
  if (command !== 'validate' || paths.length === 0 || paths.some((p) => p.startsWith('-'))) return undefined;
  return paths;
}

function report(err: unknown, verbose: boolean): number {
  if (err instanceof UsageError) {
    process.stderr.write(`lexgap: ${err.message}${err.hint ? `  (${err.hint})` : ''}\n`);
    return EXIT.usage;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code && ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST'].includes(e.code)) {
    process.stderr.write(`lexgap: ${e.message}  (check the path and your permissions)\n`);
    return EXIT.usage;
  }
  process.stderr.write(
    `lexgap: internal error: ${e?.message ?? String(err)} — a bug in lexgap, not in your files; please report it with the command you ran${verbose ? '' : ' (--verbose shows where it happened)'}\n`,
  );
  if (verbose && e?.stack) process.stderr.write(e.stack + '\n');
  return EXIT.usage;
}
