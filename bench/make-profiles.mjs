// Writes N synthetic profiles answering every element of a framework, each provision with a citation,
// so that they validate with no findings: the worst realistic case for validate and score.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ANSWERS = ['met', 'partial', 'not-met', 'unknown', 'not-applicable'];

export function syntheticProfile(framework, index) {
  const lines = [
    `country: ${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + (Math.floor(index / 26) % 26))}`,
    `name: Country ${index}`,
    `framework: ${framework.id}`,
    'assessed: 2025-06-30',
    'status: draft',
    'basedOn: synthetic data for the bench',
    'laws:',
    `  act: {title: "Act No. ${index}", year: 2020, url: "https://example.org/act/${index}"}`,
    'provisions:',
  ];
  let n = index;
  for (const tier of framework.tiers) {
    for (const provision of tier.provisions) {
      lines.push(`  ${provision.id}:`, '    elements:');
      for (const element of provision.elements) lines.push(`      ${element.id}: ${ANSWERS[(n = (n * 1103515245 + 12345) % 2147483648) % 5]}`);
      lines.push('    evidence:', `      - {law: act, section: "s. ${provision.id}", quote: "synthetic", confidence: sourced, checked: 2025-06-30}`);
      lines.push('    notes: Synthetic answer for the bench.');
    }
  }
  return lines.join('\n') + '\n';
}

export function writeProfiles(dir, count, frameworkFile) {
  const framework = parse(readFileSync(frameworkFile, 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `p${String(i).padStart(5, '0')}.yaml`), syntheticProfile(framework, i));
}
