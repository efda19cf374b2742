import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { percent } from '../../src/format/percent.js';
import { FIXTURES, TINY, flat, lexgap, lexgapAsync, list, pdfFonts, pdfInfo, pdfLinks, pdfLayoutText, pdfPageTexts, pdfPages, pdfText, read, tempDir, type Run } from './helpers.js';

// One output folder, built once: every PDF here is printed by the real CLI through Chromium.
const out = tempDir('report');
const profile = (name: string) => join(FIXTURES, 'profiles', name);
let runs: Record<string, Run>;

beforeAll(async () => {
  const [en, th, vi, compare, countries] = await Promise.all([
    lexgapAsync(['report', ...TINY, profile('AQ.yaml'), profile('BV.yaml'), '--format', 'both', '--out', join(out, 'en')]),
    lexgapAsync(['report', ...TINY, profile('AQ.yaml'), '--lang', 'th', '--out', join(out, 'th')]),
    lexgapAsync(['report', ...TINY, profile('AQ.yaml'), '--lang', 'vi', '--format', 'both', '--out', join(out, 'vi')]),
    lexgapAsync(['compare', ...TINY, join(FIXTURES, 'profiles'), '--out', join(out, 'compare.pdf')]),
    lexgapAsync(['report', 'countries/PH.yaml', 'countries/MY.yaml', '--out', join(out, 'countries')]),
  ]);
  runs = { en, th, vi, compare, countries };
});

describe('lexgap report', () => {
  it('writes one report per profile, named after its country code, and says so', () => {
    expect(runs.en!.code, runs.en!.stderr).toBe(0);
    expect(list(join(out, 'en'))).toEqual(['AQ.html', 'AQ.pdf', 'BV.html', 'BV.pdf']);
    expect(runs.en!.stdout).toContain(`wrote ${join(out, 'en', 'AQ.pdf')}`);
    expect(list(join(out, 'th'))).toEqual(['AQ.pdf']); // --format pdf (the default) writes no HTML
  });

  it('prints the hand-computed scores, the country and a cited section in the PDF', () => {
    const text = flat(pdfText(join(out, 'en', 'AQ.pdf')));
    expect(text).toContain('Zedland (AQ)');
    for (const figure of ['47%', '86%', '81%', '13%', '6 of 7 applicable elements assessed']) expect(text).toContain(figure);
    expect(text).toContain('Penal Code 1999, s. 12(3)');
    expect(text).toContain('A child means a person under eighteen years of age.');
    expect(text).toContain('Amend the Penal Code so that a child is any person under 18 for every offence.');
  });

  it('prints the requirement and each element beside its answer', () => {
    const text = pdfLayoutText(join(out, 'en', 'AQ.pdf'));
    expect(flat(text)).toContain('Requirement Every offence protects all persons under 18.');
    expect(text).toMatch(/The statute defines a child as under 18 +Met/);
    expect(text).toMatch(/No offence uses a lower age +Partly met/);
  });

  it('shows the draft status and what the assessment rests on on the first page', () => {
    const first = flat(pdfPageTexts(join(out, 'en', 'AQ.pdf'))[0]!);
    expect(first).toContain('DRAFT — this assessment has not been reviewed');
    expect(first).toContain('Secondary sources only; not checked against the official gazette.');
    expect(first).toContain('Status Draft');
    expect(flat(pdfPageTexts(join(out, 'en', 'BV.pdf'))[0]!)).not.toContain('DRAFT');
  });

  it('prints on A4 with a running header, page numbers and the title in the metadata', () => {
    const file = join(out, 'en', 'AQ.pdf');
    const info = pdfInfo(file);
    expect(info).toMatch(/Title:\s+Zedland: legislative gap assessment/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pdfPageTexts(file);
    expect(pages.length).toBe(pdfPages(file));
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Zedland (AQ) · Tiny framework 1 · Draft');
    });
  });

  it('makes citation URLs clickable links in the PDF', () => {
    const links = pdfLinks(join(out, 'en', 'AQ.pdf'));
    expect(links).toContain('https://example.org/pc#s12');
    expect(links).toContain('https://example.org/bill');
  });

  it('writes self-contained HTML: its lang, a CSP, fonts inlined, no script and nothing to fetch', () => {
    const html = read(join(out, 'en', 'AQ.html'));
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'`);
    expect(html).toContain("src:url(data:font/woff2;base64,");
    expect(html).not.toMatch(/<script|url\(\s*['"]?(https?|file):/i);
    expect(html).toContain('<svg viewBox='); // the at-a-glance chart, drawn inline
    expect(html).toMatch(/tr, li, [^{]*\{ break-inside: avoid;/); // no table row split across pages
    expect(read(join(out, 'vi', 'AQ.html'))).toMatch(/<html lang="vi">/);
  });

  it('reads in Thai and Vietnamese, with their fonts embedded', () => {
    const th = join(out, 'th', 'AQ.pdf');
    expect(runs.th!.code, runs.th!.stderr).toBe(0);
    expect(pdfFonts(th)).toContain('NotoSansThai-Regular');
    const thText = flat(pdfText(th)).normalize('NFC');
    expect(thText).toContain('ภาพรวม');
    expect(thText).toContain('กฎหมายอาญา'); // the framework's own Thai title for T1
    expect(thText).toContain('47%');
    const viText = flat(pdfText(join(out, 'vi', 'AQ.pdf'))).normalize('NFC');
    expect(viText).toContain('Tổng quan');
    expect(viText).toContain('Điểm tổng thể');
    expect(pdfInfo(join(out, 'vi', 'AQ.pdf'))).toMatch(/Title:\s+Zedland: đánh giá khoảng trống pháp luật/);
  });

  it('never uses a font of the machine', () => {
    for (const file of [join(out, 'en', 'AQ.pdf'), join(out, 'th', 'AQ.pdf'), join(out, 'vi', 'AQ.pdf')]) {
      for (const font of pdfFonts(file)) expect(font, file).toMatch(/^NotoSans/);
    }
  });

  it('agrees with `lexgap score` on the countries\' profiles', () => {
    expect(runs.countries!.code, runs.countries!.stderr).toBe(0);
    const scored = JSON.parse(lexgap(['score', 'countries/PH.yaml', 'countries/MY.yaml', '--format', 'json']).stdout).assessments;
    for (const a of scored) {
      // The glance: the cover page and the next (the range bracket makes the chart taller, so the tier table may run over).
      const first = flat(pdfPageTexts(join(out, 'countries', `${a.country}.pdf`)).slice(0, 2).join(' '));
      expect(first).toContain(`${a.name} (${a.country})`);
      expect(first).toContain(`OVERALL SCORE ${percent(a.score)}`);
      expect(first).toContain(`COVERAGE ${percent(a.coverage)}`);
      // Tier table: score, then "could be" (its range), then coverage.
      for (const t of a.tiers) expect(first).toMatch(new RegExp(`${t.id} .*? ${percent(t.score)} \\S+ ${percent(t.coverage)}`));
    }
  });
});

describe('lexgap compare', () => {
  it('prints the heatmap on landscape A4 with every country and its scores', () => {
    expect(runs.compare!.code, runs.compare!.stderr).toBe(0);
    const file = join(out, 'compare.pdf');
    expect(pdfInfo(file)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const text = flat(pdfText(file));
    expect(text).toContain('AQ Zedland');
    expect(text).toContain('BV Allmetland');
    // Could be: T1.2(c) unknown is the only unknown (T2.2 is decided by its provision answer):
    // lower (2.25 + 0.5 + 0 + 0.5)/8 = 41%, upper (2.25 + 1 + 0 + 0.5)/8 = 47%. T1.1 is partial, so T1
    // cannot be attained.
    expect(text).toMatch(/AQ Zedland Draft 15 January 2026 47% 41–47% 81% 13% 86% None: T1 cannot be attained on what is assessed/);
    expect(text).toMatch(/T1\.1 Definition of a child 3 75% 100%/);
    expect(text).toMatch(/T2\.1 Mandatory reporting by providers 3 0% 100%/);
  });

  it('writes CSV, one row per country × provision, to a file or to stdout', () => {
    const run = lexgap(['compare', ...TINY, join(FIXTURES, 'profiles'), '--format', 'csv', '--out', '-']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines).toContain('BV,Allmetland,tiny,1,2026-01-15,reviewed,T2,T2.1,Mandatory reporting by providers,3,1,true,1,1,true,,1,1,attained');
    const file = join(out, 'compare.csv');
    expect(lexgap(['compare', ...TINY, join(FIXTURES, 'profiles'), '--out', file]).code).toBe(0); // format from the extension
    expect(read(file).trim().split('\r\n')).toEqual(lines);
  });

  it('refuses to mix frameworks in one comparison', () => {
    const run = lexgap(['compare', ...TINY, profile('AQ.yaml'), 'countries/PH.yaml', '--format', 'csv', '--out', '-']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 different frameworks (tiny, asean-ocsea)');
  });
});

describe('options and profiles with errors', () => {
  it('skips a profile with errors, reports it, renders the rest and exits 1', () => {
    const dir = tempDir('bad');
    const run = lexgap(['report', ...TINY, profile('AQ.yaml'), 'test/fixtures/bad/empty.yaml', '--format', 'html', '--out', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('test/fixtures/bad/empty.yaml: not reported — 1 error');
    expect(existsSync(join(dir, 'AQ.html'))).toBe(true);
  });

  it('rejects an unknown format, template or a language that is not a code', () => {
    expect(lexgap(['report', profile('AQ.yaml'), '--format', 'docx']).code).toBe(2);
    expect(lexgap(['report', profile('AQ.yaml'), '--template', 'poster']).code).toBe(2);
    const lang = lexgap(['report', ...TINY, profile('AQ.yaml'), '--lang', '../../etc']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('not a language code');
  });

  it('falls back to English, saying so, for a language without a catalogue', () => {
    const dir = tempDir('km');
    const run = lexgap(['report', ...TINY, profile('AQ.yaml'), '--lang', 'km', '--format', 'html', '--out', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('no catalogue for "km"');
    const html = read(join(dir, 'AQ.html'));
    expect(html).toContain('<html lang="km">');
    expect(html).toContain('At a glance');
  });
});
