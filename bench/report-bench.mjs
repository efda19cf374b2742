#!/usr/bin/env node
// Report-rendering benchmark. `npm run bench` prints its figures in its table; standalone (run
// `npx tsc -p .` first):
//   node bench/report-bench.mjs [--reps 3] [--profiles countries/]
//
// Prints every profile's country report plus the regional comparison, three ways, same documents:
//   lexgap        one Chromium for the run, 2 documents at a time (the longest first, as the CLI does), each in its own browser context
//   per-report    a fresh Chromium launched and closed for every document (2 at a time)
//   plain         `chromium --headless --print-to-pdf` of the same HTML files, 2 at a time: the
//                 browser printing on its own, with no Puppeteer, request filtering or header/footer
// and the end-to-end CLI (`lexgap report … --format pdf` + `lexgap compare … --format pdf`) for scale,
// plus what one Chromium costs to launch and close with nothing printed (why per-report is slower),
// and the size of each PDF lexgap printed beside its target (and beside Chromium's own, for scale).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => import(join(ROOT, 'dist', p));
const CONCURRENCY = 2;

function run(cmd, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.slice(-500)}`))));
  });
}

/**
 * The median time of each function, run in turn round after round (a, b, a, b, …) rather than one
 * block after the other: a ratio between two of them is then taken in the same minutes. Run in
 * blocks, the two batches the PDF target compares were minutes apart, and the ratio followed the
 * machine's drift (two runs of the same build: 1.05× and 0.94×).
 */
async function interleavedMedians(reps, fns) {
  const samples = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
  for (let i = 0; i < reps; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = performance.now();
      await fn();
      samples[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, times]) => [name, times.sort((a, b) => a - b)[Math.floor(times.length / 2)]]));
}

/** The median time of `reps` runs of one function. */
const median = async (reps, fn) => (await interleavedMedians(reps, { fn })).fn;

/**
 * Times the PDF batch every way; returns null when no Chromium is found. Times are in ms:
 * { documents, countries, htmlMs, lexgap, perReport, plain, cli, launchClose, bytes: { lexgap, perReport, plain },
 *   sizes: [{ name, kind: 'country' | 'comparison', lexgap, plain }] } (sizes in bytes, per document)
 */
export async function measurePdf({ reps = 3, profiles = join(ROOT, 'countries') } = {}) {
  const { loadScoredProfiles } = await dist('cli/load-scored-profiles.js');
  const { getCatalog } = await dist('report/i18n/catalog.js');
  const { HtmlRenderer } = await dist('report/render/render-html.js');
  const { buildCountryView } = await dist('report/view/build-country-view.js');
  const { buildComparisonView } = await dist('report/view/build-comparison-view.js');
  const { PdfSession } = await dist('report/pdf/pdf-session.js');
  const { findBrowser } = await dist('report/pdf/find-browser.js');
  const { runLimited } = await dist('report/run-limited.js');
  const { printOrder } = await dist('report/print-order.js');

  const browser = findBrowser().path;
  if (!browser) return null;

  // The documents, rendered to HTML once (HTML rendering is timed separately).
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stderr.write = () => true; // profile warnings are not what is measured
  const { scored } = await loadScoredProfiles([profiles], [], 'printed');
  process.stderr.write = stderrWrite;
  const catalog = getCatalog('en');
  const t = performance.now();
  const renderer = await HtmlRenderer.create();
  const docs = scored.map((s) => renderer.render('country', buildCountryView({ ...s, catalog, file: s.file, version: 'bench' })));
  const byFramework = scored.filter((s) => s.framework === scored[0].framework);
  docs.push(renderer.render('comparison', buildComparisonView({ framework: scored[0].framework, assessments: byFramework.map((s) => s.assessment), catalog, version: 'bench' })));
  const htmlMs = performance.now() - t;

  const work = mkdtempSync(join(tmpdir(), 'lexgap-bench-'));
  try {
    const htmlFiles = docs.map((d, i) => {
      const file = join(work, `doc-${i}.html`);
      writeFileSync(file, d.html);
      return file;
    });

    const pooled = async () => {
      const session = await PdfSession.launch(browser);
      try {
        // As the CLI does: the longest documents first, and a slot prints its next document while the
        // last one is rewritten in a worker thread.
        const writes = [];
        await runLimited(printOrder(docs.map((d) => d.html.length)), CONCURRENCY, async (i) => {
          const { compacted } = await session.print(docs[i]);
          writes.push(compacted.then((pdf) => writeFileSync(join(work, `pool-${i}.pdf`), pdf)));
        });
        await Promise.all(writes);
      } finally {
        await session.close();
      }
    };
    const perReport = () =>
      runLimited(docs, CONCURRENCY, async (doc, i) => {
        const session = await PdfSession.launch(browser);
        try {
          writeFileSync(join(work, `each-${i}.pdf`), (await session.render(doc)).pdf);
        } finally {
          await session.close();
        }
      });
    const plain = () => {
      const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
      return runLimited(htmlFiles, CONCURRENCY, async (file, i) => {
        const profile = mkdtempSync(join(work, 'plain-profile-'));
        await run(browser, [...flags, `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${join(work, `plain-${i}.pdf`)}`, `file://${file}`]);
      });
    };
    const cli = async () => {
      const out = join(work, 'cli');
      await run(process.execPath, ['bin/lexgap.js', 'report', profiles, '--format', 'pdf', '--out', out]);
      await run(process.execPath, ['bin/lexgap.js', 'compare', profiles, '--format', 'pdf', '--out', join(out, 'comparison.pdf')]);
    };
    const launchClose = async () => (await PdfSession.launch(browser)).close();

    const results = {
      ...(await interleavedMedians(reps, { lexgap: pooled, plain })),
      perReport: await median(reps, perReport),
      cli: await median(reps, cli),
      launchClose: await median(Math.max(reps, 5), launchClose),
    };
    const size = (prefix) => docs.reduce((n, _, i) => n + statSync(join(work, `${prefix}-${i}.pdf`)).size, 0);
    const sizes = docs.map((_, i) => ({
      name: i < scored.length ? scored[i].assessment.country : 'comparison',
      kind: i < scored.length ? 'country' : 'comparison',
      lexgap: statSync(join(work, `pool-${i}.pdf`)).size,
      plain: statSync(join(work, `plain-${i}.pdf`)).size,
    }));
    return { documents: docs.length, countries: scored.length, htmlMs, ...results, bytes: { lexgap: size('pool'), perReport: size('each'), plain: size('plain') }, sizes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (x) => `${x.toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : '**missed**');

/** The Markdown table `npm run bench` prints, each figure beside its target. */
export function pdfTable(r) {
  const perDoc = (ms) => `${(ms / r.documents / 1000).toFixed(2)} s`;
  const lines = [
    '| how | time | per document | ratio | target | |',
    '|---|---:|---:|---:|---|---|',
    `| plain \`chromium --headless --print-to-pdf\` of the same HTML (baseline) | ${s(r.plain)} | ${perDoc(r.plain)} | 1.00× of plain | | |`,
    `| lexgap: one Chromium for the run, a context per document | ${s(r.lexgap)} | ${perDoc(r.lexgap)} | ${ratio(r.lexgap / r.plain)} of plain | ≤ 1.0× of plain | ${verdict(r.lexgap / r.plain <= 1.0)} |`,
    `| the CLI end to end (\`report\` + \`compare\`, validation included) | ${s(r.cli)} | ${perDoc(r.cli)} | ${ratio(r.cli / r.plain)} of plain | ≤ 1.3× of plain | ${verdict(r.cli / r.plain <= 1.3)} |`,
    `| one Chromium launched per document | ${s(r.perReport)} | ${perDoc(r.perReport)} | ${ratio(r.perReport / r.lexgap)} of lexgap | ≥ 4× of lexgap | ${verdict(r.perReport / r.lexgap >= 4)} |`,
    `| one Chromium launched and closed, nothing printed | ${s(r.launchClose)} | | | | |`,
  ];
  return `${lines.join('\n')}\n\n${pdfSizeTable(r.sizes)}`;
}

/** Size targets: small enough to email to a committee. */
export const SIZE_TARGETS = { country: 600_000, comparison: 1_000_000 };

/** Each PDF's size beside its target, and beside what Chromium writes printing the same HTML alone. */
export function pdfSizeTable(sizes) {
  const kb = (bytes) => `${Math.round(bytes / 1000)} KB`;
  const lines = ['| document | lexgap | plain Chromium | target | |', '|---|---:|---:|---|---|'];
  for (const d of sizes) {
    const target = SIZE_TARGETS[d.kind];
    lines.push(`| ${d.kind === 'country' ? `${d.name} country report` : 'the comparison'} | ${kb(d.lexgap)} | ${kb(d.plain)} | ≤ ${kb(target)} | ${verdict(d.lexgap <= target)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const reps = Number(option('--reps', '3'));
  const r = await measurePdf({ reps, profiles: option('--profiles', join(ROOT, 'countries')) });
  if (!r) {
    console.error('no Chromium found: apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH');
    process.exit(2);
  }
  console.log(`\n${r.documents} documents (${r.countries} country reports + the comparison), median of ${reps}, ${cpus().length} cores, ${CONCURRENCY} at a time`);
  console.log(`HTML rendering (views, Handlebars, fonts inlined): ${s(r.htmlMs)} for all documents`);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`PDF bytes: lexgap ${mb(r.bytes.lexgap)}, per report ${mb(r.bytes.perReport)}, plain ${mb(r.bytes.plain)}\n`);
  console.log(pdfTable(r));
}
