#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof …`) by where the time was spent: self time per module
// (an npm package, a file of lexgap's, Node's internals, the garbage collector) and the top functions.
//   node --cpu-prof --cpu-prof-dir=prof bin/lexgap.js validate countries/
//   node bench/profile-summary.mjs prof/*.cpuprofile [--top 12]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 12;
const files = args.filter((a, i) => a.endsWith('.cpuprofile') && args[i - 1] !== '--top');
if (files.length === 0) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile…> [--top n]');
  process.exit(2);
}

/**
 * In the bundle (dist/bundle/), the file a line came from: esbuild writes `// src/…` or
 * `// node_modules/…` above each module's code. A frame from the bundle is read as a frame of that file
 * (its line number stays the bundle's).
 */
const bundleFiles = new Map();
function unbundle(callFrame) {
  const file = /\/dist\/bundle\/[^/]+\.c?js$/.test(callFrame.url) && callFrame.url.startsWith('file://') ? fileURLToPath(callFrame.url) : undefined;
  if (!file || !existsSync(file)) return callFrame;
  if (!bundleFiles.has(file)) {
    const starts = [];
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
      if (m) starts.push([i, m[1]]);
    });
    bundleFiles.set(file, starts);
  }
  const from = bundleFiles.get(file).findLast(([line]) => line <= callFrame.lineNumber);
  // Above the first module: esbuild's own helpers, mostly __commonJS running (and V8 compiling) a bundled CommonJS module's body.
  return { ...callFrame, url: from ? `file:///bundle/${from[1]}` : '(esbuild runtime: loading bundled CommonJS modules)' };
}

/** The module a function belongs to: the npm package, lexgap's own file, or what V8 calls it. */
export function moduleOf(callFrame) {
  const { url, functionName } = unbundle(callFrame);
  // Code with no file: V8's builtins, and the validator lexgap loads from its cache with new Function.
  if (!url) return functionName.startsWith('(') ? functionName : '(no file: builtins, cached Ajv validator)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node (internal)';
  const own = /\/(dist|src|bench)\/(.+)$/.exec(url);
  if (own) return `lexgap ${own[1]}/${own[2]}`;
  return url;
}

export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const modules = new Map();
  const functions = new Map();
  for (const [id, us] of self) {
    const callFrame = unbundle(byId.get(id).callFrame);
    const mod = moduleOf(callFrame);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
    const path = /node_modules\//.test(callFrame.url) ? callFrame.url.replace(/^.*node_modules\//, '') : callFrame.url.replace(/^.*\/(dist|src|bench)\//, '$1/');
    const where = callFrame.url ? `${path}:${callFrame.lineNumber + 1}` : mod;
    const fn = `${callFrame.functionName || '(anonymous)'} (${where})`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs: total / 1000, modules: sorted(modules), functions: sorted(functions) };
}

for (const file of files) {
  const { totalMs, modules, functions } = summarise(JSON.parse(readFileSync(file, 'utf8')));
  const row = ([name, us]) => `| ${name} | ${(us / 1000).toFixed(0)} ms | ${((us / 1000 / totalMs) * 100).toFixed(1)}% |`;
  console.log(`\n${file}: ${totalMs.toFixed(0)} ms sampled\n\n| module | self time | share |\n|---|---:|---:|`);
  modules.slice(0, top).forEach((m) => console.log(row(m)));
  console.log(`\n| function | self time | share |\n|---|---:|---:|`);
  functions.slice(0, top).forEach((f) => console.log(row(f)));
}
