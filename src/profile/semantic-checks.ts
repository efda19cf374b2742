import type { Finding, Severity } from '../findings/finding.js';
import { didYouMean } from '../findings/did-you-mean.js';
import type { Framework } from '../framework/types.js';
import { scaleReading, type ScaleReading } from '../framework/scale.js';
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

  // The path is made only for a finding: most dates are fine, and there is one on every citation.
  const checkDate = (path: () => (string | number)[], value: unknown, what: string) => {
    if (typeof value !== 'string' || !isDateForm(value)) return; // the schema reports the form
    if (!isRealDate(value)) add('error', path(), 'impossible-date', `${what} ${value} is not a real date`, 'check the day and the month (YYYY-MM-DD)');
    else if (value > today) add('error', path(), 'future-date', `${what} ${value} is in the future`, `use a date on or before ${today}`);
  };

  checkDate(() => ['assessed'], profile.assessed, 'the assessment date');
  if (typeof profile.assessed === 'string' && isRealDate(profile.assessed) && profile.assessed <= today && yearsBetween(profile.assessed, today) >= STALE_AFTER_YEARS) {
    add('warning', ['assessed'], 'stale-assessment', `the assessment is more than ${STALE_AFTER_YEARS} years old (${profile.assessed})`, 'check the law again for amendments and update `assessed`');
  }
  const laws = isRecord(profile.laws) ? (profile.laws as Record<string, Partial<Law>>) : {};
  for (const [key, law] of Object.entries(laws)) if (isRecord(law)) checkDate(() => ['laws', key, 'inForce'], law.inForce, `the in-force date of "${key}"`);

  // A block under a misspelt provision id is checked too (the schema reports the id): none of these
  // checks needs the provision, and a user fixing the id should not then meet a second round of errors.
  // Every law cited (a well-formed citation's `law`, whatever its type), for the unused-declaration check below.
  const cited: unknown[] = [];
  const scale = scaleReading(framework.scale);
  const provisions = isRecord(profile.provisions) ? profile.provisions : {};
  for (const id of Object.keys(provisions)) {
    const raw = provisions[id];
    if (!isRecord(raw)) continue; // the schema reports it
    const answer = wellFormedParts(raw);
    const evidence = answer.evidence;
    if (evidence) {
      for (let i = 0; i < evidence.length; i++) {
        const citation = evidence[i]!;
        cited.push(citation.law);
        checkDate(() => ['provisions', id, 'evidence', i, 'checked'], citation.checked, 'the date checked');
        if (citation.section === undefined) add('warning', ['provisions', id, 'evidence', i, 'law'], 'citation-without-section', 'this citation names no section or article', 'find the section in the law itself and add `section:`; never guess it');
        if (typeof citation.law !== 'string') continue;
        const law = Object.hasOwn(laws, citation.law) ? laws[citation.law] : undefined;
        if (!law) {
          add('error', ['provisions', id, 'evidence', i, 'law'], 'undeclared-law', `the law "${citation.law}" is not declared under \`laws\``, didYouMean(citation.law, Object.keys(laws)) ?? `declare it under \`laws:\` with its title, year and url`);
        } else if (law.repealedBy) {
          add('error', ['provisions', id, 'evidence', i, 'law'], 'repealed-law', `"${citation.law}" was repealed (${law.repealedBy}) and cannot be evidence of the law in force`, 'cite the law that replaced it');
        }
      }
    }
    answer.pending?.forEach((bill, i) => isRecord(bill) && checkDate(() => ['provisions', id, 'pending', i, 'checked'], bill.checked, 'the date checked'));
    checkContradiction(answer, scale, (message, hint) => add('error', ['provisions', id, 'answer'], 'contradicting-answers', message, hint));
    checkEvidencePresent(answer, scale, (path, message, hint) => add('warning', ['provisions', id, ...path], 'answer-without-evidence', message, hint));
  }
  // A citation of an undeclared law, or of none, may be the one meant for a declared law: that
  // mistake is reported already, so an unused declaration is not reported a second time.
  const allCitationsResolve = cited.every((law) => typeof law === 'string' && Object.hasOwn(laws, law));
  const citedLaws = new Set(cited);
  for (const [key, law] of allCitationsResolve ? Object.entries(laws) : []) {
    // A repealed law may be declared for the record; it can never be cited.
    if (isRecord(law) && !law.repealedBy && !citedLaws.has(key)) {
      add('warning', ['laws', key], 'uncited-law', `the law "${key}" is declared but no answer cites it`, 'cite it as evidence where it is relevant, or remove it from `laws`', 'key');
    }
  }
  return findings;
}

/** A provision-level answer must agree with its element answers (see the README's scoring rules). */
function checkContradiction(answer: ProvisionAnswer, scale: ScaleReading, report: (message: string, hint: string) => void) {
  if (answer.answer === undefined || !answer.elements) return;
  const own = scale.entries.get(answer.answer);
  if (!own) return;
  // The element answers on the scale, in the profile's order, and the lowest and highest score among them.
  const elements = answer.elements;
  const given: string[] = [];
  const applicable: string[] = [];
  let scored = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const id of Object.keys(elements)) {
    const entry = scale.entries.get(elements[id]!);
    if (entry === undefined) continue;
    given.push(id);
    if (entry.applicable !== false) applicable.push(id);
    if (entry.score === null) continue;
    scored++;
    if (entry.score < low) low = entry.score;
    if (entry.score > high) high = entry.score;
  }
  const hint = 'make the provision `answer` agree with the element answers, or remove it and let the elements decide';
  if (own.applicable === false) {
    if (applicable.length) report(`the provision is answered "${answer.answer}" but elements ${applicable.join(', ')} are assessed`, hint);
    return;
  }
  if (scored === 0) return;
  if (own.score === null) {
    report(`the provision is answered "${answer.answer}" but some of its elements are assessed`, hint);
    return;
  }
  const top = scale.upper;
  const bottom = scale.lower;
  const contradicts =
    own.score < low || own.score > high || (own.score === top && low < top) || (own.score === bottom && high > bottom);
  if (contradicts) {
    const list = given.map((id) => `${id}: ${elements[id]}`).join(', ');
    report(`the provision is answered "${answer.answer}" but its elements say otherwise (${list})`, hint);
  }
}

/** Answers whose scale entry requires evidence (met, partial) need a citation that backs them. */
function checkEvidencePresent(
  answer: ProvisionAnswer,
  scale: ScaleReading,
  report: (path: string[], message: string, hint: string) => void,
) {
  const evidence = answer.evidence ?? [];
  const hint = 'add an `evidence` entry citing the law and section, or answer `unknown` until it is checked';
  const elements = answer.elements;
  // With a citation that backs every element (the usual case), no element answer lacks one.
  if (elements && !backsEveryElement(evidence)) {
    const backs = (element: string) => evidence.some((e) => Array.isArray(e.elements) && e.elements.includes(element));
    for (const id of Object.keys(elements)) {
      const value = elements[id]!;
      if (scale.entries.get(value)?.evidence === 'required' && !backs(id)) {
        report(['elements', id], `element ${id} is answered "${value}" with no citation backing it`, hint);
      }
    }
  }
  if (answer.answer !== undefined && scale.entries.get(answer.answer)?.evidence === 'required' && evidence.length === 0) {
    report(['answer'], `the provision is answered "${answer.answer}" with no citation`, hint);
  }
}

function allStrings(record: Record<string, unknown>): boolean {
  for (const key of Object.keys(record)) if (typeof record[key] !== 'string') return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A citation without a list of elements (or with an empty one) backs every element. */
function backsEveryElement(evidence: readonly Evidence[]): boolean {
  for (const e of evidence) if (!Array.isArray(e.elements) || e.elements.length === 0) return true;
  return false;
}

/**
 * The parts of a provision answer that have the right types; the schema reports the rest. A citation
 * keeps its own object (its `elements` are read as none unless they are a list: see `backs`).
 * The element answers are read by two checks only: a provision-level answer against them, and an
 * answer no citation backs. When neither can report (no provision-level answer, a citation that
 * backs every element), they are left unread: `elements` is then undefined.
 */
function wellFormedParts(raw: Record<string, unknown>): ProvisionAnswer {
  const answer = typeof raw.answer === 'string' ? raw.answer : undefined;
  const evidence = Array.isArray(raw.evidence) ? (raw.evidence.filter(isRecord) as unknown as Evidence[]) : undefined;
  const given = raw.elements;
  // Read, not copied, when every answer is a string (as in any valid profile).
  const elements =
    !isRecord(given) || (answer === undefined && backsEveryElement(evidence ?? []))
      ? undefined
      : allStrings(given)
        ? (given as Record<string, string>)
        : (Object.fromEntries(Object.entries(given).filter(([, v]) => typeof v === 'string')) as Record<string, string>);
  return { answer, elements, evidence, pending: Array.isArray(raw.pending) ? (raw.pending as PendingBill[]) : undefined };
}

/** YYYY-MM-DD in form (digits where digits go), as /^\d{4}-\d{2}-\d{2}$/ tests, without a regular expression per date. */
function isDateForm(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  return isDigit(value, 0) && isDigit(value, 1) && isDigit(value, 2) && isDigit(value, 3) && isDigit(value, 5) && isDigit(value, 6) && isDigit(value, 8) && isDigit(value, 9);
}

function isDigit(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Dates already judged: a folder of profiles repeats the same few dates thousands of times. */
const realDates = new Map<string, boolean>();

export function isRealDate(value: string): boolean {
  const known = realDates.get(value);
  if (known !== undefined) return known;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  let real = false;
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }
  if (realDates.size >= 4096) realDates.clear();
  realDates.set(value, real);
  return real;
}

/** Whole years from each assessment date to today, as realDates: a folder's profiles share a few dates and one today. */
const yearsToToday = { today: '', years: new Map<string, number>() };

function yearsBetween(from: string, to: string): number {
  if (yearsToToday.today !== to || yearsToToday.years.size >= 4096) {
    yearsToToday.today = to;
    yearsToToday.years.clear();
  }
  let years = yearsToToday.years.get(from);
  if (years === undefined) yearsToToday.years.set(from, (years = countYears(from, to)));
  return years;
}

function countYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
