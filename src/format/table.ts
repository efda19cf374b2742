/** A plain-text table with columns padded to their widest cell; `right` columns are right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? ' '.repeat(widths[i]! - width(c)) + c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Display width: combining marks (Thai vowels, Vietnamese tones) take no column. */
function width(text: string): number {
  return [...text.replace(/\p{M}/gu, '')].length;
}
