import { extname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { LoadedFramework } from '../framework/types.js';
import type { CheckedText, Need } from './check-text.js';

/**
 * Where the worker's code is: the one place that names it. Unbundled this is
 * dist/check/check-worker.js; a bundle must emit src/check/check-worker.ts as its own entry,
 * `check-worker.js`, in the folder of the module that holds this line.
 */
export const WORKER_URL = new URL(`./check-worker${extname(import.meta.url)}`, import.meta.url);

export interface WorkerData {
  loaded: readonly LoadedFramework[];
  date: string;
  need: Need;
  /** The result cache is on: results come back in the form it stores (cheaper to send than a value, and not serialised again). */
  stored: boolean;
}
export interface WorkerBatch {
  items: { index: number; file: string; text: string }[];
}
/**
 * Each file's result: its value, or its stored form (result-cache.ts: storedForm) when the cache is
 * on and the result can be stored. A result with neither: the worker failed on that file, and the
 * main thread checks it itself.
 */
export interface WorkerReply {
  results: WorkerResult[];
}
export interface WorkerResult {
  index: number;
  value?: CheckedText;
  stored?: string;
}

type Item = WorkerBatch['items'][number];
interface Slot {
  worker: Worker;
  inFlight: Item[][];
  alive: boolean;
}

/** Files per message: fewer, larger messages; small enough to keep both workers busy to the end. */
const BATCH = 8;
/**
 * Each worker's young generation (V8's nursery for short-lived objects; Node's default lets it grow to
 * ~48 MB). A worker's garbage is a file's parse tree and findings, a few hundred KB: 8 MB takes ~40 MB
 * off each worker's peak (3,000 profiles: 250 → 209 MB for the process) for more minor GCs. Measured
 * again over 10,000 profiles (`--trace-gc`, a loaded machine): 32 MB cuts the worker's scavenges from
 * ~360 to ~105 and its GC pauses from ~2.8 s to ~1.0 s, yet neither wall nor CPU time came out lower
 * (three runs each, alternated), while peak memory rose ~20–45 MB (up to 288 MB): kept at 8.
 */
const YOUNG_GENERATION_MB = 8;
/** Batches in flight per worker: one being checked, one waiting, so a worker never idles on a round trip. */
const DEPTH = 2;

/**
 * A small pool of worker threads checking profile texts. Results come back through `onResult`,
 * in any order; the caller puts them in order. A worker that cannot start, crashes or exits hands
 * its unfinished files to `onOrphan` (the main thread checks them itself): never a hang, never a
 * lost file.
 */
export class CheckPool {
  private readonly slots: Slot[] = [];
  private pending: Item[] = [];
  private waiters: (() => void)[] = [];
  /** Every file is submitted: a short last batch goes out too. */
  private ending = false;

  constructor(
    size: number,
    data: WorkerData,
    private readonly onResult: (result: WorkerResult) => void,
    private readonly onOrphan: (items: Item[]) => void,
  ) {
    // Loaded here, not imported: a run that starts no worker (one file, a warm cache) does not load
    // node:worker_threads and the ~30 internal modules it brings (a few ms of every start-up).
    const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads');
    for (let i = 0; i < size; i++) {
      let worker: Worker;
      try {
        worker = new WorkerThread(WORKER_URL, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      } catch {
        continue; // cannot start (frameworks not cloneable, no worker file): the main thread does the work
      }
      const slot: Slot = { worker, inFlight: [], alive: true };
      worker.on('message', (reply: WorkerReply) => {
        slot.inFlight.shift();
        for (const r of reply.results) this.onResult(r);
        this.pump();
      });
      const fail = () => {
        if (!slot.alive) return;
        slot.alive = false;
        const lost = slot.inFlight.flat();
        slot.inFlight = [];
        if (lost.length) this.onOrphan(lost);
        if (!this.slots.some((s) => s.alive)) {
          const rest = this.pending;
          this.pending = [];
          if (rest.length) this.onOrphan(rest);
        }
        this.pump();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.slots.push(slot);
    }
  }

  /**
   * Every worker has all it can take for now (its batches in flight, a whole batch waiting): the main
   * thread checks the next file itself rather than wait.
   */
  get busy(): boolean {
    return this.pending.length >= BATCH;
  }

  get usable(): boolean {
    return this.slots.some((s) => s.alive);
  }

  /** Queues one file; resolves once the queue is short enough to take more (the caller reads ahead no further). */
  async submit(item: Item): Promise<void> {
    if (!this.usable) {
      this.onOrphan([item]);
      return;
    }
    this.pending.push(item);
    this.pump();
    while (this.usable && this.pending.length > BATCH * DEPTH * this.slots.length) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Sends what is pending, even a short last batch. */
  flush(): void {
    this.ending = true;
    this.pump();
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => (s.alive ? ((s.alive = false), s.worker.terminate()) : undefined)));
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (slot.alive && slot.inFlight.length < DEPTH && (this.pending.length >= BATCH || (this.ending && this.pending.length > 0))) {
        const items = this.pending.splice(0, BATCH);
        slot.inFlight.push(items);
        slot.worker.postMessage({ items } satisfies WorkerBatch);
      }
    }
    if (!this.usable && this.pending.length) {
      const rest = this.pending;
      this.pending = [];
      this.onOrphan(rest);
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
