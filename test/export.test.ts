import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { lexgap, MINI, ROOT } from './helpers/run-cli.js';

const THAI = 'test/fixtures/export/TH-thai.yaml';
const ELEMENTS = 167; // in frameworks/asean-ocsea.yaml
const COLUMNS = [
  'country', 'country_name', 'framework', 'framework_version', 'assessed', 'status',
  'tier', 'provision', 'provision_title', 'weight', 'element', 'element_text',
  'answer', 'score', 'applicable', 'provision_answer', 'provision_score', 'provision_scored_from',
  'citation_count', 'law', 'law_title', 'section', 'quote', 'url', 'confidence', 'checked', 'source',
  'notes', 'good_practice', 'shortfall', 'amendment', 'partial_note',
  'provision_lower', 'provision_upper', 'provision_attainment',
  'derived_via', 'derived_from', 'derived_source_coverage',
];

/** Exports through --out: a whole region is larger than the test helper's output buffer. */
function exportCsv(args: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'lexgap-export-')), 'ocsea.csv');
  const result = lexgap(['export', '--out', out, ...args]);
  expect(result.code, result.stderr).toBe(0);
  const text = readFileSync(out, 'utf8');
  return { text, rows: parseCsv(text, { bom: true, columns: true }) as Record<string, string>[] };
}

const row = (rows: any[], provision: string, element: string) => rows.find((r) => r.provision === provision && r.element === element);

describe('lexgap export --format csv', () => {
  it('starts with a UTF-8 byte-order mark and the documented columns, with CRLF line ends', () => {
    const { text } = exportCsv([THAI]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(COLUMNS.join(','));
  });

  it('has one row per provision element of the framework, answered or not', () => {
    const { rows } = exportCsv([THAI]);
    expect(rows).toHaveLength(ELEMENTS);
    expect(row(rows, 'T3.08', 'c')).toMatchObject({ country: 'TH', tier: 'T3', answer: '', score: '', applicable: 'true', citation_count: '0' });
  });

  it('round-trips Thai text, commas, double quotes and line breaks through a CSV parser', () => {
    const { rows } = exportCsv([THAI]);
    const a = row(rows, 'T1.01', 'a');
    expect(a.law_title).toBe('ประมวลกฎหมายอาญา (Criminal Code) | พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ พ.ศ. ๒๕๕๐');
    expect(a.section).toBe('มาตรา 1(17) | มาตรา 14');
    expect(a.quote).toBe('“เด็ก” หมายความว่า บุคคลซึ่งมีอายุยังไม่เกินสิบแปดปี | a quote with a comma, and "double quotes"');
    expect(a.notes).toBe('บันทึกภาษาไทย: ตรวจสอบกับราชกิจจานุเบกษาแล้ว\na second line of the note');
    expect(row(rows, 'T1.06', 'b').notes).toBe('ความผิดฐานครอบครองสื่อลามกอนาจารเด็ก');
  });

  it('joins several citations with " | ", position by position, and counts them', () => {
    const { rows } = exportCsv([THAI]);
    expect(row(rows, 'T1.01', 'a')).toMatchObject({
      citation_count: '2',
      law: 'pc | cca',
      url: 'https://example.org/th/criminal-code | ', // cca has no url: an empty value keeps the positions
      confidence: 'sourced | inferred',
      checked: '2026-10-01 | 2026-09-15',
    });
    expect(row(rows, 'T1.01', 'b')).toMatchObject({ citation_count: '1', law: 'pc', section: 'มาตรา 1(17)' });
    // A citation with no `elements` list backs every element of its provision.
    expect(row(rows, 'T1.06', 'c')).toMatchObject({ citation_count: '1', section: 'มาตรา 287/1' });
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    const { rows } = exportCsv([THAI]);
    expect(row(rows, 'T1.01', 'b').source).toBe('\'=HYPERLINK("https://example.org","click")');
  });

  it('gives element and provision scores as computed by hand', () => {
    const { rows } = exportCsv([...MINI, 'test/fixtures/profiles/mini-mixed.yaml']);
    expect(rows).toHaveLength(10); // mini: 3 (a, b and good-practice c) + 3 + 1 + 2 + 1 elements
    expect(row(rows, 'A.1', 'b')).toMatchObject({ tier: 'A', weight: '3', answer: 'partial', score: '0.5', provision_score: '0.75', provision_scored_from: 'elements' });
    expect(row(rows, 'A.2', 'b')).toMatchObject({ answer: 'not-applicable', score: '', applicable: 'false', provision_score: '1', citation_count: '0' });
    expect(row(rows, 'A.2', 'a')).toMatchObject({ citation_count: '1', section: 's.2', law_title: 'Act No. 1', url: 'https://example.org/act1' });
    expect(row(rows, 'B.1', 'a')).toMatchObject({ answer: 'unknown', score: '', provision_answer: 'partial', provision_score: '0.5', provision_scored_from: 'provision' });
    expect(row(rows, 'B.2', 'a')).toMatchObject({ answer: '', provision_answer: '', provision_score: '', provision_scored_from: 'none' });
  });

  it('leaves the derived columns empty without --framework: every row is assessed', () => {
    const { rows } = exportCsv([...MINI, 'test/fixtures/profiles/mini-mixed.yaml']);
    for (const r of rows) expect(r).toMatchObject({ derived_via: '', derived_from: '', derived_source_coverage: '' });
  });

  it('exports every country of a folder, one block of rows each', () => {
    const { rows } = exportCsv(['countries/', THAI]);
    const countries = readdirSync(join(ROOT, 'countries')).filter((f) => f.endsWith('.yaml')).length;
    expect(rows).toHaveLength((countries + 1) * ELEMENTS);
    expect(new Set(rows.map((r) => r.country)).size).toBe(countries); // TH twice: the shipped profile and the fixture
  });
});

describe('lexgap export --format json', () => {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv');
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/export.schema.json'), 'utf8'));

  it('validates against the published schema, schemas/export.schema.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lexgap-export-')), 'ocsea.json');
    const result = lexgap(['export', '--format', 'json', '--out', out, THAI, 'countries/']);
    expect(result.code, result.stderr).toBe(0);
    const data = JSON.parse(readFileSync(out, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(data.format).toBe('lexgap-export');
    expect(data.rows.length % ELEMENTS).toBe(0);
  });

  it('has the same fields as the CSV, with citations as a list', () => {
    const data = JSON.parse(lexgap(['export', '--format', 'json', THAI]).stdout);
    const a = data.rows.find((r: any) => r.provision === 'T1.01' && r.element === 'a');
    expect(a.citations).toEqual([
      { law: 'pc', law_title: 'ประมวลกฎหมายอาญา (Criminal Code)', section: 'มาตรา 1(17)', quote: '“เด็ก” หมายความว่า บุคคลซึ่งมีอายุยังไม่เกินสิบแปดปี', url: 'https://example.org/th/criminal-code', confidence: 'sourced', checked: '2026-10-01', source: '=HYPERLINK("https://example.org","click")' },
      { law: 'cca', law_title: 'พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ พ.ศ. ๒๕๕๐', section: 'มาตรา 14', quote: 'a quote with a comma, and "double quotes"', url: null, confidence: 'inferred', checked: '2026-09-15', source: null },
    ]);
    const citationFields = Object.keys(schema.definitions.row.properties.citations.items.properties);
    const rowFields = Object.keys(schema.definitions.row.properties).filter((k) => k !== 'citations');
    expect([...rowFields, ...citationFields, 'citation_count'].sort()).toEqual([...COLUMNS].sort());
  });
});

describe('lexgap export --out', () => {
  it('writes the file (atomically, leaving no temporary file) with the same bytes as printed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-export-'));
    const out = join(dir, 'ocsea.csv');
    const result = lexgap(['export', THAI, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Wrote ${out}: ${ELEMENTS} rows, one per element of 1 profile\n`);
    expect(readFileSync(out, 'utf8')).toBe(lexgap(['export', THAI]).stdout);
    expect(readdirSync(dir)).toEqual(['ocsea.csv']);
  });

  it('refuses a folder that does not exist, with exit 2', () => {
    const result = lexgap(['export', THAI, '--out', '/nonexistent-lexgap/x.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lexgap: --out /nonexistent-lexgap/x.csv: the folder /nonexistent-lexgap does not exist  (create it first, or choose another --out)\n');
  });

  it('leaves out profiles with errors, reports them as `score` does, and exits 1', () => {
    const result = lexgap(['export', THAI, 'test/fixtures/profiles-asean/planted-mistakes.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/profiles-asean/planted-mistakes.yaml: not exported — 4 errors:');
    expect(parseCsv(result.stdout, { bom: true, columns: true })).toHaveLength(ELEMENTS);
  });
});

describe('lexgap export: element-level gaps', () => {
  // test/fixtures/profiles-gaps/mini-gap.yaml: A.1 a met, b not-met, c (good practice) not-met; A.3 a partial.
  const rows = () => parseCsv(lexgap(['export', ...MINI, 'test/fixtures/profiles-gaps/mini-gap.yaml']).stdout, { bom: true, columns: true }) as Record<string, string>[];

  it('marks the element that falls short with its own amendment, and a met element with none', () => {
    const r = rows();
    expect(row(r, 'A.1', 'a')).toMatchObject({ answer: 'met', shortfall: 'false', amendment: '', good_practice: 'false' });
    expect(row(r, 'A.1', 'b')).toMatchObject({ answer: 'not-met', shortfall: 'true', amendment: 'Amend first b.', partial_note: '' });
  });

  it('never marks a good-practice element as a shortfall', () => {
    expect(row(rows(), 'A.1', 'c')).toMatchObject({ answer: 'not-met', good_practice: 'true', shortfall: 'false', amendment: '' });
  });

  it("falls back to the provision's recommendation when the element has no amendment of its own", () => {
    expect(row(rows(), 'A.3', 'a')).toMatchObject({ answer: 'partial', shortfall: 'true', amendment: 'Fix the third.' });
  });
});

describe('lexgap export --framework: derived, not assessed', () => {
  // As in test/crosswalk.test.ts: the mini profiles (test/fixtures/profiles) read as mini-criteria
  // through test/fixtures/crosswalk/crosswalks/mini-criteria-from-mini.yaml.
  const DIRS = ['--frameworks', 'test/fixtures/frameworks', '--frameworks', 'test/fixtures/crosswalk'];
  const DIRECT = 'test/fixtures/export/EE-mini-criteria.yaml'; // answers mini-criteria itself: K1 a not-met
  const derivedCsv = () => exportCsv([...DIRS, '--framework', 'mini-criteria', 'test/fixtures/profiles', DIRECT]).rows;

  it("has a row per element of the target framework for each profile, derived through the crosswalk", () => {
    const rows = derivedCsv();
    expect(rows).toHaveLength(4 * 8); // AA, BB, CC derived and EE assessed; mini-criteria: K1–K5, K6 a and b, K7
    const aa = rows.filter((r) => r.country === 'AA');
    expect(aa.map((r) => `${r.provision}(${r.element})`)).toEqual(['K1(a)', 'K2(a)', 'K3(a)', 'K4(a)', 'K5(a)', 'K6(a)', 'K6(b)', 'K7(a)']);
    for (const r of aa) expect(r).toMatchObject({ framework: 'mini-criteria', framework_version: '1', derived_via: 'mini-criteria-from-mini', derived_from: 'mini 1', citation_count: '0' });
  });

  it('gives the answers `score --framework` derives, checked by hand', () => {
    const rows = derivedCsv();
    const aa = (p: string, e = 'a') => rows.find((r) => r.country === 'AA' && r.provision === p && r.element === e)!;
    // AA: A.1 {a met, b partial} (weight 3, 0.75), A.2 {a met, b n/a, c unknown} (weight 1).
    // K3 minimum 0.5: lowest (3×0.75 + 1×0.5)/4 = 0.6875 ≥ 0.5 → met. K4 minimum 0.8: 0.6875 ≤ 0.8 ≤
    // highest (3×0.75 + 1×1)/4 = 0.8125 → unknown. K1 all-met A.1: b partial → not-met.
    expect(aa('K3')).toMatchObject({ answer: 'met', score: '1' });
    expect(aa('K4')).toMatchObject({ answer: 'unknown', score: '' });
    expect(aa('K1')).toMatchObject({ answer: 'not-met', score: '0', shortfall: 'true', amendment: 'Meet one.' });
    expect(aa('K7')).toMatchObject({ answer: '' }); // unmapped: never derived
    // Source coverage: the applicable source elements read are A.1 a, b; A.2 a, c (b n/a); A.3 a;
    // B.2 a (absent) = 6, of which A.1 a, b, A.2 a, A.3 a are assessed: 4/6 = 0.6667.
    expect(aa('K1').derived_source_coverage).toBe('0.6667');

    const scored = JSON.parse(lexgap(['score', ...DIRS, '--framework', 'mini-criteria', '--format', 'json', 'test/fixtures/profiles']).stdout).assessments;
    for (const a of scored) {
      for (const p of a.tiers.flatMap((t: any) => t.provisions)) {
        for (const e of p.elements) {
          const exported = rows.find((r) => r.country === a.country && r.provision === p.id && r.element === e.id)!;
          expect(exported.answer, `${a.country} ${p.id}(${e.id})`).toBe(e.answer ?? '');
        }
      }
    }
  });

  it('exports a profile that answers the target framework as it is, with the derived columns empty', () => {
    const ee = derivedCsv().filter((r) => r.country === 'EE');
    expect(ee).toHaveLength(8);
    expect(ee[0]).toMatchObject({ provision: 'K1', answer: 'not-met', derived_via: '', derived_from: '', derived_source_coverage: '' });
  });

  it('validates against the schema, with the crosswalk and its caveats at the top of the JSON', () => {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv');
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/export.schema.json'), 'utf8'));
    const result = lexgap(['export', ...DIRS, '--framework', 'mini-criteria', '--format', 'json', 'test/fixtures/profiles', DIRECT]);
    expect(result.code, result.stderr).toBe(0);
    const data = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(data.derived).toEqual([
      { crosswalk: 'mini-criteria-from-mini', crosswalk_title: 'Mini criteria from mini', from: { id: 'mini', version: '1' }, caveats: ['Test caveat one.', 'Test caveat two.'], countries: expect.arrayContaining(['AA', 'BB', 'CC']) },
    ]);
    expect(data.derived[0].countries).toHaveLength(3);
    const k3 = data.rows.find((r: any) => r.country === 'AA' && r.provision === 'K3');
    expect(k3).toMatchObject({ answer: 'met', derived_via: 'mini-criteria-from-mini', derived_from: 'mini 1', derived_source_coverage: 0.6667 });
    expect(data.rows.find((r: any) => r.country === 'EE')).toMatchObject({ derived_via: null, derived_from: null, derived_source_coverage: null });
  });

  it('has no top-level `derived` in a plain JSON export', () => {
    const data = JSON.parse(lexgap(['export', ...MINI, '--format', 'json', 'test/fixtures/profiles/mini-mixed.yaml']).stdout);
    expect(data.version).toBe(3);
    expect('derived' in data).toBe(false);
  });
});
