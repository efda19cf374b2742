import { profileLocator, type FastLocator } from './profile-locator.js';
import { readProfile } from './profile-reader.js';

/**
 * The fast way to read a profile: a reader of our own for the YAML profiles are written in
 * (profile-reader.ts, several times faster than a general YAML parser), whose plain scalars resolve
 * as the `yaml` package's YAML 1.2 core schema does. It answers only when it is sure of giving the
 * same data as the full reader (`parseYaml`) with no finding; anything else — a feature a profile
 * never needs, a shape it does not know, any error — returns undefined, and the caller reads the file
 * with the full reader, which is the reference and words every message. `locate` places a finding
 * without the full reader's Document (profile-locator.ts).
 */
export function fastParse(text: string): { data: unknown; locate: FastLocator } | undefined {
  const read = readProfile(text);
  return read && { data: read.data, locate: profileLocator(text) };
}
