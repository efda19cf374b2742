import type { ProvisionGap } from '../gaps/element-gaps.js';
import { wrap } from './wrap.js';

const WIDTH = 100;

/**
 * The lines under one gap in `lexgap score`: each element that falls short with its answer and its
 * amendment, then the provision's recommendation as context. A met element is never listed.
 */
export function gapDetailText(gap: ProvisionGap): string[] {
  const out: string[] = [];
  const own = gap.shortfalls.filter((s) => !s.amendmentFromRecommendation);
  for (const s of gap.shortfalls) {
    out.push(wrap(`${s.id}  ${s.text}  [${s.answer}${s.fromProvision ? ', answer for the whole provision' : ''}]`, WIDTH, '       ', '          '));
    if (!s.amendmentFromRecommendation) out.push(wrap(s.amendment, WIDTH, '          → ', '            '));
    if (s.partialNote) out.push(wrap(`Partly met: ${s.partialNote}`, WIDTH, '          ', '          '));
  }
  if (gap.recommendation) {
    // The recommendation is the amendment for the elements that have none of their own; otherwise context.
    const label = own.length === gap.shortfalls.length ? 'Context (recommendation)' : own.length === 0 ? '→' : 'Otherwise (recommendation)';
    out.push(wrap(`${label === '→' ? '' : `${label}: `}${gap.recommendation}`, WIDTH, label === '→' ? '       → ' : '       ', '         '));
  }
  return out;
}
