import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, CACHE_DIR, ROOT } from './helpers/run-cli.js';

// `lexgap serve` is started as a user would, on any free port; the test reads what it prints.
let child: ChildProcess;
let url: string;
let output = '';
const dir = mkdtempSync(join(tmpdir(), 'lexgap-serve-'));
const profile = join(dir, 'MY.yaml');

async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; lexgap printed:\n${output}`);
}

const get = (path: string) => fetch(new URL(path, url)).then(async (r) => ({ status: r.status, text: await r.text(), csp: r.headers.get('content-security-policy') }));

beforeAll(async () => {
  copyFileSync(join(ROOT, 'countries/MY.yaml'), profile);
  child = spawn(process.execPath, [BIN, 'serve', profile, '--port', '0'], { cwd: ROOT, env: { ...process.env, LEXGAP_CACHE_DIR: CACHE_DIR } });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  url = await waitFor(() => /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1], 'the preview address');
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('lexgap serve', () => {
  it('serves the report of the profile, with no script allowed in it', async () => {
    const report = await get('/report');
    expect(report.status).toBe(200);
    expect(report.text).toContain('<title>Malaysia: legislative gap assessment</title>');
    expect(report.csp).toContain("default-src 'none'");
    const shell = await get('/');
    expect(shell.text).toContain('<iframe id="report" src="/report" sandbox');
  });

  it('shows the results derived through crosswalks, as the country report does', async () => {
    const report = await get('/report');
    expect(report.text).toContain('Derived: ');
    expect(report.text).toContain('Derived, not assessed.');
  });

  it('shows the new report after the profile is edited and saved', async () => {
    writeFileSync(profile, readFileSync(profile, 'utf8').replace(/^name: Malaysia$/m, 'name: Malaysia (edited)'));
    const edited = await waitFor(async () => {
      const r = await get('/report');
      return r.text.includes('Malaysia (edited): legislative gap assessment') ? r : undefined;
    }, 'the edited report');
    expect(edited.status).toBe(200);
    expect(output).toContain('changed — reloading');
  });

  it('shows the errors with their line numbers instead of a stale report', async () => {
    writeFileSync(profile, readFileSync(profile, 'utf8').replace(/^assessed: .*$/m, 'assessed: 2026-02-30'));
    const page = await waitFor(async () => {
      const r = await get('/report');
      return r.text.includes('cannot be shown') ? r : undefined;
    }, 'the error page');
    expect(page.text).toMatch(/MY\.yaml:5:11<\/b> error — the assessment date 2026-02-30 is not a real date/);
    expect(page.text).not.toContain('legislative gap assessment</title>');
  });

  it('escapes what the profile says on the error page', async () => {
    writeFileSync(profile, readFileSync(profile, 'utf8').replace(/^name: .*$/m, 'name: "<script>alert(1)</script>"').replace(/^status: .*$/m, 'status: <b>final</b>'));
    const page = await waitFor(async () => {
      const r = await get('/report');
      return r.text.includes('&lt;b&gt;final&lt;/b&gt;') ? r : undefined;
    }, 'the escaped error page');
    expect(page.text).not.toContain('<b>final</b>');
  });

  it('answers only requests addressed to 127.0.0.1, and nothing but its own pages', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(url);
      request({ host: '127.0.0.1', port, path: '/report', headers: { host: 'attacker.example' } }, (res) => resolve(res.statusCode!)).on('error', reject).end();
    });
    expect(status).toBe(403);
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/package.json')).status).toBe(404);
  });

  it('stops cleanly on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
    await expect(fetch(url)).rejects.toThrow();
  });
});
