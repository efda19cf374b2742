import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { cacheDir } from '../cache/disk-cache.js';
import { countErrors } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { today } from '../ground/today.js';
import { score } from '../scoring/score.js';
import { decodeSource, MAX_SOURCE_BYTES, readSource, unreadableFinding, type SourceResult } from '../yaml/read-source.js';
import { CheckPool } from './check-pool.js';
import { checkText, type CheckedText, type Need } from './check-text.js';
import { ResultCache } from './result-cache.js';

/** One file's findings and what the command needs of it, in the order the files were given. */
export interface FileResult extends CheckedText {
  file: string;
  /** The file's text, kept only when its findings are printed with code frames. */
  source?: string;
}

export interface CheckFilesOptions {
  need: Need;
  /** Which files keep their text for code frames: any with findings (validate), or those with errors. */
  frames: 'findings' | 'errors';
}

/** Files read ahead while one is checked: each read takes several trips through the event loop. */
const READ_AHEAD = 16;

/**
 * Files to check (not found in the result cache) before worker threads pay for their start (each
 * loads lexgap and compiles the validator, ~0.2 s of one core): measured on 2 cores, see README "Speed".
 */
export const WORKER_THRESHOLD = 200;

/**
 * LEXGAP_WORKERS=0 checks every file on the main thread; LEXGAP_WORKERS=n uses n worker threads
 * whatever the number of files (the tests use it to run both paths); unset, one worker per core
 * once WORKER_THRESHOLD files are to be checked, none on a single core.
 */
function workerPlan(): { size: number; threshold: number } {
  const asked = process.env.LEXGAP_WORKERS;
  if (asked !== undefined && asked.trim() !== '' && Number.isInteger(Number(asked)) && Number(asked) >= 0) return { size: Number(asked), threshold: 1 };
  const cores = availableParallelism();
  return { size: cores >= 2 ? cores : 0, threshold: WORKER_THRESHOLD };
}

/**
 * A plain file of profile size is read at once (a promise-based read takes four trips through the
 * thread pool: 30% of a warm run of 1,000 files); anything else (a folder, a FIFO, a huge file, an
 * error) goes through readSource, which says what is wrong with it. The result is readSource's.
 */
function readQuickly(path: string): SourceResult | Promise<SourceResult> {
  try {
    const info = statSync(path);
    if (info.isFile() && info.size <= MAX_SOURCE_BYTES) return decodeSource(readFileSync(path));
  } catch {
    // readSource below tells why
  }
  return readSource(path);
}

/**
 * Reads and checks every profile file, keeping of each only what the command needs: its findings,
 * its text when the findings are printed with code frames, and (by `need`) an assessment summary or
 * the profile and its assessment. Unreadable files become findings, not crashes. Files unchanged
 * since the last run come from the result cache; the others are checked here or, when there are
 * enough of them, in worker threads. The results are the same either way.
 */
export async function checkFiles(files: readonly string[], catalogue: FrameworkCatalogue, options: CheckFilesOptions): Promise<FileResult[]> {
  const date = today();
  const { need } = options;
  const cache = cacheDir() ? ResultCache.open(need, catalogue, date, files.map((f) => dirname(resolve(f)))) : undefined;
  const results: FileResult[] = new Array(files.length);
  const texts = new Map<number, { text: string; key?: string }>();

  const finish = (index: number, value: CheckedText, fresh: boolean) => {
    const file = files[index]!;
    const { text, key } = texts.get(index)!;
    texts.delete(index);
    if (fresh && key !== undefined) cache!.put(key, file, value);
    const result: FileResult = fresh ? { file, ...value } : { file, ...value, findings: value.findings.map((f) => ({ ...f, file })) };
    if (result.findings.length > 0 && (options.frames === 'findings' || countErrors(result.findings) > 0)) result.source = text;
    if (need === 'full' && result.profile && result.frameworkId !== undefined) {
      const framework = catalogue.get(result.frameworkId);
      if (framework) result.assessment = score(framework, result.profile);
    }
    results[index] = result;
  };
  const checkHere = (index: number) => finish(index, checkText(files[index]!, texts.get(index)!.text, catalogue, date, need), true);

  const plan = workerPlan();
  const mayUseWorkers = plan.size > 0 && files.length >= plan.threshold;
  let pool: CheckPool | undefined;
  let outstanding = 0;
  let allBack: (() => void) | undefined;
  let failure: { error: unknown } | undefined;
  /** Results arrive in event handlers: an error there is kept and thrown once every file is back. */
  const settle = (index: number, value?: CheckedText) => {
    try {
      if (value) finish(index, value, true);
      else checkHere(index);
    } catch (error) {
      failure ??= { error };
    }
    if (--outstanding === 0) allBack?.();
  };
  const onResult = (index: number, value: CheckedText | undefined) => settle(index, value);
  const onOrphan = (items: { index: number }[]) => items.forEach(({ index }) => settle(index));
  const waiting: number[] = []; // files to check, held until it is clear whether workers pay

  const reads = new Map<number, Promise<SourceResult> | SourceResult>();
  const startRead = (i: number) => {
    if (i < files.length) reads.set(i, readQuickly(files[i]!));
  };
  try {
    for (let i = 0; i < READ_AHEAD; i++) startRead(i);
    for (const [i, file] of files.entries()) {
      const source = await reads.get(i)!;
      reads.delete(i);
      startRead(i + READ_AHEAD);
      if (!source.ok) {
        results[i] = { file, findings: [unreadableFinding(file, source)] };
        continue;
      }
      const key = cache?.key(source.text);
      texts.set(i, { text: source.text, key });
      const hit = key === undefined ? undefined : cache!.get(key);
      if (hit) {
        finish(i, hit, false);
      } else if (pool) {
        outstanding++;
        await pool.submit({ index: i, file, text: source.text });
      } else if (!mayUseWorkers) {
        checkHere(i);
      } else {
        waiting.push(i);
        if (waiting.length >= plan.threshold) {
          pool = new CheckPool(plan.size, { loaded: catalogue.loaded, date, need }, onResult, onOrphan);
          for (const index of waiting.splice(0)) {
            outstanding++;
            await pool.submit({ index, file: files[index]!, text: texts.get(index)!.text });
          }
        }
      }
    }
    for (const index of waiting) checkHere(index);
    if (pool && outstanding > 0) {
      const done = new Promise<void>((resolve) => (allBack = resolve));
      pool.flush();
      await done;
    }
  } finally {
    await pool?.close();
  }
  if (failure) throw failure.error;
  cache?.save();
  return results;
}
