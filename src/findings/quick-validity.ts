/**
 * A one-sided check of data against a JSON Schema (draft-07), for the keywords lexgap's schemas use:
 * `true` means Ajv would accept the data; `false` means "not sure": ask Ajv, whose errors make the
 * findings (compile-validator.ts). Most profiles are valid, and for them this check is the whole
 * validation.
 *
 * Why a second reading of the schema: Ajv writes a framework's profile schema as one function of
 * ~500 KB of code, which V8 never optimises (it is past --max-optimized-bytecode-size). Here the
 * schema becomes a graph of plain nodes, all of one shape, walked by one small function that V8
 * optimises at once. Nothing is generated from the schema's text: it is read as data.
 *
 * Where this could disagree with Ajv it says `false` (test/quick-validity.test.ts holds it to Ajv
 * on every shipped schema and on generated data). A schema with a keyword outside the set below, a
 * `$ref` other than to `#/definitions/…`, a `$ref` beside other keywords, or a property named like
 * one every object inherits (`constructor`, `__proto__`) gets no quick check at all (`undefined`),
 * and its data is validated by Ajv alone.
 */

/** Returns true only for data Ajv accepts. */
export type QuickCheck = (data: unknown) => boolean;

/** Keywords that never change validity (our annotations included: see compile-validator.ts). */
const ANNOTATIONS = new Set(['$schema', '$comment', 'title', 'description', 'default', 'examples', 'errorHint', 'markdownDescription']);

// A value's kind, as a bit: a schema's `type` is the set of kinds it allows.
const STRING = 1;
const OBJECT = 2;
const ARRAY = 4;
const BOOLEAN = 8;
const NULL = 16;
const NUMBER = 32; // finite: Ajv's `strictNumbers`, on under `strict`
const INTEGER = 64; // finite and whole; such a number is also a NUMBER
const OTHER = 128; // a non-finite number, a function, undefined…: no `type` allows it
const TYPE_BITS: Record<string, number> = { string: STRING, object: OBJECT, array: ARRAY, boolean: BOOLEAN, null: NULL, number: NUMBER, integer: INTEGER };

/**
 * One schema, read. Every node has every field (one hidden class for V8); a field that the schema
 * does not set holds its neutral value.
 */
interface Node {
  /** `false` as a schema: nothing passes. */
  never: boolean;
  /** The kinds `type` allows; 0 when there is no `type`. */
  types: number;
  /** `enum` (or `const`, as a one-value enum), each value text, a number, true/false or null. */
  allowed: readonly unknown[] | null;
  pattern: RegExp | null;
  /** -1 when there is no `minLength`. */
  minLength: number;
  minimum: number;
  maximum: number;
  /** `properties`, by name. */
  properties: Map<string, Node> | null;
  required: readonly string[];
  /** `additionalProperties`; null when any key is allowed. */
  additional: Node | null;
  propertyNames: Node | null;
  items: Node | null;
  uniqueItems: boolean;
  /** `allOf`, and the definition a `$ref` points to. */
  allOf: readonly Node[];
  /**
   * The keys of the last maps checked against this node, in order, and each key's declared node
   * (undefined: an additional key): maps read from profiles mostly repeat their keys, and comparing
   * a key with the one met before (one pointer, as both are property names) is cheaper than looking
   * it up again.
   */
  seenKeys: string[];
  seenDeclared: (Node | undefined)[];
}

/** How many keys a node remembers (the longest map in a profile: the provisions, ~50). */
const SEEN_KEYS = 64;

const blank = (): Node => ({
  never: false,
  types: 0,
  allowed: null,
  pattern: null,
  minLength: -1,
  minimum: -Infinity,
  maximum: Infinity,
  properties: null,
  required: [],
  additional: null,
  propertyNames: null,
  items: null,
  uniqueItems: false,
  allOf: [],
  seenKeys: [],
  seenDeclared: [],
});

/** Thrown while reading a schema outside the subset: the caller then gets no quick check. */
class Unsupported extends Error {}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v));

/** The quick check of a schema, or undefined when it uses anything outside the subset. */
export function quickValidity(schema: object): QuickCheck | undefined {
  let root: Node;
  try {
    root = readSchema(schema as Record<string, unknown>);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (data) => passes(root, data);
}

function readSchema(schema: Record<string, unknown>): Node {
  const definitions = new Map<string, Node>();
  const all = schema.definitions;

  /** A `$ref`'s node, read once; a definition that refers to itself gets the node being filled. */
  function reference(ref: unknown): Node {
    const name = typeof ref === 'string' ? /^#\/definitions\/([A-Za-z0-9_.-]+)$/.exec(ref)?.[1] : undefined;
    if (name === undefined || !isMap(all) || !Object.hasOwn(all, name)) throw new Unsupported();
    let node = definitions.get(name);
    if (!node) {
      node = blank();
      definitions.set(name, node);
      Object.assign(node, read(all[name], false));
    }
    return node;
  }

  function read(value: unknown, isRoot: boolean): Node {
    const node = blank();
    if (value === true) return node;
    if (value === false) {
      node.never = true;
      return node;
    }
    if (!isMap(value)) throw new Unsupported();
    const keys = Object.keys(value).filter((k) => !ANNOTATIONS.has(k));
    // Ajv 8 applies a $ref's sibling keywords where draft-07 ignores them: leave such a schema to Ajv.
    if (keys.includes('$ref') && keys.length > 1) throw new Unsupported();
    if (keys.includes('patternProperties')) throw new Unsupported();
    for (const key of keys) readKeyword(node, key, value[key], isRoot);
    return node;
  }

  function readKeyword(node: Node, key: string, value: unknown, isRoot: boolean): void {
    switch (key) {
      case 'definitions':
        if (!isRoot) throw new Unsupported(); // only the root's are reachable by reference()
        return;
      case '$id':
        if (!isRoot) throw new Unsupported(); // a nested $id would change what a $ref below it means
        return;
      case '$ref':
        node.allOf = [reference(value)];
        return;
      case 'type':
        node.types = typeBits(value);
        return;
      case 'enum':
        if (!Array.isArray(value) || !value.every(isPrimitive)) throw new Unsupported();
        node.allowed = intersect(node.allowed, value);
        return;
      case 'const':
        if (!isPrimitive(value)) throw new Unsupported();
        node.allowed = intersect(node.allowed, [value]);
        return;
      case 'pattern':
        if (typeof value !== 'string') throw new Unsupported();
        node.pattern = new RegExp(value, 'u'); // as Ajv compiles it (its `unicodeRegExp` default)
        return;
      case 'minLength':
        node.minLength = count(value);
        return;
      case 'minimum':
        node.minimum = number(value);
        return;
      case 'maximum':
        node.maximum = number(value);
        return;
      case 'required':
        if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) throw new Unsupported();
        node.required = value as string[];
        return;
      case 'properties':
        if (!isMap(value)) throw new Unsupported();
        node.properties = new Map(
          Object.keys(value).map((name) => {
            // A name every object inherits is read by Ajv even when absent from the data: leave it to Ajv.
            if (name in Object.prototype) throw new Unsupported();
            return [name, read(value[name], false)];
          }),
        );
        return;
      case 'additionalProperties':
        node.additional = value === true ? null : read(value, false);
        return;
      case 'propertyNames':
        node.propertyNames = read(value, false);
        return;
      case 'items':
        if (Array.isArray(value)) throw new Unsupported(); // the tuple form: not in our schemas
        node.items = read(value, false);
        return;
      case 'uniqueItems':
        if (typeof value !== 'boolean') throw new Unsupported();
        node.uniqueItems = value;
        return;
      case 'allOf':
        if (!Array.isArray(value) || value.length === 0) throw new Unsupported();
        node.allOf = value.map((s) => read(s, false));
        return;
      default:
        throw new Unsupported();
    }
  }

  return read(schema, true);
}

function typeBits(value: unknown): number {
  let bits = 0;
  for (const name of Array.isArray(value) ? value : [value]) {
    if (typeof name !== 'string' || !Object.hasOwn(TYPE_BITS, name)) throw new Unsupported();
    bits |= TYPE_BITS[name]!;
  }
  return bits;
}

/** `enum` and `const` together allow the values in both. */
function intersect(allowed: readonly unknown[] | null, values: readonly unknown[]): readonly unknown[] {
  return allowed === null ? values : allowed.filter((v) => values.includes(v));
}

function count(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Unsupported();
  return value;
}

function number(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Unsupported();
  return value;
}

function kindOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return STRING;
    case 'boolean':
      return BOOLEAN;
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? INTEGER | NUMBER : NUMBER) : OTHER;
    case 'object':
      return value === null ? NULL : Array.isArray(value) ? ARRAY : OBJECT;
    default:
      return OTHER;
  }
}

/** Whether `value` passes `node`: true only when Ajv would say so too. */
function passes(node: Node, value: unknown): boolean {
  if (node.never) return false;
  const kind = kindOf(value);
  if (node.types !== 0 && (node.types & kind) === 0) return false;
  const allowed = node.allowed;
  if (allowed !== null && !isAllowed(allowed, value)) return false;
  if (kind === STRING) {
    if (!stringPasses(node, value as string)) return false;
  } else if (typeof value === 'number') {
    // Ajv fails NaN against a bound, as these comparisons do.
    if (!(value >= node.minimum && value <= node.maximum)) return false;
  } else if (kind === OBJECT) {
    if (!mapPasses(node, value as Record<string, unknown>)) return false;
  } else if (kind === ARRAY) {
    if (!listPasses(node, value as unknown[])) return false;
  }
  const allOf = node.allOf;
  for (let i = 0; i < allOf.length; i++) if (!passes(allOf[i]!, value)) return false;
  return true;
}

/** Ajv's deep equality is `===` for these values; text is compared with text of its length only. */
function isAllowed(allowed: readonly unknown[], value: unknown): boolean {
  if (typeof value === 'string') {
    const length = value.length;
    for (let i = 0; i < allowed.length; i++) {
      const one = allowed[i];
      if (typeof one === 'string' && one.length === length && one === value) return true;
    }
    return false;
  }
  for (let i = 0; i < allowed.length; i++) if (allowed[i] === value) return true;
  return false;
}

function stringPasses(node: Node, text: string): boolean {
  if (node.minLength > 0 && text.length < 2 * node.minLength && codePoints(text) < node.minLength) return false;
  return node.pattern === null || node.pattern.test(text);
}

/** Length in code points, as Ajv counts it: a surrogate pair is one character. */
function codePoints(text: string): number {
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    points++;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return points;
}

/**
 * The map's own keys, each once: its declared property's check, or `additionalProperties`, and
 * `propertyNames`. Ajv reads declared and required properties as `data[name]`; with no declared
 * name inherited (see readKeyword) and the map a plain object, that is the map's own keys. Any
 * other object is left to Ajv.
 */
function mapPasses(node: Node, map: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(map) !== Object.prototype) return false;
  const required = node.required;
  for (let i = 0; i < required.length; i++) if (map[required[i]!] === undefined) return false;
  const properties = node.properties;
  const additional = node.additional;
  const names = node.propertyNames;
  if (properties === null && additional === null && names === null) return true;
  const seenKeys = node.seenKeys;
  const seenDeclared = node.seenDeclared;
  let at = 0;
  let same = true;
  for (const key in map) {
    const value = map[key];
    if (names !== null && !passes(names, key)) return false;
    let declared: Node | undefined;
    if (same && at < seenKeys.length && seenKeys[at] === key) declared = seenDeclared[at];
    else {
      if (same) {
        same = false;
        seenKeys.length = at;
        seenDeclared.length = at;
      }
      declared = properties?.get(key);
      if (seenKeys.length < SEEN_KEYS) {
        seenKeys.push(key);
        seenDeclared.push(declared);
      }
    }
    at++;
    if (declared !== undefined) {
      if (value !== undefined && !passes(declared, value)) return false;
    } else if (additional !== null && !passes(additional, value)) return false;
  }
  return true;
}

function listPasses(node: Node, list: unknown[]): boolean {
  const items = node.items;
  if (items !== null) for (let i = 0; i < list.length; i++) if (!passes(items, list[i])) return false;
  if (!node.uniqueItems) return true;
  // Items that are text, numbers, true/false or null, none twice; a list holding maps or lists is left to Ajv.
  for (let i = 0; i < list.length; i++) if (!isPrimitive(list[i])) return false;
  return new Set(list).size === list.length;
}
