import type { Node, Pair } from 'yaml';
import type { ParsedYaml } from './parse-yaml.js';
import { yamlPackage } from './yaml-package.js';

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** What to point at: the value at the path, or the key that holds it. */
export type Target = 'value' | 'key';

/**
 * The position of the node at `path` (JSON-Pointer segments). When the path runs through a node that
 * does not exist, the closest existing ancestor is used, as a reader would look there first.
 */
export function locate(parsed: ParsedYaml, path: readonly (string | number)[], target: Target = 'value'): Span {
  const fast = parsed.fastLocate?.(path, target);
  if (fast) return fast;
  const { isAlias } = yamlPackage();
  let node: unknown = parsed.doc.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(parsed.doc);
    const next = child(node, segment);
    if (!next) break;
    pair = next.pair; // undefined for a list item: its "key" is the item itself
    node = next.node;
  }
  const chosen = target === 'key' && pair && isNodeWithRange(pair.key) ? pair.key : node;
  const range = isNodeWithRange(chosen) ? chosen.range : undefined;
  if (!range) return { line: 1, col: 1, endLine: 1, endCol: 1 };
  const start = parsed.lineCounter.linePos(range[0]);
  const end = parsed.lineCounter.linePos(range[1]);
  return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
}

function child(node: unknown, segment: string | number): { node: unknown; pair?: Pair } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
    return pair ? { node: pair.value, pair } : undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as Node).range);
}
