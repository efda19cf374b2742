import { parentPort } from 'node:worker_threads';
import { compactPdf } from './compact-pdf.js';

/**
 * Compacts PDFs off the main thread (see compacting.ts): the main thread keeps Chromium busy with
 * the next document meanwhile. A PDF that cannot be compacted comes back as it was.
 */
parentPort?.on('message', ({ id, pdf }: { id: number; pdf: Uint8Array }) => {
  let out: Uint8Array = pdf;
  try {
    out = compactPdf(pdf);
  } catch {
    // keep Chromium's file
  }
  // Its own buffer, moved back: a Buffer's slice would share memory, so Uint8Array's copy is used.
  const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : Uint8Array.prototype.slice.call(out);
  parentPort!.postMessage({ id, pdf: own }, [own.buffer as ArrayBuffer]);
});
