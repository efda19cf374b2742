import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin/lexgap.js');
export const FIXTURES = join(ROOT, 'test/fixtures/report');
/** The tiny test framework, for profiles under test/fixtures/report. */
export const TINY = ['--frameworks', join(FIXTURES, 'frameworks')];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would. */
export function lexgap(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking: several runs can share the two cores. */
export function lexgapAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const made: string[] = [];

/** A fresh folder under the system's temp folder, removed after the test file (keep it with LEXGAP_KEEP_TEST_OUTPUT=1). */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `lexgap-test-${name}-`));
  made.push(dir);
  return dir;
}

afterAll(() => {
  if (process.env.LEXGAP_KEEP_TEST_OUTPUT) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tool(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

/** The PDF's text in the order it was drawn, through poppler's pdftotext. */
export const pdfText = (file: string) => tool('pdftotext', ['-raw', file, '-']);
/** The PDF's text laid out as on the page: for what stands beside what. */
export const pdfLayoutText = (file: string) => tool('pdftotext', ['-layout', file, '-']);
/** The text of each page, in order. */
export const pdfPageTexts = (file: string) => pdfText(file).split('\f').slice(0, -1);
export const pdfInfo = (file: string) => tool('pdfinfo', [file]);
/** The URL of every link annotation, in page order, as poppler reads them. */
export const pdfLinks = (file: string) =>
  tool('pdfinfo', ['-url', file])
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/)[2]!);
export const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfInfo(file))?.[1]);
/** The embedded fonts' names, as pdffonts lists them (subset prefix removed). */
export const pdfFonts = (file: string) =>
  tool('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));

/** Text with runs of whitespace collapsed: pdftotext breaks lines where the page does. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

export const read = (file: string) => readFileSync(file, 'utf8');
export const list = (dir: string) => readdirSync(dir).sort();

export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
