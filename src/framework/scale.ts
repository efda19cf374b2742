import type { Framework, ScaleEntry } from './types.js';

/** The scale entry for an answer; own keys only, so "constructor" or "__proto__" is never an answer. */
export function entryOf(scale: Record<string, ScaleEntry>, answer: string): ScaleEntry | undefined {
  return Object.hasOwn(scale, answer) ? scale[answer] : undefined;
}

/** The highest score on the framework's scale: a provision at it has no gap. */
export function topScore(framework: Framework): number {
  return Math.max(...Object.values(framework.scale).flatMap((s) => (s.score === null ? [] : [s.score])));
}
