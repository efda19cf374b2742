import { compileValidator, type Validate } from '../findings/compile-validator.js';
import { cacheKey, readCache, writeCache } from '../cache/disk-cache.js';
import { countErrors, sortFindings, type Finding } from '../findings/finding.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { readYamlFolder } from '../yaml/read-yaml-folder.js';
import { checkFramework } from './check-framework.js';
import { undeclaredFocusAreas } from './check-focus-areas.js';
import { frameworkMetaSchema } from './framework-meta-schema.js';
import type { Framework, LoadedFramework } from './types.js';
import { LEXGAP_VERSION } from '../version.js';

let validateShape: Validate | undefined;

/**
 * The checks' own compiled code is part of the cache key: a framework that passed an older, looser
 * check is checked again once the check changes, not served from the cache as valid. The functions'
 * text is the code that runs, whether from dist/framework/ or from the bundle.
 */
const CHECKER_CODE = [checkFramework, undeclaredFocusAreas].map(String).join('\n');

/** Loads every `*.yaml` framework in the given folders; broken ones become findings, never crashes. */
export async function loadFrameworks(dirs: readonly string[]): Promise<{ frameworks: LoadedFramework[]; findings: Finding[] }> {
  const frameworks: LoadedFramework[] = [];
  const findings: Finding[] = [];
  for (const dir of dirs) {
    for (const { file, text } of await readYamlFolder(dir, findings)) {
      const checked = checkFrameworkText(file, text);
      findings.push(...checked.findings);
      if (!checked.framework) continue;
      const twin = frameworks.find((f) => f.framework.id === checked.framework!.id);
      if (twin) {
        findings.push({ file, line: 1, col: 1, severity: 'error', code: 'duplicate-framework', message: `framework id "${twin.framework.id}" is also used by ${twin.file}`, hint: 'give each framework its own id' });
        continue;
      }
      frameworks.push({ framework: checked.framework, file, sourceHash: cacheKey(text) });
    }
  }
  const defaults = frameworks.filter((f) => f.framework.default === true);
  for (const extra of defaults.slice(1)) {
    findings.push({ file: extra.file, line: 1, col: 1, severity: 'error', code: 'two-defaults', message: `"${extra.framework.id}" says it is the default framework, and so does "${defaults[0]!.framework.id}" (${defaults[0]!.file})`, hint: 'only one framework may have `default: true`: remove it from one of them' });
  }
  return { frameworks, findings: sortFindings(findings) };
}

/**
 * Parses and checks one framework file. A file that passed is cached as JSON, keyed by its text and
 * the meta-schema, so the next run skips parsing ~100 KB of YAML and checking it again.
 */
function checkFrameworkText(file: string, text: string): { framework?: Framework; findings: Finding[] } {
  const name = `framework-${cacheKey(LEXGAP_VERSION, CHECKER_CODE, JSON.stringify(frameworkMetaSchema), text)}.json`;
  const cached = readCache(name);
  if (cached !== undefined) {
    try {
      return { framework: JSON.parse(cached) as Framework, findings: [] };
    } catch {
      // damaged: check the file again below
    }
  }
  const { parsed, findings } = parseYaml(file, text);
  if (countErrors(findings) > 0) return { findings };
  validateShape ??= compileValidator(frameworkMetaSchema);
  const checked = checkFramework(parsed, validateShape);
  if (checked.framework && checked.findings.length === 0) writeCache(name, () => JSON.stringify(checked.framework));
  return { framework: checked.framework, findings: [...findings, ...checked.findings] };
}
