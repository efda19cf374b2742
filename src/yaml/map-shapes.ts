import { plainValue } from './core-schema.js';

/**
 * The key sequences of the mappings the reader has met (a tree: a shape, then the shape with one more
 * key), so that a mapping read again with the same keys is made in one go, as an object literal, and
 * its keys are recognised by comparing the text with the keys met before, without a string made.
 *
 * Why: a mapping made by setting its pairs one by one (`map[name] = value`) makes V8 find each new
 * name among its property names and then a hidden class for each added key; that was a quarter of the
 * profile reader's time. Profiles repeat the same few key sequences thousands of times (an element's
 * `a, b, c, d`; an evidence's `law, section, quote, confidence, checked`), and an object literal of a
 * known shape is copied from its template by V8. A shape's names are distinct (a repeated name ends
 * the shape: the reader refuses the text), and `__proto__`, which a literal would take for the
 * prototype, never enters a shape. The tree is bounded (`MAX_SHAPES`, `MAX_KEYS`, `MAX_CHILDREN`); a
 * mapping it cannot follow is made pair by pair, as before.
 */
export class Shape {
  private readonly children: Shape[] = [];
  /** A plain key's text that gave `name` when this shape was last reached from it (undefined: a quoted key). */
  private source: string | undefined;
  private made = 0;
  private make: ((values: unknown[], from: number) => Record<string, unknown>) | undefined;

  private constructor(
    readonly name: string,
    /** The names of the mapping's keys so far, in order (this shape's name last). */
    readonly names: readonly string[],
  ) {}

  static readonly ROOT = new Shape('', []);

  /** The shape after the plain key written at `text[start, end)`, if that text reached one of the shapes after this one before. */
  afterText(text: string, start: number, end: number): Shape | undefined {
    const length = end - start;
    for (const child of this.children) {
      const source = child.source;
      if (source === undefined || source.length !== length) continue;
      let at = 0;
      while (at < length && source.charCodeAt(at) === text.charCodeAt(start + at)) at++;
      if (at === length) return child;
    }
    return undefined;
  }

  /** The shape after a key named `name` (written as the plain `source`, if it was), or undefined where the tree stops. */
  after(name: string, source: string | undefined): Shape | undefined {
    for (const child of this.children) {
      if (child.name === name) {
        if (source !== undefined) child.source = source;
        return child;
      }
    }
    if (this.names.length >= MAX_KEYS || this.children.length >= MAX_CHILDREN || shapes >= MAX_SHAPES) return undefined;
    if (name === '__proto__' || this.names.includes(name)) return undefined;
    const child = new Shape(name, [...this.names, name]);
    child.source = source;
    this.children.push(child);
    shapes++;
    return child;
  }

  /** A mapping of this shape, its values in `values` from `from` on. */
  build(values: unknown[], from: number): Record<string, unknown> {
    if (this.make) return this.make(values, from);
    if (++this.made >= COMPILE_AFTER) this.make = literalMaker(this.names);
    const map: Record<string, unknown> = {};
    const names = this.names;
    for (let i = 0; i < names.length; i++) map[names[i]!] = values[from + i];
    return map;
  }
}

/** A mapping's name for the plain key `source`: its value as text, as the Document's toJS names it (null: ""). */
export function plainName(source: string): string {
  const value = plainValue(source);
  return value === null ? '' : String(value);
}

/** Shapes of up to this many keys are followed (the bigger mappings, like a profile's `provisions`, vary from file to file). */
const MAX_KEYS = 16;
const MAX_CHILDREN = 32;
const MAX_SHAPES = 4000;
/** A shape is made into a literal once this many mappings of it were read: a shape met once costs no compiling. */
const COMPILE_AFTER = 3;
let shapes = 0;

/**
 * A function returning `{"name": values[from], …}` for these names. Each name is written as a JSON
 * string literal, which is a JavaScript string literal; `__proto__` is never among them.
 */
function literalMaker(names: readonly string[]): (values: unknown[], from: number) => Record<string, unknown> {
  const fields = names.map((name, i) => `${JSON.stringify(name)}: v[f + ${i}]`).join(', ');
  return new Function('v', 'f', `return {${fields}};`) as (values: unknown[], from: number) => Record<string, unknown>;
}
