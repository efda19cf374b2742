import type { ProvisionResult } from './types.js';

/**
 * The order drafters work through gaps in: lower tiers first (the foundation), then heavier
 * provisions, then the furthest from met; ties keep the framework's own order.
 */
export function orderGaps(gaps: readonly ProvisionResult[], tierOrder: readonly string[]): ProvisionResult[] {
  // Each gap's tier position and its position (the last of its id's), looked up once rather than in every comparison.
  const last = new Map<string, number>();
  gaps.forEach((g, i) => last.set(g.id, i));
  const keyed = gaps.map((gap) => ({ gap, tier: tierOrder.indexOf(gap.tierId), position: last.get(gap.id)! }));
  keyed.sort((a, b) => a.tier - b.tier || b.gap.weight - a.gap.weight || (a.gap.score ?? 0) - (b.gap.score ?? 0) || a.position - b.position);
  return keyed.map((k) => k.gap);
}
