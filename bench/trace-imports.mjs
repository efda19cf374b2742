// Loaded with `node --import`: records every module the process loads (ESM through the loader
// hooks, CommonJS through Module._load), for the bench's "validate never loads puppeteer or
// handlebars" check. The log file is named by LEXGAP_TRACE_IMPORTS.
import Module, { register } from 'node:module';
import { appendFileSync } from 'node:fs';

const log = process.env.LEXGAP_TRACE_IMPORTS;
if (log) {
  register('./import-hooks.mjs', import.meta.url, { data: { log } });
  const original = Module._load;
  Module._load = function (request, ...rest) {
    appendFileSync(log, 'cjs:' + request + '\n');
    return original.call(this, request, ...rest);
  };
}
