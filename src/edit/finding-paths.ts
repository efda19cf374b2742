import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding } from '../findings/finding.js';
import { pointerToPath } from '../yaml/json-pointer.js';
import type { FieldPath } from './field-edit.js';

/** A finding as the workbench shows it: the words of `validate`, and the field it concerns. */
export interface FieldFinding {
  path: FieldPath;
  line: number;
  col: number;
  severity: Finding['severity'];
  code: string;
  message: string;
  hint?: string;
}

/**
 * The field each finding concerns: its JSON Pointer when it has one, else the deepest node of the
 * text at its line and column (a finding points at a value, or at the key that holds it).
 */
export function findingPaths(text: string, findings: readonly Finding[]): FieldFinding[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', lineCounter, merge: false, uniqueKeys: false });
  const lineStarts = lineCounter.lineStarts;
  return findings.map((f) => {
    const offset = (lineStarts[f.line - 1] ?? 0) + f.col - 1;
    const path = f.pointer !== undefined ? pointerToPath(f.pointer) : pathAt(doc.contents, offset);
    return { path, line: f.line, col: f.col, severity: f.severity, code: f.code, message: f.message, hint: f.hint };
  });
}

function pathAt(node: unknown, offset: number, path: FieldPath = []): FieldPath {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const end = value?.range ? value.range[1] : key.range![1];
      if (offset >= key.range![0] && offset < Math.max(end, key.range![1] + 1)) {
        const here = [...path, String(pair.key.value)];
        return value && offset >= (value.range?.[0] ?? Infinity) ? pathAt(value, offset, here) : here;
      }
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const range = (item as Node).range;
      if (range && offset >= range[0] - 2 && offset < range[1]) return pathAt(item, offset, [...path, i]);
    }
  }
  return path;
}
