import type { Severity, YamlIssue } from '../yaml/yaml-issue.js';

export type { Severity };

/**
 * One thing wrong with an input file, pointing at the exact place. Lines and columns are 1-based.
 * A YAML reading problem (`YamlIssue`) is a finding as it stands; checks further up add a pointer.
 */
export interface Finding extends YamlIssue {
  /** JSON Pointer into the document, when the finding is about a node. */
  pointer?: string;
}

export const countErrors = (findings: readonly Finding[]): number =>
  findings.filter((f) => f.severity === 'error').length;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.code, b.code));
}

/** localeCompare, asked only when the texts differ: its first call sets up ICU's collator (~5 ms), which one file's findings never need. */
const compareText = (a: string, b: string) => (a === b ? 0 : a.localeCompare(b));
