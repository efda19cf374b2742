import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { RenderedDocument } from '../render/render-html.js';
import { Compactor } from './compacting.js';
import { withDocumentInfo } from './pdf-info.js';

/**
 * Flags for a headless Chromium that only prints: no GPU, no /dev/shm (small in containers), and no
 * background traffic to Google (update checks, sync, QUIC) — a report run makes no network request.
 */
export const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--font-render-hinting=none',
];

/** Page margins: the running header and the footer live in the top and bottom margins. */
const MARGIN = { top: '17mm', bottom: '15mm', left: '16mm', right: '16mm' };

export interface PdfResult {
  pdf: Uint8Array;
  /** Requests the page tried to make and that were refused (anything but data: URLs). */
  blocked: string[];
}

/** One Chromium for a whole run; each document is printed in its own browser context. */
export class PdfSession {
  private closing: Promise<void> | undefined;
  private readonly compactor = new Compactor();

  private constructor(
    private readonly browser: Browser,
    /** Holds Chromium's profile and temp files. */
    private readonly root: string,
  ) {}

  /** Starts Chromium. As root (CI, containers) the sandbox cannot start, so it is switched off there. */
  static async launch(executablePath: string): Promise<PdfSession> {
    const { default: puppeteer } = await import('puppeteer-core');
    // One folder for everything Chromium writes — its profile and its own temp files — removed at the end.
    const root = await mkdtemp(join(tmpdir(), 'lexgap-chromium-'));
    const userDataDir = join(root, 'profile');
    const chromiumTmp = join(root, 'tmp');
    await mkdir(chromiumTmp);
    const asRoot = process.getuid?.() === 0;
    try {
      const browser = await puppeteer.launch({
        executablePath,
        // Chromium's temp files and crash-report database go in that folder too, not in the user's home.
        env: { ...process.env, TMPDIR: chromiumTmp, HOME: chromiumTmp, XDG_CONFIG_HOME: join(chromiumTmp, '.config'), XDG_CACHE_HOME: join(chromiumTmp, '.cache') },
        headless: true,
        pipe: true, // no debugging port: nothing else on the machine can drive this browser
        userDataDir,
        args: [...(asRoot ? ['--no-sandbox'] : []), ...CHROMIUM_FLAGS],
        handleSIGINT: false, // the command closes the browser itself on Ctrl-C, then removes its files
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 30_000,
        protocolTimeout: 120_000,
      });
      return new PdfSession(browser, root);
    } catch (err) {
      await rm(root, { recursive: true, force: true });
      throw err;
    }
  }

  /** Prints one document and compacts it (see `print`). */
  async render(doc: RenderedDocument): Promise<PdfResult> {
    const { compacted, blocked } = await this.print(doc);
    return { pdf: await compacted, blocked };
  }

  /**
   * Prints one document: JavaScript off, every request refused but data: URLs, A4, header and footer.
   * Resolves once Chromium has printed it, with the file written again smaller (compact-pdf.ts) still
   * to come in `compacted`: a batch prints its next document while a worker thread rewrites this one.
   * `compacted` never rejects (a PDF that cannot be rewritten comes as Chromium wrote it); wait for it
   * before closing the session, which hands back whatever is still being rewritten as printed.
   */
  async print(doc: RenderedDocument): Promise<{ compacted: Promise<Uint8Array>; blocked: string[] }> {
    const context = await this.browser.createBrowserContext();
    try {
      const page = await context.newPage();
      // Before the content is set: "it will take full effect on the next navigation".
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      const blocked: string[] = [];
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const url = request.url();
        if (url.startsWith('data:') || url === 'about:blank') {
          void request.continue();
        } else if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
          // Leaving the page (a meta refresh, say): answering 204 keeps the report on screen, where an abort would print an error page.
          blocked.push(url);
          void request.respond({ status: 204, body: '' });
        } else {
          blocked.push(url);
          void request.abort('blockedbyclient');
        }
      });
      await page.setContent(doc.html, { waitUntil: 'load', timeout: 60_000 });
      const pdf = await page.pdf({
        format: 'A4',
        landscape: doc.landscape,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: doc.headerTemplate,
        footerTemplate: doc.footerTemplate,
        margin: MARGIN,
        preferCSSPageSize: false,
        tagged: true,
        outline: true,
        waitForFonts: true,
        timeout: 120_000,
      });
      // Chromium's file, written again smaller (compact-pdf.ts): a quarter of its size, the same pages.
      return { compacted: this.compactor.compact(doc.info ? withDocumentInfo(pdf, doc.info) : pdf), blocked };
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  /**
   * Closes Chromium (asking it first, so that it reaps its own child processes; killing the whole
   * process group if it has not gone within `graceMs`) and removes its folder. Safe to call twice.
   */
  close(graceMs = 5_000): Promise<void> {
    this.closing ??= (async () => {
      try {
        await Promise.race([this.browser.close(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      } catch {
        // already gone
      } finally {
        this.killGroup();
        await this.compactor.close();
        await rm(this.root, { recursive: true, force: true }).catch(() => undefined);
      }
    })();
    return this.closing;
  }

  /** Last resort: SIGKILL to Chromium's process group (puppeteer starts it in a group of its own). */
  private killGroup(): void {
    const child = this.browser.process();
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  /** For a second Ctrl-C: kill at once, synchronously, and remove the folder. */
  /** False once the browser has gone away (crashed, or killed from outside). */
  get connected(): boolean {
    return this.browser.connected;
  }

  killNow(): void {
    this.killGroup();
    void this.compactor.close();
    rmSync(this.root, { recursive: true, force: true });
  }
}
