import type { Finding } from '../findings/finding.js';
import { countErrors } from '../findings/finding.js';
import { closest, didYouMean } from '../findings/did-you-mean.js';
import type { Validate } from '../findings/compile-validator.js';
import type { ParsedYaml } from '../yaml/parse-yaml.js';
import { schemaFindings } from '../findings/schema-findings.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { Framework } from '../framework/types.js';
import { pathToPointer } from '../yaml/json-pointer.js';
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

/**
 * Parses and checks one profile's text: YAML, its framework, the derived schema, then the semantic
 * rules. The YAML is read by the fast reader when it can be (its findings are then placed from the
 * reader, see src/yaml/profile-locator.ts); `fullReader` reads it with the full one only, as
 * the agreement tests do.
 */
export function checkProfile(file: string, text: string, catalogue: FrameworkCatalogue, today: string, options: { fullReader?: boolean } = {}): ProfileCheck {
  const { parsed, findings } = parseYaml(file, text, { fast: !options.fullReader });
  // Data with YAML errors comes only from a file read past its tabs: its other mistakes are checked too.
  if (parsed.data === undefined) return { file, findings };
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
  findings.push(...misspeltBlockFindings(parsed, data as Record<string, unknown>, framework, validate));
  findings.push(...semanticChecks(parsed, framework, today));
  return countErrors(findings) > 0 ? { file, findings, framework } : { file, findings, framework, profile: data as Profile };
}

/**
 * The schema stops at a misspelt provision id ("T1.6"), so what is inside its block would only be
 * checked once the id is fixed. When one provision the file lacks is the likely meaning ("T1.06"),
 * the block is checked against that provision's schema now, and each finding says so.
 */
function misspeltBlockFindings(parsed: ParsedYaml, data: Record<string, unknown>, framework: Framework, validate: Validate): Finding[] {
  const provisions = data.provisions;
  if (typeof provisions !== 'object' || provisions === null || Array.isArray(provisions)) return [];
  const known = provisionIds(framework);
  const present = Object.keys(provisions);
  if (present.every((key) => known.has(key))) return []; // every valid profile: nothing misspelt
  const ids = [...known];
  const findings: Finding[] = [];
  for (const [key, block] of Object.entries(provisions)) {
    if (known.has(key)) continue;
    const guesses = closest(key, ids, { present });
    const meant = guesses.length === 1 && !present.includes(guesses[0]!) ? guesses[0]! : undefined;
    if (meant === undefined) continue;
    if (validate({ ...data, provisions: { [meant]: block } })) continue;
    const from = pathToPointer(['provisions', meant]);
    const errors = (validate.errors ?? [])
      .filter((e) => e.instancePath === from || e.instancePath.startsWith(`${from}/`))
      .map((e) => ({ ...e, instancePath: pathToPointer(['provisions', key]) + e.instancePath.slice(from.length) }));
    for (const finding of schemaFindings(parsed, errors)) findings.push({ ...finding, message: `${finding.message} (read as ${meant})` });
  }
  return findings;
}

const idsOfFramework = new WeakMap<Framework, Set<string>>();

/** The framework's provision ids, in its order: made once per framework, read for every profile. */
function provisionIds(framework: Framework): Set<string> {
  let ids = idsOfFramework.get(framework);
  if (!ids) {
    ids = new Set(framework.tiers.flatMap((t) => t.provisions.map((p) => p.id)));
    idsOfFramework.set(framework, ids);
  }
  return ids;
}
