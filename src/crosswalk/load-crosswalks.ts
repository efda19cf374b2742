import { compileValidator, type Validate } from '../findings/compile-validator.js';
import { countErrors, sortFindings, type Finding } from '../findings/finding.js';
import type { Framework } from '../framework/types.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { readYamlFolder } from '../yaml/read-yaml-folder.js';
import { checkCrosswalk } from './check-crosswalk.js';
import { crosswalkMetaSchema } from './crosswalk-meta-schema.js';
import type { LoadedCrosswalk } from './types.js';

let validateShape: Validate | undefined;

/**
 * Loads every `*.yaml` crosswalk in the given folders (missing folders are skipped) and checks it
 * against the loaded frameworks; broken ones become findings, never crashes. Two crosswalks for the
 * same pair of frameworks would make a derived result depend on file order: the second is refused.
 */
export async function loadCrosswalks(
  dirs: readonly string[],
  frameworks: readonly Framework[],
): Promise<{ crosswalks: LoadedCrosswalk[]; findings: Finding[] }> {
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  const ids = frameworks.map((f) => f.id);
  const crosswalks: LoadedCrosswalk[] = [];
  const findings: Finding[] = [];
  for (const dir of dirs) {
    for (const { file, text } of await readYamlFolder(dir, findings, { missingOk: true })) {
      const { parsed, findings: syntax } = parseYaml(file, text);
      findings.push(...syntax);
      if (countErrors(syntax) > 0) continue;
      validateShape ??= compileValidator(crosswalkMetaSchema);
      const checked = checkCrosswalk(parsed, validateShape, (id) => byId.get(id), ids);
      findings.push(...checked.findings);
      if (!checked.crosswalk) continue;
      const { id, from, to } = checked.crosswalk;
      const twin = crosswalks.find((c) => c.crosswalk.id === id || (c.crosswalk.from === from && c.crosswalk.to === to));
      if (twin) {
        const same = twin.crosswalk.id === id ? `crosswalk id "${id}"` : `a crosswalk from ${from} to ${to}`;
        findings.push({ file, line: 1, col: 1, severity: 'error', code: 'duplicate-crosswalk', message: `${same} is also in ${twin.file}`, hint: 'keep one crosswalk per pair of frameworks, each with its own id' });
        continue;
      }
      crosswalks.push({ crosswalk: checked.crosswalk, file });
    }
  }
  return { crosswalks, findings: sortFindings(findings) };
}
