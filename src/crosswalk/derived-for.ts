import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { derive } from './derive.js';
import type { DerivedAssessment, LoadedCrosswalk } from './types.js';

/** Every framework a crosswalk leads to from the profile's own, with the results derived for it (the report's "Derived" section). */
export function derivedFor(
  source: { framework: Framework; assessment: Assessment },
  crosswalks: readonly LoadedCrosswalk[],
  catalogue: FrameworkCatalogue,
): { framework: Framework; assessment: DerivedAssessment }[] {
  return crosswalks.flatMap((c) => {
    const target = c.crosswalk.from === source.framework.id ? catalogue.get(c.crosswalk.to) : undefined;
    if (!target) return [];
    return [{ framework: target, assessment: derive({ crosswalk: c, source: source.framework, target, assessment: source.assessment }).assessment }];
  });
}
