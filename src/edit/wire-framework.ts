import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Catalog } from '../report/i18n/catalog.js';
import { answerLabel } from '../report/view/common.js';
import type { WireFramework } from './wire.js';

/** The framework as the page shows it, in `catalog`'s language; answers get the keys 1, 2, 3… */
export function wireFramework(framework: Framework, catalog: Catalog): WireFramework {
  const t = (text: Parameters<typeof textIn>[0]) => textIn(text, catalog.lang);
  return {
    id: framework.id,
    title: t(framework.title),
    version: framework.version,
    scale: Object.entries(framework.scale).map(([key, entry], i) => ({
      key,
      label: answerLabel(framework, key, catalog),
      description: t(entry.description),
      score: entry.score,
      evidenceRequired: entry.evidence === 'required',
      hotkey: String(i + 1),
    })),
    tiers: framework.tiers.map((tier) => ({
      id: tier.id,
      title: t(tier.title),
      provisions: tier.provisions.map((p) => ({
        id: p.id,
        title: t(p.title),
        requirement: t(p.requirement),
        weight: p.weight,
        weightLabel: t(framework.weights?.[String(p.weight)]?.label) || String(p.weight),
        recommendation: t(p.recommendation),
        references: (p.references ?? []).map((r) => [framework.instruments?.[r.instrument] ? t(framework.instruments[r.instrument]!.title) : r.instrument, r.locator].filter(Boolean).join(', ')),
        elements: p.elements.map((e) => ({ id: e.id, text: t(e.text), amendment: t(e.amendment), partialNote: t(e.partialNote), goodPractice: e.goodPractice === true })),
      })),
    })),
  };
}
