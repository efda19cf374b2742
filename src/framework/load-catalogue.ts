import { stat } from 'node:fs/promises';
import { UsageError } from '../ground/errors.js';
import { SHIPPED_FRAMEWORKS } from '../ground/paths.js';
import type { Finding } from '../findings/finding.js';
import { FrameworkCatalogue } from './framework-catalogue.js';
import { loadFrameworks } from './load-frameworks.js';

/** The shipped frameworks plus any folders given with --frameworks. */
export async function loadCatalogue(extraDirs: readonly string[] = []): Promise<{ catalogue: FrameworkCatalogue; findings: Finding[] }> {
  for (const dir of extraDirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`--frameworks ${dir}: no such folder`, 'give a folder that holds framework .yaml files');
  }
  const { frameworks, findings } = await loadFrameworks([SHIPPED_FRAMEWORKS, ...extraDirs]);
  return { catalogue: new FrameworkCatalogue(frameworks), findings };
}
