import { plainValue } from './core-schema.js';
import { plainValueAt } from './plain-scalars.js';
import { Shape } from './map-shapes.js';
import { readDoubleQuoted, readSingleQuoted, refuse, type Cursor } from './reader-scalars.js';

/**
 * A node's range as the Document gives it (`start`, `end` = range[1]; -1 where the reader is not
 * sure, as for an empty value), `after`: where a block collection it ends also ends (past the
 * comment and line end after an inline node). A mapping's pairs go by `String(key value)` as
 * locate-node.ts looks them up; a list's items by index.
 */
export interface Placed {
  start: number;
  end: number;
  after: number;
  pairs?: Map<string, { key: Placed; value: Placed }>;
  items?: Placed[];
}

export const EMPTY: Placed = Object.freeze({ start: -1, end: -1, after: -1 });
export const MAX_DEPTH = 64;
/** The full reader refuses an implicit key of over 1,024 characters. */
export const MAX_KEY = 1000;

export const SPACE = 0x20;
export const NEWLINE = 0x0a;
export const HASH = 0x23;
export const COLON = 0x3a;
const COMMA = 0x2c;
export const DASH = 0x2d;
export const DOUBLE = 0x22;
export const SINGLE = 0x27;
export const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
export const LBRACE = 0x7b;
const RBRACE = 0x7d;

/** Characters that do not start a plain scalar (`-` may, before a character that is not a space). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`?:-') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

/** What `codes` holds past the end of the text (a text holding it is refused). */
export const END = 0;

/** A space, a line end or the end of the text. */
export const isBlank = (c: number) => c === SPACE || c === NEWLINE || c === END;
const isFlowIndicator = (c: number) => c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;

/** Texts up to this many characters are copied into one array kept from read to read. */
const KEPT = 1 << 20;
let kept = new Uint16Array(0);
let keptBytes = Buffer.from(kept.buffer);

/**
 * The text's UTF-16 code units, then two `END`s. Up to `KEPT` characters, in the same array each
 * time (a profile read makes no 20 KB array for the collector): a reading is done before the next
 * one starts (readProfile runs to its end, and the locator's reading comes later), so two readings
 * never share it.
 */
function codesOf(text: string): Uint16Array {
  const size = text.length + 2;
  if (size > kept.length) {
    if (size > KEPT) {
      const own = new Uint16Array(size);
      Buffer.from(own.buffer).write(text, 'utf16le');
      return own;
    }
    kept = new Uint16Array(Math.min(KEPT, Math.max(size, kept.length * 2, 16384)));
    keptBytes = Buffer.from(kept.buffer);
  }
  keptBytes.write(text, 0, 'utf16le');
  kept[text.length] = END;
  kept[text.length + 1] = END;
  return kept;
}

/**
 * The profile reader's state, and flow collections on one line (`[…]`, `{…}`), read as the `yaml`
 * package reads them; the block structure is read by profile-reader.ts, which builds on this.
 */
export class FlowReader implements Cursor {
  pos = 0;
  end = 0;
  depth = 0;
  placed: Placed = EMPTY;
  /** With `record`, how locate-node.ts looks up the key just read (`String(key value)`). */
  found = '';
  /** The shape of the mapping read so far, after the key just read (map-shapes.ts); undefined where the tree stops. */
  shape: Shape | undefined;
  /** The names and values of the pairs of the mappings being read, outermost first, up to `top`. */
  readonly names: string[] = [];
  readonly values: unknown[] = [];
  top = 0;

  /** The text's UTF-16 code units, then two `END`s (`codesOf`): read as an array, V8 scans them about twice as fast as with `charCodeAt`. */
  readonly codes: Uint16Array;

  constructor(
    readonly text: string,
    readonly record: boolean,
  ) {
    this.codes = codesOf(text);
  }

  spaces(): void {
    while (this.codes[this.pos]! === SPACE) this.pos++;
  }

  /** Refuses a plain scalar that may not start at `at` (an indicator, or `-` before a space). */
  plainStart(at: number, inFlow: boolean): void {
    const c = this.codes[at]!;
    if (c < 128 && NOT_PLAIN_START[c]) {
      const next = this.codes[at + 1]!;
      if (c !== DASH || isBlank(next) || (inFlow && isFlowIndicator(next))) refuse();
    }
  }

  /** `[…]` on one line. */
  flowSeq(): unknown[] {
    if (++this.depth > MAX_DEPTH) refuse();
    const text = this.text;
    const codes = this.codes;
    const start = this.pos++;
    const list: unknown[] = [];
    const items: Placed[] | undefined = this.record ? [] : undefined;
    this.spaces();
    if (codes[this.pos]! !== RBRACKET) {
      for (;;) {
        list.push(this.flowNode());
        items?.push(this.placed);
        this.spaces();
        const c = codes[this.pos]!;
        if (c === RBRACKET) break;
        if (c !== COMMA) refuse();
        this.pos++;
        this.spaces();
      }
    }
    this.pos++;
    this.depth--;
    if (items) this.placed = { start, end: this.pos, after: -1, items };
    return list;
  }

  /** `{…}` on one line, each key with a value. */
  flowMap(): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) refuse();
    const text = this.text;
    const codes = this.codes;
    const start = this.pos++;
    const pairs = this.record ? new Map<string, { key: Placed; value: Placed }>() : undefined;
    const first = this.top;
    let shape = this.firstShape();
    this.spaces();
    if (codes[this.pos]! !== RBRACE) {
      for (;;) {
        const at = this.top++;
        this.names[at] = this.flowKey(shape);
        shape = this.shape;
        const keyPlaced = this.placed;
        const found = this.found;
        this.values[at] = this.flowNode();
        if (pairs && !pairs.has(found)) pairs.set(found, { key: keyPlaced, value: this.placed });
        this.spaces();
        const c = codes[this.pos]!;
        if (c === RBRACE) break;
        if (c !== COMMA) refuse();
        this.pos++;
        this.spaces();
      }
    }
    this.pos++;
    const map = this.mapOf(first, shape);
    this.depth--;
    if (pairs) this.placed = { start, end: this.pos, after: -1, pairs };
    return map;
  }

  /** A quoted scalar on one line (`quote` is its opening `"` or `'`); `pos` ends after its closing quote. */
  quoted(quote: number): string {
    return quote === DOUBLE ? readDoubleQuoted(this) : readSingleQuoted(this);
  }

  /** A key in a flow mapping after the keys of `shape`, and its `: `; `pos` ends at the value. Its name in the data. */
  flowKey(shape: Shape | undefined): string {
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
      end = this.flowPlainEnd(start, true);
      name = this.plainKey(start, end, shape);
    }
    if (this.pos - start > MAX_KEY || codes[this.pos]! !== COLON || codes[this.pos + 1]! !== SPACE) refuse();
    if (this.record) this.placed = { start, end, after: -1 };
    this.pos += 2;
    this.spaces();
    return name;
  }

  /** The shape a mapping starts from: none when noting ranges (that reading is rare, and notes `found`). */
  firstShape(): Shape | undefined {
    return this.record ? undefined : Shape.ROOT;
  }

  /** A quoted key's name in the data, the shape after it in `shape`. */
  quotedKey(quote: number, shape: Shape | undefined): string {
    const name = (this.found = this.quoted(quote));
    this.shape = shape?.after(name, undefined);
    return name;
  }

  /** The name in the data of the plain key at `text[start, end)`, the shape after it in `shape`; with `record`, also `found`. */
  plainKey(start: number, end: number, shape: Shape | undefined): string {
    if (shape !== undefined) {
      const known = shape.afterText(this.text, start, end);
      if (known !== undefined) {
        this.shape = known;
        return known.name;
      }
    }
    const source = this.text.slice(start, end);
    const key = plainValue(source);
    const name = key === null ? '' : String(key);
    if (this.record) this.found = key === null ? 'null' : name;
    this.shape = shape?.after(name, source);
    return name;
  }

  /**
   * The mapping whose names and values are in `names` and `values` from `first` to `top`, made as
   * the Document's toJS makes it; `top` goes back to `first`. Of a known shape (all names distinct),
   * in one go; otherwise pair by pair, and a key set twice (a duplicate key, an error; or two keys
   * the data names alike, as `1` and `"1"`) is refused.
   */
  mapOf(first: number, shape: Shape | undefined): Record<string, unknown> {
    const top = this.top;
    this.top = first;
    if (shape !== undefined) return shape.build(this.values, first);
    const map: Record<string, unknown> = {};
    for (let at = first; at < top; at++) addPair(map, this.names[at]!, this.values[at]);
    if (Object.keys(map).length !== top - first) refuse();
    return map;
  }

  /** A scalar or collection in a flow collection. */
  flowNode(): unknown {
    const text = this.text;
    const codes = this.codes;
    const start = this.pos;
    const c = codes[start]!;
    if (c === LBRACKET) return this.flowSeq();
    if (c === LBRACE) return this.flowMap();
    let value: unknown;
    if (c === DOUBLE || c === SINGLE) {
      value = this.quoted(c);
      if (this.record) this.placed = { start, end: this.pos, after: -1 };
    } else {
      const end = this.flowPlainEnd(start, false);
      value = plainValueAt(text, codes, start, end);
      if (this.record) this.placed = { start, end, after: -1 };
    }
    return value;
  }

  /** The end of a plain scalar in a flow collection (a key stops at its `:`); `pos` ends where it stops. */
  flowPlainEnd(start: number, isKey: boolean): number {
    this.plainStart(start, true);
    const text = this.text;
    const codes = this.codes;
    let at = start;
    let end = start;
    for (;;) {
      const ch = codes[at]!;
      if (ch === COMMA || ch === RBRACKET || ch === RBRACE) break;
      if (ch === COLON) {
        const next = codes[at + 1]!;
        if (isBlank(next) || isFlowIndicator(next)) {
          if (isKey) break;
          refuse(); // a pair in a list, or `a: b: c`
        }
        end = at + 1;
      } else if (ch === SPACE) {
        if (codes[at + 1]! === HASH) refuse(); // a comment: the collection goes on below
      } else if (ch === NEWLINE || ch === END || ch === LBRACKET || ch === LBRACE) refuse();
      else end = at + 1;
      at++;
    }
    this.pos = at;
    return end;
  }
}

/** As the Document's toJS sets a pair: `__proto__` an own property. */
function addPair(map: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
  else map[name] = value;
}
