import { assessmentGaps, furtherGoodPractice } from '../gaps/element-gaps.js';
import type { ScoredProfile } from '../scoring/types.js';

/**
 * `lexgap score --format json`: each assessment as scored, with every gap's shortfalls carrying
 * their element text and amendment (and the provision's recommendation), and the good-practice
 * elements still open listed apart under `furtherGoodPractice`. Fields are only ever added.
 */
export function scoreJson(scored: readonly Pick<ScoredProfile, 'framework' | 'assessment'>[]): string {
  const assessments = scored.map(({ framework, assessment }) => {
    const details = new Map(assessmentGaps(framework, assessment).map((g) => [g.id, g]));
    return {
      ...assessment,
      gaps: assessment.gaps.map((gap) => {
        const detail = details.get(gap.id)!;
        return {
          ...gap,
          title: detail.title,
          recommendation: detail.recommendation,
          shortfalls: gap.shortfalls.map((s, i) => {
            const d = detail.shortfalls[i]!;
            return { ...s, text: d.text, amendment: d.amendment, amendmentFromRecommendation: d.amendmentFromRecommendation, partialNote: d.partialNote };
          }),
        };
      }),
      furtherGoodPractice: furtherGoodPractice(framework, assessment),
    };
  });
  return JSON.stringify({ assessments }, null, 2) + '\n';
}
