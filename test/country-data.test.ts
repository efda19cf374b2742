import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lexgap, ROOT } from './helpers/run-cli.js';

// Keeps the shipped data honest: what researchers quote and drafters compare themselves against.
const framework = parse(readFileSync(join(ROOT, 'frameworks/asean-ocsea.yaml'), 'utf8'));
const provisions: { id: string; elements: { id: string }[] }[] = framework.tiers.flatMap((t: any) => t.provisions);
const files = readdirSync(join(ROOT, 'countries')).filter((f) => f.endsWith('.yaml')).sort();
const profiles = Object.fromEntries(files.map((f) => [f.replace('.yaml', ''), parse(readFileSync(join(ROOT, 'countries', f), 'utf8'))]));
const SCORED = new Set(['met', 'partial']);

describe('the shipped country profiles', () => {
  it('validate with no errors and no unevidenced answers', () => {
    const result = lexgap(['validate', '--format', 'json', 'countries/']);
    const findings = JSON.parse(result.stdout).findings;
    expect(findings.filter((f: any) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f: any) => f.code === 'answer-without-evidence')).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('cover all eleven ASEAN member states', () => {
    expect(Object.keys(profiles)).toEqual(['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN']);
  });

  it('reflect the known regional findings', () => {
    const answer = (code: string, provision: string, element: string) => profiles[code].provisions[provision].elements[element];
    // Viet Nam defines a child as under 16 (Law on Children 2016, art. 1).
    expect(answer('VN', 'T1.01', 'a')).toBe('not-met');
    // Cambodia's definition excludes virtual material (realistic images of non-existent children).
    expect(answer('KH', 'T1.03', 'b')).toBe('not-met');
    // ICMEC/Freshfields (2023): only the Philippines puts reporting duties on online service providers.
    const codes = Object.keys(profiles);
    expect(codes.filter((c) => answer(c, 'T2.05', 'a') === 'met')).toEqual(['PH']);
  });

  it('answer T3.01(b) from a law\'s own text, as countries/README.md says, never from a survey alone', () => {
    // The ICMEC–Freshfields finding concerns OCSEA-specific duties; (b) asks whether suspicious-
    // transaction reporting reaches OCSEA, which the anti-money-laundering law's text decides.
    for (const [code, profile] of Object.entries(profiles)) {
      const given = profile.provisions['T3.01'];
      if (given.elements.b === 'unknown') continue;
      const backing = (given.evidence ?? []).filter((e: any) => !e.elements || e.elements.includes('b'));
      expect(backing.filter((e: any) => e.section), `${code} T3.01(b) is ${given.elements.b} with no section of a law`).not.toEqual([]);
    }
  });

  for (const [code, profile] of Object.entries(profiles)) {
    describe(code, () => {
      it('is a draft, says what it is based on, and is named after its country code', () => {
        expect(profile.country).toBe(code);
        expect(['draft', 'reviewed']).toContain(profile.status);
        expect(typeof profile.basedOn).toBe('string');
      });

      it('answers every provision and every element of the framework', () => {
        for (const p of provisions) {
          const answer = profile.provisions[p.id];
          expect(answer, `${code} ${p.id}`).toBeDefined();
          for (const e of p.elements) expect(answer.elements?.[e.id], `${code} ${p.id}(${e.id})`).toBeDefined();
        }
      });

      it('backs every met or partial element with a citation of a declared law in force', () => {
        for (const [id, answer] of Object.entries<any>(profile.provisions)) {
          for (const [element, value] of Object.entries<string>(answer.elements ?? {})) {
            if (!SCORED.has(value)) continue;
            const backing = (answer.evidence ?? []).filter((e: any) => !e.elements || e.elements.includes(element));
            expect(backing.length, `${code} ${id}(${element}) is ${value} without evidence`).toBeGreaterThan(0);
            for (const e of backing) {
              const law = profile.laws?.[e.law];
              expect(law, `${code} ${id} cites undeclared law ${e.law}`).toBeDefined();
              expect(law.repealedBy, `${code} ${id} cites repealed ${e.law}`).toBeUndefined();
            }
          }
        }
      });

      it('links only to http(s) addresses', () => {
        const urls: string[] = [];
        JSON.stringify(profile, (key, value) => (key === 'url' && urls.push(value), value));
        for (const url of urls) expect(url).toMatch(/^https?:\/\/\S+$/);
      });

      it('links to the page itself, not through a proxy or a document-sharing mirror of another address', () => {
        const urls: string[] = [];
        JSON.stringify(profile, (key, value) => (key === 'url' && urls.push(value), value));
        for (const url of urls) {
          expect(url.indexOf('://', url.indexOf('://') + 3), `${url} wraps another address`).toBe(-1);
          expect(new URL(url).hostname, `${url} has a host ending in a dot`).not.toMatch(/\.$/);
        }
      });

      it('speaks to an outside reader: no internal file names or research shorthand', () => {
        const text = JSON.stringify(profile);
        expect(text).not.toMatch(/digest(?!\.ph)|shared\/research|country-law-facts|\[S-\d|\[K\]|Not covered by the research/i);
      });
    });
  }
});

describe('the README', () => {
  it('shows the result tables exactly as lexgap generates them (run `npm run readme-table` after changing a profile)', async () => {
    const { BLOCKS, generated, inReadme } = await import('./helpers/readme-table.mjs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const block of BLOCKS) expect(inReadme(readme, block), block.name).toBe(generated(block));
  });
});
