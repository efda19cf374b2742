import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The installed package's root (dist/cli/ → ../..), where the shipped frameworks and schemas live. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPPED_FRAMEWORKS = join(PACKAGE_ROOT, 'frameworks');
export const SHIPPED_SCHEMAS = join(PACKAGE_ROOT, 'schemas');

export const schemaFileName = (frameworkId: string) => `${frameworkId}.profile.json`;
