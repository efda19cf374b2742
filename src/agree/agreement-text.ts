import { percent } from '../format/percent.js';
import { textTable } from '../format/table.js';
import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Law } from '../profile/types.js';
import type { Agreement, AgreementStats, CodedAnswer } from './agreement.js';

export interface Coding {
  label: string;
  laws: Record<string, Law>;
}

/** The agreement of two codings as a table per tier and overall, then every disagreement with both citations. */
export function agreementText(framework: Framework, result: Agreement, a: Coding, b: Coding): string {
  const row = (name: string, s: AgreementStats) => [name, String(s.compared), String(s.agreed), s.percent === null ? '—' : percent(s.percent), kappaText(s)];
  const lines = [
    `Agreement between two codings against ${textIn(framework.shortTitle ?? framework.title)}`,
    `  A: ${a.label}`,
    `  B: ${b.label}`,
    '',
    textTable(
      ['', 'both answered', 'agree', 'agreement', "Cohen's kappa"],
      [...result.tiers.map((t) => row(tierName(framework, t.id), t)), row('Overall', result.overall)],
      [1, 2, 3],
    ),
    '',
    `Elements answered by one coding only (not compared): ${result.answeredByOneOnly}.`,
    "Kappa corrects the agreement for what chance alone would give, from each coding's own answer frequencies; it is undefined when nothing is compared or both codings give one and the same answer throughout.",
  ];
  if (result.disagreements.length === 0) return [...lines, '', 'No disagreement.'].join('\n');
  lines.push('', `Disagreements (${result.disagreements.length}):`);
  const elements = new Map(framework.tiers.flatMap((t) => t.provisions.flatMap((p) => p.elements.map((e): [string, string] => [`${p.id}(${e.id})`, textIn(e.text)]))));
  for (const d of result.disagreements) {
    const key = `${d.provision}(${d.element})`;
    lines.push('', `  ${key}  ${elements.get(key) ?? ''}`, `    A: ${coded(d.a, a.laws)}`, `    B: ${coded(d.b, b.laws)}`);
  }
  return lines.join('\n');
}

function kappaText(s: AgreementStats): string {
  if (s.kappa !== null) return s.kappa.toFixed(2);
  return s.kappaUndefined === 'no-variation' ? 'undefined (one answer only)' : 'undefined';
}

function tierName(framework: Framework, id: string): string {
  const tier = framework.tiers.find((t) => t.id === id);
  return tier ? `${id} ${textIn(tier.title)}` : id;
}

function coded(c: CodedAnswer, laws: Record<string, Law>): string {
  if (c.evidence.length === 0) return `${c.answer} (no citation)`;
  const cites = c.evidence.map((e) => {
    const law = Object.hasOwn(laws, e.law) ? laws[e.law]!.title : e.law;
    return [law, e.section, e.quote ? `"${e.quote}"` : undefined, e.url].filter(Boolean).join(', ');
  });
  return `${c.answer} — ${cites.join('; ')}`;
}
