#!/usr/bin/env node
// The bare-validator baseline of `npm run bench`: what `ajv validate -s <schema> -d <files>` (ajv-cli)
// does, and nothing more — compile the schema, then read, parse and validate each file in turn,
// printing "<file> valid" or its errors. Usage: node bench/ajv-baseline.mjs <schema.json> <files or folders…>
//
// Why not ajv-cli itself: ajv-cli 5.0.0 installs from npm and runs on Node 20, but reads YAML with
// js-yaml 3, whose default schema turns an unquoted date (`assessed: 2025-06-30`) into a Date object,
// so it rejects every shipped profile ("/assessed must be string") and does not validate the same data.
// This script parses with the `yaml` package lexgap uses (YAML 1.2 core schema: dates stay strings) and
// validates with Ajv compiled as ajv-cli compiles it (`--strict=false`, so the schema's editor and
// message annotations, errorHint and markdownDescription, are ignored rather than refused).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');

const [schemaFile, ...paths] = process.argv.slice(2);
if (!schemaFile || paths.length === 0) {
  console.error('usage: node bench/ajv-baseline.mjs <schema.json> <files or folders…>');
  process.exit(2);
}
const files = paths.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(p, f)) : [p]));
const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
let invalid = 0;
for (const file of files) {
  if (validate(parse(readFileSync(file, 'utf8')))) console.log(`${file} valid`);
  else {
    invalid += 1;
    console.error(`${file} invalid`, validate.errors);
  }
}
process.exitCode = invalid > 0 ? 1 : 0;
