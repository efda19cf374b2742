import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontFacesFor } from '../../src/report/render/fonts.js';
import { FIXTURES, TINY, flat, lexgapAsync, pdfFonts, pdfPageTexts, pdfPages, pdfText, read, tempDir, type Run } from './helpers.js';

const out = tempDir('scripts');
let runs: Run[];

beforeAll(async () => {
  runs = await Promise.all([
    lexgapAsync(['report', ...TINY, join(FIXTURES, 'scripts', 'SJ.yaml'), '--lang', 'th', '--format', 'both', '--out', join(out, 'scripts')]),
    lexgapAsync(['report', join(FIXTURES, 'stress', 'HM.yaml'), '--template', 'brief', '--out', join(out, 'brief-en')]),
    lexgapAsync(['report', join(FIXTURES, 'stress', 'HM.yaml'), '--template', 'brief', '--lang', 'th', '--out', join(out, 'brief-th')]),
    lexgapAsync(['report', ...TINY, join(FIXTURES, 'profiles', 'AQ.yaml'), '--template', 'brief', '--lang', 'vi', '--out', join(out, 'brief-vi')]),
  ]);
});

describe('every ASEAN script', () => {
  it('embeds Noto Sans Thai, Khmer, Lao and Myanmar, and no font of the machine', () => {
    expect(runs[0]!.code, runs[0]!.stderr).toBe(0);
    const fonts = pdfFonts(join(out, 'scripts', 'SJ.pdf'));
    for (const face of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansThai-Regular', 'NotoSansThai-Bold', 'NotoSansKhmer-Regular', 'NotoSansLao-Regular', 'NotoSansMyanmar-Regular']) {
      expect(fonts).toContain(face);
    }
    for (const font of fonts) expect(font).toMatch(/^NotoSans/);
  });

  it('keeps the text readable back out of the PDF (a soft check: extraction of complex scripts varies)', () => {
    const text = flat(pdfText(join(out, 'scripts', 'SJ.pdf'))).normalize('NFC');
    expect(text).toContain('Scriptland (SJ)');
    expect(text).toContain('พระราชบัญญัติคุ้มครองเด็ก');
    expect(text).toContain('Tiếng Việt có dấu');
    expect(text).toContain('ສະບາຍດີ');
  });

  it('embeds only the subsets the text needs', () => {
    const html = read(join(out, 'scripts', 'SJ.html'));
    expect(html).toContain("font-family:'Noto Sans Khmer'");
    expect(fontFacesFor('Plain English text.').subsets).toEqual(['Noto Sans latin']);
    expect(fontFacesFor('ภาษาไทย').subsets).toEqual(['Noto Sans latin', 'Noto Sans Thai thai']);
    expect(fontFacesFor('Việt Nam').subsets).toEqual(['Noto Sans vietnamese', 'Noto Sans latin']);
    // A character no embedded font has is reported, so the user can be told.
    expect(fontFacesFor('日本').uncovered).toEqual(['日', '本']);
  });
});

describe('the brief', () => {
  it('fits on two A4 pages, in English and in Thai, even with 35 gaps and 86 pending bills', () => {
    for (const [i, file] of [[1, join(out, 'brief-en', 'HM-brief.pdf')], [2, join(out, 'brief-th', 'HM-brief.pdf')]] as const) {
      expect(runs[i]!.code, runs[i]!.stderr).toBe(0);
      expect(pdfPages(file), file).toBeLessThanOrEqual(2);
    }
  });

  it('gives the standing, the five most urgent gaps with their amendment, what is pending, and the method', () => {
    const text = flat(pdfText(join(out, 'brief-en', 'HM-brief.pdf')));
    expect(text).toContain('Where Heard and McDonald Islands (stress test) stands');
    expect(text).toContain('The 5 most urgent of 35 gaps found');
    for (const id of ['T1.01', 'T1.02', 'T1.03', 'T1.04', 'T1.05']) expect(text).toContain(id);
    expect(text).not.toMatch(/\bT1\.06 Procuring/);
    // The element's own amendment, then the provision's recommendation as context.
    expect(text).toContain('Insert, in a definitions section that governs every CSAM and OCSEA offence:');
    expect(text).toContain('Recommendation, for context:');
    expect(text).toContain('Before parliament');
    expect(text).toContain('and 84 more, listed in the country report.'); // 86 bills, 2 shown
    expect(text).toContain('Method: each element is answered Met (1), Partly met (0.5), Not met (0)');
    expect(flat(pdfPageTexts(join(out, 'brief-en', 'HM-brief.pdf'))[0]!)).toContain('DRAFT — this assessment has not been reviewed');
  });

  it('is written in the language asked for', () => {
    const vi = flat(pdfText(join(out, 'brief-vi', 'AQ-brief.pdf'))).normalize('NFC');
    expect(vi).toContain('Hiện trạng của Zedland');
    expect(vi).toContain('Đang chờ Quốc hội xem xét');
    expect(vi).toContain('Online Safety Bill 2026');
    const th = flat(pdfText(join(out, 'brief-th', 'HM-brief.pdf'))).normalize('NFC');
    expect(th).toContain('ช่องว่างที่สำคัญที่สุด');
  });
});
