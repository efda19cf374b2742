import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../findings/create-ajv.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { readSource } from '../yaml/read-source.js';
import { checkFramework } from './check-framework.js';
import { frameworkMetaSchema } from './framework-meta-schema.js';
import type { LoadedFramework } from './types.js';

let validateShape: ValidateFunction | undefined;

/** Loads every `*.yaml` framework in the given folders; broken ones become findings, never crashes. */
export async function loadFrameworks(dirs: readonly string[]): Promise<{ frameworks: LoadedFramework[]; findings: Finding[] }> {
  validateShape ??= createAjv().compile(frameworkMetaSchema);
  const frameworks: LoadedFramework[] = [];
  const findings: Finding[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
    for (const name of names) {
      const file = displayPath(join(dir, name));
      const source = await readSource(join(dir, name));
      if (!source.ok) {
        findings.push({ file, line: 1, col: 1, severity: 'error', code: 'unreadable', message: source.message, hint: source.hint });
        continue;
      }
      const { parsed, findings: yamlFindings } = parseYaml(file, source.text);
      findings.push(...yamlFindings);
      if (yamlFindings.some((f) => f.severity === 'error')) continue;
      const checked = checkFramework(parsed, validateShape);
      findings.push(...checked.findings);
      if (!checked.framework) continue;
      const twin = frameworks.find((f) => f.framework.id === checked.framework!.id);
      if (twin) {
        findings.push({ file, line: 1, col: 1, severity: 'error', code: 'duplicate-framework', message: `framework id "${twin.framework.id}" is also used by ${twin.file}`, hint: 'give each framework its own id' });
        continue;
      }
      frameworks.push({ framework: checked.framework, file });
    }
  }
  return { frameworks, findings: sortFindings(findings) };
}

/** Paths in messages are relative to where the user stands, as they typed them. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? path : rel.startsWith('..') && rel.split('/').filter((s) => s === '..').length > 2 ? path : rel;
}
