/**
 * Wraps text at spaces to lines of at most `width` columns. The first line starts with `first`
 * (e.g. "  - "), the others with `rest` (e.g. "    "), so a list item hangs under its marker.
 */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
