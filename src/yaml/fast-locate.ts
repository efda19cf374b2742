import type { NodeEvents } from './fast-parse.js';
import type { Span, Target } from './locate-node.js';

/**
 * Positions for a file the fast reader read, without the `yaml` package's Document (which parses
 * the text again about ten times slower, with a parser a one-file run has not warmed up). While the
 * fast reader read the text, it noted where js-yaml opened and closed each node; from those offsets
 * a node's start and end are worked out as the Document gives them (`Span`: the same line, column,
 * end line and end column). Where it cannot be sure (an empty value, a block scalar
 * that keeps its trailing lines, a structure it does not recognise) it answers undefined and the
 * caller asks the Document. test/fast-locate.test.ts holds it to the Document on every node of every
 * YAML file of the project and of generated documents.
 */
export type FastLocator = (path: readonly (string | number)[], target: Target) => Span | undefined;

interface RawNode {
  open: number;
  close: number;
  kind: 'scalar' | 'mapping' | 'sequence' | null;
  result: unknown;
  children: RawNode[];
}

/** A mapping's keys (as its data names them) with their key and value nodes. */
type Pairs = Map<string, { key: RawNode; value: RawNode }>;

/** The tree of nodes js-yaml noted while reading (see NodeEvents), or undefined if its shape is not the expected one. */
function buildTree(text: string, { marks, closed }: NodeEvents): RawNode | undefined {
  const root: RawNode = { open: 0, close: text.length, kind: null, result: undefined, children: [] };
  const stack: RawNode[] = [root];
  let next = 0;
  for (const mark of marks) {
    if (mark >= 0) {
      stack.push({ open: mark, close: -1, kind: null, result: undefined, children: [] });
      continue;
    }
    if (stack.length < 2) return undefined;
    let node = stack.pop()!;
    node.close = ~mark;
    node.kind = closed[next++] as RawNode['kind'];
    node.result = closed[next++];
    // js-yaml tries a block mapping by reading a first key; when no `:` follows, the key it read is
    // the node itself, one level down: the same kind and (for a collection) the same object.
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only && only.kind === node.kind && (node.kind === 'scalar' || only.result === node.result)) node = only;
    stack[stack.length - 1]!.children.push(node);
  }
  return stack.length === 1 && root.children.length === 1 ? root.children[0] : undefined;
}

/** A locator over `text`, which the fast reader accepted; built on first use. */
export function fastLocator(text: string, nodes: NodeEvents): FastLocator {
  let tree: RawNode | undefined | null = null;
  let lines: number[] | undefined;
  return (path, target) => {
    if (tree === null) tree = buildTree(text, nodes);
    if (tree === undefined) return undefined;
    const chosen = walk(tree, path, target);
    if (!chosen) return undefined;
    const range = nodeRange(text, chosen);
    if (!range) return undefined;
    lines ??= lineStarts(text);
    const start = linePos(lines, range[0]);
    const end = linePos(lines, range[1]);
    return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  };
}

/** As locate() walks the Document: down the path while it exists, then the value or the key that holds it. */
function walk(root: RawNode, path: readonly (string | number)[], target: Target): RawNode | undefined {
  let node = root;
  let key: RawNode | undefined;
  for (const segment of path) {
    if (node.kind === 'mapping') {
      const pairs = pairsOf(node);
      if (!pairs) return undefined;
      const pair = pairs.get(String(segment));
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node.kind === 'sequence') {
      if (node.children.length !== (node.result as unknown[]).length) return undefined;
      const item = node.children[Number(segment)];
      if (item === undefined) break;
      key = undefined;
      node = item;
    } else {
      break;
    }
  }
  return target === 'key' && key ? key : node;
}

const pairCache = new WeakMap<RawNode, Pairs | null>();

/** A mapping's children are its keys and values in turn: one pair per key of its data, else not understood. */
function pairsOf(node: RawNode): Pairs | undefined {
  const known = pairCache.get(node);
  if (known !== undefined) return known ?? undefined;
  const children = node.children;
  const count = Object.keys(node.result as object).length;
  let pairs: Pairs | undefined;
  if (children.length === 2 * count) {
    pairs = new Map();
    for (let i = 0; i < children.length; i += 2) {
      const key = children[i]!;
      if (key.kind !== 'scalar') {
        pairs = undefined;
        break;
      }
      const name = String(key.result);
      if (!pairs.has(name)) pairs.set(name, { key, value: children[i + 1]! });
    }
    if (pairs && pairs.size !== count) pairs = undefined;
  }
  pairCache.set(node, pairs ?? null);
  return pairs;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;

/** Where a node's content starts: past the spaces, line ends and comments before it. */
function contentStart(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === SPACE || c === NEWLINE) at++;
    else if (c === HASH && (at === 0 || text.charCodeAt(at - 1) === SPACE || text.charCodeAt(at - 1) === NEWLINE)) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end;
    } else return at;
  }
}

/**
 * The Document's range of a node: [start, end], or undefined where this locator is not sure. `end`
 * is where the Document's value ends: after a scalar's last character, a flow collection's bracket,
 * a block scalar's last line (its line end included), or a block collection's last entry with what
 * follows it on its line.
 */
function nodeRange(text: string, node: RawNode): [number, number] | undefined {
  const start = contentStart(text, node.open);
  if (start >= node.close || node.kind === null) return undefined; // an empty value: the Document puts it where js-yaml does not
  const end = valueEnd(text, node, start);
  return end === undefined ? undefined : [start, end];
}

function valueEnd(text: string, node: RawNode, start: number): number | undefined {
  const first = text.charCodeAt(start);
  if (node.kind === 'scalar') {
    if (first === 0x22 || first === 0x27) return text.charCodeAt(node.close - 1) === first ? node.close : undefined; // "…" or '…', on one line
    if (first === 0x7c || first === 0x3e) return blockScalarEnd(text, start, node.close); // | or >
    // A plain scalar: js-yaml stops after its last character, or at the spaces before a `:` or ` #`;
    // at the top level it may run on past the line end (and comments), which is left to the Document.
    let end = node.close;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    return text.charCodeAt(end - 1) === NEWLINE ? undefined : end;
  }
  if (first === 0x5b || first === 0x7b) {
    // [ … ] or { … }: js-yaml stops right after the closing bracket.
    const last = text.charCodeAt(node.close - 1);
    return last === (first === 0x5b ? 0x5d : 0x7d) ? node.close : undefined;
  }
  if (node.kind === 'mapping' && !pairsOf(node)) return undefined;
  if (node.kind === 'sequence' && node.children.length !== (node.result as unknown[]).length) return undefined;
  const last = node.children[node.children.length - 1];
  return last === undefined ? undefined : trailingEnd(text, last);
}

/** The end of a block scalar's last line that is not blank (its line end included). `|+`, `>+` keep their blank lines: not placed here. */
function blockScalarEnd(text: string, start: number, close: number): number | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0) return undefined;
  const header = text.slice(start, headerEnd);
  if (header.includes('+')) return undefined;
  let at = close;
  while (at > headerEnd && (text.charCodeAt(at - 1) === SPACE || text.charCodeAt(at - 1) === NEWLINE)) at--;
  if (at <= headerEnd) return undefined; // no content line
  const lineEnd = text.indexOf('\n', at);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

/**
 * Where a block collection's last entry ends, as the Document counts it: a block collection or block
 * scalar where its value ends, any other node past the spaces, comment and line end after it.
 */
function trailingEnd(text: string, node: RawNode): number | undefined {
  const range = nodeRange(text, node);
  if (!range) return undefined;
  const [start, end] = range;
  const first = text.charCodeAt(start);
  const blockScalar = node.kind === 'scalar' && (first === 0x7c || first === 0x3e);
  const blockCollection = node.kind !== 'scalar' && first !== 0x5b && first !== 0x7b;
  if (blockScalar || blockCollection) return end;
  let at = end;
  while (text.charCodeAt(at) === SPACE) at++;
  if (text.charCodeAt(at) === HASH) {
    const lineEnd = text.indexOf('\n', at);
    at = lineEnd < 0 ? text.length : lineEnd;
  }
  return text.charCodeAt(at) === NEWLINE ? at + 1 : at;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line and column of an offset, as the `yaml` package's LineCounter gives them. */
function linePos(starts: number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offset < starts[mid]!) high = mid;
    else low = mid + 1;
  }
  return { line: low, col: offset - starts[low - 1]! + 1 };
}
