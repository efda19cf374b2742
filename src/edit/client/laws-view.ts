import type { Ctx } from './context.js';
import { h, uid } from './dom.js';
import { findingSlot, textField } from './fields.js';

/** The laws the profile declares: each cited by its key, with its title, year, link and whether it was repealed. */
export function lawsView(ctx: Ctx): HTMLElement {
  const laws = (ctx.get(['laws']) as Record<string, unknown> | undefined) ?? {};
  return h(
    'article',
    { 'aria-labelledby': 'laws-title' },
    h('h2', { id: 'laws-title' }, ctx.t('edit.laws')),
    h('p', { class: 'help' }, ctx.t('edit.laws.help')),
    findingSlot(ctx, ['laws']),
    ...Object.keys(laws).map((key) => lawCard(ctx, key)),
    h('button', { type: 'button', onclick: () => lawDialog(ctx, () => ctx.redraw()) }, ctx.t('edit.laws.add')),
  );
}

export function lawCard(ctx: Ctx, key: string): HTMLElement {
  const path = ['laws', key];
  return h(
    'div',
    { class: 'card', role: 'group', 'aria-label': key },
    h('h4', {}, key),
    findingSlot(ctx, path),
    textField(ctx, ctx.t('edit.law.title'), [...path, 'title'], { multiline: true }),
    textField(ctx, ctx.t('edit.law.year'), [...path, 'year'], { numeric: true }),
    textField(ctx, ctx.t('edit.law.inForce'), [...path, 'inForce'], { type: 'date' }),
    textField(ctx, ctx.t('edit.url'), [...path, 'url'], { type: 'url' }),
    textField(ctx, ctx.t('edit.law.identifier'), [...path, 'identifier']),
    textField(ctx, ctx.t('edit.law.repealedBy'), [...path, 'repealedBy'], { hint: ctx.t('edit.law.repealedBy.hint') }),
    textField(ctx, ctx.t('edit.notes.label'), [...path, 'notes'], { multiline: true }),
  );
}

/** A dialog to declare a new law; `done` gets its key. */
export function lawDialog(ctx: Ctx, done: (key: string) => void): void {
  const fields = {
    key: input(ctx.t('edit.law.key'), 'text', ctx.t('edit.law.key.hint')),
    title: input(ctx.t('edit.law.title'), 'text'),
    year: input(ctx.t('edit.law.year'), 'text'),
    inForce: input(ctx.t('edit.law.inForce'), 'text'),
    url: input(ctx.t('edit.url'), 'url'),
    repealedBy: input(ctx.t('edit.law.repealedBy'), 'text'),
  };
  const error = h('p', { class: 'finding error', role: 'alert' });
  const dialog = h('dialog', { class: 'law-dialog', 'aria-labelledby': 'law-dialog-title' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const declare = () => {
    const key = fields.key.input.value.trim();
    const laws = (ctx.get(['laws']) as Record<string, unknown> | undefined) ?? {};
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) return void (error.textContent = ctx.t('edit.law.key.bad'));
    if (Object.hasOwn(laws, key)) return void (error.textContent = ctx.t('edit.law.key.taken', { key }));
    if (!fields.title.input.value.trim()) return void (error.textContent = ctx.t('edit.law.title.needed'));
    const law: Record<string, unknown> = { title: fields.title.input.value.trim() };
    const year = fields.year.input.value.trim();
    if (year) law.year = /^\d+$/.test(year) ? Number(year) : year;
    for (const name of ['inForce', 'url', 'repealedBy'] as const) if (fields[name].input.value.trim()) law[name] = fields[name].input.value.trim();
    ctx.set(['laws', key], law, { now: true });
    close();
    done(key);
  };
  dialog.append(
    h('h2', { id: 'law-dialog-title' }, ctx.t('edit.laws.add')),
    ...Object.values(fields).map((f) => f.wrap),
    error,
    h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'primary', onclick: declare }, ctx.t('edit.law.declare')), h('button', { type: 'button', onclick: close }, ctx.t('edit.cancel'))),
  );
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  fields.key.input.focus();
}

function input(label: string, type: string, hint?: string) {
  const id = uid();
  const el = h('input', { id, type, autocomplete: 'off' });
  return { input: el, wrap: h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('small', {}, hint) : null, el) };
}
