import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';

export interface BlankProfileInput {
  country: string;
  name: string;
  /** YYYY-MM-DD */
  today: string;
  /** Path of the profile schema relative to the profile's folder, for the editor modeline. */
  schemaPath?: string;
}

/**
 * A complete profile for a drafter to fill in: every provision and element present, answered with the
 * framework's initial answer, each with its title or text as a comment. Built as text so the comments
 * sit where the drafter needs them.
 */
export function blankProfile(framework: Framework, input: BlankProfileInput): string {
  const answers = Object.keys(framework.scale).join(' | ');
  const lines: string[] = [];
  if (input.schemaPath) lines.push(`# yaml-language-server: $schema=${input.schemaPath}`);
  lines.push(
    `# ${input.name}: assessment against ${oneLine(textIn(framework.title))} (${framework.version}).`,
    `# Answers: ${answers}. Back every ${requiringEvidence(framework)} answer with evidence`,
    '# (law, section, confidence, checked); never guess a section number: answer unknown and write in',
    '# notes what remains to be checked. `lexgap validate` checks this file; `lexgap score` scores it.',
    `country: ${input.country}`,
    `name: ${quote(input.name)}`,
    `framework: ${framework.id}`,
    `assessed: ${input.today}`,
    'status: draft',
    '# basedOn: what this assessment rests on (official gazette texts, or secondary sources)',
    'assessors: []',
    'laws: {}',
    '# laws:',
    '#   key: {title: Official name and number, year: 2022, url: "https://…"}',
    'provisions:',
  );
  for (const tier of framework.tiers) {
    lines.push(`  # ── ${tier.id} ${oneLine(textIn(tier.title))}`);
    for (const provision of tier.provisions) {
      lines.push(`  ${provision.id}: # ${oneLine(textIn(provision.title))}`);
      lines.push('    elements:');
      for (const element of provision.elements) {
        lines.push(`      ${element.id}: ${framework.initialAnswer} # ${oneLine(textIn(element.text))}`);
      }
      lines.push('    evidence: []');
    }
  }
  return lines.join('\n') + '\n';
}

function requiringEvidence(framework: Framework): string {
  const keys = Object.entries(framework.scale).filter(([, s]) => s.evidence === 'required').map(([k]) => k);
  return keys.length ? keys.join(' or ') : 'scored';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Quotes a scalar when YAML would read it as something else. */
function quote(text: string): string {
  return /^[\w][\w .()'-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) ? text : JSON.stringify(text);
}
