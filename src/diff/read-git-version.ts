import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../ground/errors.js';
import { MAX_SOURCE_BYTES, decodeSource, type SourceResult } from '../yaml/read-source.js';

const run = promisify(execFile);

/**
 * The text of `file` as it was committed at `revision`, read with `git show <revision>:./<name>`
 * from the file's own folder (so any working directory and any repository layout work). git is
 * run with an argument array, never through a shell. Problems the user can fix are UsageErrors.
 */
export async function readGitVersion(file: string, revision: string): Promise<SourceResult> {
  if (revision.startsWith('-') || revision.trim() === '') {
    // git would read "-…" as one of its own options.
    throw new UsageError(`--since "${revision}" is not a git revision`, 'give a commit, tag or branch, e.g. --since HEAD~1, --since v1.0 or --since main');
  }
  if (!(await stat(file).catch(() => undefined))?.isFile()) {
    throw new UsageError(`${file}: no such file`, 'check the spelling of the path; --since compares a file with its own earlier version');
  }
  const cwd = dirname(resolve(file));
  const git = (args: string[]) => run('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_SOURCE_BYTES + 1024, windowsHide: true });

  await git(['rev-parse', '--show-toplevel']).catch((err: NodeJS.ErrnoException & { stderr?: Buffer }) => {
    if (err.code === 'ENOENT') throw new UsageError('git is not installed, or not on the PATH', 'install git, or compare two files: `lexgap diff <old profile> <new profile>`');
    const said = firstLine(err.stderr);
    if (said && !/not a git repository/i.test(said)) throw new UsageError(`git could not read the repository of ${file}: ${said}`, 'fix what git says, or compare two files: `lexgap diff <old profile> <new profile>`');
    throw new UsageError(`${file} is not in a git repository`, 'use --since only on a file tracked by git, or compare two files: `lexgap diff <old profile> <new profile>`');
  });
  await git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => {
    throw new UsageError(`there is no revision "${revision}" in the repository of ${file}`, `\`git log --oneline -- ${file}\` lists the commits that changed it`);
  });
  let stdout: Buffer;
  try {
    ({ stdout } = await git(['show', `${revision}:./${basename(file)}`]));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      return { ok: false, message: `the version at ${revision} is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB a profile can be`, hint: 'check that this is the right file' };
    }
    const said = firstLine((err as { stderr?: Buffer }).stderr);
    if (said && !/does not exist|exists on disk, but not in/i.test(said)) throw new UsageError(`git could not read ${file} at ${revision}: ${said}`, 'fix what git says, or compare two files: `lexgap diff <old profile> <new profile>`');
    throw new UsageError(`${file} did not exist at ${revision} (or was not committed there)`, `choose a revision where it did: \`git log --oneline -- ${file}\` lists them`);
  }
  return decodeSource(stdout);
}

function firstLine(stderr: Buffer | undefined): string {
  return (stderr?.toString('utf8') ?? '').split(/\r?\n/)[0]!.replace(/^fatal:\s*/, '').trim();
}
