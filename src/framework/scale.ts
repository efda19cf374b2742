import type { Framework, ScaleEntry } from './types.js';

/** The scale entry for an answer; own keys only, so "constructor" or "__proto__" is never an answer. */
export function entryOf(scale: Record<string, ScaleEntry>, answer: string): ScaleEntry | undefined {
  return Object.hasOwn(scale, answer) ? scale[answer] : undefined;
}

/** The highest score on the framework's scale: a provision at it has no gap. */
export function topScore(framework: Framework): number {
  return scaleReading(framework.scale).upper;
}

/**
 * A scale as scoring and the semantic checks read it for every answer of every profile, made once per
 * scale (a framework is not changed once loaded): its entries by answer in a Map (entryOf's answers:
 * own keys only), and its lowest and highest scores.
 */
export interface ScaleReading {
  entries: ReadonlyMap<string, ScaleEntry>;
  /** The lowest score on the scale (Infinity when no entry has a score). */
  lower: number;
  /** The highest score on the scale (topScore; -Infinity when no entry has a score). */
  upper: number;
}

const readings = new WeakMap<Record<string, ScaleEntry>, ScaleReading>();

export function scaleReading(scale: Record<string, ScaleEntry>): ScaleReading {
  let reading = readings.get(scale);
  if (!reading) {
    const entries = new Map<string, ScaleEntry>();
    for (const answer of Object.getOwnPropertyNames(scale)) entries.set(answer, entryOf(scale, answer)!);
    const scores = Object.values(scale).flatMap((s) => (s.score === null ? [] : [s.score]));
    reading = { entries, lower: Math.min(...scores), upper: Math.max(...scores) };
    readings.set(scale, reading);
  }
  return reading;
}
