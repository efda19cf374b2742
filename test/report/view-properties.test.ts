import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FrameworkCatalogue } from '../../src/framework/framework-catalogue.js';
import { loadFrameworks } from '../../src/framework/load-frameworks.js';
import type { Framework } from '../../src/framework/types.js';
import { percent } from '../../src/format/percent.js';
import { checkProfile } from '../../src/profile/check-profile.js';
import type { Profile } from '../../src/profile/types.js';
import { getCatalog } from '../../src/report/i18n/catalog.js';
import { HtmlRenderer } from '../../src/report/render/render-html.js';
import { buildBriefView } from '../../src/report/view/build-brief-view.js';
import { buildComparisonView } from '../../src/report/view/build-comparison-view.js';
import { buildCountryView } from '../../src/report/view/build-country-view.js';
import { score } from '../../src/scoring/score.js';
import { CACHE_DIR, ROOT } from '../helpers/run-cli.js';

// The report's view model builds, and its templates render, for every valid profile: any answers, with
// or without provision-level answers, citations, notes and pending bills, in any language, with any
// text in it (HTML included). No browser: the HTML is what Chromium would print. As in
// test/properties.test.ts, a fixed seed and a bounded number of runs; FC_RUNS=500 explores further.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123), numRuns: Number(process.env.FC_RUNS ?? 100) });
process.env.LEXGAP_CACHE_DIR = CACHE_DIR;

const TODAY = '2026-11-23';
let catalogue: FrameworkCatalogue;
let frameworks: Framework[];
let renderer: HtmlRenderer;

beforeAll(async () => {
  const loaded = await loadFrameworks([join(ROOT, 'frameworks'), join(ROOT, 'test/fixtures/report/frameworks')]);
  catalogue = new FrameworkCatalogue(loaded.frameworks);
  frameworks = loaded.frameworks.map((l) => l.framework);
  renderer = await HtmlRenderer.create();
});

/** Free text as people (and attackers) write it: any characters, ASEAN scripts, markup, template syntax. */
const freeText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }).filter((s) => s.trim().length > 0),
  fc.constantFrom('<script>alert(1)</script>', '"\'><img src=x onerror=alert(1)>', '{{labels}} {{{labels}}}', '<lexgap-styles>', '/*lexgap:styles*/', 'ภาษาไทย กฎหมาย', 'Tiếng Việt có dấu', 'ភាសាខ្មែរ', 'ພາສາລາວ', 'မြန်မာဘာသာ', 'a\nb\n\nc'),
);
const url = fc.constantFrom('https://example.org/law', 'http://example.org/a?b=1&c=<2>', 'https://example.org/"><script>alert(1)</script>');

/** A valid profile of `framework`: each provision left out, answered by its elements, or answered as a whole. */
function profileOf(framework: Framework): fc.Arbitrary<Profile> {
  const answers = Object.keys(framework.scale);
  const provisions = framework.tiers.flatMap((t) => t.provisions);
  const evidence = fc.record(
    { law: fc.constant('act'), section: freeText, quote: freeText, url, confidence: fc.constantFrom('sourced' as const, 'inferred' as const), checked: fc.constant(TODAY), source: freeText },
    { requiredKeys: ['law', 'confidence', 'checked'] },
  );
  const pending = fc.record({ bill: freeText, stage: freeText, url, checked: fc.constant(TODAY), notes: freeText }, { requiredKeys: ['bill'] });
  const provisionAnswer = (elementIds: string[]) =>
    fc.oneof(
      fc.constant(undefined),
      fc.record({ elements: fc.tuple(...elementIds.map(() => fc.constantFrom(...answers))).map((list) => Object.fromEntries(elementIds.map((id, i) => [id, list[i]!]))) }),
      fc.record({ answer: fc.constantFrom(...answers) }),
    ).chain((base) =>
      base === undefined
        ? fc.constant(undefined)
        : fc.record({ evidence: fc.array(evidence, { maxLength: 2 }), notes: freeText, pending: fc.array(pending, { maxLength: 2 }) }, { requiredKeys: [] }).map((extra) => ({ ...base, ...extra })),
    );
  return fc
    .record({
      name: freeText,
      status: fc.constantFrom('draft' as const, 'reviewed' as const),
      basedOn: fc.option(freeText, { nil: undefined }),
      assessors: fc.option(fc.array(fc.record({ name: freeText, organisation: freeText }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      law: fc.record({ title: freeText, year: fc.integer({ min: 1900, max: 2026 }), url, notes: freeText }, { requiredKeys: ['title'] }),
      answers: fc.tuple(...provisions.map((p) => provisionAnswer(p.elements.map((e) => e.id)))),
    })
    .map(({ name, status, basedOn, assessors, law, answers: given }) => {
      const profile: Profile = { country: 'ZZ', name, framework: framework.id, assessed: TODAY, status, laws: { act: law }, provisions: {} };
      if (basedOn !== undefined) profile.basedOn = basedOn;
      if (assessors !== undefined) profile.assessors = assessors;
      provisions.forEach((p, i) => {
        if (given[i] !== undefined) profile.provisions[p.id] = given[i]!;
      });
      return profile;
    });
}

/** Frameworks are picked by id, so that a counterexample prints the profile, not the whole framework. */
const frameworkOf = (id: string) => frameworks.find((f) => f.id === id)!;
const anyProfile = () => fc.constant(null).chain(() => fc.constantFrom(...frameworks.map((f) => f.id))).chain((id) => profileOf(frameworkOf(id)));
const language = fc.constantFrom('en', 'th', 'vi', 'km');

/** What Handlebars makes of a string in `{{ }}`. */
const escaped = (s: string) => s.replace(/[&<>"'`=]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!);

describe('the report view model (property-based)', () => {
  it('builds and renders the country report and the brief for every valid profile, in every language', () => {
    fc.assert(
      fc.property(anyProfile(), language, (profile, lang) => {
        const framework = frameworkOf(profile.framework);
        // The profile as a user would write it: checked from its YAML text, so only valid ones go on.
        const check = checkProfile('ZZ.yaml', stringify(profile), catalogue, TODAY);
        expect(check.profile, JSON.stringify(check.findings.filter((f) => f.severity === 'error'))).toBeDefined();
        const assessment = score(framework, check.profile!);
        const input = { framework, profile: check.profile!, assessment, catalog: getCatalog(lang), file: 'ZZ.yaml', version: 'test' };

        const country = buildCountryView(input);
        expect(country.glance.overall.percent).toBe(percent(assessment.score));
        expect(country.gaps.map((g) => g.id)).toEqual(assessment.gaps.map((g) => g.id));
        const brief = buildBriefView(input);
        expect(brief.gaps.map((g) => g.id)).toEqual(assessment.gaps.slice(0, 5).map((g) => g.id));

        for (const [name, view] of [['country', country], ['brief', brief]] as const) {
          const doc = renderer.render(name, view);
          expect(doc.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${lang}">`));
          expect(doc.html.trimEnd()).toMatch(/<\/html>$/);
          expect(doc.html).toContain(escaped(check.profile!.name.replace(/\s+/g, ' ')).split(' ')[0]!);
          expect(doc.html, 'no element from the profile').not.toMatch(/<(script|img|iframe)\b/i);
          expect(doc.html.split('<style>').length - 1, 'one stylesheet').toBe(1);
          expect(doc.html.slice(doc.html.indexOf('</style>')), 'no CSS in the text').not.toMatch(/@font-face|--lexgap-fonts/);
          expect(doc.headerTemplate).toContain('lexgap-header');
          expect(doc.footerTemplate).toContain('pageNumber');
          expect(doc.title.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('builds and renders the comparison for any set of valid profiles of one framework', () => {
    fc.assert(
      fc.property(
        fc.constant(null).chain(() => fc.constantFrom(...frameworks.map((f) => f.id))).chain((id) => fc.array(profileOf(frameworkOf(id)), { minLength: 1, maxLength: 4 })),
        language,
        (profiles, lang) => {
          const framework = frameworkOf(profiles[0]!.framework);
          const assessments = profiles.map((p, i) => score(framework, { ...p, country: `Z${String.fromCharCode(65 + i)}` }));
          const view = buildComparisonView({ framework, assessments, catalog: getCatalog(lang), version: 'test' });
          const doc = renderer.render('comparison', view);
          expect(doc.landscape).toBe(true);
          for (const a of assessments) expect(doc.html).toContain(a.country);
          expect(doc.html).not.toMatch(/<(script|img|iframe)\b/i);
        },
      ),
      { numRuns: Math.ceil(Number(process.env.FC_RUNS ?? 100) / 2) },
    );
  });
});
