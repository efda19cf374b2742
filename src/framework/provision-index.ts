import type { Framework, Provision } from './types.js';

/** The framework's provisions by id, in framework order. */
export function provisionIndex(framework: Framework): Map<string, Provision> {
  return new Map(framework.tiers.flatMap((t) => t.provisions).map((p) => [p.id, p]));
}
