import type { ProvisionResult } from './types.js';

/**
 * The order drafters work through gaps in: lower tiers first (the foundation), then heavier
 * provisions, then the furthest from met; ties keep the framework's own order.
 */
export function orderGaps(gaps: readonly ProvisionResult[], tierOrder: readonly string[]): ProvisionResult[] {
  const position = new Map(gaps.map((g, i) => [g.id, i]));
  return [...gaps].sort(
    (a, b) =>
      tierOrder.indexOf(a.tierId) - tierOrder.indexOf(b.tierId) ||
      b.weight - a.weight ||
      (a.score ?? 0) - (b.score ?? 0) ||
      position.get(a.id)! - position.get(b.id)!,
  );
}
