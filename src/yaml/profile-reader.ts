import { plainValue } from './core-schema.js';
import { plainValueAt } from './plain-scalars.js';
import { COLON, DASH, DOUBLE, EMPTY, END, FlowReader, HASH, isBlank, LBRACE, LBRACKET, MAX_DEPTH, MAX_KEY, NEWLINE, SINGLE, SPACE, type Placed } from './flow-reader.js';
import type { Shape } from './map-shapes.js';
import { readBlockScalar, refuse, REFUSED } from './reader-scalars.js';

export type { Placed } from './flow-reader.js';

/**
 * A reader for the YAML that profiles are written in: block mappings and lists, flow mappings and
 * lists on one line, plain and quoted scalars on one line, `|` and `>` block scalars, comments. It
 * gives exactly the data the `yaml` package's Document gives (core schema, `uniqueKeys`, toJS) for a
 * text that package reads with no error or warning — or it refuses the text (returns undefined), and
 * the caller reads it with the full reader. Refused: anchors, aliases, tags, directives, document
 * markers, `?` keys, collections as keys, tabs, `\r`, NUL characters, multi-line plain or quoted
 * scalars and flow collections, empty flow entries, a key the data would name twice, nesting over
 * 64 levels, an empty file, a block scalar at the top level, anything it does not recognise.
 *
 * With `record`, it also notes where the Document places each node (`Placed`), for the locator
 * (profile-locator.ts); without, it notes nothing.
 */
export function readProfile(text: string, record = false): { data: unknown; root: Placed } | undefined {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) return undefined;
  const reader = new ProfileReader(text, record);
  try {
    const data = reader.read();
    return { data, root: reader.placed };
  } catch (err) {
    if (err === REFUSED) return undefined;
    throw err;
  }
}

class ProfileReader extends FlowReader {
  /** The start of the line of `pos`, and the column of its first character (-1 at the end of the text). */
  lineStart = 0;
  indent = 0;

  read(): unknown {
    if (this.codes[0]! === 0xfeff) this.pos = 1; // a byte order mark
    if (this.nextLine() < 0) refuse(); // empty, or comments only
    const data = this.inline(-1, true);
    if (this.indent !== -1) refuse();
    return data;
  }

  /** From the start of a line, on to the first character of the next line that is not blank or a comment; its column. */
  nextLine(): number {
    const text = this.text;
    const codes = this.codes;
    let at = this.pos;
    for (;;) {
      const start = at;
      let c = codes[at]!;
      while (c === SPACE) c = codes[++at]!;
      if (c === NEWLINE) {
        at++;
        continue;
      }
      if (c === HASH) {
        at = text.indexOf('\n', at) + 1;
        if (at > 0) continue;
        at = text.length;
        c = END;
      }
      this.pos = at;
      this.lineStart = start;
      if (c === END) return (this.indent = -1);
      if (at === start && (text.startsWith('---', at) || text.startsWith('...', at))) refuse(); // a document marker
      return (this.indent = at - start);
    }
  }

  /** Past the spaces and comment after an inline node, and its line end; anything else there is refused. */
  endLine(): void {
    const text = this.text;
    const codes = this.codes;
    let at = this.pos;
    let c = codes[at]!;
    if (c === SPACE) {
      do c = codes[++at]!;
      while (c === SPACE);
      if (c === HASH) {
        at = text.indexOf('\n', at);
        if (at < 0) at = text.length;
        c = codes[at]!;
      }
    }
    if (c === NEWLINE) at++;
    else if (c !== END) refuse();
    this.pos = at;
  }

  skipLine(): void {
    this.pos = this.text.indexOf('\n', this.pos) + 1 || this.text.length;
  }

  atDash(): boolean {
    return this.codes[this.pos]! === DASH && isBlank(this.codes[this.pos + 1]!);
  }

  /** A block collection whose first line's content stands at column `indent`. */
  block(indent: number): unknown {
    return this.atDash() ? this.seq(indent) : this.map(indent);
  }

  map(indent: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) refuse();
    const start = this.pos;
    const pairs = this.record ? new Map<string, { key: Placed; value: Placed }>() : undefined;
    const first = this.top;
    let shape = this.firstShape();
    for (;;) {
      const at = this.top++;
      this.names[at] = this.key(shape);
      shape = this.shape;
      const keyPlaced = this.placed;
      const found = this.found;
      this.values[at] = this.mapValue(indent);
      if (pairs && !pairs.has(found)) pairs.set(found, { key: keyPlaced, value: this.placed });
      if (this.indent !== indent) break;
      if (this.atDash()) refuse(); // a list where the next key should be
    }
    if (this.indent > indent) refuse();
    const map = this.mapOf(first, shape);
    this.depth--;
    if (pairs) this.placed = blockPlaced(start, this.placed, { pairs });
    return map;
  }

  /** A key after the keys of `shape`, plain or quoted, on one line; `pos` ends past its `:`. Its name in the data. */
  key(shape: Shape | undefined): string {
    const text = this.text;
    const codes = this.codes;
    const start = this.pos;
    const c = codes[start]!;
    let name: string;
    let end: number;
    if (c === DOUBLE || c === SINGLE) {
      name = this.quotedKey(c, shape);
      end = this.pos;
      this.spaces();
    } else {
      this.plainStart(start, false);
      let at = start;
      end = start;
      for (;;) {
        const ch = codes[at]!;
        if (ch === COLON) {
          if (isBlank(codes[at + 1]!)) break;
          end = at + 1;
        } else if (ch === SPACE) {
          if (codes[at + 1]! === HASH) refuse();
        } else if (ch === NEWLINE || ch === END) refuse();
        else end = at + 1;
        at++;
      }
      this.pos = at;
      name = this.plainKey(start, end, shape);
    }
    if (this.pos - start > MAX_KEY || codes[this.pos]! !== COLON || !isBlank(codes[this.pos + 1]!)) refuse();
    this.pos++;
    if (this.record) this.placed = { start, end, after: end };
    return name;
  }

  /** The value after a block mapping's `key:`: on the same line, or on the lines below. */
  mapValue(indent: number): unknown {
    const text = this.text;
    const codes = this.codes;
    let c = codes[this.pos]!;
    while (c === SPACE) c = codes[++this.pos]!;
    if (c === HASH || c === NEWLINE || c === END) {
      this.skipLine();
      const below = this.nextLine();
      if (below > indent) return this.block(below);
      if (below === indent && this.atDash()) return this.seq(indent); // a list as indented as its key
      this.placed = EMPTY;
      return null;
    }
    return this.inline(indent, false);
  }

  /**
   * A node that starts on the current line, after `key: ` or `- ` (in a node at column `owner`), or
   * at the top (`owner` -1): a scalar, a flow collection, a block scalar — or, in a list or at the
   * top (`compact`), a mapping or list that starts there. `pos` ends on the next line with content.
   */
  inline(owner: number, compact: boolean): unknown {
    const text = this.text;
    const codes = this.codes;
    const start = this.pos;
    const c = codes[start]!;
    let value: unknown;
    if (c === LBRACKET || c === LBRACE) {
      value = c === LBRACKET ? this.flowSeq() : this.flowMap();
    } else if (c === DOUBLE || c === SINGLE) {
      value = this.quoted(c);
      if (compact && this.keyFollows()) {
        this.pos = start;
        return this.map(start - this.lineStart);
      }
      if (this.record) this.placed = { start, end: this.pos, after: -1 };
    } else if (c === 0x7c || c === 0x3e) {
      if (owner < 0) refuse(); // at the top level, its lines may start at column 0, where `---` ends it
      value = readBlockScalar(this, owner); // | or >
      if (this.record) this.placed = { start, end: this.end, after: this.end };
      this.nextLine();
      return value;
    } else if (c === DASH && isBlank(codes[start + 1]!)) {
      if (!compact) refuse(); // `key: - item`
      return this.seq(start - this.lineStart);
    } else {
      const end = this.plainEnd(start);
      if (end < 0) {
        if (!compact) refuse(); // `key: a: b`
        return this.map(start - this.lineStart);
      }
      value = plainValueAt(text, codes, start, end);
      if (this.record) this.placed = { start, end, after: -1 };
    }
    this.endLine();
    if (this.record) this.placed.after = this.pos;
    this.nextLine();
    return value;
  }

  /** Whether `: ` follows the quoted scalar just read: it was a key. */
  keyFollows(): boolean {
    let at = this.pos;
    while (this.codes[at]! === SPACE) at++;
    return this.codes[at]! === COLON && isBlank(this.codes[at + 1]!);
  }

  /** The end of a plain scalar on this line (its trailing spaces left out), or -1 if it is a key; `pos` ends where it stops. */
  plainEnd(start: number): number {
    this.plainStart(start, false);
    const text = this.text;
    const codes = this.codes;
    let at = start;
    let end = start;
    for (;;) {
      const ch = codes[at]!;
      if (ch === COLON) {
        if (isBlank(codes[at + 1]!)) return -1;
        end = at + 1;
      } else if (ch === SPACE) {
        if (codes[at + 1]! === HASH) break;
      } else if (ch === NEWLINE || ch === END) break;
      else end = at + 1;
      at++;
    }
    this.pos = at;
    return end;
  }

  /** A block list whose `-` stands at column `indent`. */
  seq(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) refuse();
    const text = this.text;
    const codes = this.codes;
    const start = this.pos;
    const list: unknown[] = [];
    const items: Placed[] | undefined = this.record ? [] : undefined;
    for (;;) {
      let c = codes[++this.pos]!;
      while (c === SPACE) c = codes[++this.pos]!;
      if (c === HASH || c === NEWLINE || c === END) {
        this.skipLine();
        const below = this.nextLine();
        if (below > indent) list.push(this.block(below));
        else {
          list.push(null);
          this.placed = EMPTY;
        }
      } else list.push(this.inline(indent, true));
      items?.push(this.placed);
      if (this.indent !== indent || !this.atDash()) break;
    }
    if (this.indent > indent) refuse();
    this.depth--;
    if (items) this.placed = blockPlaced(start, this.placed, { items });
    return list;
  }
}

/** A block collection runs from its first entry to where its last entry ends, with what follows that on its line. */
function blockPlaced(start: number, last: Placed, children: Pick<Placed, 'pairs' | 'items'>): Placed {
  return { start, end: last.after, after: last.after, ...children };
}
