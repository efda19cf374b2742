import type { FieldPath } from '../field-edit.js';
import type { Ctx } from './context.js';
import { h, uid } from './dom.js';

export interface FieldOptions {
  multiline?: boolean;
  type?: 'text' | 'date' | 'url' | 'number';
  hint?: string;
  /** Saved as a number (a law's year). */
  numeric?: boolean;
  readonly?: boolean;
}

/** A labelled text field bound to `path`; emptying it removes the field from the file. */
export function textField(ctx: Ctx, label: string, path: FieldPath, options: FieldOptions = {}): HTMLElement {
  const id = uid();
  const current = ctx.get(path);
  const value = current === undefined || current === null ? '' : String(current);
  const input = options.multiline
    ? h('textarea', { id, rows: Math.min(12, Math.max(3, Math.ceil(value.length / 90))), readonly: options.readonly })
    : // Dates are typed as the file holds them (YYYY-MM-DD): a date picker would hide an impossible date the check reports.
      h('input', { id, type: options.type === 'date' || options.type === undefined ? 'text' : options.type, readonly: options.readonly, inputmode: options.numeric ? 'numeric' : undefined, placeholder: options.type === 'date' ? 'YYYY-MM-DD' : undefined, autocomplete: 'off' });
  input.value = value;
  input.addEventListener('input', () => {
    const text = input.value;
    if (text.trim() === '') ctx.remove(path);
    else ctx.set(path, options.numeric && /^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
  });
  const slot = h('div', { class: 'findings' });
  ctx.register(path, slot, input);
  return h('div', { class: `field${options.multiline ? ' wide' : ''}` }, h('label', { for: id }, label), options.hint ? h('small', {}, options.hint) : null, input, slot);
}

/** A labelled choice bound to `path`; the empty choice removes the field. */
export function selectField(ctx: Ctx, label: string, path: FieldPath, choices: { value: string; label: string }[], empty?: string, onChange?: (value: string) => void): HTMLElement {
  const id = uid();
  const current = ctx.get(path);
  const select = h('select', { id }, empty !== undefined ? h('option', { value: '' }, empty) : null, ...choices.map((c) => h('option', { value: c.value }, c.label)));
  select.value = current === undefined ? '' : String(current);
  if (current !== undefined && !choices.some((c) => c.value === String(current))) select.append(h('option', { value: String(current) }, String(current)));
  select.value = current === undefined ? '' : String(current);
  select.addEventListener('change', () => {
    if (onChange) return onChange(select.value);
    if (select.value === '') ctx.remove(path);
    else ctx.set(path, select.value, { now: true });
  });
  const slot = h('div', { class: 'findings' });
  ctx.register(path, slot, select);
  return h('div', { class: 'field' }, h('label', { for: id }, label), select, slot);
}

/** A slot for findings about a whole part (a provision, a citation) rather than one field. */
export function findingSlot(ctx: Ctx, path: FieldPath): HTMLElement {
  const slot = h('div', { class: 'findings' });
  ctx.register(path, slot);
  return slot;
}
