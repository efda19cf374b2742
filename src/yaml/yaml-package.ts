import { createRequire } from 'node:module';

/**
 * The `yaml` package, loaded on first use. A profile the fast reader reads, and whose findings the
 * fast locator places, never needs it; loading it (about 260 KB of code) cost a one-file `validate`
 * about a tenth of its start-up. It is required, not imported, so that it loads only when asked for:
 * from the bundle, the one file `scripts/bundle.mjs` builds of it beside the chunks (the bundle's
 * static imports of `yaml` point at the same file, so a run holds one copy of it); from tsc's output
 * and in the tests, the package itself.
 */
export function yamlPackage(): typeof import('yaml') {
  return (loaded ??= require(typeof LEXGAP_BUNDLED_YAML === 'string' ? LEXGAP_BUNDLED_YAML : 'yaml') as typeof import('yaml'));
}

/** Set by scripts/bundle.mjs (esbuild's `define`) to the bundled file's path, relative to the chunks. */
declare const LEXGAP_BUNDLED_YAML: string | undefined;

const require = createRequire(import.meta.url);
let loaded: typeof import('yaml') | undefined;
