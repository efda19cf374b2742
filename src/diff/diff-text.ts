import { provisionIndex } from '../framework/provision-index.js';
import { plural } from '../ground/plural.js';
import { percent } from '../format/percent.js';
import { textTable } from '../format/table.js';
import { textIn } from '../framework/text.js';
import type { Framework, Provision } from '../framework/types.js';
import type { ChangeKind, Delta, LawRef, ProfileDiff, ProvisionChange, RangeDelta } from './types.js';
import type { Attainment, Bounds } from '../scoring/types.js';
import { ATTAINMENT_TEXT, spanText, standingText } from '../format/range-text.js';
import type { CitationRef } from './evidence-changes.js';
import { RANGE_MOVE_TEXT } from './range-change.js';

/** Where each version came from, as the user named it (a file, or a file at a git revision). */
export interface DiffLabels {
  old: string;
  new: string;
}

const HEADINGS: Record<ChangeKind, string> = {
  improved: 'Improved (range moved up)',
  regressed: 'Regressed (range moved down)',
  narrowed: 'Unknowns answered (range narrowed)',
  withdrawn: 'Answers withdrawn (range widened; not progress)',
  'newly-assessed': 'Newly assessed',
  'no-longer-assessed': 'No longer assessed (answers withdrawn or not applicable)',
  changed: 'Answers changed, range unchanged',
  evidence: 'Evidence changed, answers unchanged',
};

const IN_SUMMARY: Record<ChangeKind, string> = {
  improved: 'improved',
  regressed: 'regressed',
  narrowed: 'narrowed by new answers',
  withdrawn: 'with answers withdrawn',
  'newly-assessed': 'newly assessed',
  'no-longer-assessed': 'no longer assessed',
  changed: 'with other answers changed',
  evidence: 'with evidence changed only',
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
        ['  could be', ...rangeCells(diff.range)],
        ...diff.tiers.flatMap((t) => [
          [`${t.id} ${textIn(framework.tiers.find((ft) => ft.id === t.id)?.title)}`, ...scoreCells(t.score)],
          ['  could be', ...rangeCells(t.range)],
          ['  attained', ATTAINMENT_TEXT[t.status.old as Attainment], ATTAINMENT_TEXT[t.status.new as Attainment], t.status.old === t.status.new ? '' : 'changed'],
        ]),
        ['Coverage', ...scoreCells(diff.coverage)],
      ],
      [1, 2, 3],
    ),
  );
  const [standingBefore, standingAfter] = [standingOf(framework, diff, 'old'), standingOf(framework, diff, 'new')];
  out.push(standingBefore === standingAfter ? `Standing: ${standingAfter} (unchanged)` : `Standing: ${standingBefore} → ${standingAfter}`);
  out.push('');
  if (diff.provisions.length === 0) {
    out.push('No provision\'s answers or evidence changed.');
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
  const answers = change.kind === 'evidence' ? '' : `${rangeSummary(change)}, `;
  const lines = [`  ${change.id}  ${textIn(provision?.title)}  (${answers}weight ${change.weight}${applicability})`];
  const withdrawn = (id: string) => (change.withdrawn.includes(id) ? '  (answer withdrawn)' : '');
  if (change.answer) lines.push(`         provision answer: ${answerText(change.answer.old)} → ${answerText(change.answer.new)}${withdrawn('*')}`);
  for (const element of change.elements) lines.push(`         ${element.id}: ${answerText(element.answer.old)} → ${answerText(element.answer.new)}${withdrawn(element.id)}`);
  lines.push(...evidenceLines(change));
  return lines;
}

/** "assessed 75% → —; could be 75% → 0–100% (widened)". */
function rangeSummary(change: ProvisionChange): string {
  const span = (b: Bounds | null) => (b ? spanText(b) : 'not applicable');
  const move = ['unchanged', 'gone', 'appeared'].includes(change.range.move) ? '' : ` (${RANGE_MOVE_TEXT[change.range.move]})`;
  return `assessed ${percent(change.score.old)} → ${percent(change.score.new)}; could be ${span(change.range.old)} → ${span(change.range.new)}${move}`;
}

function evidenceLines(change: ProvisionChange): string[] {
  const cite = (c: CitationRef) => `${c.law}${c.section ? ` ${c.section}` : ''}`;
  const short = (v: string | null) => (v === null ? '(none)' : v.length > 80 ? `"${v.slice(0, 77)}…"` : `"${v}"`);
  return [
    ...change.evidence.added.map((c) => `         citation added: ${cite(c)}`),
    ...change.evidence.removed.map((c) => `         citation removed: ${cite(c)}`),
    ...change.evidence.changed.map((c) => `         citation ${c.law}: ${c.fields.map((f) => `${f.field} ${short(f.old)} → ${short(f.new)}`).join('; ')}`),
  ];
}

function standingOf(framework: Framework, diff: ProfileDiff, side: 'old' | 'new'): string {
  return standingText(framework, { standing: diff.standing[side], standingUpper: diff.standingUpper[side] });
}

function rangeCells(r: RangeDelta): [string, string, string] {
  const span = (b: Bounds | null) => (b ? spanText(b) : '—');
  return [span(r.old), span(r.new), r.move === 'unchanged' ? '' : RANGE_MOVE_TEXT[r.move]];
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
