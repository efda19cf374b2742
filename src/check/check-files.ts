import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { cacheDir } from '../cache/disk-cache.js';
import { countErrors } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { today } from '../ground/today.js';
import { score } from '../scoring/score.js';
import type { Assessment } from '../scoring/types.js';
import { decodeSource, MAX_SOURCE_BYTES, readSource, unreadableFinding } from '../yaml/read-source.js';
import { CheckPool, type WorkerResult } from './check-pool.js';
import { checkText, type CheckedText, type Need } from './check-text.js';
import { fromStoredForm, ResultCache, storedForm, type FileStat } from './result-cache.js';
import { SharedGaps } from './assessment-summary.js';

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

/**
 * Files to check (not found in the result cache) before worker threads pay for their start: each
 * worker loads lexgap and the cached validator and warms up its own JIT, ~0.2–0.3 s of a core
 * (measured as the difference between runs over 8 files with and without workers), which a second
 * core wins back over ~100–200 profiles of 12 KB at ~5 ms each. A faster parser makes each file
 * cheaper and moves this up: measure again with `node bench/scale.mjs` when checking changes.
 */
export const WORKER_THRESHOLD = 200;

/**
 * LEXGAP_WORKERS=0 checks every file on the main thread; LEXGAP_WORKERS=n uses n worker threads
 * whatever the number of files (the tests use it to run both paths); unset, one worker per core but
 * one once WORKER_THRESHOLD files are to be checked, none on a single core. The main thread checks
 * files too whenever the workers have all they can take: on two cores, one worker and the main thread
 * (a second worker would load lexgap, its validator and its own JIT again, ~70 MB and ~0.3 s of a core,
 * while the main thread, which only reads and hashes, idles 85% of the time).
 */
function workerPlan(): { size: number; threshold: number } {
  const asked = process.env.LEXGAP_WORKERS;
  if (asked !== undefined && asked.trim() !== '' && Number.isInteger(Number(asked)) && Number(asked) >= 0) return { size: Number(asked), threshold: 1 };
  const cores = availableParallelism();
  return { size: cores >= 2 ? cores - 1 : 0, threshold: WORKER_THRESHOLD };
}

/** A turn of the event loop: the workers' replies are taken in, and they are sent more files. */
const letWorkersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The buffer every plain file is read into: 10,000 profiles read into fresh buffers make ~120 MB of garbage. */
let shared = Buffer.allocUnsafe(64 * 1024);
/** Opening a FIFO without O_NONBLOCK would wait for a writer; readSource says what is wrong with it instead. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The size, times and inode of the file read last by readQuickly (before its bytes were read). */
let lastStat: FileStat | undefined;

/**
 * The bytes of a plain file of profile size, read at once into the shared buffer: valid until the next
 * call (a promise-based read takes four trips through the thread pool: 30% of a warm run of 1,000
 * files; and a file found in the result cache need not be decoded). Undefined for anything else (a
 * folder, a FIFO, a huge file, an error): readSource then says what is wrong with it.
 */
function readQuickly(path: string): Buffer | undefined {
  let fd: number | undefined;
  lastStat = undefined;
  try {
    fd = openSync(path, OPEN_FLAGS);
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_SOURCE_BYTES) return undefined;
    lastStat = info;
    if (info.size > shared.length) shared = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < info.size) {
      const n = readSync(fd, shared, length, info.size - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length !== info.size) lastStat = undefined; // changed while read: not noted
    return shared.subarray(0, length);
  } catch {
    lastStat = undefined;
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A plain file's size, times and inode, without opening it; undefined for anything else. */
function statQuietly(path: string): FileStat | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The text of bytes that were decoded once already (a cache hit), for code frames. */
function textOf(bytes: Buffer): string | undefined {
  const source = decodeSource(bytes);
  return source.ok ? source.text : undefined;
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
  /** The files being checked: their text (or, from the cache, bytes decoded only for code frames) and cache key. */
  const texts = new Map<number, { text?: string; bytes?: Buffer; key?: string }>();
  const sharedGaps = new SharedGaps();
  const share = (a: Assessment) => sharedGaps.share(a);

  /**
   * A file's result: checked here or in a worker (fresh; `stored`, its stored form when a worker made
   * it), or read from the cache (its findings without their path).
   */
  const finish = (index: number, value: CheckedText, fresh: boolean, stored?: Buffer) => {
    const file = files[index]!;
    const { text, bytes, key } = texts.get(index)!;
    texts.delete(index);
    if (fresh && key !== undefined) cache!.put(key, stored ?? storedForm(file, value));
    // The value is this file's own (fresh from a check, a worker or the cache): completed, not copied,
    // so that an assessment not decoded yet (result-cache.ts: fromStoredForm) is not decoded here.
    const result = value as FileResult;
    result.file = file;
    if (!fresh || stored !== undefined) result.findings = value.findings.map((f) => ({ ...f, file }));
    if (need === 'summary' && Object.getOwnPropertyDescriptor(result, 'assessment')?.value) sharedGaps.share(result.assessment!);
    if (result.findings.length > 0 && (options.frames === 'findings' || countErrors(result.findings) > 0)) result.source = text ?? (bytes && textOf(bytes));
    if (need === 'full' && result.profile && result.frameworkId !== undefined) {
      const framework = catalogue.get(result.frameworkId);
      if (framework) result.assessment = score(framework, result.profile);
    }
    results[index] = result;
  };
  const checkHere = (index: number) => finish(index, checkText(files[index]!, texts.get(index)!.text!, catalogue, date, need), true);

  const plan = workerPlan();
  const mayUseWorkers = plan.size > 0 && files.length >= plan.threshold;
  let pool: CheckPool | undefined;
  let outstanding = 0;
  let allBack: (() => void) | undefined;
  let failure: { error: unknown } | undefined;
  /** Results arrive in event handlers: an error there is kept and thrown once every file is back. */
  const settle = (index: number, value?: CheckedText, stored?: string) => {
    try {
      if (stored !== undefined) {
        // Its bytes are kept once, for the cache, and an assessment not read is decoded from them only when read.
        const bytes = Buffer.from(stored);
        finish(index, fromStoredForm(bytes, share)!, true, bytes);
      } else if (value) finish(index, value, true);
      else checkHere(index);
    } catch (error) {
      failure ??= { error };
    }
    if (--outstanding === 0) allBack?.();
  };
  const onResult = ({ index, value, stored }: WorkerResult) => settle(index, value, stored);
  const onOrphan = (items: { index: number }[]) => items.forEach(({ index }) => settle(index));
  const waiting: number[] = []; // files to check, held until it is clear whether workers pay
  /** A file to a worker, or checked here when the workers have all they can take. */
  const dispatch = async (index: number) => {
    if (pool!.usable && pool!.busy) {
      checkHere(index);
      await letWorkersIn();
      return;
    }
    outstanding++;
    await pool!.submit({ index, file: files[index]!, text: texts.get(index)!.text! });
  };

  try {
    for (const [i, file] of files.entries()) {
      const path = cache && resolve(file);
      if (cache && cache.knows(path!)) {
        // Unchanged since the last run by its size, times and inode (result-cache.ts: RACY_MS): not
        // even read, unless its findings are printed with a code frame, which needs its text.
        const stat = statQuietly(path!);
        const key = stat && cache.knownKey(path!, stat);
        const hit = key === undefined ? undefined : cache.get(key, share);
        if (hit && hit.findings.length === 0) {
          cache.note(path!, stat!, key!);
          texts.set(i, { key });
          finish(i, hit, false);
          continue;
        }
      }
      const bytes = readQuickly(file);
      // Keyed by the bytes: a hit is neither decoded nor checked (its bytes decoded well when it was stored).
      const key = bytes && cache?.key(bytes);
      if (key !== undefined && lastStat) cache!.note(path!, lastStat, key);
      const hit = key === undefined ? undefined : cache!.get(key, share);
      if (hit) {
        texts.set(i, { bytes, key });
        finish(i, hit, false); // reads the shared bytes now, before the next file is read into them
        continue;
      }
      const source = bytes ? decodeSource(bytes) : await readSource(file);
      if (!source.ok) {
        results[i] = { file, findings: [unreadableFinding(file, source)] };
        continue;
      }
      texts.set(i, { text: source.text, key });
      if (pool) {
        await dispatch(i);
      } else if (!mayUseWorkers) {
        checkHere(i);
      } else {
        waiting.push(i);
        if (waiting.length >= plan.threshold) {
          pool = new CheckPool(plan.size, { loaded: catalogue.loaded, date, need, stored: cache !== undefined }, onResult, onOrphan);
          for (const index of waiting.splice(0)) await dispatch(index);
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
