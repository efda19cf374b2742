import type { Framework, Provision } from '../framework/types.js';
import type { Profile } from '../profile/types.js';
import { score } from '../scoring/score.js';
import { focusAreaLabel } from '../framework/check-focus-areas.js';

/** One group of the focus-area view: the provisions tagged with one focus area, or those with no tag. */
export interface FocusAreaGroup {
  /** The focus area number, or null for the provisions that carry no tag. */
  focusArea: number | null;
  /** The framework's title for the focus area ("Focus area n" when it has none); null for the untagged group. */
  label: string | null;
  provisions: string[];
  /** Weight-averaged score of the group's scored provisions, as for a tier; null when none is scored. */
  score: number | null;
  coverage: number;
}

/** The provisions of a framework by the focus area they are tagged with; untagged ones apart. */
export function focusAreaGroups(framework: Framework): { tagged: Map<number, Provision[]>; untagged: Provision[] } {
  const tagged = new Map<number, Provision[]>();
  const untagged: Provision[] = [];
  for (const provision of framework.tiers.flatMap((t) => t.provisions)) {
    const areas = provision.focusArea === undefined ? [] : [provision.focusArea].flat();
    if (areas.length === 0) untagged.push(provision);
    for (const area of areas) tagged.set(area, [...(tagged.get(area) ?? []), provision]);
  }
  return { tagged: new Map([...tagged].sort(([a], [b]) => a - b)), untagged };
}

/**
 * A profile's scores regrouped by focus area instead of by tier: the same profile scored against
 * the framework with its provisions regrouped, so a group's score and coverage follow the rules of
 * a tier's. The group of untagged provisions comes last.
 */
export function scoreByFocusArea(framework: Framework, profile: Profile): FocusAreaGroup[] {
  const { tagged, untagged } = focusAreaGroups(framework);
  const groups = [...[...tagged].map(([area, provisions]) => ({ area: area as number | null, provisions })), ...(untagged.length ? [{ area: null, provisions: untagged }] : [])];
  const regrouped: Framework = {
    ...framework,
    tiers: groups.map((g) => ({ id: g.area === null ? 'untagged' : `FA${g.area}`, title: '', provisions: g.provisions })),
  };
  const assessment = score(regrouped, profile);
  return groups.map((g, i) => ({
    focusArea: g.area,
    label: g.area === null ? null : focusAreaLabel(framework, g.area),
    provisions: g.provisions.map((p) => p.id),
    score: assessment.tiers[i]!.score,
    coverage: assessment.tiers[i]!.coverage,
  }));
}
