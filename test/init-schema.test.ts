import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap, ROOT } from './helpers/run-cli.js';

describe('lexgap init', () => {
  it('writes a complete blank profile that validates with no errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const out = join(dir, 'KH.yaml');
    const result = lexgap(['init', 'kh', '--framework', 'asean-ocsea', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Wrote ${out}: Cambodia (KH), 43 provisions of asean-ocsea`);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/asean-ocsea\.profile\.json\n/);
    expect(text).toContain('name: Cambodia');
    expect(text).toMatch(/ {2}T1\.06: # .+\n {4}elements:\n {6}a: unknown # .+/);
    expect(text.match(/^ {2}T\d\.\d\d:/gm)).toHaveLength(43);
    expect(text.match(/^ {6}[a-z]: unknown # /gm)).toHaveLength(167);
    const validated = lexgap(['validate', out]);
    expect(validated.stdout).toContain('0 errors, 0 warnings in 1 file');
    expect(validated.code).toBe(0);
  });

  it('points the schema modeline at the committed schema, relative to the profile', () => {
    const result = lexgap(['init', 'TH', '--framework', 'asean-ocsea', '--out', 'test/fixtures/.TH-init.yaml', '--force']);
    expect(result.code).toBe(0);
    const text = readFileSync(join(ROOT, 'test/fixtures/.TH-init.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/asean-ocsea.profile.json');
  });

  it('never replaces an existing file without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const out = join(dir, 'PH.yaml');
    writeFileSync(out, 'my careful work\n');
    const refused = lexgap(['init', 'PH', '--framework', 'asean-ocsea', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists — not replaced  (use --force to replace it');
    expect(readFileSync(out, 'utf8')).toBe('my careful work\n');
    const forced = lexgap(['init', 'PH', '--framework', 'asean-ocsea', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('name: Philippines');
  });

  it('answers the default framework when none is named, and says which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const result = lexgap(['init', 'TH', '--out', join(dir, 'TH.yaml')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('using framework asean-ocsea (the default');
    expect(readFileSync(join(dir, 'TH.yaml'), 'utf8')).toContain('\nframework: asean-ocsea\n');
  });

  it('names ASEAN members as ASEAN writes them, and says when it upper-cases a code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-'));
    const names: Record<string, string> = { BN: 'Brunei Darussalam', LA: 'Lao PDR', VN: 'Viet Nam', KH: 'Cambodia', MM: 'Myanmar', TL: 'Timor-Leste', FR: 'France' };
    for (const [code, name] of Object.entries(names)) {
      const result = lexgap(['init', code, '--out', join(dir, `${code}.yaml`)]);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(dir, `${code}.yaml`), 'utf8')).toContain(`\nname: ${name}\n`);
    }
    const lower = lexgap(['init', 'bn', '--out', join(dir, 'bn.yaml')]);
    expect(lower.code).toBe(0);
    expect(lower.stderr).toContain('country code "bn" read as "BN"');
    expect(readFileSync(join(dir, 'bn.yaml'), 'utf8')).toContain('\ncountry: BN\nname: Brunei Darussalam\n');
  });

  it('refuses a code that is not an ISO 3166-1 country', () => {
    const result = lexgap(['init', 'XYZ']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"XYZ" is not a country code/);
    expect(lexgap(['init', 'ZZ']).code).toBe(2);
  });
});

describe('lexgap schema', () => {
  const shipped = readdirSync(join(ROOT, 'frameworks')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

  it('ships a committed profile schema for every shipped framework', () => {
    expect(shipped).toEqual(expect.arrayContaining(['asean-ocsea', 'asean-victim-services', 'icmec-model-legislation']));
  });

  for (const id of shipped) {
    it(`keeps the committed ${id} profile schema in step with the framework (run \`npm run schemas\` after editing a framework)`, () => {
      const result = lexgap(['schema', '--framework', id]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(readFileSync(join(ROOT, `schemas/${id}.profile.json`), 'utf8'));
    });
  }

  it('derives draft-07 with the provision and element ids as the only keys and the scale as answers', () => {
    const schema = JSON.parse(lexgap(['schema', '--framework', 'mini', '--frameworks', 'test/fixtures/frameworks']).stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const provisions = schema.properties.provisions;
    expect(provisions.additionalProperties).toBe(false);
    expect(Object.keys(provisions.properties)).toEqual(['A.1', 'A.2', 'A.3', 'B.1', 'B.2']);
    const a2 = provisions.properties['A.2'];
    expect(a2.title).toBe('A.2 Second');
    expect(a2.description).toContain('The second requirement.');
    expect(Object.keys(a2.properties.elements.properties)).toEqual(['a', 'b', 'c']);
    expect(a2.properties.elements.properties.b.enum).toEqual(['met', 'partial', 'not-met', 'unknown', 'not-applicable']);
    expect(a2.properties.elements.properties.b.description).toMatch(/^Second b/);
    expect(schema.properties.framework.const).toBe('mini');
  });

  it('uses the default framework (asean-ocsea) when none is named, and says so on stderr', () => {
    const result = lexgap(['schema', '--frameworks', 'test/fixtures/frameworks']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('using framework asean-ocsea (the default; --framework for another: asean-victim-services, icmec-model-legislation, mini)\n');
    expect(JSON.parse(result.stdout).properties.framework.const).toBe('asean-ocsea');
    const quiet = lexgap(['schema', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('two frameworks that both say they are the default are an error, and lexgap asks which one', () => {
    const listed = lexgap(['frameworks', '--frameworks', 'test/fixtures/frameworks-second-default']);
    expect(listed.code).toBe(1);
    expect(listed.stdout + listed.stderr).toContain('"mini-default" says it is the default framework, and so does "asean-ocsea"');
    const result = lexgap(['schema', '--frameworks', 'test/fixtures/frameworks-second-default']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add --framework with one of: asean-ocsea, asean-victim-services, icmec-model-legislation, mini-default');
  });
});

describe('lexgap frameworks', () => {
  it('lists the shipped framework with its size', () => {
    const result = lexgap(['frameworks']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/asean-ocsea\s+2023\s+3\s+43\s+167/);
  });

  it('reports every mistake in a framework file at its line', () => {
    const result = lexgap(['frameworks', '--frameworks', 'test/fixtures/frameworks-broken', '--format', 'json']);
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).findings.map((f: any) => `${f.line}:${f.code}`);
    expect(findings).toEqual(['10:unknown-answer', '20:undeclared-basis', '21:undeclared-instrument', '22:duplicate-id']);
  });
});
