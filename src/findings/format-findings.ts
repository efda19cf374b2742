import { plural } from '../ground/plural.js';
import type { Finding } from './finding.js';

const MAX_FRAME_WIDTH = 160;

/**
 * `file:line:col  severity  message  (hint)`, then the line itself with the culprit underlined:
 * a drafter sees where to look without opening the file at the right line.
 */
export function formatFinding(finding: Finding, source?: string): string {
  const head = `${finding.file}:${finding.line}:${finding.col}  ${finding.severity}  ${finding.message}${finding.hint ? `  (${finding.hint})` : ''}`;
  const frame = source === undefined ? '' : codeFrame(source, finding);
  return frame ? `${head}\n${frame}` : head;
}

export function codeFrame(source: string, finding: Finding): string {
  const lines = source.split(/\r?\n/);
  const index = finding.line - 1;
  if (index < 0 || index >= lines.length) return '';
  const width = String(Math.min(lines.length, finding.line + 1)).length;
  const out: string[] = [];
  for (let i = Math.max(0, index - 1); i <= Math.min(lines.length - 1, index + 1); i++) {
    const marker = i === index ? '>' : ' ';
    out.push(`  ${marker} ${String(i + 1).padStart(width)} | ${clip(lines[i]!)}`);
    if (i === index) {
      const start = Math.min(finding.col - 1, MAX_FRAME_WIDTH);
      const sameLine = finding.endLine === undefined || finding.endLine === finding.line;
      const end = sameLine && finding.endCol !== undefined ? finding.endCol - 1 : lines[i]!.length;
      const length = Math.max(1, Math.min(end, MAX_FRAME_WIDTH) - start);
      out.push(`    ${' '.repeat(width)} | ${' '.repeat(start)}${'^'.repeat(length)}`);
    }
  }
  return out.join('\n');
}

function clip(line: string): string {
  const clean = line.replace(/\t/g, '→');
  return clean.length > MAX_FRAME_WIDTH ? clean.slice(0, MAX_FRAME_WIDTH) + '…' : clean;
}

export function summarise(findings: readonly Finding[], files: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}
