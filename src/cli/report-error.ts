import { UsageError, EXIT } from '../ground/errors.js';

/** What went wrong, said on stderr (a usage or file error plainly, anything else as a bug in lexgap), and the exit code for it. */
export function reportError(err: unknown, verbose: boolean): number {
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
