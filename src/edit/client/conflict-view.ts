import type { FieldPath } from '../field-edit.js';
import type { WireConflictField } from '../wire.js';
import type { Ctx } from './context.js';
import { h } from './dom.js';

/** A field's place in words a drafter reads: "T1.06, element b" rather than a path. */
export function describePath(ctx: Ctx, path: FieldPath): string {
  const [a, b, c, d, e] = path.map(String);
  if (a === 'provisions' && b) {
    const where = `${b}`;
    if (c === 'elements' && d) return ctx.t('edit.where.element', { provision: where, element: d });
    if (c === 'evidence' && d !== undefined) return ctx.t('edit.where.citation', { provision: where, n: Number(d) + 1 }) + (e ? ` — ${e}` : '');
    if (c) return `${where} — ${c}${d !== undefined ? ` ${Number.isNaN(Number(d)) ? d : Number(d) + 1}` : ''}`;
    return where;
  }
  if (a === 'laws' && b) return ctx.t('edit.where.law', { law: b }) + (c ? ` — ${c}` : '');
  const header: Record<string, string> = { country: 'edit.header.country', name: 'edit.header.name', framework: 'edit.header.framework', assessed: 'edit.header.assessed', status: 'edit.header.status', basedOn: 'edit.header.basedOn', assessors: 'edit.header.assessors' };
  if (a && Object.hasOwn(header, a)) return [ctx.t(header[a]!), ...path.slice(1).map((s) => (typeof s === 'number' ? String(s + 1) : s))].join(' — ');
  return path.join(' — ') || ctx.t('edit.header');
}

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** What changed in the file since it was loaded, beside the user's own values, and the three ways on. */
export function conflictDialog(ctx: Ctx, fields: WireConflictField[], mine: FieldPath[], choose: (choice: 'mine' | 'theirs' | 'reload') => void): void {
  const dialog = h('dialog', { class: 'conflict', 'aria-labelledby': 'conflict-title' });
  const pick = (choice: 'mine' | 'theirs' | 'reload') => () => {
    dialog.close();
    dialog.remove();
    choose(choice);
  };
  dialog.append(
    h('h2', { id: 'conflict-title' }, ctx.t('edit.conflict.title')),
    h('p', {}, ctx.t('edit.conflict.explain')),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ctx.t('edit.conflict.field')), h('th', { scope: 'col' }, ctx.t('edit.conflict.loaded')), h('th', { scope: 'col' }, ctx.t('edit.conflict.file')), h('th', { scope: 'col' }, ctx.t('edit.conflict.yours')))),
      h('tbody', {}, fields.map((f) => h('tr', { class: f.edited ? 'both' : '' }, h('th', { scope: 'row' }, describePath(ctx, f.path)), h('td', {}, show(f.loaded)), h('td', {}, show(f.file)), h('td', {}, f.edited ? show(f.mine) : h('i', {}, ctx.t('edit.conflict.notYours')))))),
    ),
    mine.length ? h('p', {}, ctx.t('edit.conflict.yourChanges'), ' ', [...new Set(mine.map((p) => describePath(ctx, p)))].join('; ')) : null,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', onclick: pick('mine') }, ctx.t('edit.conflict.mine')),
      h('button', { type: 'button', onclick: pick('theirs') }, ctx.t('edit.conflict.theirs')),
      h('button', { type: 'button', onclick: pick('reload') }, ctx.t('edit.conflict.reload')),
    ),
  );
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  document.body.append(dialog);
  dialog.showModal();
  (dialog.querySelector('button.primary') as HTMLButtonElement).focus();
}
