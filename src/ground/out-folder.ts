import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/**
 * Checks, before any work is done, that `folder` can take lexgap's output: it is a folder, or (with
 * `create`) it can be made because the nearest part of its path that exists is a folder. A file in
 * the way is said as such, not as "EEXIST" or "does not exist". `out` is the --out the user gave.
 */
export async function checkOutFolder(out: string, folder: string, options: { create: boolean }): Promise<void> {
  let at = resolve(folder);
  let missing = false;
  for (;;) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOTDIR' ? 'file-above' : undefined));
    if (info === 'file-above' || info === undefined) {
      missing = true;
      const up = dirname(at);
      if (up === at) break;
      at = up;
      continue;
    }
    if (!info.isDirectory()) {
      throw new UsageError(`--out ${out}: ${shown(folder, at)} is a file, not a folder`, 'choose another --out, or move the file out of the way');
    }
    break;
  }
  if (missing && !options.create) {
    throw new UsageError(`--out ${out}: the folder ${folder} does not exist`, 'create it first, or choose another --out');
  }
}

/** The part of the user's own path that names `absolute`, so the message uses their words. */
function shown(folder: string, absolute: string): string {
  let part = folder;
  while (resolve(part) !== absolute && dirname(part) !== part) part = dirname(part);
  return resolve(part) === absolute ? part : absolute;
}
