/** Levenshtein distance, small and allocation-light: the candidate lists are short. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidates to a misspelt word, or none when nothing is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    found.push(candidate);
  }
  return found.slice(0, 3);
}

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const found = closest(word, candidates);
  if (found.length === 0) return undefined;
  return `did you mean ${found.map((f) => `"${f}"`).join(' or ')}?`;
}
