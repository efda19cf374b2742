import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScoredProfiles } from '../../src/cli/load-scored-profiles.js';
import { getCatalog } from '../../src/report/i18n/catalog.js';
import { compactPdf } from '../../src/report/pdf/compact-pdf.js';
import { findBrowser } from '../../src/report/pdf/find-browser.js';
import { PdfSession } from '../../src/report/pdf/pdf-session.js';
import { HtmlRenderer } from '../../src/report/render/render-html.js';
import { buildCountryView } from '../../src/report/view/build-country-view.js';
import { ROOT, hasPoppler, pdfLinks, pdfPages, pdfText, tempDir } from './helpers.js';

const browser = findBrowser().path;

/**
 * The structure a screen reader walks, as poppler reads it: each piece of text with the elements
 * around it, NonStruct groupings (which have no meaning of their own) left out.
 */
function readStructure(file: string): string[] {
  const r = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: string[] = [];
  const stack: { depth: number; name: string }[] = [];
  for (const line of r.stdout.split('\n')) {
    if (!line.trim() || /^\s*Object \d+/.test(line)) continue; // an annotation's object number changes with renumbering
    const depth = line.length - line.trimStart().length;
    while (stack.length > 0 && stack.at(-1)!.depth >= depth) stack.pop();
    const text = line.trim();
    if (text.startsWith('"')) out.push(`${stack.flatMap((s) => (s.name ? [s.name] : [])).join(' > ')}: ${text}`);
    else stack.push({ depth, name: text.startsWith('NonStruct') ? '' : text });
  }
  return out;
}

describe.runIf(browser && hasPoppler)('the rewritten PDF of a real report, beside the one Chromium printed', () => {
  const dir = tempDir('pdf-size');
  let session: PdfSession;
  const printed: Record<string, { raw: string; compact: string }> = {};

  beforeAll(async () => {
    const renderer = await HtmlRenderer.create();
    session = await PdfSession.launch(browser!);
    // Chromium's own file: the session's compaction is bypassed for this comparison (it is run below, by hand).
    Object.assign(session, { compactor: { compact: async (pdf: Uint8Array) => pdf, close: async () => undefined } });
    // Thailand in Thai and Viet Nam in Vietnamese (their scripts' marks and clusters), Timor-Leste in Thai (short enough for poppler to read its structure quickly).
    const { scored } = await loadScoredProfiles([join(ROOT, 'countries/TH.yaml'), join(ROOT, 'countries/VN.yaml'), join(ROOT, 'countries/TL.yaml')], [], 'printed');
    await Promise.all(
      scored.map(async (s, i) => {
        const lang = ['th', 'vi', 'tl-th'][i]!;
        const doc = renderer.render('country', buildCountryView({ ...s, catalog: getCatalog(lang.slice(-2)), file: s.file, version: 'test' }));
        const raw = (await session.render(doc)).pdf;
        const files = { raw: join(dir, `${lang}-raw.pdf`), compact: join(dir, `${lang}.pdf`) };
        writeFileSync(files.raw, raw);
        writeFileSync(files.compact, compactPdf(raw));
        printed[lang] = files;
      }),
    );
  }, 300_000);
  afterAll(() => session?.close());

  it.each(['th', 'vi', 'tl-th'])('keeps every word (%s), in the order it is drawn, and every link', (lang) => {
    const { raw, compact } = printed[lang]!;
    expect(pdfText(compact)).toBe(pdfText(raw));
    expect(pdfLinks(compact)).toEqual(pdfLinks(raw));
  });

  it('keeps the tagged structure: each piece of text in the same elements, in the same order', () => {
    const { raw, compact } = printed['tl-th']!;
    const structure = readStructure(compact);
    expect(structure.length).toBeGreaterThan(300);
    expect(structure).toEqual(readStructure(raw));
  });

  it.each(['th', 'vi'])('spends at most 12 KB a page (%s)', (lang) => {
    const { compact } = printed[lang]!;
    const size = spawnSync('stat', ['-c', '%s', compact], { encoding: 'utf8' }).stdout;
    // The English reports were 14 KB a page (Thailand's, 45 pages, 624 KB), and are under 10.5 KB now:
    // a report that grows by a page of evidence per provision stays under 600 KB up to 50 pages.
    expect(Number(size) / pdfPages(compact)).toBeLessThanOrEqual(12_000);
  });
});
