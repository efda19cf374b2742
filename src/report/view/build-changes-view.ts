import { provisionIndex } from '../../framework/provision-index.js';
import type { ChangeKind, Delta, ProfileDiff } from '../../diff/types.js';
import { percent } from '../../format/percent.js';
import { spanText } from '../../format/range-text.js';
import type { Bounds } from '../../scoring/types.js';
import type { Framework } from '../../framework/types.js';
import type { Catalog } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/en.js';
import { formatDate, text } from './common.js';
import { anchorOf } from './glance.js';
import type { ChangesView } from './types.js';

const KIND_KEYS: Record<ChangeKind, MessageKey> = {
  improved: 'changes.improved',
  regressed: 'changes.regressed',
  'newly-assessed': 'changes.newlyAssessed',
  'no-longer-assessed': 'changes.noLongerAssessed',
  changed: 'changes.changed',
  narrowed: 'changes.narrowed',
  withdrawn: 'changes.withdrawn',
  evidence: 'changes.evidence',
};

/** "Changes since <date>": the country report's view of a diff between two versions of its profile. */
export function buildChangesView(framework: Framework, diff: ProfileDiff, source: string, catalog: Catalog): ChangesView {
  const since = formatDate(diff.assessed.old, catalog);
  const provisions = provisionIndex(framework);
  const tierTitle = (id: string) => `${id} ${text(framework.tiers.find((t) => t.id === id)?.title, catalog)}`;
  return {
    heading: catalog.t('changes.heading', { date: since }),
    intro: catalog.t('changes.intro', { date: since, source }),
    scores: [
      row(catalog.t('changes.overall'), diff.score),
      { label: catalog.t('range.label'), before: diff.range.old ? spanText(diff.range.old) : '—', after: diff.range.new ? spanText(diff.range.new) : '—', change: '' },
      ...diff.tiers.map((t) => row(tierTitle(t.id), t.score)),
      row(catalog.t('changes.coverage'), diff.coverage),
    ],
    provisions: diff.provisions.map((p) => ({
      id: p.id,
      anchor: anchorOf(p.id),
      title: text(provisions.get(p.id)?.title, catalog),
      kind: p.kind,
      kindLabel: catalog.t(KIND_KEYS[p.kind]),
      before: p.kind === 'evidence' ? '' : rangeCell(p.score.old, p.range.old),
      after: p.kind === 'evidence' ? '' : rangeCell(p.score.new, p.range.new),
    })),
    laws: [
      { label: catalog.t('changes.lawsAdded'), items: diff.laws.added.map((l) => l.title) },
      { label: catalog.t('changes.lawsRemoved'), items: diff.laws.removed.map((l) => l.title) },
      { label: catalog.t('changes.lawsRepealed'), items: diff.laws.repealed.map((l) => (l.repealedBy ? `${l.title} (${l.repealedBy})` : l.title)) },
    ].filter((group) => group.items.length > 0),
  };
}

function row(label: string, delta: Delta): ChangesView['scores'][number] {
  const points = delta.delta === null ? '—' : `${delta.delta > 0 ? '+' : delta.delta < 0 ? '−' : '±'}${Math.abs(delta.delta * 100).toFixed(1)}`;
  return { label, before: percent(delta.old), after: percent(delta.new), change: points };
}

/** "75% (0–100%)": the assessed score and, when unknowns could move it, its range. */
function rangeCell(score: number | null, bounds: Bounds | null): string {
  if (!bounds) return percent(score);
  const span = spanText(bounds);
  return span === percent(score) ? span : `${percent(score)} (${span})`;
}
