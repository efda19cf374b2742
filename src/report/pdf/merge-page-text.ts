import { deflateSync, inflateSync } from 'node:zlib';
import { mergeGlyphRuns, parseCidWidths, type GlyphWidths } from './merge-glyph-runs.js';
import { DocumentFontSizes } from './layout-font-size.js';
import { roundPathNumbers } from './round-path-numbers.js';
import type { PdfObject } from './pdf-objects.js';

/**
 * For `compactPdf`: rewrites each page's content stream with its glyph runs merged (see
 * merge-glyph-runs.ts), using the widths of the page's fonts. Returns null for any stream it does not
 * fully understand, which is then copied unchanged.
 */
export function pageTextRewriter(objects: readonly PdfObject[]): (object: PdfObject) => Buffer | null {
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const text = (num: number) => byNum.get(num)?.body.toString('latin1');
  const fontCache = new Map<number, GlyphWidths | null>();
  const fontWidths = (num: number): GlyphWidths | null => {
    if (!fontCache.has(num)) fontCache.set(num, readFontWidths(num, text));
    return fontCache.get(num)!;
  };

  /** Content stream number → the widths of the fonts its page names. */
  const pages = new Map<number, Map<string, GlyphWidths>>();
  for (const object of objects) {
    if (object.isStream) continue;
    const body = object.body.toString('latin1');
    if (!/\/Type\s*\/Page\b/.test(body)) continue;
    const contents = /\/Contents\s+(\d+)\s+0\s+R/.exec(body);
    if (!contents) continue;
    let resources = body;
    const indirect = /\/Resources\s+(\d+)\s+0\s+R/.exec(body);
    if (indirect) resources = text(Number(indirect[1])) ?? '';
    const fontDict = /\/Font\s*<<([^<>]*)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, GlyphWidths>();
    for (const [, name, num] of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
      const widths = fontWidths(Number(num));
      if (widths) fonts.set(name!, widths);
    }
    pages.set(Number(contents[1]), fonts);
  }

  const sizes = new DocumentFontSizes();
  return (object) => {
    const fonts = pages.get(object.num);
    if (!fonts || fonts.size === 0) return null;
    const head = /^\s*<<\s*\/Filter\s*\/FlateDecode\s*\/Length\s+(\d+)\s*>>\s*stream\r?\n/.exec(object.body.toString('latin1', 0, Math.min(object.body.length, 200)));
    if (!head) return null;
    const length = Number(head[1]);
    if (head[0].length + length > object.body.length) return null;
    let content: string;
    try {
      content = inflateSync(object.body.subarray(head[0].length, head[0].length + length)).toString('latin1');
    } catch {
      return null;
    }
    const merged = roundPathNumbers(mergeGlyphRuns(content, fonts, sizes.forPage(content, fonts)));
    if (merged === content) return null;
    const data = deflateSync(Buffer.from(merged, 'latin1'), { level: 7, memLevel: 9 });
    return Buffer.concat([Buffer.from(`<</Filter /FlateDecode /Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  };
}

/** The widths of a Type0 font with two-byte Identity-H codes, from its CIDFont's /W; null otherwise. */
function readFontWidths(num: number, text: (num: number) => string | undefined): GlyphWidths | null {
  const font = text(num);
  if (!font || !/\/Subtype\s*\/Type0\b/.test(font) || !/\/Encoding\s*\/Identity-H\b/.test(font)) return null;
  const descendant = /\/DescendantFonts\s*\[\s*(\d+)\s+0\s+R\s*\]/.exec(font);
  const cid = descendant ? text(Number(descendant[1])) : undefined;
  if (!cid || !/\/CIDToGIDMap\s*\/Identity\b/.test(cid)) return null;
  const dw = Number(/\/DW\s+(\d+(?:\.\d+)?)/.exec(cid)?.[1] ?? 1000);
  const at = cid.search(/\/W\s*\[/);
  if (at < 0) return () => dw;
  const start = cid.indexOf('[', at);
  let depth = 0;
  for (let i = start; i < cid.length; i++) {
    if (cid[i] === '[') depth++;
    else if (cid[i] === ']' && --depth === 0) return parseCidWidths(cid.slice(start, i + 1), dw);
  }
  return null;
}
