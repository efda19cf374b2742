import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/report/pdf/find-browser.js';
import { BIN, CACHE_DIR, ROOT } from '../helpers/run-cli.js';

// The workbench driven as a person would: a real Chromium, by labels and keys, on a copy of
// Brunei's profile as shipped on 2026-11-29, morning (a frozen copy under test/fixtures/edit/), in a git
// repository of its own, so `git diff` shows exactly what a save wrote.
const chromium = findBrowser().path;
if (!chromium) console.warn('workbench browser tests skipped: no Chromium found (apt-get install chromium, or set PUPPETEER_EXECUTABLE_PATH)');

const repo = mkdtempSync(join(tmpdir(), 'lexgap-edit-'));
const profile = join(repo, 'BN.yaml');
const draft = `${profile}.lexgap-draft.json`;
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
const today = (() => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
})();

interface Workbench {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startWorkbench(file: string): Promise<Workbench> {
  const child = spawn(process.execPath, [BIN, 'edit', file, '--port', '0'], { cwd: repo, env: { ...process.env, LEXGAP_CACHE_DIR: CACHE_DIR } });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 300; i++) {
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output)?.[1];
    if (url) return { child, url, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`lexgap edit did not start:\n${output}`);
}

async function stopWorkbench(wb: Workbench): Promise<number | null> {
  if (wb.child.exitCode !== null) return wb.child.exitCode;
  const exited = new Promise<number | null>((resolve) => wb.child.once('exit', resolve));
  wb.child.kill('SIGINT');
  return exited;
}

let browser: Browser;
let page: Page;
let wb: Workbench;

const statusText = () => page.$eval('.status', (el) => el.textContent ?? '');
const waitForStatus = (text: string) => page.waitForFunction((t) => document.querySelector('.status')?.textContent?.includes(t), { timeout: 45_000 }, text);
/** Goes to a provision the way a person would: its button in the navigation (found and pressed at once, as the scores redraw it). */
async function openProvision(id: string) {
  const found = await page.evaluate((pid) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('nav button.nav')].find((b) => b.textContent?.startsWith(pid));
    button?.click();
    return Boolean(button);
  }, id);
  if (!found) throw new Error(`no ${id} in the navigation`);
  await page.waitForFunction((pid) => document.querySelector('main h2')?.textContent?.startsWith(pid), {}, id);
}
/** Focuses an element's answers and presses the answer's key (1 Met, 2 Partly met, 3 Not met …). */
async function answer(element: string, key: string) {
  const fieldset = await page.waitForFunction((id) => [...document.querySelectorAll('fieldset.element')].find((f) => f.querySelector('legend')?.textContent?.startsWith(`${id}. `)), {}, element);
  await (await fieldset.asElement()!.$('input[type=radio]'))!.focus();
  await page.keyboard.press(key);
}
/** The field labelled `label` (the last one on the page with that label). */
async function fieldByLabel(label: string) {
  const handle = await page.evaluateHandle((text) => {
    const labels = [...document.querySelectorAll('label')].filter((l) => l.textContent?.trim() === text);
    const last = labels.at(-1);
    return last ? document.getElementById(last.htmlFor) : null;
  }, label);
  const el = handle.asElement();
  if (!el) throw new Error(`no field labelled "${label}"`);
  return el as import('puppeteer-core').ElementHandle<HTMLInputElement>;
}
async function type(label: string, text: string) {
  const field = await fieldByLabel(label);
  await field.focus();
  await page.keyboard.type(text);
}
const save = async () => {
  await page.keyboard.down('Control');
  await page.keyboard.press('s');
  await page.keyboard.up('Control');
};

describe.skipIf(!chromium)('lexgap edit in a browser', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    copyFileSync(join(ROOT, 'test/fixtures/edit/BN-as-shipped-2026-11-29.yaml'), profile);
    git('init', '-q');
    git('add', 'BN.yaml');
    git('commit', '-qm', 'BN as shipped');
    wb = await startWorkbench('BN.yaml');
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath: chromium!, headless: true, pipe: true, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
    page = await browser.newPage();
    page.setDefaultTimeout(45_000); // a loaded CI machine is slow; nothing here is timed
    await page.setViewport({ width: 1400, height: 900 });
    page.on('dialog', (d) => void d.dismiss()); // an alert() from hostile text would show here: see below
    await page.goto(wb.url);
    await page.waitForSelector('nav button.nav');
  });

  afterAll(async () => {
    await browser?.close();
    if (wb) await stopWorkbench(wb);
  });

  it('answers three elements, declares a law, cites it with a section, saves: the diff is exactly that, every comment kept', async () => {
    const original = readFileSync(profile, 'utf8');
    await openProvision('T1.01');
    await answer('b', '1'); // Met
    await answer('c', '3'); // Not met
    await answer('d', '2'); // Partly met
    await (await page.waitForFunction(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add a citation'))).asElement()!.click();
    await page.waitForFunction(() => document.querySelectorAll('.citation').length === 3);
    const law = await fieldByLabel('Law');
    await law.select('+new');
    await page.waitForSelector('dialog[open]');
    await type('Short key', 'cpo2024');
    await type('Official title', 'Child Protection Order, 2024');
    await type('Year', '2024');
    await type('Link (https://…)', 'https://example.org/cpo');
    await (await page.waitForFunction(() => [...document.querySelectorAll('dialog button')].find((b) => b.textContent === 'Declare the law'))).asElement()!.click();
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await type('Section or article', 's.4(1)');
    for (const id of ['b', 'd']) {
      const box = await page.evaluateHandle((el) => [...document.querySelectorAll('.citation')].at(-1)!.querySelectorAll('label.check')[['a', 'b', 'c', 'd'].indexOf(el)]!.querySelector('input'), id);
      await box.asElement()!.click();
    }
    await waitForStatus('Unsaved changes');
    await save();
    await waitForStatus('Saved at');

    const diff = git('diff', '-U0', '--no-color', 'BN.yaml');
    const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
    const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    // By hand: one line changes (T1.01's answers), four lines declare the law after the last law,
    // five lines add the citation after T1.01's two citations. Nothing else.
    expect(removed).toEqual(['-    elements: {a: partial, b: unknown, c: unknown, d: unknown}']);
    expect(added).toEqual([
      '+  cpo2024:',
      '+    title: Child Protection Order, 2024',
      '+    year: 2024',
      '+    url: https://example.org/cpo',
      '+    elements: {a: partial, b: met, c: not-met, d: partial}',
      '+      - law: cpo2024',
      '+        section: s.4(1)',
      '+        elements: [b, d]',
      '+        confidence: sourced',
      `+        checked: ${today}`,
    ]);
    const comments = original.split('\n').filter((l) => /(^|\s)#/.test(l));
    const saved = readFileSync(profile, 'utf8');
    for (const c of comments) expect(saved).toContain(c);
    expect(existsSync(draft), 'the unsaved-changes file is removed after a save').toBe(false);
    expect(await statusText()).toContain('The profile validates.');
  });

  it('shows the main view with the provision and the report beside it (screenshot)', async () => {
    await openProvision('T1.01'); // back to the top of the provision
    const shot = join(repo, 'main-view.png');
    await page.screenshot({ path: shot });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    // What the screenshot shows at the heading's place is the heading with the provision's title.
    const seen = await page.evaluate(() => {
      const h2 = document.querySelector('main h2')!;
      const box = h2.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { text: h2.textContent, onScreen: box.top >= 0 && box.bottom <= innerHeight && (hit === h2 || h2.contains(hit)) };
    });
    expect(seen).toEqual({ text: 'T1.01 Definition of "child" as every person under 18', onScreen: true });
    await page.waitForFunction(() => (document.querySelector('aside iframe') as HTMLIFrameElement).src.includes('/report?'));
  });

  it('keeps unsaved answers through a page reload and a restart of lexgap', async () => {
    await openProvision('T1.02');
    await answer('b', '3');
    await waitForStatus('Unsaved changes');
    await page.waitForFunction(() => !document.querySelector('.status')?.textContent?.includes('…'));
    await new Promise((r) => setTimeout(r, 500)); // the edit reaches lexgap (no assertion on time)
    await page.reload();
    await page.waitForSelector('nav button.nav');
    await waitForStatus('Unsaved changes');
    await openProvision('T1.02');
    const checked = () => page.evaluate(() => [...document.querySelectorAll('fieldset.element')].find((f) => f.querySelector('legend')?.textContent?.startsWith('b. '))!.querySelector<HTMLInputElement>('input:checked')?.value);
    expect(await checked()).toBe('not-met');
    expect(existsSync(draft)).toBe(true);
    expect(readFileSync(profile, 'utf8')).toContain('    elements: {a: partial, b: unknown, c: unknown, d: met, e: not-met}');

    expect(await stopWorkbench(wb)).toBe(0);
    wb = await startWorkbench('BN.yaml');
    expect(wb.output()).toContain('Unsaved changes from the last session were restored');
    await page.goto(wb.url);
    await page.waitForSelector('nav button.nav');
    await openProvision('T1.02');
    expect(await checked()).toBe('not-met');
  });

  it('never overwrites a change made on disk: it shows the fields that differ and lets the user choose', async () => {
    const onDisk = readFileSync(profile, 'utf8').replace('name: Brunei Darussalam', 'name: Negara Brunei Darussalam');
    writeFileSync(profile, onDisk);
    await save();
    await page.waitForSelector('dialog.conflict[open]');
    const rows = await page.$$eval('dialog.conflict tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([['Country name', 'Brunei Darussalam', 'Negara Brunei Darussalam', "not changed by you: the file's value is kept"]]);
    expect(readFileSync(profile, 'utf8')).toBe(onDisk); // nothing written yet
    await page.screenshot({ path: join(repo, 'conflict-view.png') });
    await (await page.waitForFunction(() => [...document.querySelectorAll('dialog.conflict button')].find((b) => b.textContent?.startsWith('Keep my changes')))).asElement()!.click();
    await waitForStatus('Saved at');
    const saved = readFileSync(profile, 'utf8');
    expect(saved).toContain('name: Negara Brunei Darussalam'); // the file's change is kept
    expect(saved).toContain('    elements: {a: partial, b: not-met, c: unknown, d: met, e: not-met}'); // and so is the user's
  });

  it('refuses a request without the token, for another Host, or from another Origin', async () => {
    const { port, searchParams } = new URL(wb.url);
    const token = searchParams.get('token')!;
    const ask = (path: string, headers: Record<string, string>, method = 'GET') =>
      new Promise<number>((resolve, reject) => request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject).end(method === 'POST' ? '{}' : undefined));
    expect(await ask('/api/start', { 'x-lexgap-token': token })).toBe(200);
    expect(await ask('/api/start', {})).toBe(403);
    expect(await ask('/', {})).toBe(403);
    expect(await ask('/api/start', { 'x-lexgap-token': 'not-the-token-not-the-token-xx' })).toBe(403);
    expect(await ask('/api/start', { 'x-lexgap-token': token, host: 'attacker.example' })).toBe(403);
    expect(await ask('/api/start', { 'x-lexgap-token': token, host: `localhost.attacker.example:${port}` })).toBe(403);
    expect(await ask('/api/save', { 'x-lexgap-token': token, origin: 'http://attacker.example', 'content-type': 'application/json' }, 'POST')).toBe(403);
    expect(await ask('/api/save', { 'x-lexgap-token': token, 'content-type': 'application/json' }, 'POST')).toBe(403); // a POST must say where it comes from
    const csp = await fetch(wb.url).then((r) => r.headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
  });

  it('shows hostile text in a profile as text: nothing runs, nothing is fetched', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'"><script>document.title=\'pwned\'</script>';
    expect(await stopWorkbench(wb)).toBe(0);
    writeFileSync(profile, readFileSync(profile, 'utf8').replace('name: Negara Brunei Darussalam', `name: ${JSON.stringify(hostile)}`).replace(/^(  cpo2024:\n    title: ).*$/m, `$1${JSON.stringify(hostile)}`));
    wb = await startWorkbench('BN.yaml');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(wb.url);
    await page.waitForSelector('nav button.nav');
    const name = await fieldByLabel('Country name');
    expect(await name.evaluate((el) => el.value)).toBe(hostile);
    await (await page.waitForFunction(() => [...document.querySelectorAll('nav button')].find((b) => b.textContent === 'Laws cited'))).asElement()!.click();
    await page.waitForFunction((h) => [...document.querySelectorAll('textarea')].some((t) => t.value === h), {}, hostile);
    expect(await page.title()).not.toContain('pwned');
    expect(await page.$$('main img, main script')).toHaveLength(0);
    expect(requests.filter((u) => !u.startsWith(new URL(wb.url).origin) && !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
  });
});
