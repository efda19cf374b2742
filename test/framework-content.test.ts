import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

// Checks the shipped framework content a reader sees: every asean-ocsea element says what to amend,
// no research shorthand or internal file name reaches a report, links go to publishers, and every
// provenance and focus area a provision uses is declared. (YAML comments are not read: they are
// never printed.)

const FRAMEWORKS = join(ROOT, 'frameworks');
const CROSSWALKS = join(FRAMEWORKS, 'crosswalks');
const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
const frameworkFiles = yamlIn(FRAMEWORKS);
const shippedFiles = [...frameworkFiles, ...yamlIn(CROSSWALKS)];
const load = (file: string) => parse(readFileSync(file, 'utf8'));
const short = (file: string) => relative(ROOT, file);

/** Every string value in a parsed document, with the path it sits at. */
function strings(value: unknown, path: string[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path: path.join('.'), text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

const provisionsOf = (framework: any): any[] => framework.tiers.flatMap((t: any) => t.provisions);

describe('asean-ocsea element amendments', () => {
  const framework = load(join(FRAMEWORKS, 'asean-ocsea.yaml'));
  const elements = provisionsOf(framework).flatMap((p) => p.elements.map((e: any) => ({ ...e, id: `${p.id} ${e.id}` })));

  it('gives every element an amendment', () => {
    expect(elements.length).toBe(167);
    const without = elements.filter((e) => typeof e.amendment !== 'string' || e.amendment.trim().length < 20).map((e) => e.id);
    expect(without).toEqual([]);
  });

  it('marks T1.02(e) as good practice and no longer calls any element "(optional)" in its text', () => {
    expect(elements.filter((e) => e.goodPractice === true).map((e) => e.id)).toContain('T1.02 e');
    expect(elements.filter((e) => /\(optional\)/i.test(e.text)).map((e) => e.id)).toEqual([]);
  });

  it('uses only the two reader-facing provenances', () => {
    expect(Object.keys(framework.provenances).sort()).toEqual(['unverified', 'verified']);
    expect(framework.provenances.verified.label).toBe("Checked against the instrument's text");
    expect(framework.provenances.unverified.label).toBe('Article not verified');
  });
});

describe.each(shippedFiles.map((f) => [short(f), f]))('%s', (_name, file) => {
  const doc = load(file);

  it('has no research shorthand or internal file names in any reader-facing string', () => {
    const bad = strings(doc).filter(({ text }) => /digest/i.test(text) || /Recalled/.test(text) || ['[K]', '[S-', '[U]', 'shared/research'].some((w) => text.includes(w)));
    expect(bad).toEqual([]);
  });

  it('links to no Wikipedia, docslib or Scribd page', () => {
    const bad = strings(doc).filter(({ path, text }) => /(^|\.)url$/.test(path) && /wikipedia\.org|docslib\.org|scribd\.com/i.test(text));
    expect(bad).toEqual([]);
  });
});

describe.each(frameworkFiles.map((f) => [short(f), f]))('%s declarations', (_name, file) => {
  const framework = load(file);
  const provisions = provisionsOf(framework);

  it('declares every provenance its references use', () => {
    const declared = new Set(Object.keys(framework.provenances ?? {}));
    const used = provisions.flatMap((p) => (p.references ?? []).filter((r: any) => r.provenance !== undefined).map((r: any) => `${p.id} ${r.instrument} ${r.provenance}`));
    expect(used.filter((u) => !declared.has(u.split(' ')[2]))).toEqual([]);
  });

  it('declares every instrument its references cite', () => {
    const declared = new Set(Object.keys(framework.instruments ?? {}));
    const undeclared = provisions.flatMap((p) => (p.references ?? []).filter((r: any) => !declared.has(r.instrument)).map((r: any) => `${p.id} ${r.instrument}`));
    expect(undeclared).toEqual([]);
  });

  it('declares under focusAreas.areas every focus area a provision is tagged with', () => {
    const declared = new Set(Object.keys(framework.focusAreas?.areas ?? {}));
    const undeclared = provisions.flatMap((p) => (p.focusArea === undefined ? [] : [p.focusArea].flat()).filter((a: number) => !declared.has(String(a))).map((a: number) => `${p.id} → ${a}`));
    expect(undeclared).toEqual([]);
  });
});

describe('asean-ocsea focus areas', () => {
  const framework = load(join(FRAMEWORKS, 'asean-ocsea.yaml'));

  it('names the source its focus-area wording was read in, and gives each declared area a label and description', () => {
    expect(framework.focusAreas.source.url).toMatch(/^https:\/\//);
    expect(framework.focusAreas.source.note).toMatch(/translat/);
    for (const area of Object.values<any>(framework.focusAreas.areas)) {
      expect(area.label.length).toBeGreaterThan(5);
      expect(area.description.length).toBeGreaterThan(20);
    }
  });
});
