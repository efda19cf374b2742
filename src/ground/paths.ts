import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The installed package's root, where the shipped frameworks, schemas and templates live. This file
 * runs from dist/ground/ (tsc) or from the bundle's dist/bundle/ (scripts/bundle.mjs): both are two
 * folders below the root. Every other path to a shipped file is computed from here, never from its
 * own module's URL, so it resolves the same from either build.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHIPPED_FRAMEWORKS = join(PACKAGE_ROOT, 'frameworks');
export const SHIPPED_SCHEMAS = join(PACKAGE_ROOT, 'schemas');
export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'templates');
/** The workbench's browser code, bundled at build (`npm run build:client`). */
export const EDIT_CLIENT = join(PACKAGE_ROOT, 'dist', 'edit', 'client');
export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');

export const schemaFileName = (frameworkId: string) => `${frameworkId}.profile.json`;
