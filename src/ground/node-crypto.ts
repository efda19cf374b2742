/**
 * node:crypto's CommonJS exports, not an ES import of it: `import … from 'node:crypto'` makes Node
 * build the module's namespace, which loads Web Crypto and web streams (~10 ms of a start-up) for a
 * hash or a few random bytes. Every module on a command's path takes node:crypto from here, since one
 * ES import of it anywhere on the path brings the cost back.
 */
export const { createHash, hash, randomBytes } = process.getBuiltinModule('node:crypto');
