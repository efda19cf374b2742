import type { DerivedAssessment } from '../../crosswalk/types.js';
import { ruleText } from '../../format/derived-text.js';
import { percent } from '../../format/percent.js';
import { provisionIndex } from '../../framework/provision-index.js';
import type { Framework } from '../../framework/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { answerLabel, answerLevel, text } from './common.js';
import { rangeView } from './range-view.js';
import type { Level } from './types.js';

/** Results against another framework derived through a crosswalk: never assessed, always said so. */
export interface DerivedSectionView {
  heading: string;
  intro: string;
  coverage: string;
  range: string;
  caveats: string[];
  rows: { id: string; title: string; answer: string; level: Level; rule: string; sources: string }[];
}

/** One derived framework for the country report: each criterion, its rule, the answers behind it, the caveats. */
export function buildDerivedView(target: Framework, a: DerivedAssessment, catalog: Catalog): DerivedSectionView {
  const provisions = provisionIndex(target);
  const d = a.derived;
  const name = text(target.shortTitle ?? target.title, catalog);
  return {
    heading: catalog.t('derived.heading', { framework: name }),
    intro: catalog.t('derived.intro', { framework: name, from: d.from.id, crosswalk: `${d.crosswalk} (${d.crosswalkTitle})` }),
    coverage: catalog.t('derived.coverage', {
      assessed: d.sourceCoverage.assessed,
      applicable: d.sourceCoverage.applicable,
      coverage: percent(d.sourceCoverage.coverage),
      profile: percent(d.sourceCoverage.profileCoverage),
      from: d.from.id,
    }),
    range: catalog.t('derived.range', { line: rangeView(a.score, a.bounds, catalog).line }),
    caveats: d.caveats,
    rows: d.targets.map((t) => ({
      id: t.element ? `${t.target}(${t.element})` : t.target,
      title: text(provisions.get(t.target)?.title, catalog),
      answer: answerLabel(target, t.answer, catalog),
      level: answerLevel(target, t.answer),
      rule: ruleText(t),
      sources: t.sources.map((s) => `${s.provision}(${s.element}) ${s.answer ?? '—'}`).join(', '),
    })),
  };
}
