// `npm run build` (after tsc): bundles the CLI into dist/bundle/, which bin/lexgap.js runs. One file
// per entry point, plus shared chunks for what commands import lazily (`import('./commands/…')`), so a
// run loads only the code it needs: `validate` loads 10 files instead of ~180 modules, and never the
// report's chunks. tsc still writes dist/<room>/ (bench/report-bench.mjs imports from it).
//
// The chunks sit in dist/bundle/, two folders below the package root as dist/<room>/*.js do, so the
// paths computed from import.meta.url (src/ground/paths.ts) resolve the same from either.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every entry point, in one place: a file another file starts as a process or a worker thread
 * (`new Worker(new URL('./x.js', import.meta.url))`) must be listed here, named as its .js file is
 * named beside the code that starts it, so the URL resolves inside dist/bundle/ too.
 */
export const ENTRY_POINTS = {
  'lexgap': 'src/cli/main.ts',
  'compile-cache': 'src/cli/compile-cache.ts',
  'command-line': 'src/cli/command-line.ts', // import('./command-line.js') in run-command-line.ts, the fallback of command-line.cjs (below)
  'check-worker': 'src/check/check-worker.ts', // new Worker(new URL('./check-worker.js', import.meta.url)) in check-pool.ts
  'compact-worker': 'src/report/pdf/compact-worker.ts', // new Worker(new URL('./compact-worker.js', import.meta.url)) in compacting.ts
};

/**
 * Left to Node at run time: Puppeteer (large, loaded only to print PDFs, and it resolves its own
 * files) and Handlebars (CommonJS that reads require.extensions). Ajv is required through
 * createRequire in compile-validator.ts, so it stays outside as well: its standalone code requires
 * Ajv's runtime helpers by name.
 */
const EXTERNAL = ['puppeteer-core', 'handlebars'];

/**
 * The `yaml` package is built into one CommonJS file of its own beside the chunks, which
 * src/yaml/yaml-package.ts requires only when a run needs the full reader or a Document (a profile
 * the fast reader reads and places never does). Every static `import … from 'yaml'` of the bundle
 * (the workbench's, for one) is pointed at the same file, so a run never holds two copies of it.
 */
const YAML_FILE = './yaml-package.cjs';
const yamlOnce = {
  name: 'yaml-once',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_FILE, external: true }));
  },
};

/**
 * `lexgap validate <paths…>` with no option (src/cli/validate-lane.ts) is bundled on its own, into one
 * file with everything it imports and no chunks: the commonest run loads one module instead of about
 * sixteen. run-validate-lane.ts's `import('./validate-lane.js')` (its fallback) is left for Node to resolve, to that file.
 */
const LANE = { name: 'validate-lane', source: 'src/cli/validate-lane.ts' };
const laneApart = {
  name: 'validate-lane-apart',
  setup(build) {
    build.onResolve({ filter: /\/validate-lane\.js$/ }, () => ({ path: `./${LANE.name}.js`, external: true }));
  },
};

/**
 * Every other command line (src/cli/command-line.ts: commander and the commands) is written twice: as
 * an entry of the main build (ES modules and shared chunks) and as one CommonJS script,
 * `command-line.cjs`, which src/cli/run-command-line.ts runs with V8's code cache. Its `import('./command-line.js')`
 * (the fallback) is left for Node to resolve, to the entry.
 */
const COMMAND_LINE = { name: 'command-line', source: 'src/cli/command-line.ts' };
const commandLineApart = {
  name: 'command-line-apart',
  setup(build) {
    build.onResolve({ filter: /\/command-line\.js$/ }, () => ({ path: `./${COMMAND_LINE.name}.js`, external: true }));
  },
};

/** What both builds share: ESM for Node 20, the yaml package and the heavy packages left out. */
const COMMON = {
  absWorkingDir: root,
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { LEXGAP_BUNDLED_YAML: JSON.stringify(YAML_FILE) },
  sourcemap: true,
  // The CommonJS packages bundled in (commander) call require() for Node's own modules.
  banner: { js: "import { createRequire as __lexgapCreateRequire } from 'node:module';\nconst require = __lexgapCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

rmSync(new URL('../dist/bundle/', import.meta.url), { recursive: true, force: true }); // no chunk of an older build left behind

await build({
  absWorkingDir: root,
  entryPoints: { 'yaml-package': 'node_modules/yaml/dist/index.js' },
  outdir: 'dist/bundle',
  entryNames: '[name]',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

await build({ ...COMMON, entryPoints: ENTRY_POINTS, chunkNames: 'chunk-[hash]', splitting: true, plugins: [yamlOnce, laneApart, commandLineApart] });
await build({ ...COMMON, entryPoints: { [LANE.name]: LANE.source }, splitting: false, plugins: [yamlOnce] });

/**
 * The same lane again as one CommonJS script, `validate-lane.cjs`, which src/cli/run-validate-lane.ts
 * runs with V8's code cache (Node 20 keeps no compiled code for ES modules). Its import.meta.url is the
 * ES module's beside it (`__lexgapModuleUrl`, given by the runner), so the paths it computes — the
 * package root, the worker's file, the yaml package — are the same.
 */
const SCRIPT = {
  ...COMMON,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  splitting: false,
  banner: {},
  define: { ...COMMON.define, 'import.meta.url': '__lexgapModuleUrl' },
  plugins: [yamlOnce],
};
await build({ ...SCRIPT, entryPoints: { [LANE.name]: LANE.source } });

/**
 * A script run by node:vm cannot `import()` without a callback that Node 20 calls experimental (it warns
 * on stderr), so the scripts' imports of the packages left outside the bundle go through the runner's
 * own `import()` instead, given as `__lexgapImport` (src/cli/script-module.ts). Any other `import(` left
 * in a script fails the build rather than the run that reaches it.
 */
function importThroughRunner(name) {
  const file = new URL(`../dist/bundle/${name}.cjs`, import.meta.url);
  const externals = EXTERNAL.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const code = readFileSync(file, 'utf8').replace(new RegExp(`\\bimport\\((["'])(${externals})\\1\\)`, 'g'), '__lexgapImport($1$2$1)');
  const left = /\bimport\(/.exec(code);
  if (left) throw new Error(`${name}.cjs still has an import( the runner cannot serve, at ${code.slice(left.index, left.index + 60)}`);
  writeFileSync(file, code);
}
importThroughRunner(LANE.name);

/**
 * The command line as one CommonJS script, `command-line.cjs`, as the lane above: every command's code
 * in one file (a command's modules run only when it is imported, as esbuild wraps what is imported
 * lazily), its import.meta.url that of `command-line.js`. Puppeteer and Handlebars are imported through
 * the runner (importThroughRunner).
 */
await build({ ...SCRIPT, entryPoints: { [COMMAND_LINE.name]: COMMAND_LINE.source } });
importThroughRunner(COMMAND_LINE.name);
