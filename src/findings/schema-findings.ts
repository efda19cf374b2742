import type { ErrorObject } from 'ajv';
import type { ParsedYaml } from '../yaml/parse-yaml.js';
import { pointerToPath } from '../yaml/json-pointer.js';
import { locate, type Target } from '../yaml/locate-node.js';
import { didYouMean } from './did-you-mean.js';
import type { Finding } from './finding.js';

interface SchemaNode {
  title?: string;
  description?: string;
  errorHint?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  const?: unknown;
}

/** Turns Ajv's errors into one plain-language finding per problem, each at its YAML node. */
export function schemaFindings(parsed: ParsedYaml, errors: readonly ErrorObject[]): Finding[] {
  const kept = dropNoise(errors);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const finding = toFinding(parsed, error);
    const key = `${finding.line}:${finding.col}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/** An `anyOf` failure says it all: drop the failures of its branches at the same place. */
function dropNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return errors.filter((e) => {
    if (e.keyword === 'propertyNames') return false; // reported through its inner error, at the key
    return !anyOfs.some(
      (a) => a !== e && e.instancePath === a.instancePath && e.schemaPath.startsWith(a.schemaPath.replace(/\/(anyOf|oneOf)$/, '/$1/')),
    );
  });
}

function toFinding(parsed: ParsedYaml, error: ErrorObject): Finding {
  const path = pointerToPath(error.instancePath);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const name = describePath(path);
  let target: Target = 'value';
  let locatePath: string[] = path;
  let message: string;
  let hint: string | undefined = schema.errorHint;
  let code = `schema-${error.keyword}`;

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      locatePath = [...path, key];
      target = 'key';
      code = 'unknown-key';
      const allowed = Object.keys(schema.properties ?? {});
      message = path.length ? `unknown key "${key}" in ${name}` : `unknown key "${key}"`;
      const present = error.data && typeof error.data === 'object' ? Object.keys(error.data) : [];
      hint = didYouMean(key, allowed, { present }) ?? listAllowed('keys allowed here', allowed);
      break;
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      target = 'key';
      code = 'missing-key';
      message = path.length ? `${name} is missing "${missing}"` : `missing "${missing}"`;
      const about = schema.properties?.[missing]?.title;
      hint = `add \`${missing}:\`${about ? ` (${about})` : ''}`;
      break;
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      message = `${show(error.data)} is not allowed for ${name}`;
      code = 'not-allowed';
      const guess = didYouMean(String(error.data), allowed);
      const list = listAllowed(guess ? 'allowed' : 'use one of', allowed);
      hint = guess && list ? `${guess} — ${list}` : guess ?? list;
      break;
    }
    case 'const':
      message = `${name} must be ${show(error.params.allowedValue)}, not ${show(error.data)}`;
      break;
    case 'propertyNames':
      message = `${name} has a key that is not allowed`;
      break;
    case 'pattern': {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        locatePath = [...path, propertyName];
        target = 'key';
        code = 'bad-key';
        message = `"${propertyName}" is not a valid key in ${name}`;
        hint ??= `keys here must match ${String(error.params.pattern)}`;
      } else {
        message = `${show(error.data)} is not in the right form for ${name}`;
      }
      break;
    }
    case 'type':
      message = `${name} must be ${typeWords(String(error.params.type))}, not ${typeOf(error.data)}`;
      break;
    case 'anyOf':
    case 'oneOf':
      message = `${name} must be ${schema.description ? schema.description.replace(/\.$/, '').replace(/^A /, 'a ') : 'one of the allowed forms'}`;
      break;
    default:
      message = `${name} ${error.message ?? 'is not valid'}`;
  }
  const span = locate(parsed, locatePath, target);
  return { file: parsed.file, ...span, severity: 'error', code, message, hint, pointer: error.instancePath };
}

/** `provisions › T1.07 › evidence #2`: where in the file, in words a drafter reads without JSON Pointer. */
export function describePath(path: readonly string[]): string {
  if (path.length === 0) return 'the file';
  return path.map((s, i) => (/^\d+$/.test(s) && i > 0 ? `#${Number(s) + 1}` : s)).join(' › ').replace(/ › #/g, ' #');
}

function listAllowed(intro: string, allowed: string[]): string | undefined {
  if (allowed.length === 0) return 'no keys are allowed here';
  if (allowed.length > 12) return undefined;
  return `${intro}: ${allowed.join(', ')}`;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? text.slice(0, 57) + '…"' : text;
}

function typeOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'string') return `text (${show(value)})`;
  return `a ${typeof value} (${show(value)})`;
}

function typeWords(type: string): string {
  return type
    .split(',')
    .map((t) => ({ string: 'text', object: 'a map of keys', array: 'a list', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty' })[t] ?? t)
    .join(' or ');
}
