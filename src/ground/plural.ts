/** "1 error", "3 errors": English plurals for counts in messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
