import type { WireProvision } from '../wire.js';
import type { Ctx } from './context.js';
import { h, uid } from './dom.js';
import { findingSlot, selectField, textField } from './fields.js';
import { lawDialog } from './laws-view.js';

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** A new citation: the first declared law (or none yet), checked today, confidence to choose. */
export function newCitation(ctx: Ctx, p: WireProvision, index: number): void {
  const laws = Object.keys((ctx.get(['laws']) as Record<string, unknown> | undefined) ?? {});
  ctx.set(['provisions', p.id, 'evidence', index], { law: laws[0] ?? '', confidence: 'sourced', checked: today() }, { now: true });
  ctx.redraw();
  document.querySelectorAll<HTMLElement>('.citation')[index]?.querySelector('select')?.focus();
}

/** One citation: which law (or declare one), section, quote, link, confidence, date, and the elements it backs. */
export function evidenceCard(ctx: Ctx, p: WireProvision, i: number): HTMLElement {
  const path = ['provisions', p.id, 'evidence', i];
  const laws = (ctx.get(['laws']) as Record<string, { title?: unknown }> | undefined) ?? {};
  const lawChoices = Object.entries(laws).map(([key, law]) => ({ value: key, label: `${key} — ${String(law?.title ?? '')}` }));
  const NEW = '+new'; // never a law key: keys start with a letter
  const lawField = selectField(ctx, ctx.t('edit.citation.law'), [...path, 'law'], [...lawChoices, { value: NEW, label: ctx.t('edit.citation.newLaw') }], undefined, (value) => {
    if (value === NEW) {
      lawDialog(ctx, (key) => {
        ctx.set([...path, 'law'], key, { now: true });
        ctx.redraw();
      });
      return;
    }
    ctx.set([...path, 'law'], value, { now: true });
  });
  const backs = (ctx.get([...path, 'elements']) as string[] | undefined) ?? [];
  const groupId = uid('backs');
  const boxes = p.elements.map((e) => {
    const id = uid();
    const box = h('input', { type: 'checkbox', id, checked: backs.includes(e.id) });
    box.addEventListener('change', () => {
      const now = new Set((ctx.get([...path, 'elements']) as string[] | undefined) ?? []);
      if (box.checked) now.add(e.id);
      else now.delete(e.id);
      const list = p.elements.map((x) => x.id).filter((x) => now.has(x));
      if (list.length) ctx.set([...path, 'elements'], list, { now: true });
      else ctx.remove([...path, 'elements']);
    });
    return h('label', { for: id, class: 'check' }, box, ` ${e.id}`);
  });
  const elementsSlot = findingSlot(ctx, [...path, 'elements']);
  return h(
    'div',
    { class: 'card citation', role: 'group', 'aria-label': `${ctx.t('edit.citation')} ${i + 1}` },
    h('h4', {}, `${ctx.t('edit.citation')} ${i + 1}`),
    findingSlot(ctx, path),
    lawField,
    textField(ctx, ctx.t('edit.citation.section'), [...path, 'section'], { hint: ctx.t('edit.citation.section.hint') }),
    textField(ctx, ctx.t('edit.citation.quote'), [...path, 'quote'], { multiline: true }),
    textField(ctx, ctx.t('edit.url'), [...path, 'url'], { type: 'url' }),
    selectField(ctx, ctx.t('edit.citation.confidence'), [...path, 'confidence'], [
      { value: 'sourced', label: ctx.t('edit.citation.sourced') },
      { value: 'inferred', label: ctx.t('edit.citation.inferred') },
    ], ''),
    textField(ctx, ctx.t('edit.checked'), [...path, 'checked'], { type: 'date' }),
    textField(ctx, ctx.t('edit.citation.source'), [...path, 'source']),
    h('fieldset', { class: 'backs', 'aria-labelledby': groupId }, h('legend', { id: groupId }, ctx.t('edit.citation.backs')), boxes, h('small', {}, ctx.t('edit.citation.backs.hint')), elementsSlot),
    h('button', { type: 'button', class: 'remove', onclick: () => ctx.remove(path) }, ctx.t('edit.citation.remove')),
  );
}
