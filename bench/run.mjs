// `npm run bench`: how fast lexgap answers a drafter, each figure beside its target (issue 6). Prints one
// Markdown table per group for the README's "Speed" section. Timings are medians of repeated runs on this
// machine; nothing here is asserted in tests.
//   BENCH_RUNS=15          runs per start-up figure (the slower figures take fewer)
//   BENCH_SCALE_MAX=10000  adds the 10,000-profile row
//   BENCH_PDF=0            leaves out the PDF group (about four minutes; needs Chromium)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dropResults, measure, scaleResults, scaleRows, scaleSpread, SCALE_HEADER, SCALE_METHOD, withProfiles } from './scale.mjs';
import { measurePdf, pdfTable } from './report-bench.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/lexgap.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const SCHEMA = join(root, 'schemas/asean-ocsea.profile.json');
const verdict = (ok) => (ok ? 'met' : '**missed**');
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mb = (x) => (Number.isNaN(x) ? '' : `${x.toFixed(0)} MB`);
const table = (header, rows) => [header, header.replace(/[^|]+/g, '---'), ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/**
 * As measure() (bench/scale.mjs), for a run that must end with findings: exit 1 and the file named on
 * stdout (measure() takes any exit but 0 as a failure).
 */
function measureWithFindings(command, args, options) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  const ms = performance.now() - start;
  if (result.status !== 1 || !result.stdout.includes(args.at(-1))) throw new Error(`${args.join(' ')}: expected findings (exit 1), got exit ${result.status}: ${result.stderr.slice(-500)}`);
  return { ms, peakMb: NaN };
}

/**
 * Median time and peak memory of `runs` runs of a command; `env` may be a function, called before each
 * run; `findings`: the run must end with findings (exit 1).
 */
function median(command, args, { runs = RUNS, env, findings = false } = {}) {
  const samples = Array.from({ length: runs }, () => {
    const extra = typeof env === 'function' ? env() : env;
    return (findings ? measureWithFindings : measure)(command, args, extra ? { env: { ...process.env, ...extra } } : {});
  });
  const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { ms: mid(samples.map((s) => s.ms)), peakMb: mid(samples.map((s) => s.peakMb)) };
}
/**
 * As median(), for several commands run in turn, one run of each per round (`[{ command, args, env,
 * findings }]` → their medians, in order): a machine whose speed drifts during the bench (another
 * process, the host) then slows each command alike, and their ratios hold. Bare Node measured 103 ms
 * in one bench and 137 ms half an hour later on the same machine, with lexgap's own time unchanged.
 */
function interleaved(specs, runs = RUNS) {
  const samples = specs.map(() => []);
  for (let i = 0; i < runs; i++) {
    specs.forEach(({ command, args, env, findings = false }, k) => {
      const extra = typeof env === 'function' ? env() : env;
      samples[k].push((findings ? measureWithFindings : measure)(command, args, extra ? { env: { ...process.env, ...extra } } : {}));
    });
  }
  const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return samples.map((list) => ({ ms: mid(list.map((s) => s.ms)), peakMb: mid(list.map((s) => s.peakMb)) }));
}
/** Three typos a drafter makes, each the first of its kind in the file: an answer, a key, a status. */
function withTypos(text) {
  const typos = [['b: met,', 'b: mett,'], ['        confidence: sourced', '        confidance: sourced'], ['status: draft', 'status: drfat']];
  for (const [from, to] of typos) {
    if (!text.includes(from)) throw new Error(`countries/PH.yaml no longer has "${from}": choose another typo for the bench`);
    text = text.replace(from, to);
  }
  return text;
}
const lexgap = (args, options) => median(process.execPath, [bin, ...args], options);
const bareAjv = (args, options) => median(process.execPath, [join(root, 'bench/ajv-baseline.mjs'), SCHEMA, ...args], options);
const fastAjv = (args, options) => median(process.execPath, [join(root, 'bench/ajv-baseline-fast.mjs'), SCHEMA, ...args], options);

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${RUNS} runs unless said\n`);

// Every lexgap run below uses the bench's own cache folder, warmed by a first run as any machine's is.
// lexgap keeps each file's result there (the result cache): a file unchanged since the last run is not
// checked again. `changed` drops those results before each run, so the run checks every file, as after
// an edit; the targets are judged on such runs, and the unchanged case is shown beside them.
const benchCache = mkdtempSync(join(tmpdir(), 'lexgap-bench-cache-'));
process.env.LEXGAP_CACHE_DIR = benchCache;
const changed = () => (dropResults(benchCache), {});

// 1. Start-up: one profile, against bare Node. The cache of compiled validators is warm, as after any first run.
lexgap(['validate', 'countries/PH.yaml'], { runs: 1 });
// The same profile with three typos, so the run places findings (their lines and columns, code frames).
const typoDir = mkdtempSync(join(tmpdir(), 'lexgap-bench-typos-'));
const typoFile = join(typoDir, 'PH.yaml');
writeFileSync(typoFile, withTypos(readFileSync(join(root, 'countries/PH.yaml'), 'utf8')));
lexgap(['validate', typoFile], { runs: 1, findings: true });
// Bare Node and the start-up commands in turn, round after round: their ratios are taken in the same minutes.
// In each round PH runs changed, then unchanged (its result from the run just before).
const [bare, one, oneUnchanged, oneClean, oneTypos] = interleaved([
  { command: process.execPath, args: ['-e', '0'] },
  { command: process.execPath, args: [bin, 'validate', 'countries/PH.yaml'], env: changed },
  { command: process.execPath, args: [bin, 'validate', 'countries/PH.yaml'] },
  { command: process.execPath, args: [bin, 'validate', 'countries/TH.yaml'], env: changed },
  { command: process.execPath, args: [bin, 'validate', typoFile], env: changed, findings: true },
]);
rmSync(typoDir, { recursive: true, force: true });
const caches = mkdtempSync(join(tmpdir(), 'lexgap-bench-caches-'));
const emptyCache = () => ({ LEXGAP_CACHE_DIR: mkdtempSync(join(caches, 'cache-')) });
const first = median(process.execPath, [bin, 'validate', 'countries/PH.yaml'], { runs: 5, env: emptyCache });
rmSync(caches, { recursive: true, force: true });
const folder = lexgap(['validate', 'countries/'], { env: changed });
const scored = lexgap(['score', 'countries/'], { env: changed });
const times = (x) => `${(x.ms / bare.ms).toFixed(1)}×`;
console.log('**Start-up** (cold start of a process; target: within 2× of `node -e 0`)\n');
console.log(
  table('| command | time | vs `node -e 0` | target | |', [
    ['`node -e 0` (bare Node)', ms(bare.ms), '1.0×', '', ''],
    ['`lexgap validate countries/PH.yaml`, the file changed since the last run (no finding)', ms(one.ms), times(one), '≤ 2.0×', verdict(one.ms / bare.ms <= 2)],
    ['the same, the file unchanged since the last run (its result read from the cache)', ms(oneUnchanged.ms), times(oneUnchanged), '', ''],
    ['`lexgap validate countries/TH.yaml`, changed, no finding (no positions needed)', ms(oneClean.ms), times(oneClean), '', ''],
    ['`lexgap validate PH.yaml`, a copy of PH with three typos (an answer, a key, a status), changed: its findings placed and printed with code frames', ms(oneTypos.ms), times(oneTypos), '', ''],
    ['`lexgap validate countries/PH.yaml`, first run on the machine (empty cache: the frameworks read and checked, Ajv compiling their meta-schema; median of 5)', ms(first.ms), times(first), '', ''],
    ['`lexgap validate countries/` (11 profiles, changed)', ms(folder.ms), times(folder), '', ''],
    ['`lexgap score countries/` (changed)', ms(scored.ms), times(scored), '', ''],
  ]),
);

// Which modules does `validate` load? Puppeteer and Handlebars must not be among them.
const dir = mkdtempSync(join(tmpdir(), 'lexgap-bench-'));
const log = join(dir, 'imports.txt');
spawnSync(process.execPath, ['--import', join(root, 'bench/trace-imports.mjs'), bin, 'validate', 'countries/'], { cwd: root, env: { ...process.env, LEXGAP_TRACE_IMPORTS: log } });
const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
rmSync(dir, { recursive: true, force: true });
const heavy = loaded.filter((u) => /puppeteer|handlebars/.test(u));
console.log(`\nModules loaded by \`validate\`: ${new Set(loaded).size}; puppeteer or handlebars among them: ${heavy.length ? heavy.join(', ') : 'none'}`);
if (heavy.length) process.exitCode = 1;

// 2. validate against two bare baselines: what ajv-cli does (the yaml package and Ajv; bench/ajv-baseline.mjs
// says why not ajv-cli itself), and the fastest honest peer a user could script in an afternoon (js-yaml and
// Ajv's standalone code, bench/ajv-baseline-fast.mjs). Each is run once first, as lexgap was above: the
// fast baseline writes its standalone code on its first run, as lexgap caches its compiled validator.
const slowRuns = Math.max(1, Math.min(RUNS, 3));
fastAjv(['countries/'], { runs: 1 });
const vsAjv = [['`countries/` (11 profiles)', lexgap(['validate', 'countries/'], { env: changed }), bareAjv(['countries/']), fastAjv(['countries/'])]];
vsAjv.push(
  withProfiles(1000, (folder1000) => [
    '1,000 synthetic profiles (median of 3)',
    lexgap(['validate', folder1000], { runs: slowRuns, env: changed }),
    bareAjv([folder1000], { runs: slowRuns }),
    fastAjv([folder1000], { runs: slowRuns }),
  ]),
);
const ratio = (ours, theirs) => `${(ours.ms / theirs.ms).toFixed(2)}×`;
console.log('\n**Validate against bare validators** (target: no slower than the fast bare baseline, ratio ≤ 1.0)\n');
console.log(
  table(
    '| files | `lexgap validate` | bare Ajv (`bench/ajv-baseline.mjs`: yaml + Ajv) | ratio | fast bare baseline (`bench/ajv-baseline-fast.mjs`: js-yaml + Ajv standalone) | ratio | target | |',
    vsAjv.map(([what, ours, theirs, fastest]) => [
      what,
      `${ms(ours.ms)}, ${mb(ours.peakMb)}`,
      `${ms(theirs.ms)}, ${mb(theirs.peakMb)}`,
      ratio(ours, theirs),
      `${ms(fastest.ms)}, ${mb(fastest.peakMb)}`,
      ratio(ours, fastest),
      '≤ 1.0× the fast baseline',
      verdict(ours.ms <= fastest.ms),
    ]),
  ),
);

// 3. Scale: validate + score of N synthetic profiles, each with an empty result cache and then warm, SCALE_RUNS times (medians).
const scale = scaleResults();
console.log(`\n**Scale**: validate + score of N synthetic profiles, every element answered, a citation on each provision (${SCALE_METHOD}: cold = empty result cache, every file checked, in worker threads from 200 files; warm = the same files again, from the cache; ${availableParallelism()} cores)\n`);
console.log(SCALE_HEADER.join('\n'));
for (const row of scaleRows(scale)) console.log(`| ${row.join(' | ')} |`);
console.log('\n' + scaleSpread(scale).join('\n'));

// 4. PDF: all shipped countries plus the comparison (bench/report-bench.mjs, which also runs alone).
if (process.env.BENCH_PDF !== '0') {
  const pdf = await measurePdf({ reps: slowRuns });
  if (pdf) {
    console.log(`\n**PDF**: ${pdf.countries} country reports + the comparison, ${pdf.documents} documents, 2 at a time (median of ${slowRuns}, lexgap and plain Chromium printing in turn; HTML rendering alone ${(pdf.htmlMs / 1000).toFixed(1)} s)\n`);
    console.log(pdfTable(pdf));
  } else console.log('\n**PDF**: no Chromium found (apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH); left out');
}

rmSync(benchCache, { recursive: true, force: true });
