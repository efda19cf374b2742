import type { Validate } from '../findings/compile-validator.js';
import type { Finding } from '../findings/finding.js';
import { schemaFindings } from '../findings/schema-findings.js';
import { didYouMean } from '../findings/did-you-mean.js';
import { locate } from '../yaml/locate-node.js';
import type { ParsedYaml } from '../yaml/parse-yaml.js';
import type { Framework } from './types.js';
import { undeclaredFocusAreas } from './check-focus-areas.js';

/** Checks a parsed framework file: its shape (meta-schema), then the cross-references the schema can't see. */
export function checkFramework(
  parsed: ParsedYaml,
  validateShape: Validate,
): { framework?: Framework; findings: Finding[] } {
  if (!validateShape(parsed.data)) return { findings: schemaFindings(parsed, validateShape.errors ?? []) };
  const framework = parsed.data as Framework;
  const findings: Finding[] = [];
  const at = (path: (string | number)[], code: string, message: string, hint?: string) =>
    findings.push({ file: parsed.file, ...locate(parsed, path), severity: 'error', code, message, hint });

  if (!Object.hasOwn(framework.scale, framework.initialAnswer)) {
    at(['initialAnswer'], 'unknown-answer', `initialAnswer "${framework.initialAnswer}" is not on the scale`, didYouMean(framework.initialAnswer, Object.keys(framework.scale)));
  }
  if (!Object.values(framework.scale).some((s) => s.score !== null)) {
    at(['scale'], 'no-scored-answer', 'the scale has no answer with a score', 'give at least one answer a score between 0 and 1');
  }
  const tierIds = new Set<string>();
  const provisionIds = new Set<string>();
  framework.tiers.forEach((tier, t) => {
    if (tierIds.has(tier.id)) at(['tiers', t, 'id'], 'duplicate-id', `tier id "${tier.id}" is used twice`);
    tierIds.add(tier.id);
    tier.provisions.forEach((provision, p) => {
      const here = ['tiers', t, 'provisions', p];
      if (provisionIds.has(provision.id)) at([...here, 'id'], 'duplicate-id', `provision id "${provision.id}" is used twice`);
      provisionIds.add(provision.id);
      if (!Object.hasOwn(framework.bases, provision.basis)) {
        at([...here, 'basis'], 'undeclared-basis', `basis "${provision.basis}" is not declared under \`bases\``, didYouMean(provision.basis, Object.keys(framework.bases)));
      }
      const elementIds = new Set<string>();
      provision.elements.forEach((element, e) => {
        if (elementIds.has(element.id)) at([...here, 'elements', e, 'id'], 'duplicate-id', `element id "${element.id}" is used twice in ${provision.id}`);
        elementIds.add(element.id);
      });
      if (provision.elements.every((element) => element.goodPractice === true)) {
        at([...here, 'elements'], 'only-good-practice', `every element of ${provision.id} is marked good practice, so nothing in it can be scored`, 'mark at least one element as a requirement (remove `goodPractice: true`)');
      }
      for (const { path, area } of undeclaredFocusAreas(framework, provision)) {
        const declared = Object.keys(framework.focusAreas!.areas);
        at([...here, ...path], 'undeclared-focus-area', `focus area ${area} of ${provision.id} is not declared under \`focusAreas.areas\``, declared.length ? `declared: ${declared.join(', ')}; or add ${area} there with its label` : `add ${area} under \`focusAreas.areas\` with its label`);
      }
      provision.references?.forEach((ref, r) => {
        const instruments = Object.keys(framework.instruments ?? {});
        if (!instruments.includes(ref.instrument)) {
          at([...here, 'references', r, 'instrument'], 'undeclared-instrument', `instrument "${ref.instrument}" is not declared under \`instruments\``, didYouMean(ref.instrument, instruments));
        }
        const provenances = Object.keys(framework.provenances ?? {});
        if (ref.provenance !== undefined && !provenances.includes(ref.provenance)) {
          at([...here, 'references', r, 'provenance'], 'undeclared-provenance', `provenance "${ref.provenance}" is not declared under \`provenances\``, didYouMean(ref.provenance, provenances));
        }
      });
    });
  });
  return findings.length ? { findings } : { framework, findings };
}
