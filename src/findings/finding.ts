export type Severity = 'error' | 'warning';

/** One thing wrong with an input file, pointing at the exact place. Lines and columns are 1-based. */
export interface Finding {
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
  severity: Severity;
  /** Stable identifier of the check, e.g. `unknown-key`, `undeclared-law`. */
  code: string;
  message: string;
  /** How to fix it, in the user's words. */
  hint?: string;
  /** JSON Pointer into the document, when the finding is about a node. */
  pointer?: string;
}

export const countErrors = (findings: readonly Finding[]): number =>
  findings.filter((f) => f.severity === 'error').length;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}
