import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, CACHE_DIR, lexgap, ROOT } from '../helpers/run-cli.js';

/** Starts `lexgap edit`, gives `body` the address and the token, then stops it with Ctrl-C. */
async function withWorkbench(args: string[], cwd: string, body: (url: URL, token: string, output: () => string) => Promise<void>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, 'edit', ...args, '--port', '0'], { cwd, env: { ...process.env, LEXGAP_CACHE_DIR: CACHE_DIR } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    for (let i = 0; i < 400 && !/token=/.test(output) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    const match = /at (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/.exec(output);
    if (!match) throw new Error(`lexgap edit did not start:\n${output}`);
    await body(new URL(match[1]!), match[2]!, () => output);
  } finally {
    if (child.exitCode === null) child.kill('SIGINT');
  }
  return { code: await exited, output };
}

const api = (url: URL, token: string, path: string, body?: unknown) =>
  fetch(new URL(path, url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-lexgap-token': token, origin: url.origin, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then((r) => r.json() as Promise<Record<string, unknown>>);

describe('lexgap edit', () => {
  it('starts a new profile from what init would write, and writes nothing until saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-edit-new-'));
    const file = join(dir, 'TH.yaml');
    const run = await withWorkbench(['TH.yaml', '--framework', 'asean-ocsea'], dir, async (url, token, output) => {
      expect(output()).toContain('(new: nothing is written until you save)');
      const start = await api(url, token, '/api/start');
      expect(start.exists).toBe(false);
      const data = start.data as { country: string; name: string; provisions: Record<string, unknown> };
      expect([data.country, data.name]).toEqual(['TH', 'Thailand']);
      expect(Object.keys(data.provisions)).toContain('T1.01');
      expect(existsSync(file)).toBe(false);
      const state = await api(url, token, '/api/edits', [{ path: ['provisions', 'T1.01', 'elements', 'a'], value: 'not-met' }]);
      expect(state.errors).toBe(0);
      expect(existsSync(`${file}.lexgap-draft.json`)).toBe(true);
      const saved = await api(url, token, '/api/save', {});
      expect(saved.saved).toBe(true);
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('Stopped.');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^      a: not-met # /m); // the element's comment from init is still beside it
    expect(parse(text).provisions['T1.01'].elements.a).toBe('not-met');
    expect(existsSync(`${file}.lexgap-draft.json`)).toBe(false);
    expect(lexgap(['validate', file]).code).toBe(0);
  });

  it('reports a finding beside its field in the words of validate, and saves a profile with errors as a draft', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-edit-find-'));
    const file = join(dir, 'BN.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'countries/BN.yaml'), 'utf8'));
    await withWorkbench(['BN.yaml'], dir, async (url, token) => {
      const edits = [{ path: ['provisions', 'T1.01', 'evidence', 0, 'law'], value: 'nosuchlaw' }];
      const state = await api(url, token, '/api/edits', edits);
      const findings = state.findings as { path: unknown[]; message: string; severity: string }[];
      const finding = findings.find((f) => f.severity === 'error')!;
      expect(finding.path).toEqual(['provisions', 'T1.01', 'evidence', 0, 'law']);
      // The same words `lexgap validate` prints for the same file.
      expect((await api(url, token, '/api/save', {})).saved).toBe(true);
      const validate = lexgap(['validate', file]);
      expect(validate.code).toBe(1);
      expect(validate.stdout).toContain(finding.message);
    });
  });

  it('stops by itself when the program that started it goes away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-edit-parent-'));
    writeFileSync(join(dir, 'BN.yaml'), readFileSync(join(ROOT, 'countries/BN.yaml'), 'utf8'));
    // A shell starts lexgap in the background, waits until it is listening, then exits.
    const script = `"${process.execPath}" "${BIN}" edit BN.yaml --port 0 > out.txt 2>&1 & echo $! > pid.txt; for i in $(seq 100); do grep -q token= out.txt && break; sleep 0.1; done`;
    await new Promise((resolve) => spawn('sh', ['-c', script], { cwd: dir, env: { ...process.env, LEXGAP_CACHE_DIR: CACHE_DIR } }).once('exit', resolve));
    const pid = Number(readFileSync(join(dir, 'pid.txt'), 'utf8'));
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toContain('token=');
    const alive = () => { try { process.kill(pid, 0); return true; } catch { return false; } };
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive()) process.kill(pid, 'SIGKILL');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toContain('Stopped.');
  });

  it('refuses a profile it cannot read as YAML, and a new file not named after a country (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-edit-bad-'));
    writeFileSync(join(dir, 'broken.yaml'), 'country: [BN\n');
    const broken = lexgap(['edit', join(dir, 'broken.yaml'), '--port', '0']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+: the file is not a YAML profile the forms can read .*\(fix it in a text editor first/);
    const unnamed = lexgap(['edit', join(dir, 'notes.yaml'), '--port', '0']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('its name is not a country code');
    expect(lexgap(['edit', join(dir, 'BN.yaml'), '--lang', 'fr']).stderr).toContain('the workbench speaks en, th, vi');
  });
});
