import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactPdf } from '../../src/report/pdf/compact-pdf.js';
import { mergeGlyphRuns, parseCidWidths, type GlyphWidths } from '../../src/report/pdf/merge-glyph-runs.js';
import { withDocumentInfo } from '../../src/report/pdf/pdf-info.js';
import { flat, pdfInfo, pdfLinks, pdfText, tempDir } from './helpers.js';

// Glyph widths in thousandths of the font size: glyph 1 is 600 wide, 2 is 500, 3 is 700.
const widths: GlyphWidths = (code) => ({ 1: 600, 2: 500, 3: 700 })[code] ?? 1000;
const fonts = new Map([['F1', widths]]);
const text = (...lines: string[]) => ['q', 'BT', ...lines, 'ET', 'Q'].join('\n');
/** What the merge writes for glyph codes given in hex: a literal string of their bytes, two a glyph. */
const lit = (line: string) => line.replace(/<((?:[0-9A-F]{4})+)>/g, (_, hex: string) => `(${Buffer.from(hex, 'hex').toString('latin1')})`);

describe('merging the glyph runs Chromium writes one glyph at a time', () => {
  it('puts glyphs that follow their advance widths in one string', () => {
    // At 10 pt glyph 1 advances 6.0 and glyph 2 5.0: Chromium's offsets (6.0000001, 5.0000002) differ only in the last bits.
    const page = text('/F1 10 Tf', '1 0 0 -1 5 20 Tm', '<0001> Tj', '6.0000001 0 Td <0002> Tj', '5.0000002 0 Td <0003> Tj');
    expect(mergeGlyphRuns(page, fonts)).toBe(text('/F1 10 Tf', '1 0 0 -1 5 20 Tm', lit('<000100020003> Tj')));
  });

  it('keeps a kerned or justified gap as a TJ adjustment, in thousandths of the size', () => {
    // Glyph 2 ends at 6 + 5 = 11, glyph 3 is placed at 6 + 4.8 = 10.8: 0.2 back at 10 pt is 20 thousandths.
    const page = text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '<0001> Tj', '6 0 Td <0002> Tj', '4.8 0 Td <0003> Tj');
    expect(mergeGlyphRuns(page, fonts)).toBe(text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', lit('[<00010002>20<0003>] TJ')));
  });

  it('moves a line that follows a merged run from where Chromium had moved to', () => {
    // Chromium's line matrix ends at the last glyph (x 6); after the TJ it is still at x 0, so the next line moves 6 + 0.
    const page = text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '<0001> Tj', '6 0 Td <0002> Tj', '0 -12 Td <0003> Tj');
    expect(mergeGlyphRuns(page, fonts)).toBe(text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', lit('<00010002> Tj'), '6 -12 Td', lit('<0003> Tj')));
  });

  it('ends the run at marked content (a Thai cluster, a structure tag) and keeps it where it was', () => {
    const page = text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '<0001> Tj', '/Span<</ActualText <FEFF0E250E38> >> BDC', '6 0 Td <0002> Tj', '5 0 Td <0003> Tj', 'EMC', '7 0 Td <0001> Tj');
    // The span's two glyphs stay inside it, from x 6; the glyph after it is at 6 + 5 + 7 = 18, a move of 12.
    expect(mergeGlyphRuns(page, fonts)).toBe(
      text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', lit('<0001> Tj'), '/Span<</ActualText <FEFF0E250E38> >> BDC', '6 0 Td', lit('<00020003> Tj'), 'EMC', '12 0 Td', lit('<0001> Tj')),
    );
  });

  it('leaves alone a text object it does not fully understand, and a page that sets spacing', () => {
    const literal = text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '(Hello) Tj', '6 0 Td <0002> Tj');
    expect(mergeGlyphRuns(literal, fonts)).toBe(literal);
    const spaced = `2 Tc\n${text('/F1 10 Tf', '<0001> Tj', '6 0 Td <0002> Tj')}`;
    expect(mergeGlyphRuns(spaced, fonts)).toBe(spaced);
    const unknownFont = text('/F9 10 Tf', '<0001> Tj', '6 0 Td <0002> Tj');
    expect(mergeGlyphRuns(unknownFont, fonts)).toBe(text('/F9 10 Tf', '<0001> Tj', '6 0 Td', '<0002> Tj'));
  });

  it('reads the glyph lines however their numbers and hex digits are written', () => {
    // "6." and "+5" are 6 and 5, lower-case hex is the same code: glyph 1 (600 wide at 10 pt) advances 6,
    // glyph 0x00ff (1000 wide) 10, glyph 2 (500) 5 — each string starts where the one before ends.
    const page = text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '<0001> Tj', '6. 0 Td <00ff> Tj', '+10 0 Td <0002> Tj ', '5.000 0 Td <0003> Tj');
    expect(mergeGlyphRuns(page, fonts)).toBe(text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '(\x00\x01\x00\xff\x00\x02\x00\x03) Tj'));
    // A glyph line that is not hex, or a number that is not one, leaves the text object as it was.
    for (const odd of ['6 0 Td <00g1> Tj', '6e0 0 Td <0002> Tj', '- 0 Td <0002> Tj', '6 0 Td <002> Tj']) {
      const page = text('/F1 10 Tf', '1 0 0 -1 0 0 Tm', '<0001> Tj', odd);
      expect(mergeGlyphRuns(page, fonts)).toBe(page);
    }
  });

  it("reads a CIDFont's /W array: lists from a first code, and ranges with one width", () => {
    const w = parseCidWidths('[0 [600 0 260] 29 30 268 34 [434]]', 572)!;
    expect([0, 1, 2, 29, 30, 34, 35, 3].map(w)).toEqual([600, 0, 260, 268, 268, 434, 572, 572]);
    expect(parseCidWidths('[0 [600', 1000)).toBeNull();
  });
});

/** A one-page PDF in the classic form Chromium writes: a text line, a link, an info dictionary. */
function handMadePdf(): Uint8Array {
  const content = 'BT /F1 12 Tf 72 720 Td (Hello from a hand-made page) Tj ET';
  const objects = [
    '<</Type /Catalog /Pages 2 0 R /Lang (en)>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 5 0 R>>>> /Contents 4 0 R /Annots [6 0 R]>>',
    `<</Length ${content.length}>> stream\n${content}\nendstream`,
    '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
    '<</Type /Annot /Subtype /Link /Rect [72 710 300 730] /A <</S /URI /URI (https://example.org/law#s12)>>>>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('writing the PDF again with object streams', () => {
  const dir = tempDir('compact');

  it('keeps the text, the link, the document information and the catalogue readable', () => {
    const pdf = compactPdf(withDocumentInfo(handMadePdf(), { title: 'Zedland: ทดสอบ', author: null, subject: 'a test', creator: 'lexgap' }));
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/^%PDF-1\.5\n/);
    expect(raw).toContain('/Type /ObjStm');
    expect(raw).toContain('/Type /XRef');
    expect(raw).toContain('/Lang (en)'); // the catalogue stays outside the object streams
    expect(raw).not.toContain('https://example.org/law'); // the link went into a compressed object stream
    const file = join(dir, 'hand.pdf');
    writeFileSync(file, pdf);
    expect(flat(pdfText(file))).toContain('Hello from a hand-made page');
    expect(pdfLinks(file)).toEqual(['https://example.org/law#s12']);
    expect(pdfInfo(file)).toMatch(/Title:\s+Zedland: ทดสอบ/);
    expect(pdfInfo(file)).toMatch(/PDF version:\s+1\.5/);
  });

  it('returns a file that is not in the classic form unchanged', () => {
    const odd = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n', 'latin1');
    expect(compactPdf(odd)).toBe(odd);
    const truncated = handMadePdf().subarray(0, 200);
    expect(compactPdf(truncated)).toBe(truncated);
  });
});
