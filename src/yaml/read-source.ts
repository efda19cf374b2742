import { readFile, stat } from 'node:fs/promises';
import type { YamlIssue } from './yaml-issue.js';

/** Larger than any real profile or framework (the ASEAN framework is ~100 KB); stops a 50 MB file early. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export type SourceResult = { ok: true; text: string } | { ok: false; message: string; hint: string };

/**
 * Reads a YAML file as UTF-8 text, refusing what cannot be a profile: huge, binary or non-UTF-8
 * files. Never throws: a file that cannot be read (gone, no permission) is a reason too.
 */
export async function readSource(path: string): Promise<SourceResult> {
  try {
    return await readCheckedSource(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { ok: false, message: `cannot read the file (${e.code ?? e.message})`, hint: 'check that it exists and that you may read it' };
  }
}

/** The finding that stands for a file that could not be read as YAML text. */
export function unreadableFinding(file: string, reason: Extract<SourceResult, { ok: false }>, hint = reason.hint): YamlIssue {
  return { file, line: 1, col: 1, severity: 'error', code: 'unreadable', message: reason.message, hint };
}

async function readCheckedSource(path: string): Promise<SourceResult> {
  const info = await stat(path);
  if (!info.isFile()) return { ok: false, message: 'not a file', hint: 'give the path of a .yaml file or a folder' };
  if (info.size > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      message: `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB — larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB a profile can be`,
      hint: 'check that this is the right file; a profile is plain YAML text',
    };
  }
  const bytes = await readFile(path);
  return decodeSource(bytes);
}

export function decodeSource(bytes: Uint8Array): SourceResult {
  if (bytes.includes(0)) {
    return { ok: false, message: 'this is a binary file, not YAML text', hint: 'give the path of a .yaml profile' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      message: 'the file is not UTF-8 text',
      hint: 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
    };
  }
  if (text.trim() === '') {
    return { ok: false, message: 'the file is empty', hint: 'run `lexgap init <country code>` to start a profile' };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}
