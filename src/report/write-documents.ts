import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../ground/write-file-atomic.js';
import { EXIT } from '../ground/errors.js';
import { findBrowser, noBrowserMessage } from './pdf/find-browser.js';
import { onInterrupt } from './pdf/interrupts.js';
import { PdfSession } from './pdf/pdf-session.js';
import type { RenderedDocument } from './render/render-html.js';
import { printOrder } from './print-order.js';
import { runLimited } from './run-limited.js';

export interface OutputDocument {
  /** What the progress line calls it, e.g. "PH". */
  label: string;
  rendered: RenderedDocument;
  /** Where its HTML goes (always set: it is written when PDF printing is impossible, too). */
  htmlPath: string;
  pdfPath: string | null;
}

/** Reports are printed two at a time: the machine has two cores, and one Chromium serves them all. */
export const DEFAULT_CONCURRENCY = 2;

export async function writeHtml(docs: readonly OutputDocument[]): Promise<void> {
  for (const doc of docs) {
    await mkdir(dirname(doc.htmlPath), { recursive: true });
    await writeFileAtomic(doc.htmlPath, doc.rendered.html);
    process.stdout.write(`wrote ${doc.htmlPath}\n`);
  }
}

export interface PrintOptions {
  concurrency?: number;
  /** Whether the HTML has been written already (so it is not written twice when no browser is found). */
  htmlWritten: boolean;
}

/**
 * Prints every document to PDF through one Chromium, a few at a time, each written atomically.
 * Returns the exit code: 0, 2 when no browser is found (the HTML is then written instead) or a
 * document failed, or 128 + signal when interrupted — the browser is closed in every case.
 */
export async function printPdfs(docs: readonly OutputDocument[], options: PrintOptions): Promise<number> {
  const printable = docs.filter((d): d is OutputDocument & { pdfPath: string } => d.pdfPath !== null);
  if (printable.length === 0) return EXIT.ok;
  const search = findBrowser();
  if (!search.path) {
    if (!options.htmlWritten) await writeHtml(printable);
    const { message, hint } = noBrowserMessage(search);
    process.stderr.write(`lexgap: ${message}  (${hint})\n`);
    return EXIT.usage;
  }

  // The handlers go in before Chromium starts: a Ctrl-C while it starts must close it too.
  let session: PdfSession | undefined;
  const interrupt = onInterrupt(
    () => void session?.close(1_500),
    () => session?.killNow(),
  );
  const tty = process.stderr.isTTY === true;
  let done = 0;
  let failed = false;
  const said = new InOrderLines(printable.length);
  try {
    try {
      session = await PdfSession.launch(search.path);
    } catch (err) {
      if (interrupt.exitCode() !== null) return interrupt.exitCode()!;
      if (!options.htmlWritten) await writeHtml(printable);
      process.stderr.write(`lexgap: the browser at ${search.path} did not start: ${(err as Error).message.split('\n')[0]}  (set PUPPETEER_EXECUTABLE_PATH to a working Chromium or Chrome; the HTML report was written)\n`);
      return EXIT.usage;
    }
    if (interrupt.exitCode() !== null) return interrupt.exitCode()!;
    const browser = session;
    // Each slot goes on to print its next document as soon as Chromium is done with this one; the PDF
    // is written when its rewriting (in a worker thread) is done. All are awaited before the session closes.
    const writes: Promise<void>[] = [];
    // The longest first (print-order.ts); each "wrote" line still comes in the order the documents were given.
    const order = printOrder(printable.map((d) => d.rendered.html.length));
    const settled = await runLimited(order, options.concurrency ?? DEFAULT_CONCURRENCY, async (i) => {
      const doc = printable[i]!;
      const started = Date.now();
      const { compacted, blocked } = await browser.print(doc.rendered);
      writes[i] = (async () => {
        const pdf = await compacted;
        if (interrupt.exitCode() !== null) return; // interrupted: never write a file after Ctrl-C
        await mkdir(dirname(doc.pdfPath), { recursive: true });
        await writeFileAtomic(doc.pdfPath, pdf);
        done += 1;
        if (blocked.length > 0) process.stderr.write(`${doc.label}: the page asked for ${blocked.length} outside resource${blocked.length === 1 ? '' : 's'} (${blocked.slice(0, 3).join(', ')}); all were refused\n`);
        if (tty) process.stderr.write(`[${done}/${printable.length}] ${doc.pdfPath}  ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        said.set(i, `wrote ${doc.pdfPath}\n`);
      })().finally(() => said.set(i, ''));
    });
    const printed: PromiseSettledResult<void>[] = [];
    order.forEach((docIndex, k) => (printed[docIndex] = settled[k]!));
    for (const [i, result] of printed.entries()) if (result.status === 'rejected') said.set(i, '');
    const written = await Promise.allSettled(printable.map((_, i) => writes[i] ?? Promise.resolve()));
    const results = printed.map((r, i) => (r.status === 'rejected' ? r : written[i]!));
    if (interrupt.exitCode() !== null) return interrupt.exitCode()!;
    const lost = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    failed = lost.length > 0;
    if (failed && !browser.connected) {
      // One cause, said once: the browser went away mid-run; the PDFs already written are whole.
      process.stderr.write(`lexgap: the browser stopped during the run; not made: ${lost.map((i) => printable[i]!.label).join(', ')}  (the other PDFs are complete; run again for these)\n`);
    } else {
      for (const i of lost) process.stderr.write(`lexgap: ${printable[i]!.label}: the PDF could not be made: ${((results[i] as PromiseRejectedResult).reason as Error)?.message ?? (results[i] as PromiseRejectedResult).reason}\n`);
    }
  } finally {
    said.flush();
    await session?.close();
    interrupt.off();
  }
  return interrupt.exitCode() ?? (failed ? EXIT.usage : EXIT.ok);
}

/**
 * Lines written to stdout in the order of their documents: each as soon as it and every line before
 * it are known ('' for a document that has nothing to say). `flush` writes whatever is known, in
 * order, past the gaps (the run is ending).
 */
class InOrderLines {
  private readonly lines: (string | undefined)[];
  private next = 0;

  constructor(count: number) {
    this.lines = new Array(count);
  }

  set(index: number, line: string): void {
    if (this.lines[index] !== undefined || index < this.next) return; // the first word stands
    this.lines[index] = line;
    while (this.next < this.lines.length && this.lines[this.next] !== undefined) process.stdout.write(this.lines[this.next++]!);
  }

  flush(): void {
    for (; this.next < this.lines.length; this.next++) if (this.lines[this.next]) process.stdout.write(this.lines[this.next]!);
  }
}
