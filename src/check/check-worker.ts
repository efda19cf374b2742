/**
 * A worker thread of the check pool (check-pool.ts): it checks the texts it is sent against the
 * frameworks it was started with, and posts back plain results. It holds no state between batches
 * but the catalogue and its compiled validators.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { checkText } from './check-text.js';
import { storedForm } from './result-cache.js';
import type { WorkerBatch, WorkerData, WorkerReply } from './check-pool.js';

const { loaded, date, need, stored } = workerData as WorkerData;
const catalogue = new FrameworkCatalogue(loaded);

parentPort!.on('message', ({ items }: WorkerBatch) => {
  // Test hook (test/workers.test.ts): a worker that dies with work in hand.
  if (process.env.LEXGAP_TEST_WORKER_CRASH === '1') process.exit(70);
  const reply: WorkerReply = { results: [] };
  for (const { index, file, text } of items) {
    try {
      const value = checkText(file, text, catalogue, date, need);
      const form = stored ? storedForm(file, value) : undefined;
      reply.results.push(form === undefined ? { index, value } : { index, stored: form });
    } catch {
      // the main thread checks this file itself, and reports what goes wrong as it always has
      reply.results.push({ index });
    }
  }
  parentPort!.postMessage(reply);
});
