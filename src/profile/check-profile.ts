import type { Finding } from '../findings/finding.js';
import { countErrors } from '../findings/finding.js';
import { didYouMean } from '../findings/did-you-mean.js';
import { schemaFindings } from '../findings/schema-findings.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { Framework } from '../framework/types.js';
import { locate } from '../yaml/locate-node.js';
import { parseYaml } from '../yaml/parse-yaml.js';
import { semanticChecks } from './semantic-checks.js';
import type { Profile } from './types.js';

export interface ProfileCheck {
  file: string;
  findings: Finding[];
  /** Set only when the profile has no errors: it can then be scored. */
  profile?: Profile;
  framework?: Framework;
}

/** Parses and checks one profile's text: YAML, its framework, the derived schema, then the semantic rules. */
export function checkProfile(file: string, text: string, catalogue: FrameworkCatalogue, today: string): ProfileCheck {
  const { parsed, findings } = parseYaml(file, text);
  if (countErrors(findings) > 0 || parsed.data === undefined) return { file, findings };
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    findings.push({ file, ...locate(parsed, []), severity: 'error', code: 'not-a-profile', message: 'this file is not a profile: it should be a map of keys (country, name, framework, …)', hint: 'run `lexgap init <country code>` to see the shape of a profile' });
    return { file, findings };
  }
  const frameworkId = (data as { framework?: unknown }).framework;
  const available = catalogue.ids();
  if (typeof frameworkId !== 'string') {
    findings.push({ file, ...locate(parsed, frameworkId === undefined ? [] : ['framework']), severity: 'error', code: 'missing-framework', message: 'the profile does not say which framework it answers', hint: `add \`framework: <id>\` — available: ${available.join(', ') || 'none'}` });
    return { file, findings };
  }
  const framework = catalogue.get(frameworkId);
  if (!framework) {
    findings.push({ file, ...locate(parsed, ['framework']), severity: 'error', code: 'unknown-framework', message: `there is no framework "${frameworkId}"`, hint: didYouMean(frameworkId, available) ?? `available: ${available.join(', ') || 'none'} (\`lexgap frameworks\` lists them)` });
    return { file, findings };
  }
  const validate = catalogue.profileValidator(framework);
  if (!validate(data)) findings.push(...schemaFindings(parsed, validate.errors ?? []));
  findings.push(...semanticChecks(parsed, framework, today));
  return countErrors(findings) > 0 ? { file, findings, framework } : { file, findings, framework, profile: data as Profile };
}
