import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonCsv } from '../../src/report/comparison-csv.js';
import { getCatalog } from '../../src/report/i18n/catalog.js';
import { loadScoredProfiles } from '../../src/cli/load-scored-profiles.js';
import type { ScoredProfile } from '../../src/scoring/types.js';
import { buildBriefView } from '../../src/report/view/build-brief-view.js';
import { buildComparisonView } from '../../src/report/view/build-comparison-view.js';
import { buildCountryView } from '../../src/report/view/build-country-view.js';
import { safeHref, shorten } from '../../src/report/view/common.js';
import { FIXTURES } from './helpers.js';

// Every number below is computed by hand from test/fixtures/report/frameworks/tiny.yaml
// (T1.1 w3, T1.2 w1, T2.1 w3, T2.2 w1) and profiles/AQ.yaml; see the comment at the top of AQ.yaml.
let aq: ScoredProfile;
let bv: ScoredProfile;
const input = (s: ScoredProfile, lang = 'en') => ({ ...s, catalog: getCatalog(lang), file: 'AQ.yaml', version: '9.9.9' });

beforeAll(async () => {
  const { scored } = await loadScoredProfiles([join(FIXTURES, 'profiles')], [join(FIXTURES, 'frameworks')], 'scored');
  aq = scored.find((s) => s.profile.country === 'AQ')!;
  bv = scored.find((s) => s.profile.country === 'BV')!;
});

describe('the country view model', () => {
  it('carries the hand-computed scores, coverage and standing', () => {
    const view = buildCountryView(input(aq));
    expect(view.glance.overall.percent).toBe('47%'); // 3.75 / 8 = 0.46875
    expect(view.glance.coverage).toBe('86%'); // 6 of 7 applicable elements
    expect(view.glance.coverageDetail).toBe('6 of 7 applicable elements assessed');
    expect(view.glance.tiers.map((t) => [t.id, t.score.percent, t.coverage, t.attained])).toEqual([
      ['T1', '81%', '75%', false], // (3·0.75 + 1·1) / 4 = 0.8125; 3 of 4
      ['T2', '13%', '100%', false], // (3·0 + 1·0.5) / 4 = 0.125
    ]);
    expect(view.glance.standing).toBe('None: T1 cannot be attained on what is assessed'); // T1.1 is assessed partial
    // Only T1.2(c) is unknown: T1 lower (2.25 + 0.5)/4 = 69%, upper 3.25/4 = 81%; overall 3.25/8 … 3.75/8.
    expect(view.glance.tiers.map((t) => [t.range.span, t.attainedText])).toEqual([['69–81%', 'not attained'], ['13%', 'not attained']]);
    expect(view.glance.range.line).toBe('assessed 47% · could be 41–47%');
    expect(view.glance.lowCoverage).toBeNull();
  });

  it('orders the gaps by tier, then weight, then score, each with its recommendation', () => {
    const view = buildCountryView(input(aq));
    expect(view.gaps.map((g) => [g.rank, g.id, g.score.percent, g.score.level])).toEqual([
      [1, 'T1.1', '75%', 'part'],
      [2, 'T2.1', '0%', 'none'],
      [3, 'T2.2', '50%', 'part'],
    ]);
    expect(view.gaps[0]!.recommendation).toBe('Amend the Penal Code so that a child is any person under 18 for every offence.');
    expect(view.gaps[0]!.weightLabel).toBe('Core');
  });

  it('prints each element beside its requirement, with the answer, the citation and the pending bill', () => {
    const view = buildCountryView(input(aq));
    const t11 = view.tiers[0]!.provisions[0]!;
    expect(t11.requirement).toBe('Every offence protects all persons under 18.');
    expect(t11.elements.map((e) => [e.id, e.text, e.answerLabel, e.level])).toEqual([
      ['a', 'The statute defines a child as under 18', 'Met', 'full'],
      ['b', 'No offence uses a lower age', 'Partly met', 'part'],
    ]);
    expect(t11.evidence[0]).toMatchObject({ law: { text: 'Penal Code 1999', href: 'https://example.org/pc' }, section: 's. 12(3)', quote: 'A child means a person under eighteen years of age.', link: { href: 'https://example.org/pc#s12' } });
    const t12 = view.tiers[0]!.provisions[1]!;
    expect(t12.coverageText).toBe('1 of 2 elements assessed'); // b is not applicable, c unknown
    expect(t12.elements[1]!.level).toBe('na');
    const t21 = view.tiers[1]!.provisions[0]!;
    expect(t21.pending[0]).toMatchObject({ bill: { text: 'Online Safety Bill 2026', href: 'https://example.org/bill' }, stage: 'Second reading' });
    const t22 = view.tiers[1]!.provisions[1]!;
    expect(t22.scoredFromProvision).toBe(true);
    expect(t22.provisionAnswer).toEqual({ label: 'Partly met', level: 'part' });
  });

  it('puts the draft status and what the assessment rests on on the cover', () => {
    const view = buildCountryView(input(aq));
    expect(view.cover.status).toMatchObject({ code: 'draft', label: 'Draft', isDraft: true });
    expect(view.cover.basedOn).toBe('Secondary sources only; not checked against the official gazette.');
    expect(view.runningHeader).toContain('Draft');
    expect(view.cover.assessed).toBe('15 January 2026');
  });

  it('states the scoring rules from the framework itself', () => {
    const { methodology } = buildCountryView(input(aq));
    expect(methodology.scale.map((s) => [s.label, s.score])).toEqual([['Met', '1'], ['Partly met', '0.5'], ['Not met', '0'], ['Not yet assessed', '—'], ['Not applicable', '—']]);
    expect(methodology.weights.map((w) => [w.value, w.label])).toEqual([['3', 'Core'], ['1', 'Minor']]);
    const rules = methodology.rules.join(' ');
    expect(rules).toContain('(Not yet assessed, Not applicable) are left out of the mean');
    expect(rules).toContain('reaches the threshold of 100% (Met) when its lowest possible score does');
    expect(rules).toContain('weighted by each provision');
  });

  it('lists every law with the provisions it is cited for', () => {
    const { sources } = buildCountryView(input(aq));
    expect(sources.laws.map((l) => [l.key, l.citedFor])).toEqual([['pc', 'cited for T1.1'], ['cpa', 'cited for T1.2, T2.2']]);
    expect(sources.framework.caveat).toBe('A framework made up for tests; not law.');
  });

  it('gives the standing when tiers are attained, all in order', () => {
    const view = buildCountryView(input(bv));
    expect(view.glance.overall.percent).toBe('100%');
    expect(view.glance.standing).toBe('T2 (Procedure and industry) attained');
    expect(view.gaps).toEqual([]);
    expect(view.cover.status.isDraft).toBe(false);
  });

  it('uses the framework\'s own translation, then the catalogue\'s, then English', () => {
    const view = buildCountryView(input(aq, 'th'));
    expect(view.lang).toBe('th');
    expect(view.glance.tiers[0]!.title).toBe('กฎหมายอาญา'); // the framework's Thai
    expect(view.glance.tiers[1]!.title).toBe('Procedure and industry'); // untranslated: English
    expect(view.tiers[0]!.provisions[0]!.elements[0]!.answerLabel).toBe('ผ่านเกณฑ์'); // the catalogue's name for "met"
    expect(view.cover.assessed).toContain('2026');
  });
});

describe('the brief and comparison view models', () => {
  it('keeps the five most urgent gaps and every pending bill within its limits', () => {
    const brief = buildBriefView(input(aq));
    expect(brief.gaps.map((g) => g.id)).toEqual(['T1.1', 'T2.1', 'T2.2']);
    expect(brief.standingHeading).toBe('Where Zedland stands');
    expect(brief.gapsIntro).toBe('All 3 gaps found, most urgent first: the elements that fall short, and what to amend.');
    expect(brief.standingSentence).toBe('Measured against the Tiny framework, Zedland scores 47% overall, with 86% of the applicable elements assessed.');
    expect(brief.pending.map((p) => p.bill.text)).toEqual(['Online Safety Bill 2026']);
    expect(brief.methodNote).toContain('Met (1), Partly met (0.5), Not met (0)');
  });

  it('builds the matrix of countries × provisions, grouped by tier', () => {
    const view = buildComparisonView({ framework: aq.framework, assessments: [bv.assessment, aq.assessment], catalog: getCatalog('en'), version: '9.9.9' });
    expect(view.countries.map((c) => [c.code, c.overall.percent, c.range.span, c.tiers.map((t) => t.percent), c.standing])).toEqual([
      ['AQ', '47%', '41–47%', ['81%', '13%'], 'None: T1 cannot be attained on what is assessed'],
      ['BV', '100%', '100%', ['100%', '100%'], 'T2 attained'],
    ]);
    expect(view.matrix.map((t) => t.rows.map((r) => r.cells.map((c) => c.percent)))).toEqual([
      [['75%', '100%'], ['100%', '100%']],
      [['0%', '100%'], ['50%', '100%']],
    ]);
    expect(view.draftNotice).not.toBeNull();
  });

  it('writes one CSV row per country × provision', () => {
    const lines = comparisonCsv(aq.framework, [aq.assessment, bv.assessment]).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines[0]).toBe('country,country_name,framework,framework_version,assessed,status,tier,provision,title,weight,score,applicable,assessed_elements,applicable_elements,meets_threshold,gap_rank,lower,upper,attainment');
    expect(lines[1]).toBe('AQ,Zedland,tiny,1,2026-01-15,draft,T1,T1.1,Definition of a child,3,0.75,true,2,2,false,1,0.75,0.75,not-attained');
    expect(lines[4]).toBe('AQ,Zedland,tiny,1,2026-01-15,draft,T2,T2.2,Takedown,1,0.5,true,2,2,false,3,0.5,0.5,not-attained'); // decided by its provision answer
  });
});

describe('view model safety', () => {
  it('lets only http(s) URLs become links', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>1</script>', 'vbscript:x', '//evil.example', 'not a url', '']) {
      expect(safeHref(url), url).toBeNull();
    }
  });

  it('shortens text at a sentence, never mid-word', () => {
    expect(shorten('One two three. Four five six seven.', 20)).toEqual({ text: 'One two three.', shortened: true });
    expect(shorten('short', 100)).toEqual({ text: 'short', shortened: false });
    expect(shorten('alpha beta gamma delta', 13).text).toBe('alpha beta…');
  });
});
