import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, Options } from 'ajv';
import { buildIdentity } from '../cache/build-identity.js';
import { runCachedScript } from '../cache/code-cache.js';
import { cacheDir, cacheKey, dropCache, readCache, readCacheBytes, writeCache, writeCacheBytes } from '../cache/disk-cache.js';
import { quickValidity } from './quick-validity.js';

/** A compiled JSON Schema validator: returns true, or false with `errors` set. */
export type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

// Ajv is CommonJS; requiring it only on a cache miss keeps it out of most runs' start-up.
const require = createRequire(import.meta.url);

/**
 * `verbose` gives each error its schema, so messages can use the schema's titles and hints.
 * `$data` stays off (CVE-2025-69873).
 */
const AJV_OPTIONS: Options = { allErrors: true, strict: true, verbose: true, allowUnionTypes: true };
/** Annotations read by editors (markdownDescription) and by our messages (errorHint): no validation. */
const ANNOTATIONS = ['errorHint', 'markdownDescription'];
/** How the cached code is written (see asciiOnly): part of its key, so an entry written otherwise is compiled again. */
const CODE_FORM = 'ascii';

/**
 * Compiles a schema with Ajv. Compiling the profile schema of a 43-provision framework took most of
 * a `validate` run (~350 ms), so Ajv's standalone code is cached, keyed by the schema, the options
 * and Ajv's version, and reused while they are unchanged (~40 ms).
 */
export function compileValidator(schema: object): Validate {
  return quickFirst(schema, () => compileNamed(schema).validate);
}

/** Ajv's validator alone, without the quick check: what test/quick-validity.test.ts holds the quick check to. */
export function ajvValidator(schema: object): Validate {
  return compileNamed(schema).validate;
}

/**
 * A validator that asks the quick check first (quick-validity.ts) and Ajv only when it is not sure:
 * Ajv, which makes every error, is then loaded on the first such data only, and a run over valid
 * profiles never loads it. A schema outside the quick check's subset is validated by Ajv alone.
 */
function quickFirst(schema: object, full: () => Validate): Validate {
  const quick = quickValidity(schema);
  if (!quick) return full();
  let ajv: Validate | undefined;
  const validate: Validate = (data: unknown) => {
    if (quick(data)) {
      validate.errors = null;
      return true;
    }
    ajv ??= full();
    const valid = ajv(data);
    validate.errors = ajv.errors;
    return valid;
  };
  return validate;
}

/**
 * The validator of a schema that lexgap derives from a source (a framework's profile schema). The
 * schema is derived (~2 ms) for the quick check; Ajv's validator, when needed, is found by the
 * source's content key (a hash of the framework file's text) without hashing the schema, which
 * took ~15 ms of a one-file `validate`. A small entry, keyed by that content key, this build of
 * lexgap (which derives the schema) and Ajv's options, names the validator compiled from the derived
 * schema and the Ajv it was compiled by (its package.json's place, time and size: an updated Ajv
 * misses). On a miss, or when the validator it names does not load, the schema is compiled (or found
 * by its own key) as compileValidator does, and the entry written.
 */
export function derivedValidator(sourceKey: string, derive: () => object): Validate {
  const schema = derive(); // ~2 ms, for the quick check: what took the time was hashing it
  return quickFirst(schema, () => indexedValidator(sourceKey, schema));
}

/** The validator of a derived schema, found through its source's entry (see derivedValidator). */
function indexedValidator(sourceKey: string, schema: object): Validate {
  if (!cacheDir()) return compileNamed(schema).validate;
  const index = `validator-for-${cacheKey(buildIdentity(import.meta.url), JSON.stringify(AJV_OPTIONS), ANNOTATIONS.join(), CODE_FORM, sourceKey)}.json`;
  const named = readIndex(index);
  if (named) {
    const cached = readCacheBytes(named.validator);
    const validate = cached && loadStandalone(cached, named.validator);
    if (validate) return validate;
  }
  const compiled = compileNamed(schema);
  const ajv = ajvIdentity();
  if (ajv) writeCache(index, () => sealed({ validator: compiled.name, ajv }));
  return compiled.validate;
}

interface IndexEntry {
  validator: string;
  ajv: AjvIdentity;
}

interface AjvIdentity {
  file: string;
  mtimeMs: number;
  size: number;
}

/** Where Ajv's package.json is, and its time and size, as the validator's key had its version. */
function ajvIdentity(): AjvIdentity | undefined {
  try {
    const file = require.resolve('ajv/package.json');
    const { mtimeMs, size } = statSync(file);
    return { file, mtimeMs, size };
  } catch {
    return undefined;
  }
}

/** An entry's JSON, behind a hash of it: a damaged entry is read as missing, never as another validator's name. */
const sealed = (entry: IndexEntry) => {
  const json = JSON.stringify(entry);
  return `${cacheKey(json)}\n${json}`;
};

/** The entry, when it is whole and the Ajv it names is still the same file. */
function readIndex(name: string): IndexEntry | undefined {
  const text = readCache(name);
  const lineEnd = text?.indexOf('\n') ?? -1;
  if (text === undefined || lineEnd < 0) return undefined;
  const json = text.slice(lineEnd + 1);
  if (text.slice(0, lineEnd) !== cacheKey(json)) return undefined;
  try {
    const entry = JSON.parse(json) as IndexEntry;
    if (!/^validator-[0-9a-f]+\.cjs$/.test(entry.validator)) return undefined;
    const { mtimeMs, size } = statSync(entry.ajv.file);
    return mtimeMs === entry.ajv.mtimeMs && size === entry.ajv.size ? entry : undefined;
  } catch {
    return undefined;
  }
}

/*
 * Measured and not kept (branch pipe4-validator-split): asean-ocsea's validator is one function of
 * ~500 KB of code, past what V8 optimises (--max-optimized-bytecode-size), so it runs as baseline
 * code; a CPU profile puts part of its time under its caller (`checkProfile`'s "self" time). Moving
 * each provision block to `definitions` makes ~45 functions that V8 does optimise (validation ~4×
 * faster once warm), but optimising them costs ~80 ms of compiler time each, on a background
 * thread: over 10,000 profiles the process's CPU came out the same, and 1,000 profiles took ~3% more
 * instructions (cachegrind). It would pay only on much larger folders, and since the quick check
 * (quick-validity.ts) passes valid profiles, Ajv now runs only for files with a mistake.
 */

/**
 * Ajv's `inlineRefs: false` compiles each `$ref`'d definition once, as a function of its own, instead
 * of a copy at each place that refers to it: asean-ocsea's profile validator is half the size (1.28 MB
 * of code to 0.65 MB), and so is V8's code cache that every run reads. The errors are the same but for
 * `schemaPath`, which then starts at the definition; schema-findings.ts reads it only to relate the
 * errors of an `anyOf` or `oneOf` to its branches, so a schema with either keeps Ajv's inlining.
 */
function ajvOptions(schemaText: string): Options {
  return /"(anyOf|oneOf)"/.test(schemaText) ? AJV_OPTIONS : { ...AJV_OPTIONS, inlineRefs: false };
}

/** Compiles (or loads from the cache) a schema's validator, and the name of its cache entry. */
function compileNamed(schema: object): { validate: Validate; name: string } {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const schemaText = JSON.stringify(schema);
  const options = ajvOptions(schemaText);
  const name = `validator-${cacheKey(ajvVersion, JSON.stringify(options), ANNOTATIONS.join(), CODE_FORM, schemaText)}.cjs`;
  const cached = readCacheBytes(name);
  if (cached !== undefined) {
    const validate = loadStandalone(cached, name);
    if (validate) return { validate, name };
    dropCache(name); // a damaged entry is rebuilt, never trusted
  }
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ ...options, code: { source: true } });
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: 'string' });
  const validate = ajv.compile(schema) as Validate;
  if (!cacheDir()) return { validate, name };
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: unknown) => string }).default;
  const code = Buffer.from(asciiOnly(standalone(ajv, validate)));
  writeCacheBytes(name, () => code);
  // This run uses the code the next runs will load, so it already keeps V8's compiled code for them.
  return { validate: loadStandalone(code, name) ?? validate, name };
}

/** Standalone code is CommonJS: it runs inside a function given `require`, `module` and `exports`. */
const WRAP = { before: '(function (require, module, exports) {', after: '\n})' };

/**
 * The code with each character beyond ASCII (the schema's dashes and accents, which Ajv puts in string
 * literals) written as a `\uXXXX` escape: the same program, which the code cache reads faster
 * (src/cache/code-cache.ts).
 */
function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The standalone code is CommonJS that requires Ajv's runtime helpers: it gets our `require`. It runs
 * with V8's code cache (src/cache/code-cache.ts), saved after the first validation, when V8 has
 * compiled the functions that validation called.
 */
function loadStandalone(code: Buffer, name: string): Validate | undefined {
  try {
    const script = runCachedScript(code, name, WRAP);
    const module = { exports: {} as Record<string, unknown> };
    (script.value as (...args: unknown[]) => void)(require, module, module.exports);
    const validate = module.exports.default ?? module.exports;
    if (typeof validate !== 'function') return undefined;
    return script.fromCache ? (validate as Validate) : afterFirstCall(validate as Validate, () => script.saveCodeCache());
  } catch {
    return undefined;
  }
}

/** `validate`, calling `then` once after its first validation. */
function afterFirstCall(validate: Validate, then: () => void): Validate {
  let first = true;
  const wrapped: Validate = (data: unknown) => {
    const valid = validate(data);
    wrapped.errors = validate.errors;
    if (first) {
      first = false;
      then();
    }
    return valid;
  };
  return wrapped;
}
