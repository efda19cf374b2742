import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyEdits } from '../../src/edit/apply-edits.js';
import type { FieldEdit } from '../../src/edit/field-edit.js';
import { profileKeyOrder } from '../../src/edit/profile-key-order.js';
import { ROOT } from '../helpers/run-cli.js';

const COUNTRIES = join(ROOT, 'countries');
const profiles = readdirSync(COUNTRIES).filter((f) => f.endsWith('.yaml'));
const read = (name: string) => readFileSync(join(COUNTRIES, name), 'utf8');

/** Every leaf of the data with its path, so a "no-op" edit can be made to each. */
function leaves(value: unknown, path: (string | number)[] = []): FieldEdit[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

/** Lines that differ between two texts of the same length in lines, or all of them when the counts differ. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return b.filter((line) => !a.includes(line));
  return b.filter((line, i) => line !== a[i]);
}

describe('the YAML edit layer', () => {
  it.each(profiles)('%s: a save with no edit, and one that sets every field to its own value, are byte for byte the file', (name) => {
    const text = read(name);
    expect(applyEdits(text, [])).toBe(text);
    expect(applyEdits(text, leaves(parse(text)), profileKeyOrder())).toBe(text);
  });

  it.each(profiles)('%s: answering one element changes that answer and no other byte', (name) => {
    const text = read(name);
    const data = parse(text) as { provisions: Record<string, { elements?: Record<string, string> }> };
    const [provision, answer] = Object.entries(data.provisions).find(([, p]) => p.elements && Object.keys(p.elements).length > 0)!;
    const element = Object.keys(answer.elements!)[0]!;
    const next = answer.elements![element] === 'met' ? 'not-met' : 'met';
    const out = applyEdits(text, [{ path: ['provisions', provision, 'elements', element], value: next }]);
    expect((parse(out) as typeof data).provisions[provision]!.elements![element]).toBe(next);
    expect(out.length - text.length).toBe(next.length - answer.elements![element]!.length);
    expect(changedLines(text, out)).toHaveLength(1);
    // Back again: the original file, byte for byte.
    expect(applyEdits(out, [{ path: ['provisions', provision, 'elements', element], value: answer.elements![element] }])).toBe(text);
  });

  it('declares a law, cites it with a section, and keeps every comment and the layout of the rest', () => {
    // A frozen copy of Brunei's profile as shipped on 2026-11-29 (morning), so the expected lines stay put.
    const text = readFileSync(join(ROOT, 'test/fixtures/edit/BN-as-shipped-2026-11-29.yaml'), 'utf8');
    const out = applyEdits(
      text,
      [
        { path: ['laws', 'cpo2024'], value: { title: 'Child Protection Order, 2024', year: 2024, url: 'https://example.org/cpo' } },
        { path: ['provisions', 'T1.01', 'evidence', 2], value: { law: 'cpo2024', section: 's.4(1)', elements: ['b'], confidence: 'sourced', checked: '2026-11-29' } },
        { path: ['provisions', 'T1.01', 'elements', 'b'], value: 'met' },
      ],
      profileKeyOrder(),
    );
    const data = parse(out);
    expect(data.laws.cpo2024).toEqual({ title: 'Child Protection Order, 2024', year: 2024, url: 'https://example.org/cpo' });
    expect(data.provisions['T1.01'].evidence[2]).toEqual({ law: 'cpo2024', section: 's.4(1)', elements: ['b'], confidence: 'sourced', checked: '2026-11-29' });
    // Every line of the original is still there, in the same order: only lines were added or one changed.
    const kept = text.split('\n').filter((line) => !line.includes('elements: {a: partial, b: unknown'));
    let at = 0;
    const outLines = out.split('\n');
    for (const line of kept) {
      at = outLines.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
    }
    // The new law sits with the other laws (after atip), not at the end of the file.
    expect(out.indexOf('  cpo2024:')).toBeGreaterThan(out.indexOf('  atip:'));
    expect(out.indexOf('  cpo2024:')).toBeLessThan(out.indexOf('provisions:'));
    expect(out).toContain('    elements: {a: partial, b: met, c: unknown, d: unknown}\n');
  });

  it('writes a new header field where a person would, not at the end of the file', () => {
    const text = 'country: BN # code\nname: Brunei\nframework: asean-ocsea\nassessed: 2026-01-01\nstatus: draft\nassessors: []\nprovisions: {}\n';
    const out = applyEdits(text, [{ path: ['basedOn'], value: 'The gazette' }], profileKeyOrder());
    expect(out).toBe('country: BN # code\nname: Brunei\nframework: asean-ocsea\nassessed: 2026-01-01\nstatus: draft\nbasedOn: The gazette\nassessors: []\nprovisions: {}\n');
  });

  it('fills an empty list and an empty map written as [] and {} (as init writes them)', () => {
    const text = 'laws: {}\nprovisions:\n  T1.01: # Title\n    elements:\n      a: unknown # text of a\n    evidence: []\n';
    const out = applyEdits(text, [
      { path: ['laws', 'x'], value: { title: 'X Act' } },
      { path: ['provisions', 'T1.01', 'evidence', 0], value: { law: 'x', section: 's.1', confidence: 'sourced', checked: '2026-01-01' } },
      { path: ['provisions', 'T1.01', 'elements', 'a'], value: 'met' },
    ]);
    expect(out).toBe('laws:\n  x:\n    title: X Act\nprovisions:\n  T1.01: # Title\n    elements:\n      a: met # text of a\n    evidence:\n      - law: x\n        section: s.1\n        confidence: sourced\n        checked: 2026-01-01\n');
  });

  it('removes a citation, and writes [] when the last one goes', () => {
    const text = 'provisions:\n  T1.01:\n    evidence:\n      - law: a # first\n        section: s.1\n      - law: b\n    notes: kept\n';
    const once = applyEdits(text, [{ path: ['provisions', 'T1.01', 'evidence', 0], remove: true }]);
    expect(once).toBe('provisions:\n  T1.01:\n    evidence:\n      - law: b\n    notes: kept\n');
    expect(applyEdits(once, [{ path: ['provisions', 'T1.01', 'evidence', 0], remove: true }])).toBe('provisions:\n  T1.01:\n    evidence: []\n    notes: kept\n');
  });

  it('keeps hostile text a string: quotes what YAML would read as something else', () => {
    const hostile = ['yes: no', '- item', '"quoted"', '#not a comment', 'a: b # c', '[1, 2]', '*alias', '&anchor x', '<script>alert(1)</script>', 'null', '12', 'line\nbreak', ' padded '];
    for (const value of hostile) {
      const out = applyEdits('name: x # comment\nnotes: {a: b}\n', [{ path: ['name'], value }, { path: ['notes', 'a'], value }]);
      expect(parse(out), JSON.stringify(value)).toEqual({ name: value, notes: { a: value } });
    }
  });
});
