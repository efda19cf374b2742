import { createRequire } from 'node:module';
import type { ErrorObject, Options } from 'ajv';
import { cacheKey, dropCache, readCache, writeCache } from '../cache/disk-cache.js';

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

/**
 * Compiles a schema with Ajv. Compiling the profile schema of a 43-provision framework took most of
 * a `validate` run (~350 ms), so Ajv's standalone code is cached, keyed by the schema, the options
 * and Ajv's version, and reused while they are unchanged (~40 ms).
 */
export function compileValidator(schema: object): Validate {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const name = `validator-${cacheKey(ajvVersion, JSON.stringify(AJV_OPTIONS), ANNOTATIONS.join(), JSON.stringify(schema))}.cjs`;
  const cached = readCache(name);
  if (cached !== undefined) {
    const validate = loadStandalone(cached);
    if (validate) return validate;
    dropCache(name); // a damaged entry is rebuilt, never trusted
  }
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: 'string' });
  const validate = ajv.compile(schema) as Validate;
  const standalone = (require('ajv/dist/standalone') as { default: (ajv: unknown, validate: unknown) => string }).default;
  writeCache(name, () => standalone(ajv, validate));
  return validate;
}

/** The standalone code is CommonJS that requires Ajv's runtime helpers: it gets our `require`. */
function loadStandalone(code: string): Validate | undefined {
  try {
    const module = { exports: {} as Record<string, unknown> };
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
    const validate = module.exports.default ?? module.exports;
    return typeof validate === 'function' ? (validate as Validate) : undefined;
  } catch {
    return undefined;
  }
}
