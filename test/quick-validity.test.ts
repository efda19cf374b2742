import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ajvValidator, compileValidator } from '../src/findings/compile-validator.js';
import { quickValidity, type QuickCheck } from '../src/findings/quick-validity.js';
import { deriveProfileSchema } from '../src/framework/derive-profile-schema.js';
import { loadFrameworks } from '../src/framework/load-frameworks.js';
import type { LoadedFramework } from '../src/framework/types.js';
import { CACHE_DIR, lexgap, ROOT } from './helpers/run-cli.js';
import { yamlFiles } from './helpers/yaml-files.js';

// The quick check (src/findings/quick-validity.ts) validates every profile before Ajv, and Ajv runs
// only when it is not sure. So whenever it says "valid", Ajv must say so too: a profile it passed
// wrongly would be scored with no finding at all. It is held to Ajv here on every shipped schema,
// every profile in the repository, and mutations of them.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 150) });
process.env.LEXGAP_CACHE_DIR = CACHE_DIR;

interface Pair {
  id: string;
  quick: QuickCheck;
  ajv: (data: unknown) => boolean;
}
let pairs: Pair[];
/** Every profile in the repository, as the `yaml` package reads it, with the framework it answers. */
let corpus: { file: string; framework: string; data: unknown }[];

beforeAll(async () => {
  const { frameworks } = await loadFrameworks([join(ROOT, 'frameworks'), join(ROOT, 'test/fixtures/frameworks')]);
  pairs = frameworks.map((l: LoadedFramework) => {
    const schema = deriveProfileSchema(l.framework);
    return { id: l.framework.id, quick: quickValidity(schema)!, ajv: ajvValidator(schema) };
  });
  const files = [...yamlFiles(join(ROOT, 'countries')), ...yamlFiles(join(ROOT, 'test/fixtures'))];
  corpus = files.flatMap((file) => {
    try {
      const data = parse(readFileSync(file, 'utf8')) as { framework?: unknown } | null;
      const framework = typeof data?.framework === 'string' ? data.framework : undefined;
      return framework && pairs.some((p) => p.id === framework) ? [{ file, framework, data }] : [];
    } catch {
      return []; // the YAML fixtures that are broken on purpose
    }
  });
});

const pairFor = (id: string) => pairs.find((p) => p.id === id)!;

/** Every place in a value: a path of keys and indexes, the root first. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...at, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...at, k])));
  return here;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);
}

/** One change at one place: a new value (often one found elsewhere in the profile), a key added or removed, an item repeated. */
type Mutation = { kind: 'set'; value: unknown } | { kind: 'add'; key: string; value: unknown } | { kind: 'delete' } | { kind: 'repeat' };

function mutate(data: unknown, path: (string | number)[], mutation: Mutation): unknown {
  const copy = structuredClone(data);
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const target = parent[last];
  switch (mutation.kind) {
    case 'set':
      parent[last] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'add':
      // An own key, even "__proto__": as a YAML reader makes it, never a change of prototype.
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      break;
    case 'repeat':
      if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]));
      break;
  }
  return copy;
}

const NEAR_KEYS = ['answer', 'elements', 'evidence', 'notes', 'law', 'section', 'quote', 'a', 'b', 'T1.01', 'T1.1', 'constructor', 'toString', '__proto__', 'hasOwnProperty', ''];
const NEAR_VALUES = ['met', 'Met', 'met ', 'partial', 'unknown', 'not-applicable', '', ' ', '😀', 'a😀', '2025-02-30', '2025-06-30', '25-06-30', 'https://example.org', 'file:///etc/passwd', 'PH', 'ph', 0, -0, 1, 1.5, -1, 2, 100, true, false, null, [], {}, ['a'], ['a', 'a'], [{}], { law: 'act' }];

function mutationArbitrary(data: unknown) {
  const places = paths(data);
  const found = places.map((p) => valueAt(data, p));
  const value = fc.oneof(fc.constantFrom(...NEAR_VALUES), fc.constantFrom(...found), fc.jsonValue({ maxDepth: 2 }));
  return fc.tuple(
    fc.constantFrom(...places),
    fc.oneof(
      value.map((v): Mutation => ({ kind: 'set', value: v })),
      fc.tuple(fc.oneof(fc.constantFrom(...NEAR_KEYS), fc.string()), value).map(([key, v]): Mutation => ({ kind: 'add', key, value: v })),
      fc.constant<Mutation>({ kind: 'delete' }),
      fc.constant<Mutation>({ kind: 'repeat' }),
    ),
  );
}

describe('the quick validity check', () => {
  it('reads every shipped framework’s profile schema (no framework falls back to Ajv alone)', () => {
    expect(pairs.map((p) => p.id).sort()).toEqual(['asean-ocsea', 'asean-victim-services', 'icmec-model-legislation', 'mini']);
    for (const pair of pairs) expect(pair.quick, pair.id).toBeTypeOf('function');
  });

  it('agrees with Ajv on every profile in the repository', () => {
    expect(corpus.length).toBeGreaterThan(20);
    let valid = 0;
    for (const { file, framework, data } of corpus) {
      const { quick, ajv } = pairFor(framework);
      expect(quick(data), file).toBe(ajv(data));
      if (ajv(data)) valid++;
    }
    expect(valid).toBeGreaterThan(10); // the shipped countries at least: the agreement is not only on refusals
  });

  it('agrees with Ajv on profiles changed at one place (values, keys added or removed, repeated items)', () => {
    const bases = corpus.filter(({ framework, data }) => pairFor(framework).ajv(data));
    let refused = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...bases).chain((base) => mutationArbitrary(base.data).map(([path, mutation]) => ({ base, path, mutation }))),
        ({ base, path, mutation }) => {
          const { quick, ajv } = pairFor(base.framework);
          const changed = mutate(base.data, path, mutation);
          const verdict = ajv(changed);
          runs++;
          if (!verdict) refused++;
          expect(quick(changed)).toBe(verdict);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 150) * 10 },
    );
    // Both verdicts were met often: the agreement is not all on one side.
    expect(refused).toBeGreaterThan(runs / 5);
    expect(runs - refused).toBeGreaterThan(runs / 20);
  });

  it('counts text length in characters, as Ajv does: a pair of surrogates is one', () => {
    const schema = { type: 'object', properties: { notes: { type: 'string', minLength: 2 } } };
    const quick = quickValidity(schema)!;
    const ajv = ajvValidator(schema);
    for (const notes of ['😀', '😀a', 'ab', 'a', '\ud83d', '\ud83d\ud83d', '\ude00\ud83d']) expect(quick({ notes }), JSON.stringify(notes)).toBe(ajv({ notes }));
  });

  it('reads patterns as Ajv does, in Unicode mode', () => {
    const schema = { type: 'string', pattern: '^.$' };
    const quick = quickValidity(schema)!;
    const ajv = ajvValidator(schema);
    for (const text of ['😀', 'ab', 'a', '']) expect(quick(text), text).toBe(ajv(text));
  });

  it('follows definitions, one that refers to itself included', () => {
    const schema = {
      type: 'object',
      required: ['root'],
      properties: { root: { $ref: '#/definitions/node' } },
      definitions: { node: { type: 'object', additionalProperties: false, properties: { label: { enum: ['x', 'y'] }, children: { type: 'array', items: { $ref: '#/definitions/node' } } } } },
    };
    const quick = quickValidity(schema)!;
    const ajv = ajvValidator(schema);
    const cases = [{ root: {} }, { root: { label: 'x', children: [{ label: 'y' }, { children: [] }] } }, { root: { children: [{ label: 'z' }] } }, { root: { children: [{ other: 1 }] } }, {}, { root: [] }];
    for (const data of cases) expect(quick(data), JSON.stringify(data)).toBe(ajv(data));
  });

  it('says "not sure" where it does not follow Ajv, and Ajv decides', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { n: { type: 'number' }, list: { type: 'array', uniqueItems: true } } };
    const quick = quickValidity(schema)!;
    const plain = Object.assign(Object.create(null) as object, { n: 1 }); // not a plain object: its prototype is not Object's
    expect(quick(plain)).toBe(false);
    expect(quick({ n: Number.NaN })).toBe(false);
    expect(quick({ list: [{ a: 1 }, { a: 2 }] })).toBe(false); // lists of maps are compared by Ajv
    const validate = compileValidator(schema);
    expect(validate(plain)).toBe(ajvValidator(schema)(plain));
    expect(validate({ list: [{ a: 1 }, { a: 2 }] })).toBe(true);
    expect(validate({ list: [{ a: 1 }, { a: 1 }] })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe('uniqueItems');
  });

  it('treats an own "__proto__" key as a key, never as the prototype', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } };
    const quick = quickValidity(schema)!;
    const data = JSON.parse('{"a": "x", "__proto__": {"a": 1}}') as object;
    expect(quick(data)).toBe(false);
    expect(ajvValidator(schema)(data)).toBe(false);
  });

  it('leaves to Ajv alone a schema outside what it reads', () => {
    expect(quickValidity({ anyOf: [{ type: 'string' }, { type: 'number' }] })).toBeUndefined();
    expect(quickValidity({ $ref: '#/definitions/a', type: 'object', definitions: { a: {} } })).toBeUndefined(); // $ref beside a keyword
    expect(quickValidity({ $ref: 'other.json#/a' })).toBeUndefined();
    expect(quickValidity({ properties: { a: { $id: 'https://example.org/a', type: 'string' } } })).toBeUndefined(); // a nested base for $ref
    expect(quickValidity({ properties: { constructor: { type: 'string' } } })).toBeUndefined(); // a name every object inherits
    expect(quickValidity({ type: 'object', patternProperties: { '^x': {} }, additionalProperties: false })).toBeUndefined();
    expect(quickValidity({ type: 'string', maxLength: 3 })).toBeUndefined();
  });
});

describe('validating valid profiles', () => {
  it('does not compile Ajv’s validator until a file has a mistake, and then reports it as before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-quick-'));
    const env = { LEXGAP_CACHE_DIR: dir };
    // The entry naming a framework's profile validator is written when Ajv compiles it (compile-validator.ts).
    const compiled = () => readdirSync(dir).filter((e) => e.startsWith('validator-for-'));
    const valid = lexgap(['validate', 'countries/'], { env });
    expect(valid.code).toBe(0);
    expect(compiled()).toEqual([]);
    const planted = lexgap(['validate', '--format', 'json', 'test/fixtures/profiles-asean/planted-mistakes.yaml'], { env });
    expect(planted.code).toBe(1);
    expect(JSON.parse(planted.stdout).findings).toHaveLength(5);
    expect(compiled()).toHaveLength(1);
  });
});
