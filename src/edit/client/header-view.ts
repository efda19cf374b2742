import type { Ctx } from './context.js';
import { h } from './dom.js';
import { findingSlot, selectField, textField } from './fields.js';

/** The profile's header: who assessed which country, when, how far, and on what it rests. */
export function headerView(ctx: Ctx): HTMLElement {
  const assessors = (ctx.get(['assessors']) as unknown[] | undefined) ?? [];
  return h(
    'article',
    { 'aria-labelledby': 'header-title' },
    h('h2', { id: 'header-title' }, ctx.t('edit.header')),
    findingSlot(ctx, []),
    textField(ctx, ctx.t('edit.header.country'), ['country'], { hint: ctx.t('edit.header.country.hint') }),
    textField(ctx, ctx.t('edit.header.name'), ['name']),
    textField(ctx, ctx.t('edit.header.framework'), ['framework'], { readonly: true }),
    textField(ctx, ctx.t('edit.header.assessed'), ['assessed'], { type: 'date' }),
    selectField(ctx, ctx.t('edit.header.status'), ['status'], [
      { value: 'draft', label: ctx.t('edit.header.status.draft') },
      { value: 'reviewed', label: ctx.t('edit.header.status.reviewed') },
    ]),
    textField(ctx, ctx.t('edit.header.basedOn'), ['basedOn'], { multiline: true, hint: ctx.t('edit.header.basedOn.hint') }),
    h(
      'section',
      { 'aria-label': ctx.t('edit.header.assessors') },
      h('h3', {}, ctx.t('edit.header.assessors')),
      findingSlot(ctx, ['assessors']),
      ...assessors.map((_, i) =>
        h(
          'div',
          { class: 'card', role: 'group', 'aria-label': `${ctx.t('edit.header.assessor')} ${i + 1}` },
          textField(ctx, ctx.t('edit.header.assessor.name'), ['assessors', i, 'name']),
          textField(ctx, ctx.t('edit.header.assessor.organisation'), ['assessors', i, 'organisation']),
          textField(ctx, ctx.t('edit.header.assessor.role'), ['assessors', i, 'role']),
          h('button', { type: 'button', class: 'remove', onclick: () => ctx.remove(['assessors', i]) }, ctx.t('edit.header.assessor.remove')),
        ),
      ),
      h('button', { type: 'button', onclick: () => { ctx.set(['assessors', assessors.length], { name: ctx.t('edit.header.assessor.newName') }, { now: true }); ctx.redraw(); } }, ctx.t('edit.header.assessor.add')),
    ),
  );
}
