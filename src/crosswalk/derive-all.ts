import type { Framework } from '../framework/types.js';
import type { ScoredProfile } from '../scoring/types.js';
import { derive } from './derive.js';
import type { LoadedCrosswalk } from './types.js';

export type { ScoredProfile };

/**
 * Every scored profile as a result against `target`: those that answer it as they are, the others
 * derived through the crosswalk from their framework to it (found by the two framework ids).
 * Profiles with no such crosswalk are returned apart, by the framework they answer.
 */
export function deriveAll(
  scored: readonly ScoredProfile[],
  target: Framework,
  crosswalks: readonly LoadedCrosswalk[],
): { results: ScoredProfile[]; missing: Map<string, string[]> } {
  const results: ScoredProfile[] = [];
  const missing = new Map<string, string[]>();
  for (const s of scored) {
    if (s.framework.id === target.id) {
      results.push(s);
      continue;
    }
    const crosswalk = crosswalks.find((c) => c.crosswalk.from === s.framework.id && c.crosswalk.to === target.id);
    if (!crosswalk) {
      missing.set(s.framework.id, [...(missing.get(s.framework.id) ?? []), s.file]);
      continue;
    }
    const derived = derive({ crosswalk, source: s.framework, target, assessment: s.assessment });
    results.push({ file: s.file, framework: target, profile: derived.profile, assessment: derived.assessment });
  }
  return { results, missing };
}
