import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/report/pdf/find-browser.js';
import { BIN, FIXTURES, ROOT, TINY, lexgap, lexgapAsync, list, pdfPages, tempDir } from './helpers.js';

/** Processes whose command line mentions `marker` (our Chromium gets its profile folder under a TMPDIR of the test's own). */
function processesMentioning(marker: string): { pid: number; pgid: number }[] {
  const found: { pid: number; pgid: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      found.push({ pid: Number(entry), pgid });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * Live processes of a process group. Zombies are left out: they have exited and hold nothing; on this
 * machine PID 1 reaps Chromium's double-forked helpers only now and then, even after a clean exit.
 */
function processesInGroup(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(group) === pgid && state !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('finding the browser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first, then the usual paths in order', () => {
    const exe = process.execPath; // any executable file stands in for Chromium here
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: exe }, ['/usr/bin/chromium']).path).toBe(exe);
    expect(findBrowser({}, ['/nonexistent/chromium', exe]).path).toBe(exe);
    const plain = join(tempDir('plain'), 'chromium');
    writeFileSync(plain, '', { mode: 0o644 });
    expect(findBrowser({}, ['/nonexistent/chromium', plain]).path).toBeNull(); // not executable
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' }, [exe])).toMatchObject({ path: null, badEnv: '/nonexistent/chrome' });
  });

  it('with no browser: exits 2 naming the fixes, writes the HTML, and leaves an existing PDF alone', () => {
    const out = tempDir('nobrowser');
    writeFileSync(join(out, 'AQ.pdf'), 'the previous report');
    const run = lexgap(['report', ...TINY, join(FIXTURES, 'profiles', 'AQ.yaml'), '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).toContain('npx puppeteer browsers install chrome');
    expect(list(out)).toEqual(['AQ.html', 'AQ.pdf']);
    expect(readFileSync(join(out, 'AQ.pdf'), 'utf8')).toBe('the previous report');
  });
});

describe('a browser that does not start', () => {
  it('exits 2, says so, and writes the HTML', () => {
    const tmp = tempDir('tmp-false');
    const out = tempDir('false');
    const run = lexgap(['report', ...TINY, join(FIXTURES, 'profiles', 'AQ.yaml'), '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/bin/false', TMPDIR: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the browser at /bin/false did not start');
    expect(list(out)).toEqual(['AQ.html']);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('the browser is closed, and its files removed', () => {
  it('after a successful run', async () => {
    const tmp = tempDir('tmp-ok');
    const out = tempDir('ok');
    const run = await lexgapAsync(['report', ...TINY, join(FIXTURES, 'profiles'), '--out', out], { TMPDIR: tmp });
    expect(run.code, run.stderr).toBe(0);
    expect(list(out)).toEqual(['AQ.pdf', 'BV.pdf']);
    expect(processesMentioning(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]); // the Chromium profile folder is gone
  });

  it('after a failed run', async () => {
    const tmp = tempDir('tmp-fail');
    // A folder that cannot be made (its name is longer than any file system allows): the --out check
    // before rendering passes, rendering works, writing the PDF fails.
    const run = await lexgapAsync(['report', ...TINY, join(FIXTURES, 'profiles', 'AQ.yaml'), '--out', join(tempDir('long-name'), 'x'.repeat(300))], { TMPDIR: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('AQ: the PDF could not be made');
    expect(processesMentioning(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}, with no Chromium process left behind and no half-written PDF`, async () => {
      const tmp = tempDir(`tmp-${signal}`);
      const out = tempDir(`sig-${signal}`);
      const child = spawn(process.execPath, [BIN, 'report', 'countries/', '--out', out], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

      // Wait until Chromium runs and is printing, then interrupt.
      let browser: { pid: number; pgid: number } | undefined;
      for (let i = 0; i < 200 && !browser; i++) {
        await sleep(50);
        browser = processesMentioning(`--user-data-dir=${tmp}`).find((p) => p.pid === p.pgid);
      }
      expect(browser, `Chromium never started: ${stderr}`).toBeDefined();
      await sleep(400);
      child.kill(signal);
      const code = await exited;

      expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
      await sleep(200);
      expect(processesInGroup(browser!.pgid)).toEqual([]);
      expect(processesMentioning(tmp)).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
      const files = existsSync(out) ? readdirSync(out) : [];
      expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
      for (const f of files) expect(pdfPages(join(out, f)), f).toBeGreaterThan(0); // any PDF there is whole
    });
  }
});
