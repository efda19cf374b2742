/**
 * Texts the fast reader (fast-parse.ts) leaves to the full one, found by a quick look at the
 * characters: a false alarm costs only speed. What the fast reader's node watcher catches (anchors,
 * aliases, tags, quoted scalars) is not looked for here. Each look starts from a character that is
 * rare in a profile, so the whole look costs a few percent of the parse.
 *  - a tab anywhere: tabs in indentation are an error the full reader reports and reads past;
 *  - a carriage return: parse-yaml.ts gives the fast reader Windows line ends (\r\n) as \n, so a \r
 *    here is one alone, left to the full reader;
 *  - `%` directives, `---` and `...` markers: several documents, or a directive;
 *  - the verbatim tag `!<…>`: `!<?>` would resolve in js-yaml;
 *  - `? ` complex keys, and `[…]:`/`{…}:` collection keys: the parsers turn them into text differently;
 *  - a null key (`~:`, `null:`, `: x`, `{~}`): js-yaml names it "null", the full reader "";
 *  - a list item with nothing after its `-` on the line: js-yaml 4.3 adds the next item of an outer
 *    list to the inner one when the inner one's item is empty;
 *  - a block scalar with an indentation indicator (`|2`, `>1-`): js-yaml keeps the spaces of its
 *    blank lines where the full reader drops them;
 *  - a block scalar whose first non-empty line holds only spaces: the full reader asks for an
 *    indentation indicator, js-yaml reads on;
 *  - `]#` or `}#`: the full reader wants a space before a comment;
 *  - a line over 1,000 characters: the full reader refuses implicit keys over 1,024;
 *  - a multi-line flow collection (`[` or `{` left open at the end of a line): the full reader warns
 *    about its closing bracket's indentation, js-yaml does not.
 */
export function needsFullReader(text: string): boolean {
  return (
    text.includes('\t') ||
    text.includes('\r') ||
    text.includes('!<') ||
    /^(?:%|---|\.\.\.)/.test(text) ||
    /\n(?:%|---|\.\.\.)/.test(text) ||
    /[|>](?:[-+]?[ ]*(?:#[^\n]*)?\n\n*[ ]+\n|(?:[1-9][-+]?|[-+][1-9])[ ]*(?:#[^\n]*)?$)/m.test(text) ||
    hasLongLine(text) ||
    hasComplexKey(text) ||
    hasNullKey(text) ||
    hasEmptyDashLine(text) ||
    hasFlowHazard(text)
  );
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/** Whether a node may start at `at`: at the start of a line, after `- `, `? `, `: `, or after `[`, `{`, `,`. */
function atNodeStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === SPACE) i--;
  if (i < 0) return true;
  const c = text[i];
  if (c === '\n' || c === '[' || c === '{' || c === ',') return true;
  return i < at - 1 && (c === '-' || c === '?' || c === ':');
}

export function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start >= 1000) return true;
    if (end < 0) return false;
    start = end + 1;
  }
  return false;
}

export function hasComplexKey(text: string): boolean {
  for (let at = text.indexOf('?'); at >= 0; at = text.indexOf('?', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if ((at + 1 === text.length || next === SPACE || next === NEWLINE) && atNodeStart(text, at)) return true;
  }
  return false;
}

const NULL_WORDS = ['~', 'null', 'Null', 'NULL'];

/** A key that is empty or a null word where a node starts, before `:` and a space, line end or flow indicator. */
export function hasNullKey(text: string): boolean {
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    const next = text[at + 1];
    if (!(next === undefined || next === ' ' || next === '\n' || next === ',' || next === ']' || next === '}')) continue;
    let end = at;
    while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
    if (atNodeStart(text, at)) return true; // an empty key
    const last = text[end - 1];
    if (last !== '~' && last !== 'l' && last !== 'L') continue; // the end of no null word: most keys
    const word = NULL_WORDS.find((w) => text.endsWith(w, end));
    if (word && atNodeStart(text, end - word.length)) return true;
  }
  return false;
}

/** A line of nothing but `-` list markers (and maybe a comment). */
export function hasEmptyDashLine(text: string): boolean {
  const dash = /-(?:[ ]+#[^\n]*|[ ]*)$/gm;
  for (let m = dash.exec(text); m; m = dash.exec(text)) {
    let i = m.index - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '-')) i--;
    if (i < 0 || text[i] === '\n') return true;
  }
  return false;
}

/**
 * In and after flow collections: one left open at the end of a line, a null entry (`{~}`, `{a, }`),
 * a collection used as a key (`[a]: b`), a comment with no space before it (`[a]#`).
 */
export function hasFlowHazard(text: string): boolean {
  const bracket = /[[\]{}]/g;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (depth === 0) {
      // Outside a flow collection only brackets matter: jump to the next one.
      bracket.lastIndex = i;
      const next = bracket.exec(text);
      if (!next) return false;
      i = next.index;
    }
    const c = text[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
      let j = i + 1;
      while (text.charCodeAt(j) === SPACE) j++;
      if (text[i + 1] === '#' || (text[j] === ':' && (j + 1 === text.length || text[j + 1] === ' ' || text[j + 1] === '\n'))) return true;
      if (c === '}' && afterEmptyEntry(text, i)) return true;
    } else if (c === ',') {
      if (depth > 0 && afterEmptyEntry(text, i)) return true;
    } else if (c === '\n') {
      if (depth > 0) return true;
    }
  }
  return depth > 0;
}

/** Whether the flow entry that ends at `at` (a `,` or `}`) is a null word, or empty after a `,`. */
function afterEmptyEntry(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--;
  const word = NULL_WORDS.find((w) => text.endsWith(w, end));
  let start = word ? end - word.length : end;
  while (start > 0 && text.charCodeAt(start - 1) === SPACE) start--;
  const before = text[start - 1];
  return word ? before === '{' || before === ',' : before === ',';
}
