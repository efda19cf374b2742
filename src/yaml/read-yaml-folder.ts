import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { YamlIssue } from './yaml-issue.js';
import { readSource, unreadableFinding } from './read-source.js';

export interface YamlFile {
  /** The path as messages show it. */
  file: string;
  text: string;
}

/**
 * The text of every `*.yaml` file in a folder, in name order. A file that cannot be a YAML document
 * (huge, binary, not UTF-8, empty) becomes a finding instead; with `missingOk`, so does nothing for
 * a folder that does not exist.
 */
export async function readYamlFolder(dir: string, findings: YamlIssue[], options: { missingOk?: boolean } = {}): Promise<YamlFile[]> {
  const entries = options.missingOk ? await readdir(dir).catch(() => [] as string[]) : await readdir(dir);
  const files: YamlFile[] = [];
  for (const name of entries.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
    const file = displayPath(join(dir, name));
    const source = await readSource(join(dir, name));
    if (source.ok) files.push({ file, text: source.text });
    else findings.push(unreadableFinding(file, source, source.message === 'the file is empty' ? 'fill it in, or remove it from the folder' : source.hint));
  }
  return files;
}

/** Paths in messages are relative to where the user stands, unless that climbs far up the tree. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? path : rel.split('/').filter((s) => s === '..').length > 2 ? path : rel;
}
