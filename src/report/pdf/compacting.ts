import { Worker } from 'node:worker_threads';
import { compactPdf } from './compact-pdf.js';

/**
 * Compacts each printed PDF (compact-pdf.ts) in a worker thread: done on the main thread, it would
 * hold up the conversation with Chromium for a quarter of a second per report, and the batch with
 * it. Where the worker cannot start or fails, the work is done here instead; a PDF that cannot be
 * compacted is kept as Chromium wrote it.
 */
export class Compactor {
  private worker: Worker | null | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (pdf: Uint8Array) => void; original: Uint8Array }>();

  compact(pdf: Uint8Array): Promise<Uint8Array> {
    const worker = this.start();
    if (!worker) return Promise.resolve(compactHere(pdf));
    return new Promise((resolve) => {
      const id = this.next++;
      const copy = Uint8Array.prototype.slice.call(pdf); // its own buffer (a Buffer's slice would share), moved to the worker
      this.pending.set(id, { resolve, original: pdf });
      worker.postMessage({ id, pdf: copy }, [copy.buffer as ArrayBuffer]);
    });
  }

  /** Stops the worker; a PDF it still held comes back as Chromium wrote it (the run is ending). */
  close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.resolve(job.original);
    }
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(new URL('./compact-worker.js', import.meta.url));
      worker.unref(); // never what keeps the process alive
      worker.on('message', ({ id, pdf }: { id: number; pdf: Uint8Array }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        job?.resolve(pdf);
      });
      const fail = () => {
        if (this.worker !== worker) return; // closed: nothing to take over
        this.worker = null;
        this.failAll();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  /** The worker is gone: what it held is compacted here. */
  private failAll(): void {
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.resolve(compactHere(job.original));
    }
  }
}

function compactHere(pdf: Uint8Array): Uint8Array {
  try {
    return compactPdf(pdf);
  } catch {
    return pdf;
  }
}
