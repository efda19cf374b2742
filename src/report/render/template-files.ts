import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SHIPPED_TEMPLATES } from '../../ground/paths.js';

/** The templates shipped with lexgap. */
export const BUILTIN_TEMPLATES = SHIPPED_TEMPLATES;

export interface SourceFile {
  name: string;
  file: string;
  text: string;
}

export interface TemplateFiles {
  /** Documents and the PDF header/footer, by name: country, brief, comparison, pdf-header, pdf-footer. */
  templates: Map<string, SourceFile>;
  partials: Map<string, SourceFile>;
  /** Stylesheets by file name (theme.css, base.css, country.css, …). */
  styles: Map<string, SourceFile>;
}

/**
 * The shipped templates, partials and stylesheets, each replaced by the file of the same name in
 * `overrideDir` when there is one (`--templates dir`); files only in `overrideDir` are added.
 */
export async function loadTemplateFiles(overrideDir?: string): Promise<TemplateFiles> {
  const dirs = overrideDir ? [BUILTIN_TEMPLATES, overrideDir] : [BUILTIN_TEMPLATES];
  const result: TemplateFiles = { templates: new Map(), partials: new Map(), styles: new Map() };
  for (const dir of dirs) {
    await readInto(result.templates, dir, '.hbs');
    await readInto(result.partials, join(dir, 'partials'), '.hbs');
    await readInto(result.styles, join(dir, 'styles'), '.css', true);
  }
  return result;
}

async function readInto(into: Map<string, SourceFile>, dir: string, ext: string, keepExt = false): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) return;
  for (const entry of (await readdir(dir)).sort()) {
    if (!entry.endsWith(ext)) continue;
    const file = join(dir, entry);
    if (!(await stat(file)).isFile()) continue;
    const name = keepExt ? entry : basename(entry, ext);
    into.set(name, { name, file, text: await readFile(file, 'utf8') });
  }
}
