// `npm run bench`: how fast lexgap answers a drafter. Prints a Markdown table for the README.
// Timings are medians of repeated runs on this machine; nothing here is asserted in tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { scaleRows } from './scale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/lexgap.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args, options = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', ...options });
    samples.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}

const rows = [];
const bare = time(['-e', '0']);
rows.push(['`node -e 0` (bare Node start)', `${bare.toFixed(0)} ms`, '1.0×']);
const one = time([bin, 'validate', 'countries/PH.yaml']);
rows.push(['`lexgap validate countries/PH.yaml`', `${one.toFixed(0)} ms`, `${(one / bare).toFixed(1)}×`]);
const folder = time([bin, 'validate', 'countries/']);
rows.push(['`lexgap validate countries/`', `${folder.toFixed(0)} ms`, `${(folder / bare).toFixed(1)}×`]);
const scored = time([bin, 'score', 'countries/']);
rows.push(['`lexgap score countries/`', `${scored.toFixed(0)} ms`, `${(scored / bare).toFixed(1)}×`]);

// Which modules does `validate` load? Puppeteer and Handlebars must not be among them.
const dir = mkdtempSync(join(tmpdir(), 'lexgap-bench-'));
const log = join(dir, 'imports.txt');
spawnSync(process.execPath, ['--import', join(root, 'bench/trace-imports.mjs'), bin, 'validate', 'countries/'], {
  cwd: root,
  env: { ...process.env, LEXGAP_TRACE_IMPORTS: log },
});
const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
rmSync(dir, { recursive: true, force: true });
const heavy = loaded.filter((u) => /puppeteer|handlebars/.test(u));

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; median of ${runs} runs\n`);
console.log('| command | time | vs bare Node |');
console.log('|---|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nModules loaded by \`validate\`: ${new Set(loaded).size}; puppeteer or handlebars among them: ${heavy.length ? heavy.join(', ') : 'none'}`);
if (heavy.length) process.exitCode = 1;

console.log('\nValidate and score N synthetic profiles (every element answered, a citation on each provision):\n');
console.log('| profiles | validate | validate + score | peak memory | per profile | growth |');
console.log('|---:|---:|---:|---:|---:|---|');
for (const row of scaleRows()) console.log(`| ${row.join(' | ')} |`);
