import { stat } from 'node:fs/promises';
import { renderPreview } from '../../serve/render-preview.js';
import { startPreviewServer } from '../../serve/preview-server.js';
import { watchInputs } from '../../serve/watch-inputs.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { SHIPPED_FRAMEWORKS } from '../../ground/paths.js';
import { checkReportOptions } from './report.js';
import { BUILTIN_TEMPLATES } from '../../report/render/template-files.js';

export interface ServeOptions {
  port: string;
  lang: string;
  template: 'country' | 'brief';
  templates?: string;
  frameworks: string[];
}

/**
 * `lexgap serve <profile>`: the HTML report on http://127.0.0.1:<port>/, rebuilt and reloaded in the
 * browser whenever the profile, a framework or a template changes; errors are shown on the page with
 * their lines instead of a stale report. Ctrl-C stops it, and so does the end of the terminal or
 * program that started it.
 */
export async function serve(file: string, options: ServeOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${options.port}: not a port number`, 'give a whole number from 1024 to 65535, or 0 for any free port');
  if (!(await stat(file).catch(() => undefined))?.isFile()) throw new UsageError(`${file}: no such file`, 'give the path of one profile, e.g. countries/PH.yaml');
  const catalog = await checkReportOptions(options);

  let current: Promise<string> | undefined;
  const render = () => renderPreview({ file, template: options.template, catalog, templates: options.templates, frameworks: options.frameworks }).then((r) => r.html);
  const report = () => (current ??= render());

  const server = await startPreviewServer(port, file, report).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use`, 'choose another with --port, or --port 0 for any free port');
    if (err.code === 'EACCES') throw new UsageError(`port ${port} may not be used by this user`, 'choose a port from 1024 up');
    throw err;
  });
  const stopWatching = watchInputs([file], [SHIPPED_FRAMEWORKS, ...options.frameworks, BUILTIN_TEMPLATES, ...(options.templates ? [options.templates] : [])], () => {
    current = undefined; // rebuilt on the next request, from what is on disk now
    process.stdout.write(`${new Date().toLocaleTimeString()}  changed — reloading\n`);
    server.reload();
  });
  process.stdout.write(`Previewing ${file} at ${server.url}  (Ctrl-C to stop)\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // The terminal closed (SIGHUP), or the program that started lexgap (npx, an editor task) ended
    // without passing a signal on: this process was then handed to another parent. Either way
    // nobody is left to press Ctrl-C, so stop rather than keep the port and the watchers.
    process.once('SIGHUP', stop);
    const parent = process.ppid;
    const orphaned = setInterval(() => process.ppid !== parent && stop(), 500);
    orphaned.unref();
  });
  stopWatching();
  await server.close();
  process.stdout.write('Stopped.\n');
  return EXIT.ok;
}
