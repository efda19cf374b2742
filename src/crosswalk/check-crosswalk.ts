import { provisionIndex } from '../framework/provision-index.js';
import type { Validate } from '../findings/compile-validator.js';
import { didYouMean } from '../findings/did-you-mean.js';
import type { Finding, Severity } from '../findings/finding.js';
import { schemaFindings } from '../findings/schema-findings.js';
import type { Framework } from '../framework/types.js';
import { locate } from '../yaml/locate-node.js';
import type { ParsedYaml } from '../yaml/parse-yaml.js';
import { outcomeAnswers } from './outcome-answers.js';
import type { Crosswalk } from './types.js';

/**
 * Checks a parsed crosswalk: its shape (meta-schema), then that every framework, provision and
 * element it names exists, that each target is decided once, and that the rules are complete.
 * Unmapped targets are warnings: their derived answer stays unknown.
 */
export function checkCrosswalk(
  parsed: ParsedYaml,
  validateShape: Validate,
  frameworks: (id: string) => Framework | undefined,
  frameworkIds: readonly string[],
): { crosswalk?: Crosswalk; findings: Finding[] } {
  if (!validateShape(parsed.data)) return { findings: schemaFindings(parsed, validateShape.errors ?? []) };
  const crosswalk = parsed.data as Crosswalk;
  const findings: Finding[] = [];
  const at = (path: (string | number)[], code: string, message: string, hint?: string, severity: Severity = 'error') =>
    findings.push({ file: parsed.file, ...locate(parsed, path), severity, code, message, hint });

  const framework = (key: 'from' | 'to') => {
    const found = frameworks(crosswalk[key]);
    if (!found) at([key], 'unknown-framework', `there is no framework "${crosswalk[key]}"`, didYouMean(crosswalk[key], frameworkIds) ?? `available: ${frameworkIds.join(', ') || 'none'}`);
    return found;
  };
  const source = framework('from');
  const target = framework('to');
  if (crosswalk.from === crosswalk.to) at(['to'], 'same-framework', `the crosswalk maps "${crosswalk.from}" to itself`, 'a crosswalk reads answers to one framework as answers to another');
  if (!source || !target) return { findings };

  const answers = outcomeAnswers(target);
  if (!answers.met || !answers['not-met'] || answers.met === answers['not-met'] || !answers.unknown) {
    at(['to'], 'scale-cannot-derive', `the scale of "${target.id}" cannot express a derived answer`, 'it needs a highest- and a lowest-scored answer, and an unscored one for "not yet known"');
  }

  const sourceProvisions = provisionIndex(source);
  const targetProvisions = provisionIndex(target);
  const decided: { target: string; element?: string; index: number }[] = [];
  crosswalk.mappings.forEach((mapping, m) => {
    const here = ['mappings', m];
    const provision = targetProvisions.get(mapping.target);
    if (!provision) {
      at([...here, 'target'], 'unknown-provision', `"${mapping.target}" is not a provision of ${target.id}`, didYouMean(mapping.target, [...targetProvisions.keys()]));
    } else {
      const elementIds = provision.elements.map((e) => e.id);
      if (mapping.element !== undefined && !elementIds.includes(mapping.element)) {
        at([...here, 'element'], 'unknown-element', `${mapping.target} of ${target.id} has no element "${mapping.element}"`, didYouMean(mapping.element, elementIds) ?? `its elements: ${elementIds.join(', ')}`);
      }
      // Two mappings clash when they could both set the same target element.
      const clash = decided.find((d) => d.target === mapping.target && (d.element === undefined || mapping.element === undefined || d.element === mapping.element));
      if (clash) at([...here, 'target'], 'duplicate-target', `${mapping.target}${mapping.element ? ` element ${mapping.element}` : ''} is already decided by mapping #${clash.index + 1}`, 'decide each target once: merge the two mappings');
      decided.push({ target: mapping.target, element: mapping.element, index: m });
    }
    if (mapping.rule === 'minimum' && mapping.minimum === undefined) at([...here, 'rule'], 'missing-minimum', 'rule "minimum" needs the score the sources must reach', 'add `minimum:` with a score between 0 and 1, e.g. 0.5');
    if (mapping.rule !== 'minimum' && mapping.minimum !== undefined) at([...here, 'minimum'], 'minimum-without-rule', `\`minimum\` has no effect with rule "${mapping.rule}"`, 'remove it, or use `rule: minimum`');

    const listed = new Set<string>();
    mapping.sources.forEach((ref, r) => {
      const where = [...here, 'sources', r];
      if (listed.has(ref.provision)) at([...where, 'provision'], 'duplicate-source', `${ref.provision} is listed twice in this mapping`, 'list it once, with all the elements that count');
      listed.add(ref.provision);
      const from = sourceProvisions.get(ref.provision);
      if (!from) {
        at([...where, 'provision'], 'unknown-provision', `"${ref.provision}" is not a provision of ${source.id}`, didYouMean(ref.provision, [...sourceProvisions.keys()]));
        return;
      }
      const elementIds = from.elements.map((e) => e.id);
      ref.elements?.forEach((element, e) => {
        if (!elementIds.includes(element)) at([...where, 'elements', e], 'unknown-element', `${ref.provision} of ${source.id} has no element "${element}"`, didYouMean(element, elementIds) ?? `its elements: ${elementIds.join(', ')}`);
        else if (ref.elements!.indexOf(element) !== e) at([...where, 'elements', e], 'duplicate-element', `element "${element}" is listed twice`);
      });
    });
  });

  for (const provision of targetProvisions.values()) {
    const open = provision.elements.filter((e) => !decided.some((d) => d.target === provision.id && (d.element === undefined || d.element === e.id)));
    if (open.length === 0) continue;
    const what = open.length === provision.elements.length ? provision.id : `${provision.id} element${open.length === 1 ? '' : 's'} ${open.map((e) => e.id).join(', ')}`;
    at(['mappings'], 'unmapped-target', `${what} of ${target.id} has no mapping: its derived answer stays "${answers.unknown ?? 'unknown'}"`, 'add a mapping for it, or say in a caveat why it cannot be derived', 'warning');
  }
  return findings.some((f) => f.severity === 'error') ? { findings } : { crosswalk, findings };
}
