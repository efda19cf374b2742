import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../ground/errors.js';

const YAML_FILE = /\.ya?ml$/i;

/** Expands the paths given on the command line into profile files: folders give their *.yaml files. */
export async function collectProfileFiles(paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) throw new UsageError('no profile given', 'name one or more profile files or folders, e.g. `lexgap validate countries/`');
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: no such file or folder`, 'check the spelling of the path');
    if (info.isDirectory()) {
      const found = (await readdir(path)).filter((n) => YAML_FILE.test(n)).sort().map((n) => join(path, n));
      if (found.length === 0) throw new UsageError(`${path}: this folder has no profiles (*.yaml files)`, 'run `lexgap init <country code> --out ' + join(path, 'XX.yaml') + '` to start one');
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  return [...new Set(files)];
}
