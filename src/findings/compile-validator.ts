import { createRequire } from 'node:module';
import type { ErrorObject, Options } from 'ajv';
import { runCachedScript } from '../cache/code-cache.js';
import { cacheDir, cacheKey, dropCache, readCacheBytes, writeCacheBytes } from '../cache/disk-cache.js';

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
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const name = `validator-${cacheKey(ajvVersion, JSON.stringify(AJV_OPTIONS), ANNOTATIONS.join(), CODE_FORM, JSON.stringify(schema))}.cjs`;
  const cached = readCacheBytes(name);
  if (cached !== undefined) {
    const validate = loadStandalone(cached, name);
    if (validate) return validate;
    dropCache(name); // a damaged entry is rebuilt, never trusted
  }
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: 'string' });
  const validate = ajv.compile(schema) as Validate;
  if (!cacheDir()) return validate;
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: unknown) => string }).default;
  const code = Buffer.from(asciiOnly(standalone(ajv, validate)));
  writeCacheBytes(name, () => code);
  // This run uses the code the next runs will load, so it already keeps V8's compiled code for them.
  return loadStandalone(code, name) ?? validate;
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
