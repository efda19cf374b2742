import type { WireProvision } from '../wire.js';
import type { Ctx } from './context.js';
import { h, uid } from './dom.js';
import { evidenceCard, newCitation } from './evidence-view.js';
import { findingSlot, selectField, textField } from './fields.js';

/** One provision: the framework's words (read-only), then the answers, citations, notes and bills. */
export function provisionView(ctx: Ctx, p: WireProvision, next: WireProvision | undefined): HTMLElement {
  const base = ['provisions', p.id];
  const evidence = (ctx.get([...base, 'evidence']) as unknown[] | undefined) ?? [];
  const pending = (ctx.get([...base, 'pending']) as unknown[] | undefined) ?? [];
  const answers = ctx.framework.scale.map((s) => ({ value: s.key, label: s.label }));

  return h(
    'article',
    { class: 'provision', 'aria-labelledby': 'provision-title' },
    h('h2', { id: 'provision-title' }, h('span', { class: 'pid' }, p.id), ' ', p.title),
    findingSlot(ctx, base),
    h(
      'section',
      { class: 'framework', 'aria-label': ctx.t('edit.framework.says') },
      h('h3', {}, ctx.t('edit.framework.says')),
      h('p', { class: 'requirement' }, p.requirement),
      h('p', { class: 'meta' }, `${ctx.t('edit.weight')}: ${p.weightLabel} (${p.weight})`),
      p.references.length ? h('details', {}, h('summary', {}, `${ctx.t('edit.references')} (${p.references.length})`), h('ul', { class: 'meta' }, p.references.map((r) => h('li', {}, r)))) : null,
      h('details', {}, h('summary', {}, ctx.t('edit.recommendation')), h('p', {}, p.recommendation)),
    ),
    h(
      'section',
      { 'aria-label': ctx.t('edit.elements') },
      h('h3', {}, ctx.t('edit.elements')),
      h('p', { class: 'help' }, ctx.t('edit.elements.help', { keys: ctx.framework.scale.map((s) => `${s.hotkey} ${s.label}`).join(' · ') })),
      ...p.elements.map((e) => elementRow(ctx, p, e)),
      selectField(ctx, ctx.t('edit.provisionAnswer'), [...base, 'answer'], answers, ctx.t('edit.provisionAnswer.none')),
    ),
    h(
      'section',
      { 'aria-label': ctx.t('edit.evidence') },
      h('h3', {}, ctx.t('edit.evidence')),
      findingSlot(ctx, [...base, 'evidence']),
      evidence.length === 0 ? h('p', { class: 'help' }, ctx.t('edit.evidence.none')) : null,
      ...evidence.map((_, i) => evidenceCard(ctx, p, i)),
      h('button', { type: 'button', onclick: () => newCitation(ctx, p, evidence.length) }, ctx.t('edit.evidence.add')),
    ),
    h('section', { 'aria-label': ctx.t('edit.notes') }, h('h3', {}, ctx.t('edit.notes')), textField(ctx, ctx.t('edit.notes.label'), [...base, 'notes'], { multiline: true, hint: ctx.t('edit.notes.hint') })),
    h(
      'section',
      { 'aria-label': ctx.t('edit.pending') },
      h('h3', {}, ctx.t('edit.pending')),
      ...pending.map((_, i) => billCard(ctx, [...base, 'pending', i])),
      h('button', { type: 'button', onclick: () => { ctx.set([...base, 'pending', pending.length], { bill: ctx.t('edit.pending.newBill') }, { now: true }); ctx.redraw(); } }, ctx.t('edit.pending.add')),
    ),
    next ? h('p', { class: 'next' }, h('button', { type: 'button', onclick: () => ctx.go({ kind: 'provision', id: next.id }) }, `${ctx.t('edit.next')}: ${next.id} ${next.title}`)) : null,
  );
}

/** An element: its text, and the framework's answers as radio buttons (keys 1, 2, 3… choose). */
function elementRow(ctx: Ctx, p: WireProvision, e: WireProvision['elements'][number]): HTMLElement {
  const path = ['provisions', p.id, 'elements', e.id];
  const current = ctx.get(path);
  const name = uid('el');
  const legendId = uid('lg');
  const radios = ctx.framework.scale.map((s) => {
    const id = uid();
    const input = h('input', { type: 'radio', name, id, value: s.key, checked: current === s.key });
    input.addEventListener('change', () => input.checked && ctx.set(path, s.key, { now: true }));
    return h('label', { for: id, class: `answer a-${s.key.replace(/[^a-z-]/g, '')}`, title: s.description }, input, h('kbd', {}, s.hotkey), ' ', s.label);
  });
  const slot = h('div', { class: 'findings' });
  const group = h('fieldset', { class: 'element', 'aria-labelledby': legendId }, h('legend', { id: legendId }, h('b', {}, `${e.id}. `), e.text, e.goodPractice ? h('span', { class: 'badge' }, ctx.t('edit.goodPractice')) : null), h('div', { class: 'answers', role: 'radiogroup', 'aria-labelledby': legendId }, radios), e.partialNote ? h('small', { class: 'amendment' }, `${ctx.t('edit.partialNote')}: ${e.partialNote}`) : null, e.amendment ? h('small', { class: 'amendment' }, `${ctx.t('edit.amendment')}: ${e.amendment}`) : null, slot);
  ctx.register(path, slot, group);
  group.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || (event.target as HTMLElement).tagName === 'TEXTAREA') return;
    const choice = ctx.framework.scale.find((s) => s.hotkey === event.key);
    if (!choice) return;
    event.preventDefault();
    const radio = group.querySelector<HTMLInputElement>(`input[value="${CSS.escape(choice.key)}"]`);
    if (radio) {
      radio.checked = true;
      radio.focus();
      ctx.set(path, choice.key, { now: true });
    }
  });
  return group;
}

function billCard(ctx: Ctx, path: (string | number)[]): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    textField(ctx, ctx.t('edit.pending.bill'), [...path, 'bill']),
    textField(ctx, ctx.t('edit.pending.stage'), [...path, 'stage']),
    textField(ctx, ctx.t('edit.url'), [...path, 'url'], { type: 'url' }),
    textField(ctx, ctx.t('edit.checked'), [...path, 'checked'], { type: 'date' }),
    textField(ctx, ctx.t('edit.notes.label'), [...path, 'notes'], { multiline: true }),
    h('button', { type: 'button', class: 'remove', onclick: () => ctx.remove(path) }, ctx.t('edit.pending.remove')),
  );
}
