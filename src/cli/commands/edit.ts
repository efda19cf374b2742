import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { startEditServer } from '../../edit/edit-server.js';
import { stopWhenParentGoes } from '../../edit/stop-signals.js';
import { wireFramework } from '../../edit/wire-framework.js';
import { WorkbenchSession } from '../../edit/workbench-session.js';
import type { WireStart } from '../../edit/wire.js';
import { countErrors } from '../../findings/finding.js';
import type { Framework } from '../../framework/types.js';
import { CATALOGUES, getCatalog } from '../../report/i18n/catalog.js';
import { en } from '../../report/i18n/en.js';
import { parseYaml } from '../../yaml/parse-yaml.js';
import { readSource } from '../../yaml/read-source.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { loadCatalogue } from '../load-inputs.js';
import { pickFramework } from '../pick-framework.js';
import { blankProfileFor } from '../../profile/blank-profile-for.js';

export interface EditOptions {
  port: string;
  lang: string;
  framework?: string;
  frameworks: string[];
}

/**
 * `lexgap edit <profile>`: the assessor's workbench on http://127.0.0.1:<port>/?token=…, forms that
 * read and write the profile's YAML. A profile that does not exist yet starts as `init` would write
 * it. Ctrl-C, or the end of the program that started it, stops it.
 */
export async function edit(file: string, options: EditOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${options.port}: not a port number`, 'give a whole number from 1024 to 65535, or 0 for any free port');
  if (!Object.hasOwn(CATALOGUES, options.lang)) throw new UsageError(`--lang ${options.lang}: the workbench speaks ${Object.keys(CATALOGUES).join(', ')}`, 'choose one of those');
  const catalog = getCatalog(options.lang);
  const { catalogue } = await loadCatalogue(options.frameworks);
  const { text, onDisk, framework } = await openProfile(file, catalogue, options.framework);
  const session = await WorkbenchSession.open(file, catalogue, framework, { text, onDisk });
  const messages = Object.fromEntries(Object.keys(en).filter((k) => k.startsWith('edit.')).map((k) => [k, catalog.t(k as keyof typeof en)]));

  let fontCss: string | undefined;
  const server = await startEditServer(port, {
    title: basename(file),
    lang: options.lang,
    start: async (): Promise<WireStart> => ({ ...(await session.state()), framework: wireFramework(framework, catalog), messages, lang: options.lang }),
    edits: (edits) => session.setEdits(edits),
    save: () => session.save(),
    resolve: (choice) => session.resolve(choice),
    // Handlebars and the fonts load on the first report, not at start.
    fonts: async () => {
      // The subsets the workbench's words, the framework and the profile need, and one letter of each ASEAN script a user may type.
      fontCss ??= (await import('../../report/render/fonts.js')).fontFacesFor(JSON.stringify([messages, wireFramework(framework, catalog)]) + text + 'กກកကệ').css;
      return fontCss;
    },
    report: async (template) => (await (await import('../../serve/render-preview.js')).renderPreview({ file, template, catalog, frameworks: options.frameworks })).html,
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use`, 'choose another with --port, or --port 0 for any free port');
    if (err.code === 'EACCES') throw new UsageError(`port ${port} may not be used by this user`, 'choose a port from 1024 up');
    throw err;
  });
  const note = onDisk ? '' : ` (new: nothing is written until you save)`;
  const restored = session.restoredDraft ? '\nUnsaved changes from the last session were restored; save them in the workbench.' : '';
  process.stdout.write(`Editing ${file}${note} at ${server.url}\nOpen that address in your browser (Ctrl-C to stop).${restored}\n`);

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    process.once('SIGHUP', done);
    stopWhenParentGoes(done);
  });
  await server.close();
  process.stdout.write('Stopped.\n');
  return EXIT.ok;
}

async function openProfile(file: string, catalogue: Awaited<ReturnType<typeof loadCatalogue>>['catalogue'], frameworkId: string | undefined): Promise<{ text: string; onDisk: boolean; framework: Framework }> {
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    if (!(await stat(dirname(resolve(file))).catch(() => undefined))?.isDirectory()) throw new UsageError(`${file}: the folder ${dirname(file)} does not exist`, 'create it first, or give another path');
    const code = /^([A-Za-z]{2})\.ya?ml$/.exec(basename(file))?.[1];
    if (!code) throw new UsageError(`${file} does not exist, and its name is not a country code`, 'name a new profile after the country, e.g. countries/TH.yaml');
    const framework = pickFramework(catalogue, frameworkId);
    return { text: blankProfileFor(framework, code.toUpperCase(), file), onDisk: false, framework };
  }
  const source = await readSource(file);
  if (!source.ok) throw new UsageError(`${file}: ${source.message}`, source.hint);
  const { parsed, findings } = parseYaml(file, source.text);
  if (countErrors(findings) > 0 || typeof parsed.data !== 'object' || parsed.data === null) {
    const first = findings[0];
    throw new UsageError(`${file}${first ? `:${first.line}:${first.col}` : ''}: the file is not a YAML profile the forms can read${first ? ` (${first.message})` : ''}`, 'fix it in a text editor first; `lexgap validate` shows every problem');
  }
  const named = (parsed.data as { framework?: unknown }).framework;
  const framework = typeof named === 'string' ? catalogue.get(named) : undefined;
  return { text: source.text, onDisk: true, framework: framework ?? pickFramework(catalogue, frameworkId) };
}
