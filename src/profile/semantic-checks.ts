import type { Finding, Severity } from '../findings/finding.js';
import { didYouMean } from '../findings/did-you-mean.js';
import type { Framework, ScaleEntry } from '../framework/types.js';
import { entryOf } from '../framework/scale.js';
import { locate, type Target } from '../yaml/locate-node.js';
import type { ParsedYaml } from '../yaml/parse-yaml.js';
import type { Evidence, Law, PendingBill, Profile, ProvisionAnswer } from './types.js';

/** An assessment older than this is flagged: laws in this field change every few years. */
export const STALE_AFTER_YEARS = 3;

/**
 * The checks JSON Schema can't express. They run even when the schema found errors (so a user sees
 * every finding at once), hence every value is checked for its type before it is used.
 * `today` is passed in (YYYY-MM-DD) so the checks stay pure and testable.
 */
export function semanticChecks(parsed: ParsedYaml, framework: Framework, today: string): Finding[] {
  if (!isRecord(parsed.data)) return [];
  const profile = parsed.data as Partial<Profile>;
  const findings: Finding[] = [];
  const add = (severity: Severity, path: (string | number)[], code: string, message: string, hint?: string, target: Target = 'value') =>
    findings.push({ file: parsed.file, ...locate(parsed, path, target), severity, code, message, hint });

  const checkDate = (path: (string | number)[], value: unknown, what: string) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return; // the schema reports the form
    if (!isRealDate(value)) add('error', path, 'impossible-date', `${what} ${value} is not a real date`, 'check the day and the month (YYYY-MM-DD)');
    else if (value > today) add('error', path, 'future-date', `${what} ${value} is in the future`, `use a date on or before ${today}`);
  };

  checkDate(['assessed'], profile.assessed, 'the assessment date');
  if (typeof profile.assessed === 'string' && isRealDate(profile.assessed) && profile.assessed <= today && yearsBetween(profile.assessed, today) >= STALE_AFTER_YEARS) {
    add('warning', ['assessed'], 'stale-assessment', `the assessment is more than ${STALE_AFTER_YEARS} years old (${profile.assessed})`, 'check the law again for amendments and update `assessed`');
  }
  const laws = isRecord(profile.laws) ? (profile.laws as Record<string, Partial<Law>>) : {};
  for (const [key, law] of Object.entries(laws)) if (isRecord(law)) checkDate(['laws', key, 'inForce'], law.inForce, `the in-force date of "${key}"`);

  // A block under a misspelt provision id is checked too (the schema reports the id): none of these
  // checks needs the provision, and a user fixing the id should not then meet a second round of errors.
  for (const [id, raw] of Object.entries(isRecord(profile.provisions) ? profile.provisions : {})) {
    if (!isRecord(raw)) continue; // the schema reports it
    const answer = wellFormedParts(raw);
    const here = ['provisions', id];
    answer.evidence?.forEach((evidence, i) => {
      if (!isRecord(evidence)) return;
      const at = [...here, 'evidence', i];
      checkDate([...at, 'checked'], evidence.checked, 'the date checked');
      if (evidence.section === undefined) add('warning', [...at, 'law'], 'citation-without-section', 'this citation names no section or article', 'find the section in the law itself and add `section:`; never guess it');
      if (typeof evidence.law !== 'string') return;
      const law = Object.hasOwn(laws, evidence.law) ? laws[evidence.law] : undefined;
      if (!law) {
        add('error', [...at, 'law'], 'undeclared-law', `the law "${evidence.law}" is not declared under \`laws\``, didYouMean(evidence.law, Object.keys(laws)) ?? `declare it under \`laws:\` with its title, year and url`);
      } else if (law.repealedBy) {
        add('error', [...at, 'law'], 'repealed-law', `"${evidence.law}" was repealed (${law.repealedBy}) and cannot be evidence of the law in force`, 'cite the law that replaced it');
      }
    });
    answer.pending?.forEach((bill, i) => isRecord(bill) && checkDate([...here, 'pending', i, 'checked'], bill.checked, 'the date checked'));
    checkContradiction(answer, framework.scale, (message, hint) => add('error', [...here, 'answer'], 'contradicting-answers', message, hint));
    checkEvidencePresent(answer, framework.scale, (path, message, hint) => add('warning', [...here, ...path], 'answer-without-evidence', message, hint));
  }
  const cited = Object.values(isRecord(profile.provisions) ? profile.provisions : {}).flatMap((raw) =>
    isRecord(raw) && Array.isArray(raw.evidence) ? raw.evidence.filter(isRecord).map((e) => e.law) : []);
  // A citation of an undeclared law, or of none, may be the one meant for a declared law: that
  // mistake is reported already, so an unused declaration is not reported a second time.
  const allCitationsResolve = cited.every((law) => typeof law === 'string' && Object.hasOwn(laws, law));
  for (const [key, law] of allCitationsResolve ? Object.entries(laws) : []) {
    // A repealed law may be declared for the record; it can never be cited.
    if (isRecord(law) && !law.repealedBy && !cited.includes(key)) {
      add('warning', ['laws', key], 'uncited-law', `the law "${key}" is declared but no answer cites it`, 'cite it as evidence where it is relevant, or remove it from `laws`', 'key');
    }
  }
  return findings;
}

/** A provision-level answer must agree with its element answers (see the README's scoring rules). */
function checkContradiction(answer: ProvisionAnswer, scale: Record<string, ScaleEntry>, report: (message: string, hint: string) => void) {
  if (answer.answer === undefined || !answer.elements) return;
  const own = entryOf(scale, answer.answer);
  if (!own) return;
  const given = Object.entries(answer.elements).filter(([, a]) => entryOf(scale, a) !== undefined);
  const scored = given.map(([, a]) => entryOf(scale, a)!.score).filter((s): s is number => s !== null);
  const hint = 'make the provision `answer` agree with the element answers, or remove it and let the elements decide';
  if (own.applicable === false) {
    const applicable = given.filter(([, a]) => entryOf(scale, a)!.applicable !== false).map(([id]) => id);
    if (applicable.length) report(`the provision is answered "${answer.answer}" but elements ${applicable.join(', ')} are assessed`, hint);
    return;
  }
  if (scored.length === 0) return;
  if (own.score === null) {
    report(`the provision is answered "${answer.answer}" but some of its elements are assessed`, hint);
    return;
  }
  const low = Math.min(...scored);
  const high = Math.max(...scored);
  const scores = Object.values(scale).map((s) => s.score).filter((s): s is number => s !== null);
  const top = Math.max(...scores);
  const bottom = Math.min(...scores);
  const contradicts =
    own.score < low || own.score > high || (own.score === top && low < top) || (own.score === bottom && high > bottom);
  if (contradicts) {
    const list = given.map(([id, a]) => `${id}: ${a}`).join(', ');
    report(`the provision is answered "${answer.answer}" but its elements say otherwise (${list})`, hint);
  }
}

/** Answers whose scale entry requires evidence (met, partial) need a citation that backs them. */
function checkEvidencePresent(
  answer: ProvisionAnswer,
  scale: Record<string, ScaleEntry>,
  report: (path: string[], message: string, hint: string) => void,
) {
  const evidence = answer.evidence ?? [];
  const hint = 'add an `evidence` entry citing the law and section, or answer `unknown` until it is checked';
  const backs = (element: string) => evidence.some((e) => !e.elements || e.elements.length === 0 || e.elements.includes(element));
  for (const [id, value] of Object.entries(answer.elements ?? {})) {
    if (entryOf(scale, value)?.evidence === 'required' && !backs(id)) {
      report(['elements', id], `element ${id} is answered "${value}" with no citation backing it`, hint);
    }
  }
  if (answer.answer !== undefined && entryOf(scale, answer.answer)?.evidence === 'required' && evidence.length === 0) {
    report(['answer'], `the provision is answered "${answer.answer}" with no citation`, hint);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parts of a provision answer that have the right types; the schema reports the rest. */
function wellFormedParts(raw: Record<string, unknown>): ProvisionAnswer {
  const elements = isRecord(raw.elements)
    ? Object.fromEntries(Object.entries(raw.elements).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    : undefined;
  const evidence = Array.isArray(raw.evidence)
    ? (raw.evidence.filter(isRecord) as unknown as Evidence[]).map((e) => ({ ...e, elements: Array.isArray(e.elements) ? e.elements : undefined }))
    : undefined;
  return {
    answer: typeof raw.answer === 'string' ? raw.answer : undefined,
    elements,
    evidence,
    pending: Array.isArray(raw.pending) ? (raw.pending as PendingBill[]) : undefined,
  };
}

export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
