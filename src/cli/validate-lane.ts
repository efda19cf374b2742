import { validate } from './commands/validate.js';
import { reportError } from './report-error.js';

/**
 * `lexgap validate <paths…>` with no option, as commander would run it (program.ts: `--format text`,
 * no `--frameworks`, quiet off), errors reported as main.ts reports them. The build bundles this
 * file, with all it imports, into one file of its own (scripts/bundle.mjs): Node loads one module
 * instead of the sixteen chunks the same code spans in the main bundle, and commander not at all
 * (together about a fifth of a one-file run on a busy machine). It reports its own errors, as its
 * copy of UsageError is not main.ts's.
 */
export async function validateLane(paths: string[], verbose: boolean): Promise<void> {
  try {
    process.exitCode = await validate(paths, { format: 'text', frameworks: [] });
  } catch (err) {
    process.exitCode = reportError(err, verbose);
  }
}
