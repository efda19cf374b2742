import { provisionIndex } from '../framework/provision-index.js';
import { plural } from '../ground/plural.js';
import { percent } from '../format/percent.js';
import { textTable } from '../format/table.js';
import { textIn } from '../framework/text.js';
import type { Framework, Provision } from '../framework/types.js';
import type { ChangeKind, Delta, LawRef, ProfileDiff, ProvisionChange } from './types.js';

/** Where each version came from, as the user named it (a file, or a file at a git revision). */
export interface DiffLabels {
  old: string;
  new: string;
}

const HEADINGS: Record<ChangeKind, string> = {
  improved: 'Improved',
  regressed: 'Regressed',
  'newly-assessed': 'Newly assessed',
  'no-longer-assessed': 'No longer assessed',
  changed: 'Answers changed, score unchanged',
};

const IN_SUMMARY: Record<ChangeKind, string> = {
  improved: 'improved',
  regressed: 'regressed',
  'newly-assessed': 'newly assessed',
  'no-longer-assessed': 'no longer assessed',
  changed: 'with other answers changed',
};

/** The diff as a drafter reads it: scores before and after, then each changed provision by kind. */
export function diffText(framework: Framework, diff: ProfileDiff, labels: DiffLabels): string {
  const provisions = provisionIndex(framework);
  const out: string[] = [];
  out.push(`${diff.name.new} (${diff.country.new}) — changes in its ${diff.frameworkId} ${diff.frameworkVersion} assessment`);
  if (diff.country.old !== diff.country.new) out.push(`Note: the two versions are of different countries (${diff.country.old} ${diff.name.old}, ${diff.country.new} ${diff.name.new}).`);
  out.push(`  before: ${labels.old} (assessed ${diff.assessed.old}, ${diff.status.old})`);
  out.push(`  after:  ${labels.new} (assessed ${diff.assessed.new}, ${diff.status.new})`);
  out.push('');
  out.push(
    textTable(
      ['', 'Before', 'After', 'Change'],
      [
        ['Overall', ...scoreCells(diff.score)],
        ...diff.tiers.map((t) => [`${t.id} ${textIn(framework.tiers.find((ft) => ft.id === t.id)?.title)}`, ...scoreCells(t.score)]),
        ['Coverage', ...scoreCells(diff.coverage)],
        ['Standing', diff.standing.old ?? 'none', diff.standing.new ?? 'none', diff.standing.old === diff.standing.new ? '' : 'changed'],
      ],
      [1, 2, 3],
    ),
  );
  out.push('');
  if (diff.provisions.length === 0) {
    out.push('No provision\'s answers changed.');
  } else {
    const counts = (Object.keys(HEADINGS) as ChangeKind[]).filter((k) => diff.counts[k] > 0).map((k) => `${diff.counts[k]} ${IN_SUMMARY[k]}`);
    out.push(`${plural(diff.provisions.length, 'provision')} changed: ${counts.join(', ')}.`);
    for (const kind of Object.keys(HEADINGS) as ChangeKind[]) {
      const list = diff.provisions.filter((p) => p.kind === kind);
      if (list.length === 0) continue;
      out.push('', `${HEADINGS[kind]} (${list.length}):`);
      for (const change of list) out.push(...provisionLines(change, provisions.get(change.id)));
    }
  }
  out.push('', ...lawLines(diff));
  return out.join('\n');
}

function provisionLines(change: ProvisionChange, provision: Provision | undefined): string[] {
  const applicability = change.applicable.old !== change.applicable.new ? (change.applicable.new ? ', now applicable' : ', now not applicable') : '';
  const lines = [`  ${change.id}  ${textIn(provision?.title)}  (${percent(change.score.old)} → ${percent(change.score.new)}, weight ${change.weight}${applicability})`];
  if (change.answer) lines.push(`         provision answer: ${answerText(change.answer.old)} → ${answerText(change.answer.new)}`);
  for (const element of change.elements) lines.push(`         ${element.id}: ${answerText(element.answer.old)} → ${answerText(element.answer.new)}`);
  return lines;
}

function lawLines(diff: ProfileDiff): string[] {
  const { added, removed, repealed } = diff.laws;
  if (added.length + removed.length + repealed.length === 0) return ['Laws: no law added, removed or repealed.'];
  const law = (l: LawRef) => `${l.key}  ${l.title}${l.repealedBy ? ` (repealed by ${l.repealedBy})` : ''}`;
  return [
    'Laws:',
    ...added.map((l) => `  added:          ${law(l)}`),
    ...removed.map((l) => `  removed:        ${law(l)}`),
    ...repealed.map((l) => `  newly repealed: ${law(l)}`),
  ];
}

function scoreCells(d: Delta): [string, string, string] {
  return [percent(d.old), percent(d.new), deltaText(d)];
}

/** A change in percentage points, one decimal; "new" or "no longer scored" when one side has no score. */
export function deltaText(d: Delta): string {
  if (d.delta === null) return d.old === null ? (d.new === null ? '' : 'newly scored') : 'no longer scored';
  const points = Math.abs(d.delta * 100).toFixed(1);
  if (points === '0.0') return d.delta === 0 ? 'no change' : `${d.delta > 0 ? '+' : '-'}<0.1 pts`;
  return `${d.delta > 0 ? '+' : '-'}${points} pts`;
}

function answerText(answer: string | undefined): string {
  return answer ?? '(not given)';
}
