import { describe, expect, it } from 'vitest';
import { layoutFontSizes } from '../../src/report/pdf/layout-font-size.js';
import { mergeGlyphRuns, type GlyphWidths } from '../../src/report/pdf/merge-glyph-runs.js';
import type { PdfObject } from '../../src/report/pdf/pdf-objects.js';
import { roundPathNumbers } from '../../src/report/pdf/round-path-numbers.js';
import { foldTextRuns } from '../../src/report/pdf/fold-text-runs.js';
import { renumberObjects } from '../../src/report/pdf/renumber-objects.js';
import { shareFunctions } from '../../src/report/pdf/share-functions.js';

// Every glyph 500 thousandths of an em wide.
const half: GlyphWidths = () => 500;
const fonts = new Map([['F1', half]]);
const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');
/** Chromium's form: the first glyph at the line's start, each next one `step` further. */
const chromiumLine = (size: string, step: number, codes: number[]) =>
  ['BT', `/F1 ${size} Tf`, '1 0 0 -1 10 20 Tm', `<${hex(codes[0]!)}> Tj`, ...codes.slice(1).map((c) => `${step} 0 Td <${hex(c)}> Tj`), 'ET'].join('\n');
/** A literal string's bytes as the merge writes them (no escapes needed for these codes). */
const bytes = (codes: number[]) => Buffer.from(codes.map(hex).join(''), 'hex').toString('latin1');

describe('advancing text as Chromium laid it out', () => {
  it('finds the size the glyphs advanced by, and writes each line as one string without corrections', () => {
    // Written 11.33, laid out at 725/64 = 11.328125: a 500-wide glyph advances 0.5 × 11.328125 = 5.6640625,
    // where 11.33 would give 5.665. The drift, 0.0009375 a glyph, is 0.08 thousandths of 11.33 each:
    // past half a thousandth after 7 glyphs, so at the written size 12 glyphs need a correction.
    const codes = [0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f];
    const page = chromiumLine('11.3299999', 5.6640625, codes);
    expect(layoutFontSizes(page, fonts)).toEqual(new Map([['11.3299999', 11.328125]]));
    // Drawn at the written size, advancing as laid out: scaled horizontally by 11.328125 / 11.3299999 (99.98345%),
    // the scaling undone before the text object ends.
    expect(mergeGlyphRuns(page, fonts)).toBe(['BT', '/F1 11.3299999 Tf', '99.98345 Tz', '1 0 0 -1 10 20 Tm', `(${bytes(codes)}) Tj`, '100 Tz', 'ET'].join('\n'));
    // Told no layout size, the same line needs a correction where the drift passes half a thousandth.
    expect(mergeGlyphRuns(page, fonts, new Map())).toMatch(/\)1\(/);
  });

  it('keeps the written size where there are too few steps to measure, or they disagree', () => {
    expect(layoutFontSizes(chromiumLine('11.33', 5.6640625, [1, 2, 3]), fonts).size).toBe(0);
    // Steps of 5.64 and 5.69 alternating (0.9956 and 1.0044 of 5.665): no size explains most of them.
    const uneven = ['BT', '/F1 11.33 Tf', '<0001> Tj', ...Array.from({ length: 20 }, (_, i) => `${i % 2 ? 5.64 : 5.69} 0 Td <0001> Tj`), 'ET'].join('\n');
    expect(layoutFontSizes(uneven, fonts).size).toBe(0);
  });

  it('escapes in a literal string the bytes that cannot stand in one as they are', () => {
    // Codes 0x0028 "(", 0x005C "\", 0x0D0A (CR LF): each byte that is a delimiter, a backslash or a line end gets a backslash.
    // At 10 pt each glyph advances 5: the second string starts 10 after the first, the third 5 after the second.
    const page = ['BT', '/F1 10 Tf', '<00280029> Tj', '10 0 Td <005C> Tj', '5 0 Td <0D0A> Tj', 'ET'].join('\n');
    const merged = mergeGlyphRuns(page, fonts, new Map());
    expect(merged).toContain('(\x00\\(\x00\\)\x00\\\\\\r\\n) Tj');
    expect(merged.split('\n')).toEqual(['BT', '/F1 10 Tf', expect.stringMatching(/ Tj$/), 'ET']); // no line end inside the string
  });
});

describe('rounding path points to what the page can show', () => {
  it('keeps each point within 0.005 pt, following the scale in force', () => {
    // At 0.24 pt a unit, 2 decimals move a point at most 0.005 × 0.24 = 0.0012 pt (3 decimals would be needed at 2.4).
    const page = ['.24 0 0 -.24 0 841.92 cm', '113.499992 333.37933 m', '113.664909 332.83746 l', 'q', '10 0 0 10 0 0 cm', '1.23456 2.34567 m', '3.45678 4.56789 l', 'Q', '1.23456 2.34567 m', '1.5 2.5 l', 'S'].join('\n');
    expect(roundPathNumbers(page).split('\n')).toEqual(['.24 0 0 -.24 0 841.92 cm', '113.5 333.38 m', '113.66 332.84 l', 'q', '10 0 0 10 0 0 cm', '1.235 2.346 m', '3.457 4.568 l', 'Q', '1.23 2.35 m', '1.5 2.5 l', 'S']);
  });

  it('draws a path with curves from its first point, and moves the page back after painting it', () => {
    const page = ['100.004 200.006 m', '110 200 l', '112 200 112 202 112 204 c', 'h', 'W n', '5 5 m'].join('\n');
    // At 1 pt a unit, 2 decimals (at most 0.005 pt off): the first point rounds to (100, 200.01), and the
    // others, rounded on the page first, are taken from it: (110, 200) is (10, -0.01) from there.
    expect(roundPathNumbers(page).split('\n')).toEqual(['1 0 0 1 100 200.01 cm', '0 0 m', '10 -.01 l', '12 -.01 12 1.99 12 3.99 c', 'h', 'W n', '1 0 0 1 -100 -200.01 cm', '5 5 m']);
  });

  it('reads a number with more digits than an integer holds exactly, and a signed one, as written', () => {
    // At 1 pt a unit, 2 decimals: 1.2345678901234567 (17 digits) rounds to 1.23, +2.0051 to 2.01, -0.004 to 0.
    expect(roundPathNumbers('1.2345678901234567 +2.0051 m\n-.004 5 l')).toBe('1.23 2.01 m\n0 5 l');
  });

  it('leaves alone a page with an inline image, and a path it does not understand', () => {
    const inline = '1.23456 2 m\nBI /W 1 /H 1 ID x EI';
    expect(roundPathNumbers(inline)).toBe(inline);
    expect(roundPathNumbers('1.23456 2 3 m')).toBe('1.23456 2 3 m');
  });
});

const obj = (num: number, body: string, isStream = false): PdfObject => ({ num, body: Buffer.from(body, 'latin1'), isStream });
const bodyOf = (objects: PdfObject[], num: number) => objects.find((o) => o.num === num)?.body.toString('latin1');

describe('one copy of each hatched fill function', () => {
  const fn = (num: number, domain: string) => obj(num, `<</FunctionType 4\n/Domain [${domain}]\n/Range [0 1 0 1 0 1]\n/Filter /FlateDecode\n/Length 3>> stream\nabc\nendstream`, true);
  it('keeps the first, asked over the union of the domains, and points every shading at it', () => {
    const objects = [fn(1, '0 8 -4 4'), obj(2, '<</Type /Pattern /Shading <</Domain [0 8 -4 4] /Function 1 0 R>>>>'), fn(3, '-2 6 -5 3'), obj(4, '<</Type /Pattern /Shading <</Domain [-2 6 -5 3] /Function 3 0 R>>>>')];
    const shared = shareFunctions(objects);
    expect(shared.map((o) => o.num)).toEqual([1, 2, 4]);
    // x from min(0, -2) to max(8, 6), y from min(-4, -5) to max(4, 3).
    expect(bodyOf(shared, 1)).toContain('/Domain [-2 8 -5 4]');
    expect(bodyOf(shared, 4)).toContain('/Function 1 0 R');
  });

  it('keeps a function that is referred to any other way', () => {
    const objects = [fn(1, '0 8 -4 4'), fn(3, '-2 6 -5 3'), obj(4, '[3 0 R]')];
    expect(shareFunctions(objects)).toEqual(objects);
  });
});

describe('handing runs of text to the element around them', () => {
  const tree = () => [
    obj(10, '<</Type /StructElem\n/S /P\n/P 9 0 R\n/Pg 3 0 R\n/K [11 0 R 12 0 R 13 0 R]>>'),
    obj(11, '<</Type /StructElem\n/S /NonStruct\n/P 10 0 R\n/Pg 3 0 R\n/K 0>>'),
    obj(12, '<</Type /StructElem\n/S /NonStruct\n/P 10 0 R\n/Pg 4 0 R\n/K 5>>'),
    obj(13, '<</Type /StructElem\n/S /NonStruct\n/P 10 0 R\n/Pg 3 0 R\n/K 1>>'),
    obj(20, '<</Type /ParentTree\n/Nums [0 21 0 R 1 22 0 R]>>'),
    obj(21, '[11 0 R 13 0 R]'),
    obj(22, '[null null null null null 12 0 R]'),
    obj(30, '<</Names [(node1) 13 0 R]>>'),
  ];

  it("puts the marked content in the parent's /K, in order, and the parent in the parent tree", () => {
    const folded = foldTextRuns(tree());
    // 11 is on the parent's page: its id alone; 12 on another page: a marked-content reference; 13 is named in an ID tree: kept.
    expect(folded.map((o) => o.num)).toEqual([10, 13, 20, 21, 22, 30]);
    expect(bodyOf(folded, 10)).toContain('/K [0 <</Type /MCR /Pg 4 0 R /MCID 5>> 13 0 R]');
    expect(bodyOf(folded, 21)).toBe('[10 0 R 13 0 R]');
    expect(bodyOf(folded, 22)).toBe('[null null null null null 10 0 R]');
  });

  it('changes nothing without a parent tree it can read', () => {
    const objects = tree().filter((o) => o.num !== 20);
    expect(foldTextRuns(objects)).toEqual(objects);
  });
});

describe('numbering the objects again', () => {
  it('renumbers every reference, and none inside a string', () => {
    const objects = [obj(5, '<</Type /Catalog /Pages 9 0 R /Title (see 9 0 R) /Alt <39203020520A>>>'), obj(9, '<</Kids [12 0 R]>>'), obj(12, '<</Length 5 /Resources <</F1 5 0 R>>>> stream\n9 0 R\nendstream', true)];
    const renumbered = renumberObjects(objects)!;
    expect(renumbered.objects.map((o) => o.body.toString('latin1'))).toEqual([
      '<</Type /Catalog /Pages 2 0 R /Title (see 9 0 R) /Alt <39203020520A>>>',
      '<</Kids [3 0 R]>>',
      '<</Length 5 /Resources <</F1 1 0 R>>>> stream\n9 0 R\nendstream',
    ]);
    expect(renumbered.renumber('12 0 R')).toBe('3 0 R');
  });

  it('refuses a reference to an object that is not there', () => {
    expect(renumberObjects([obj(1, '<</Pages 7 0 R>>')])).toBeNull();
  });
});

describe('pixels a soft mask hides', () => {
  it('are written in the colour of the pixel before them; the visible ones keep theirs', async () => {
    const { deflateSync, inflateSync } = await import('node:zlib');
    const { clearMaskedPixels } = await import('../../src/report/pdf/clear-masked-pixels.js');
    const stream = (num: number, dict: string, data: Buffer) => ({ num, isStream: true, body: Buffer.concat([Buffer.from(`<</Type /XObject /Subtype /Image ${dict} /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length}>> stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]) });
    // Four pixels: red (seen), noise (hidden), noise (hidden), blue (seen); many rows, so that the clearing pays.
    const row = [255, 0, 0, 17, 200, 3, 99, 1, 250, 0, 0, 255];
    const rgb = Buffer.from(Array.from({ length: 64 }, () => row).flat());
    const alpha = Buffer.from(Array.from({ length: 64 }, () => [255, 0, 0, 255]).flat());
    const objects = [stream(1, '/Width 4 /Height 64 /ColorSpace /DeviceRGB /SMask 2 0 R', deflateSync(rgb)), stream(2, '/Width 4 /Height 64 /ColorSpace /DeviceGray', deflateSync(alpha))];
    const out = clearMaskedPixels(objects)[0]!;
    const text = out.body.toString('latin1');
    const data = inflateSync(out.body.subarray(text.indexOf('stream\n') + 7, text.lastIndexOf('\nendstream')));
    expect([...data.subarray(0, 12)]).toEqual([255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0, 255]);
    expect(Number(/\/Length (\d+)/.exec(text)![1])).toBe(text.lastIndexOf('\nendstream') - text.indexOf('stream\n') - 7);
  });
});
