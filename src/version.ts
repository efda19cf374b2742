import { readFileSync } from 'node:fs';

/** lexgap's own version, from its package.json (dist/version.js → ../package.json). */
export const LEXGAP_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
