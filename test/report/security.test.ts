import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/report/pdf/find-browser.js';
import { PdfSession } from '../../src/report/pdf/pdf-session.js';
import { FIXTURES, TINY, flat, lexgapAsync, pdfInfo, pdfText, read, tempDir, type Run } from './helpers.js';

// A profile is untrusted input. Layer 1 (escaping) is tested through the CLI with a hostile profile;
// layers 2–4 (no JavaScript, requests refused, CSP) are tested by printing hostile HTML directly,
// as if escaping had failed, with a local server that counts every request it gets.
const out = tempDir('inject');
let run: Run;
let hits: string[] = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  run = await lexgapAsync(['report', ...TINY, join(FIXTURES, 'inject', 'IO.yaml'), '--format', 'both', '--out', out]);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a hostile profile', () => {
  it('is rendered, as text', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('outside resource');
    const text = flat(pdfText(join(out, 'IO.pdf')));
    expect(text).toContain("<script>document.title='pwned';document.body.innerHTML='SCRIPT-RAN'</script> basedOn-payload");
    expect(text).toContain('<iframe src="file:///etc/passwd" width="800" height="800"></iframe> Evil Act');
    expect(text).toContain('{{labels.doc.page}}'); // data is never compiled as a template
    expect(text).toContain('{{{labels}}} ${process.env.HOME}');
  });

  it('leaves no trace of execution and no file contents in the PDF', () => {
    const file = join(out, 'IO.pdf');
    const text = pdfText(file);
    expect(pdfInfo(file)).toMatch(/Title:\s+Injectia: legislative gap assessment/);
    expect(text).toContain('Injectia (IO)');
    expect(text).not.toMatch(/^(SCRIPT|ONERROR)-RAN/m);
    expect(text).not.toMatch(/root:.*:0:0:/);
  });

  it('puts no live element of its own into the HTML, and no link but http(s)', () => {
    const html = read(join(out, 'IO.html'));
    expect(html).toContain('&lt;script&gt;document.title');
    expect(html).not.toMatch(/<(script|iframe|img|object|embed|link|base|form|input)\b/i);
    expect(html).not.toMatch(/<svg onload|<meta http-equiv="refresh"|<style>body\{display/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#)/);
    expect(html).not.toMatch(/javascript:alert\(1\)">/);
  });
});

describe('the page, even if escaping had failed', () => {
  it('runs no script, reads no file and fetches nothing', async () => {
    const browser = findBrowser();
    expect(browser.path, 'the PDF tests need Chromium: apt-get install chromium').not.toBeNull();
    const base = `http://127.0.0.1:${port}`;
    const html = `<!DOCTYPE html><html><head><title>original-title</title>
      <link rel="stylesheet" href="${base}/sheet.css">
      <style>@import url(${base}/import.css); body { background: url(${base}/bg.png); } @font-face { font-family: X; src: url(${base}/font.woff2); } p { font-family: X; }</style>
      </head><body><p>visible-marker</p>
      <script>document.title = 'pwned'; document.body.innerHTML = 'SCRIPT-RAN';</script>
      <img src="${base}/img.png" onerror="document.body.innerHTML='ONERROR-RAN'">
      <iframe src="file:///etc/passwd" width="800" height="600"></iframe>
      <iframe src="${base}/frame"></iframe>
      <object data="file:///etc/hostname" width="400" height="100"></object>
      <meta http-equiv="refresh" content="0;url=${base}/refresh">
      </body></html>`;
    hits = [];
    const session = await PdfSession.launch(browser.path!);
    let result;
    try {
      result = await session.render({ name: 'country', html, headerTemplate: '<span></span>', footerTemplate: '<span></span>', title: 't', landscape: false, uncovered: [] });
    } finally {
      await session.close();
    }
    const file = join(out, 'raw.pdf');
    writeFileSync(file, result.pdf);
    const text = pdfText(file);
    expect(text).toContain('visible-marker');
    expect(text).not.toContain('SCRIPT-RAN');
    expect(text).not.toContain('ONERROR-RAN');
    expect(text).not.toMatch(/root:.*:0:0:/);
    expect(pdfInfo(file)).toMatch(/Title:\s+original-title/);
    expect(hits).toEqual([]);
    expect(result.blocked.some((url) => url.startsWith(base))).toBe(true);
  });
});
