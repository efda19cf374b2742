import { yamlPackage } from './yaml-package.js';

/** Beyond this many tab-indented lines the search is not worth it: the one "tab" finding per line says it all. */
const MAX_TAB_LINES = 20;

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;
const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
const opensBlock = (line: string) => /:\s*(#.*)?$/.test(line.replace(/\s+$/, ''));

function errorCount(text: string): number {
  const { LineCounter, parseDocument } = yamlPackage();
  try {
    return parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, merge: false }).errors.length;
  } catch {
    return Infinity;
  }
}

/**
 * YAML forbids tabs in indentation, and one tab makes the parser lose every line after it. To report
 * the file's other mistakes, find for each tab-indented line the spaces that make the file parse
 * (as deep as the line above, one step deeper after a `key:`, or as the line below). Returns the
 * respaced text, with how many characters each changed line (1-based) grew, or undefined when no
 * choice of spaces makes the whole file parse cleanly.
 */
export function respaceTabs(text: string): { text: string; grown: Map<number, number> } | undefined {
  const original = text.split('\n');
  const result = (respaced: string) => {
    const grown = new Map<number, number>();
    respaced.split('\n').forEach((line, i) => line !== original[i] && grown.set(i + 1, indentOf(line) - indentOf(original[i]!)));
    return { text: respaced, grown };
  };
  const lines = text.split('\n');
  const tabbed = lines.flatMap((line, i) => (/^[ ]*\t/.test(line) ? [i] : []));
  if (tabbed.length === 0 || tabbed.length > MAX_TAB_LINES) return undefined;
  const everyTabTwoSpaces = lines.map((line, i) => (tabbed.includes(i) ? line.replace(/^[ \t]+/, (ws) => ws.replace(/\t/g, '  ')) : line)).join('\n');
  if (errorCount(everyTabTwoSpaces) === 0) return result(everyTabTwoSpaces);
  for (const i of tabbed) {
    const above = lines.slice(0, i).reverse().find(isContent);
    const below = lines.slice(i + 1).find((l) => isContent(l) && !/^[ ]*\t/.test(l));
    const up = above === undefined ? 0 : indentOf(above);
    const options = [...(above && opensBlock(above) ? [up + 2, up + 4] : []), up, ...(below ? [indentOf(below)] : []), up - 2, up - 4, 0];
    const body = lines[i]!.replace(/^[ \t]+/, '');
    let best: { count: number; line: string } | undefined;
    for (const spaces of new Set(options.filter((n) => n >= 0))) {
      const line = ' '.repeat(spaces) + body;
      const count = errorCount([...lines.slice(0, i), line, ...lines.slice(i + 1)].join('\n'));
      if (best === undefined || count < best.count) best = { count, line };
    }
    lines[i] = best!.line;
  }
  const respaced = lines.join('\n');
  return errorCount(respaced) === 0 ? result(respaced) : undefined;
}
