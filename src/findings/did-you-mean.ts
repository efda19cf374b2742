/** Characters a reader easily types one for the other: letter O and zero, letter l or I and one. */
const LOOK_ALIKES = [['o', '0'], ['l', '1'], ['i', '1'], ['l', 'i']] as const;

const lookAlike = (x: string, y: string) => LOOK_ALIKES.some(([p, q]) => (x === p && y === q) || (x === q && y === p));

/** What putting `y` where `x` should be costs: nothing, half a mistake for look-alikes, one mistake otherwise. */
function substitution(x: string, y: string): number {
  if (x === y) return 0;
  return lookAlike(x, y) ? 0.5 : 1;
}

/**
 * Edit distance that counts what people mistype: a letter added, dropped or changed (1), two
 * neighbours swapped (1, "T1.7O" for "T1.07"), and look-alikes (0.5, O for 0, l for 1). Case is
 * ignored. Optimal string alignment: small and allocation-light, as the candidate lists are short.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + substitution(s[i - 1]!, t[j - 1]!));
      if (i > 1 && j > 1) {
        const swap = substitution(s[i - 1]!, t[j - 2]!) + substitution(s[i - 2]!, t[j - 1]!);
        if (swap < 1) d = Math.min(d, rows[i - 2]![j - 2]! + 1 + swap);
      }
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[s.length]![t.length]!;
}

/** "pc" for "penalcode": the short word's letters appear in order in the long one, starting with its first. */
function abbreviates(short: string, long: string): boolean {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  if (s.length < 2 || s.length >= l.length || s[0] !== l[0]) return false;
  let at = 0;
  for (const c of l) if (c === s[at]) at++;
  return at === s.length;
}

/** "partly" for "partial": the two share a stem of four letters or more, most of the shorter word. */
function sharesStem(a: string, b: string): boolean {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let n = 0;
  while (n < s.length && n < t.length && s[n] === t[n]) n++;
  return n >= 4 && n * 3 >= Math.min(s.length, t.length) * 2;
}

export interface ClosestOptions {
  /** Candidates the file already has: a misspelt key most likely meant one it lacks, so these rank lower. */
  present?: Iterable<string>;
}

/**
 * The closest candidates to a misspelt word, best first, or none when nothing is close enough to be
 * a typo. A near spelling wins; failing that, a shared stem ("partly" → "partial") or an abbreviation
 * ("penalcode" → "pc"). Among equals, what the file lacks comes before what it already has.
 */
export function closest(word: string, candidates: readonly string[], options: ClosestOptions = {}): string[] {
  const present = new Set(options.present ?? []);
  const limit = Math.max(2, Math.floor(word.length / 3));
  const ranked = candidates
    .filter((c) => c !== word)
    .map((candidate) => {
      const d = editDistance(word, candidate);
      const near = d <= limit;
      const related = near || sharesStem(word, candidate) || abbreviates(candidate, word) || abbreviates(word, candidate);
      // A candidate the file already has counts as one more mistake away.
      return { candidate, related, rank: (near ? d : limit + 1) + (present.has(candidate) ? 1 : 0) };
    })
    .filter((r) => r.related);
  if (ranked.length === 0) return [];
  const best = Math.min(...ranked.map((r) => r.rank));
  return ranked.filter((r) => r.rank === best).map((r) => r.candidate).slice(0, 3);
}

export function didYouMean(word: string, candidates: readonly string[], options: ClosestOptions = {}): string | undefined {
  const found = closest(word, candidates, options);
  if (found.length === 0) return undefined;
  return `did you mean ${found.map((f) => `"${f}"`).join(' or ')}?`;
}
