import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { derivations, isDerived, provisionCell } from './derived-text.js';

const escape = (cell: string) => cell.replace(/\|/g, '\\|');

/**
 * For a Markdown comparison with derived results: the notice that they are derived, through which
 * crosswalk and with which caveats, then the answer to each provision by country. Empty when nothing
 * in the list is derived.
 */
export function derivedMarkdown(framework: Framework, assessments: readonly Assessment[]): string {
  const used = derivations(assessments);
  if (used.length === 0) return '';
  const out: string[] = [''];
  for (const { derivation: d, countries } of used) {
    out.push(
      `> **Derived, not assessed.** ${countries.length === assessments.length ? 'These results' : `The results for ${countries.join(', ')}`} are read from each profile's \`${d.from.id}\` answers through the crosswalk \`${d.crosswalk}\` (${escape(d.crosswalkTitle)}), not assessed against \`${framework.id}\` directly. Caveats:`,
      '>',
      ...d.caveats.map((c) => `> - ${escape(c.replace(/\s+/g, ' ').trim())}`),
      '',
    );
  }
  const direct = assessments.filter((a) => !isDerived(a));
  if (direct.length) out.push(`Assessed directly: ${direct.map((a) => a.country).join(', ')}.`, '');
  const provisions = framework.tiers.flatMap((t) => t.provisions);
  out.push(
    `| Country | ${provisions.map((p) => `${escape(p.id)} ${escape(textIn(p.title))}`).join(' | ')} |`,
    `|---|${provisions.map(() => '---').join('|')}|`,
    ...assessments.map((a) => `| ${escape(`${a.name} (${a.country})`)} | ${provisions.map((p) => escape(provisionCell(framework, a, p.id))).join(' | ')} |`),
    '',
  );
  return out.join('\n');
}
