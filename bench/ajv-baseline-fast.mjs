#!/usr/bin/env node
// The fast bare baseline of `npm run bench`: what a user could script in an afternoon to check a folder
// of profiles as fast as Node allows — js-yaml 4 with its JSON schema (dates, yes/no stay strings, as in
// lexgap) and the profile schema compiled once by Ajv into standalone code, then read, parse and
// validate each file in turn, printing "<file> valid" or its errors. No positions, no plain-language
// messages, no semantic checks. Usage: node bench/ajv-baseline-fast.mjs <schema.json> <files or folders…>
//
// The standalone code is written once per schema to node_modules/.cache/lexgap-bench/ (where its
// imports of Ajv's runtime resolve) and imported on later runs, as a user would commit it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA, load } from 'js-yaml';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

const [schemaFile, ...paths] = process.argv.slice(2);
if (!schemaFile || paths.length === 0) {
  console.error('usage: node bench/ajv-baseline-fast.mjs <schema.json> <files or folders…>');
  process.exit(2);
}

function standaloneValidator(schemaText) {
  const version = require('ajv/package.json').version;
  const dir = join(root, 'node_modules/.cache/lexgap-bench');
  const file = join(dir, `ajv-standalone-${createHash('sha256').update(version).update(schemaText).digest('hex').slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    const { Ajv } = require('ajv');
    const standaloneCode = require('ajv/dist/standalone').default;
    const ajv = new Ajv({ strict: false, code: { source: true } });
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, standaloneCode(ajv, ajv.compile(JSON.parse(schemaText))));
  }
  return require(file);
}

const files = paths.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(p, f)) : [p]));
const validate = standaloneValidator(readFileSync(schemaFile, 'utf8'));
let invalid = 0;
for (const file of files) {
  if (validate(load(readFileSync(file, 'utf8'), { schema: JSON_SCHEMA }))) console.log(`${file} valid`);
  else {
    invalid += 1;
    console.error(`${file} invalid`, validate.errors);
  }
}
process.exitCode = invalid > 0 ? 1 : 0;
