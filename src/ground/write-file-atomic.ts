import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from './node-crypto.js';

/**
 * Writes `path` so that readers only ever see the old file or the whole new one: write a temp file
 * beside it, flush it, then rename it into place. With `overwrite: false`, an existing file is kept
 * and `false` is returned.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, overwrite = true): Promise<boolean> {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (overwrite) {
      await rename(temp, path);
      return true;
    }
    // link() fails if the target exists, so an existing file is never replaced.
    await link(temp, path);
    return true;
  } catch (err) {
    if (!overwrite && (err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}
