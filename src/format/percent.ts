/** A score as a whole percentage; never shows 100% for a score that falls short of full. */
export function percent(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100);
  return `${value < 1 && rounded === 100 ? 99 : value > 0 && rounded === 0 ? '<1' : rounded}%`;
}
