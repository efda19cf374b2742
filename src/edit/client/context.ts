import type { FieldPath } from '../field-edit.js';
import type { WireFramework, WireProvision } from '../wire.js';

export type View = { kind: 'header' } | { kind: 'laws' } | { kind: 'provision'; id: string };

/** What a view needs from the app: the data as edited, a way to change it, the words, and where findings go. */
export interface Ctx {
  framework: WireFramework;
  data: Record<string, unknown>;
  get(path: FieldPath): unknown;
  set(path: FieldPath, value: unknown, opts?: { now?: boolean }): void;
  /** Removes a field; the view is drawn again when a list item goes (the others move up). */
  remove(path: FieldPath): void;
  t(key: string, values?: Record<string, string | number>): string;
  /** Says where a field's findings should be shown, and which input they describe. */
  register(path: FieldPath, slot: HTMLElement, input?: HTMLElement): void;
  redraw(): void;
  go(view: View): void;
  provision(id: string): WireProvision | undefined;
}
