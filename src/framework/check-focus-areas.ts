import { textIn } from './text.js';
import type { Framework, Provision } from './types.js';

/** A provision's focus-area tag that the framework does not declare, with where it sits in the file. */
export interface UndeclaredFocusArea {
  /** The path below the provision: ['focusArea'], or ['focusArea', i] in a list. */
  path: (string | number)[];
  area: number;
}

/**
 * The tags of one provision that are not declared under `focusAreas.areas`. A framework that
 * declares no focus areas has nothing to check against: its tags are then numbers only.
 */
export function undeclaredFocusAreas(framework: Framework, provision: Provision): UndeclaredFocusArea[] {
  const declared = framework.focusAreas?.areas;
  if (!declared || provision.focusArea === undefined) return [];
  const tags = Array.isArray(provision.focusArea) ? provision.focusArea.map((area, i) => ({ path: ['focusArea', i], area })) : [{ path: ['focusArea'], area: provision.focusArea }];
  return tags.filter(({ area }) => !Object.hasOwn(declared, String(area)));
}

/** The framework's title for a focus area, or "Focus area n" when it declares none. */
export function focusAreaLabel(framework: Framework, area: number, lang = 'en'): string {
  const areas = framework.focusAreas?.areas;
  const entry = areas && Object.hasOwn(areas, String(area)) ? areas[String(area)] : undefined;
  const label = entry ? textIn(entry.label, lang).trim() : '';
  return label || `Focus area ${area}`;
}
