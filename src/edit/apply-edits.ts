import { isMap, type Document, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FieldEdit, FieldPath } from './field-edit.js';
import { renderItem, renderKey, renderPair, renderScalarLike } from './render-yaml.js';

/** An edit that cannot be made on this text (the YAML is broken, or the path runs through a value). */
export class EditError extends Error {}

/** The order keys are written in, for a map at `path`: a new key goes where a person would put it. */
export type KeyOrder = (path: FieldPath) => readonly string[] | undefined;

/**
 * Applies the edits in turn to a profile's text and returns the new text. The yaml Document API
 * finds each node and its position; only the bytes of what changed are rewritten, so comments, key
 * order, quoting and the layout of everything untouched stay byte for byte as they were. An edit that
 * sets a field to the value it already has changes nothing.
 */
export function applyEdits(text: string, edits: readonly FieldEdit[], order: KeyOrder = () => undefined): string {
  let out = text;
  let doc: Document.Parsed | undefined;
  for (const edit of edits) {
    doc ??= parse(out); // parsed again only after an edit changed the text
    const next = applyEdit(out, doc, edit, order);
    if (next !== out) doc = undefined;
    out = next;
  }
  return out;
}

function parse(text: string): Document.Parsed {
  const doc = parseDocument(text, { version: '1.2', merge: false, uniqueKeys: false });
  if (doc.errors.length) throw new EditError('the file is not valid YAML, so it cannot be edited in the form; fix it in a text editor first');
  return doc;
}

type Holder = { kind: 'root' } | { kind: 'pair'; pair: Pair; map: YAMLMap } | { kind: 'item'; seq: YAMLSeq; index: number };

function applyEdit(text: string, doc: Document.Parsed, edit: FieldEdit, order: KeyOrder): string {
  edit = edit.remove ? edit : { path: edit.path, value: ordered(edit.value, edit.path, order) };
  const remove = edit.remove === true;
  let node: unknown = doc.contents;
  let holder: Holder = { kind: 'root' };
  for (let i = 0; i < edit.path.length; i++) {
    const segment = edit.path[i]!;
    const last = i === edit.path.length - 1;
    const rest = () => build(edit.path.slice(i + 1), edit.value);
    if (node === null || node === undefined) {
      if (remove) return text;
      if (holder.kind !== 'root') return replaceNode(text, holder, undefined, build(edit.path.slice(i), edit.value));
      return appendText(text, renderPair(String(segment), rest(), 0));
    }
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return remove ? text : insertPair(text, node, holder, String(segment), rest(), order(edit.path.slice(0, i)));
      if (last) return remove ? removePair(text, node, pair, holder) : replaceNode(text, { kind: 'pair', pair, map: node }, (pair.value as Node | null) ?? undefined, edit.value);
      holder = { kind: 'pair', pair, map: node };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index > node.items.length) throw new EditError(`there is no item ${String(segment)} in the list at ${edit.path.slice(0, i).join('/')}`);
      if (index === node.items.length) return remove ? text : appendItem(text, node, holder, rest());
      if (last) return remove ? removeItem(text, node, index, holder) : replaceNode(text, { kind: 'item', seq: node, index }, node.items[index] as Node, edit.value);
      holder = { kind: 'item', seq: node, index };
      node = node.items[index];
    } else {
      if (remove) return text;
      return replaceNode(text, holder, node as Node, build(edit.path.slice(i), edit.value));
    }
  }
  throw new EditError('an edit needs a path');
}

/** A new value with its keys in the order a person writes them (a citation's law first, then its section…). */
function ordered(value: unknown, path: FieldPath, order: KeyOrder): unknown {
  if (Array.isArray(value)) return value.map((v, i) => ordered(v, [...path, i], order));
  if (typeof value !== 'object' || value === null) return value;
  const keys = order(path);
  const rank = (k: string) => (keys?.includes(k) ? keys.indexOf(k) : Infinity);
  const entries = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, ordered(v, [...path, k], order)]));
}

/** The value to write where a path runs past what exists: `['a', 0, 'b'], v` → `{a: [{b: v}]}`. */
function build(path: FieldPath, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) out = typeof path[i] === 'number' ? [out] : { [String(path[i])]: out };
  return out;
}

function replaceNode(text: string, holder: Holder, node: Node | undefined, value: unknown): string {
  if (node && deepEqual(node.toJSON(), value)) return text;
  const inFlow = holder.kind === 'pair' ? holder.map.flow === true : holder.kind === 'item' ? holder.seq.flow === true : false;
  const range = node?.range;
  if (node && range && isScalar(node) && isPrimitive(value)) {
    const original = text.slice(range[0], range[1]);
    const restOfLine = text.slice(range[1], lineEnd(text, range[1]));
    const blockAllowed = !inFlow && (original.endsWith('\n') || restOfLine.trim() === '');
    let rendered = renderScalarLike(value, node as Scalar, !blockAllowed, columnOf(text, holderStart(holder, node)) + 2);
    if (original.endsWith('\n')) rendered += '\n';
    else if (/^[|>]/.test(rendered)) rendered = rendered.replace(/\n$/, '');
    return splice(text, range[0], range[1], rendered);
  }
  if (node && range && (isMap(node) || isSeq(node)) && node.flow && isFlowable(value) && Array.isArray(value) === isSeq(node)) {
    return splice(text, range[0], range[1], renderFlow(text, node, value));
  }
  if (holder.kind === 'pair' && !inFlow) {
    const key = holder.pair.key as Node;
    const start = key.range![0];
    const pairText = renderPair(String((key as Scalar).value), value, 0);
    return splice(text, start, endOfPair(text, holder.pair), indentLines(pairText, columnOf(text, start)));
  }
  if (holder.kind === 'item' && !holder.seq.flow && node?.range) {
    const dash = columnOf(text, node.range[0]) - 2;
    const itemText = renderItem(value, dash);
    return splice(text, node.range[0], endOfNode(text, node), itemText.slice(dash + 2));
  }
  if (node?.range) return splice(text, node.range[0], node.range[1], JSON.stringify(value));
  throw new EditError('this value cannot be replaced in place');
}

function insertPair(text: string, map: YAMLMap, holder: Holder, key: string, value: unknown, keyOrder: readonly string[] | undefined): string {
  const pairs = map.items.filter((p): p is Pair => isPair(p) && isScalar(p.key));
  if (map.flow) {
    if (pairs.length === 0 && !isPrimitive(value) && holder.kind === 'pair') return replaceNode(text, holder, map, { [key]: value });
    const entry = `${renderKey(key)}: ${isPrimitive(value) ? renderScalarLike(value, undefined, true, 0) : JSON.stringify(value)}`;
    const last = pairs.at(-1);
    if (!last) return splice(text, map.range![0], map.range![1], `{${entry}}`);
    const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
    return splice(text, end, end, `, ${entry}`);
  }
  const first = pairs[0];
  if (!first) return holder.kind === 'root' ? appendText(text, renderPair(key, value, 0)) : replaceNode(text, holder, map, { [key]: value });
  const indent = columnOf(text, (first.key as Node).range![0]);
  const after = placeAfter(pairs, key, keyOrder);
  if (after) return insertLines(text, endOfPair(text, after), renderPair(key, value, indent));
  const start = lineStart(text, (first.key as Node).range![0]);
  return splice(text, start, start, renderPair(key, value, indent));
}

/** The existing pair a new key goes after: the last one before it in the known order, else the last one. */
function placeAfter(pairs: Pair[], key: string, keyOrder: readonly string[] | undefined): Pair | undefined {
  const rank = keyOrder?.indexOf(key) ?? -1;
  if (rank < 0) return pairs.at(-1);
  let after: Pair | undefined;
  for (const pair of pairs) {
    const r = keyOrder!.indexOf(String((pair.key as Scalar).value));
    if (r >= 0 && r < rank) after = pair;
  }
  return after ?? (pairs.every((p) => keyOrder!.indexOf(String((p.key as Scalar).value)) < 0) ? pairs.at(-1) : undefined);
}

function removePair(text: string, map: YAMLMap, pair: Pair, holder: Holder): string {
  if (map.flow) return splice(text, map.range![0], map.range![1], renderFlow(text, map, without(map.toJSON() as Record<string, unknown>, String((pair.key as Scalar).value))));
  if (map.items.length === 1 && holder.kind !== 'root') return replaceNode(text, holder, map, {});
  const start = lineStart(text, (pair.key as Node).range![0]);
  return splice(text, start, endOfPair(text, pair), '');
}

function appendItem(text: string, seq: YAMLSeq, holder: Holder, value: unknown): string {
  const last = seq.items.at(-1) as Node | undefined;
  if (seq.flow || !last) {
    if (isPrimitive(value) && seq.flow) {
      if (!last) return splice(text, seq.range![0], seq.range![1], `[${renderScalarLike(value, undefined, true, 0)}]`);
      return splice(text, last.range![1], last.range![1], `, ${renderScalarLike(value, undefined, true, 0)}`);
    }
    if (holder.kind === 'root') throw new EditError('a profile is a map, not a list');
    return replaceNode(text, holder, seq, [...(seq.toJSON() as unknown[]), value]);
  }
  const dash = columnOf(text, last.range![0]) - 2;
  return insertLines(text, endOfNode(text, last), renderItem(value, dash));
}

function removeItem(text: string, seq: YAMLSeq, index: number, holder: Holder): string {
  const items = seq.toJSON() as unknown[];
  if (seq.flow) return splice(text, seq.range![0], seq.range![1], renderFlow(text, seq, items.filter((_, i) => i !== index)));
  if (seq.items.length === 1 && holder.kind !== 'root') return replaceNode(text, holder, seq, []);
  const item = seq.items[index] as Node;
  return splice(text, lineStart(text, item.range![0]), endOfNode(text, item), '');
}

/** A flow collection written again, keeping the source text of every entry that did not change. */
function renderFlow(text: string, node: YAMLMap | YAMLSeq, value: unknown): string {
  const padded = text[node.range![0] + 1] === ' ';
  const wrap = (open: string, close: string, parts: string[]) => (parts.length === 0 ? open + close : padded ? `${open} ${parts.join(', ')} ${close}` : `${open}${parts.join(', ')}${close}`);
  const scalar = (v: unknown, old: unknown) =>
    isScalar(old) && deepEqual(old.toJSON(), v) && old.range ? text.slice(old.range[0], old.range[1]) : isPrimitive(v) ? renderScalarLike(v, isScalar(old) ? old : undefined, true, 0) : JSON.stringify(v);
  if (isSeq(node)) return wrap('[', ']', (value as unknown[]).map((v, i) => scalar(v, node.items[i])));
  const old = new Map(node.items.filter(isPair).map((p) => [String((p.key as Scalar).value), p] as const));
  return wrap('{', '}', Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const pair = old.get(k);
    return `${pair && (pair.key as Node).range ? text.slice((pair.key as Node).range![0], (pair.key as Node).range![1]) : renderKey(k)}: ${scalar(v, pair?.value)}`;
  }));
}

const isPrimitive = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isFlowable = (v: unknown): boolean => (Array.isArray(v) ? v.every(isPrimitive) : typeof v === 'object' && v !== null && Object.values(v).every(isPrimitive));
const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

function holderStart(holder: Holder, node: Node): number {
  if (holder.kind === 'pair') return (holder.pair.key as Node).range![0];
  if (holder.kind === 'item') return node.range![0] - 2;
  return 0;
}

/** Where a pair's text ends: after its value, its comment on the same line and that line's newline. */
function endOfPair(text: string, pair: Pair): number {
  const value = pair.value as Node | null;
  return value?.range ? endOfNode(text, value) : lineEnd(text, (pair.key as Node).range![2]) + 1;
}

function endOfNode(text: string, node: Node): number {
  const end = node.range![2];
  if (end > 0 && text[end - 1] === '\n') return end;
  return Math.min(text.length, lineEnd(text, end) + 1);
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Inserts whole lines at `at` (a line start, or the end of a file whose last line has no newline). */
function insertLines(text: string, at: number, lines: string): string {
  return splice(text, at, at, (at === text.length && at > 0 && !text.endsWith('\n') ? '\n' : '') + lines);
}

function appendText(text: string, block: string): string {
  return text + (text === '' || text.endsWith('\n') ? '' : '\n') + block;
}

function indentLines(block: string, indent: number): string {
  // The first line continues where the old pair's key stood; the rest keep their own indentation.
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
