import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from './ground/paths.js';

/** lexgap's own version, from its package.json. */
export const LEXGAP_VERSION = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
