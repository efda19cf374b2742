import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, CACHE_DIR, ROOT } from './helpers/run-cli.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('lexgap serve and the program that started it', () => {
  it('stops when its parent is killed, as when `npx lexgap serve` is ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-serve-parent-'));
    const profile = join(dir, 'MY.yaml');
    copyFileSync(join(ROOT, 'countries/MY.yaml'), profile);
    // The parent stands in for npx: it starts serve, passes on what serve prints, and waits.
    const parentCode = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ${JSON.stringify([BIN, 'serve', profile, '--port', '0'])}, { stdio: ['ignore', 'pipe', 'inherit'] });
      console.log('serve pid ' + child.pid);
      child.stdout.on('data', (d) => process.stdout.write(d));
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['-e', parentCode], { cwd: ROOT, env: { ...process.env, LEXGAP_CACHE_DIR: CACHE_DIR }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    parent.stdout!.on('data', (d) => (output += d));
    parent.stderr!.on('data', (d) => (output += d));
    const pid = Number(await waitFor(() => /serve pid (\d+)/.exec(output)?.[1], 'the serve process'));
    const url = await waitFor(() => /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1], 'the preview address');
    expect((await fetch(url)).status).toBe(200);

    parent.kill('SIGKILL'); // no signal reaches serve: only its parent is gone
    try {
      await waitFor(() => (alive(pid) ? undefined : true), 'serve to stop after its parent was killed');
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    await expect(fetch(url)).rejects.toThrow();
  });
});
