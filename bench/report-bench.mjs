#!/usr/bin/env node
// Report-rendering benchmark (standalone; run `npx tsc -p .` first):
//   node bench/report-bench.mjs [--reps 3] [--profiles countries/]
//
// Prints every profile's country report plus the regional comparison, three ways, same documents:
//   lexgap        one Chromium for the run, 2 documents at a time, each in its own browser context
//   per-report    a fresh Chromium launched and closed for every document (2 at a time)
//   plain         `chromium --headless --print-to-pdf` of the same HTML files, 2 at a time: the
//                 browser printing on its own, with no Puppeteer, request filtering or header/footer
// and the end-to-end CLI (`lexgap report … --format pdf` + `lexgap compare … --format pdf`) for scale.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => import(join(ROOT, 'dist', p));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const REPS = Number(option('--reps', '3'));
const PROFILES = option('--profiles', join(ROOT, 'countries'));
const CONCURRENCY = 2;

const { loadScoredProfiles } = await dist('report/scored-profiles.js');
const { getCatalog } = await dist('report/i18n/catalog.js');
const { HtmlRenderer } = await dist('report/render/render-html.js');
const { buildCountryView } = await dist('report/view/build-country-view.js');
const { buildComparisonView } = await dist('report/view/build-comparison-view.js');
const { PdfSession } = await dist('report/pdf/pdf-session.js');
const { findBrowser } = await dist('report/pdf/find-browser.js');
const { runLimited } = await dist('report/run-limited.js');

const browser = findBrowser().path;
if (!browser) {
  console.error('no Chromium found: apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH');
  process.exit(2);
}

// The documents, rendered to HTML once (HTML rendering is timed separately).
const stderrWrite = process.stderr.write.bind(process.stderr);
process.stderr.write = () => true; // profile warnings are not what is measured
const { scored } = await loadScoredProfiles([PROFILES], []);
process.stderr.write = stderrWrite;
const catalog = getCatalog('en');
let t = performance.now();
const renderer = await HtmlRenderer.create();
const docs = scored.map((s) => renderer.render('country', buildCountryView({ ...s, catalog, file: s.file, version: 'bench' })));
const byFramework = scored.filter((s) => s.framework === scored[0].framework);
docs.push(renderer.render('comparison', buildComparisonView({ framework: scored[0].framework, assessments: byFramework.map((s) => s.assessment), catalog, version: 'bench' })));
const htmlMs = performance.now() - t;

const work = mkdtempSync(join(tmpdir(), 'lexgap-bench-'));
const htmlFiles = docs.map((d, i) => {
  const file = join(work, `doc-${i}.html`);
  writeFileSync(file, d.html);
  return file;
});

async function pooled() {
  const session = await PdfSession.launch(browser);
  try {
    await runLimited(docs, CONCURRENCY, async (doc, i) => writeFileSync(join(work, `pool-${i}.pdf`), (await session.render(doc)).pdf));
  } finally {
    await session.close();
  }
}

async function perReport() {
  await runLimited(docs, CONCURRENCY, async (doc, i) => {
    const session = await PdfSession.launch(browser);
    try {
      writeFileSync(join(work, `each-${i}.pdf`), (await session.render(doc)).pdf);
    } finally {
      await session.close();
    }
  });
}

function run(cmd, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(-500)}`))));
  });
}

async function plain() {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
  await runLimited(htmlFiles, CONCURRENCY, async (file, i) => {
    const profile = mkdtempSync(join(work, 'plain-profile-'));
    await run(browser, [...flags, `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${join(work, `plain-${i}.pdf`)}`, `file://${file}`]);
  });
}

async function cli() {
  const out = join(work, 'cli');
  await run(process.execPath, ['bin/lexgap.js', 'report', PROFILES, '--format', 'pdf', '--out', out]);
  await run(process.execPath, ['bin/lexgap.js', 'compare', PROFILES, '--format', 'pdf', '--out', join(out, 'comparison.pdf')]);
}

async function time(fn) {
  const samples = [];
  for (let i = 0; i < REPS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const results = { lexgap: await time(pooled), 'per-report': await time(perReport), plain: await time(plain), cli: await time(cli) };
const size = (prefix) => docs.reduce((n, _, i) => n + statSync(join(work, `${prefix}-${i}.pdf`)).size, 0);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

console.log(`\n${docs.length} documents (${scored.length} country reports + the comparison), median of ${REPS}, ${cpus().length} cores, ${CONCURRENCY} at a time`);
console.log(`HTML rendering (views, Handlebars, fonts inlined): ${s(htmlMs)} for all documents\n`);
console.log('how                                   time     per doc   vs plain   PDF bytes');
const row = (name, ms, bytes) => console.log(`${name.padEnd(36)}  ${s(ms).padStart(7)}  ${s(ms / docs.length).padStart(7)}  ${(ms / results.plain).toFixed(2).padStart(7)}×  ${bytes === undefined ? '' : mb(bytes).padStart(9)}`);
row('lexgap: one Chromium, contexts', results.lexgap, size('pool'));
row('one Chromium launched per report', results['per-report'], size('each'));
row('plain chromium --print-to-pdf', results.plain, size('plain'));
row('lexgap CLI end to end (report+compare)', results.cli);
console.log(`\none browser per report is ${(results['per-report'] / results.lexgap).toFixed(2)}× the time of one browser for the run`);
rmSync(work, { recursive: true, force: true });
