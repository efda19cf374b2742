import { join } from 'node:path';
import type { LoadedCrosswalk } from '../crosswalk/types.js';
import type { Finding } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { checkProfile, type ProfileCheck } from '../profile/check-profile.js';
import { readSource, unreadableFinding, type SourceResult } from '../yaml/read-source.js';
import { SHIPPED_FRAMEWORKS } from '../ground/paths.js';
import { today } from '../ground/today.js';

/** Commands import loadCatalogue from here, beside the other inputs they load. */
export { loadCatalogue } from '../framework/load-catalogue.js';

/** The crosswalks in `crosswalks/` beside the shipped frameworks and in each --frameworks folder. */
export async function loadCrosswalks(catalogue: FrameworkCatalogue, extraDirs: readonly string[] = []): Promise<{ crosswalks: LoadedCrosswalk[]; findings: Finding[] }> {
  const dirs = [SHIPPED_FRAMEWORKS, ...extraDirs].map((dir) => join(dir, 'crosswalks'));
  // Imported here, not at the top: only `score --framework` needs crosswalks, and validate stays lean.
  const { loadCrosswalks: load } = await import('../crosswalk/load-crosswalks.js');
  return load(dirs, catalogue.loaded.map((l) => l.framework));
}

export interface CheckedFiles {
  checks: ProfileCheck[];
  /** Each file's text, for code frames. */
  sources: Map<string, string>;
}

/** Files read ahead while one is checked: each read takes several trips through the event loop. */
const READ_AHEAD = 16;

/** Reads and checks every profile file; unreadable files become findings, not crashes. */
export async function checkProfileFiles(files: readonly string[], catalogue: FrameworkCatalogue): Promise<CheckedFiles> {
  const date = today();
  const sources = new Map<string, string>();
  const checks: ProfileCheck[] = [];
  const reads = new Map<number, Promise<SourceResult>>();
  const startRead = (i: number) => {
    if (i < files.length) reads.set(i, readSource(files[i]!));
  };
  for (let i = 0; i < READ_AHEAD; i++) startRead(i);
  for (const [i, file] of files.entries()) {
    const source = await reads.get(i)!;
    reads.delete(i);
    startRead(i + READ_AHEAD);
    if (!source.ok) {
      checks.push({ file, findings: [unreadableFinding(file, source)] });
      continue;
    }
    sources.set(file, source.text);
    checks.push(checkProfile(file, source.text, catalogue, date));
  }
  return { checks, sources };
}
