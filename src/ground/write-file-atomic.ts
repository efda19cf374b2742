import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * node:crypto as CommonJS exports, not imported: an ES module's `import … from 'node:crypto'` makes
 * Node build the module's namespace, which loads Web Crypto and web streams (~10 ms of a start-up)
 * for a temporary file's random name. Every importer on a command's path must do the same for the gain to show.
 */
const { randomBytes } = process.getBuiltinModule('node:crypto');

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
