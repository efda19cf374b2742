import type { Span, Target } from './locate-node.js';
import { readProfile, type Placed } from './profile-reader.js';

/**
 * Positions for a file the profile reader read, without the `yaml` package's Document (which parses
 * the text again about ten times slower, with a parser a one-file run has not warmed up). On first
 * use it reads the text again, noting where the Document places each node (profile-reader.ts's
 * `record`), and answers as locate-node.ts's `locate` does: the same line, column, end line and end
 * column. Where the reader is not sure of a range (an empty value, a collection ending in one) it
 * answers undefined and the caller asks the Document. test/fast-locate.test.ts holds it to the
 * Document on every node of every YAML file of the project and of generated documents.
 */
export type FastLocator = (path: readonly (string | number)[], target: Target) => Span | undefined;

export function profileLocator(text: string): FastLocator {
  let root: Placed | undefined | null = null;
  let lines: number[] | undefined;
  return (path, target) => {
    if (root === null) root = readProfile(text, true)?.root;
    if (!root) return undefined;
    const chosen = walk(root, path, target);
    if (chosen.end < 0) return undefined;
    lines ??= lineStarts(text);
    const start = linePos(lines, chosen.start);
    const end = linePos(lines, chosen.end);
    return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  };
}

/** As locate() walks the Document: down the path while it exists, then the value or the key that holds it. */
function walk(root: Placed, path: readonly (string | number)[], target: Target): Placed {
  let node = root;
  let key: Placed | undefined;
  for (const segment of path) {
    if (node.pairs) {
      const pair = node.pairs.get(String(segment));
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node.items) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      key = undefined;
      node = item;
    } else break;
  }
  return target === 'key' && key ? key : node;
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
