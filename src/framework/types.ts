/** Text a framework author may translate: a plain string, or a map of language code → string. */
export type Text = string | { [lang: string]: string };

export interface ScaleEntry {
  /** 0..1, or null for answers that are left out of the score (unknown, not applicable). */
  score: number | null;
  label: Text;
  description?: Text;
  /** `required`: giving this answer without a citation is a warning. */
  evidence?: 'required' | 'optional';
  /** false: the element is dropped from coverage as well as from the mean. */
  applicable?: boolean;
}

export interface Reference {
  instrument: string;
  locator?: string;
  provenance?: string;
  note?: Text;
}

export interface Element {
  id: string;
  text: Text;
  /** What to insert or amend so that this element is met. */
  amendment?: Text;
  /** Where partial answers are common: what a partial law usually lacks. */
  partialNote?: Text;
  /** Good practice, not a requirement: never lowers a score or makes a gap; reports list it apart. */
  goodPractice?: boolean;
}

export interface Provision {
  id: string;
  title: Text;
  requirement: Text;
  weight: number;
  basis: string;
  basisNote?: Text;
  /** The focus area(s) the provision serves: numbers declared under the framework's `focusAreas`. */
  focusArea?: number | number[];
  references?: Reference[];
  elements: Element[];
  recommendation: Text;
}

export interface Tier {
  id: string;
  title: Text;
  description?: Text;
  provisions: Provision[];
}

export interface Described {
  label: Text;
  description?: Text;
}

export interface Framework {
  id: string;
  title: Text;
  shortTitle?: Text;
  /** The framework used when a command names none; at most one framework in a catalogue says so. */
  default?: boolean;
  version: string;
  /** `caveat`: one sentence printed on every cover (how far the provisions can be relied on). */
  source: { publisher?: Text; title?: Text; url?: string; checked?: string; note?: Text; caveat?: Text };
  bases: Record<string, Described>;
  instruments?: Record<string, { title: Text; url?: string }>;
  provenances?: Record<string, Described>;
  focusAreas?: {
    source?: { publisher?: Text; title?: Text; url?: string; checked?: string; note?: Text };
    areas: Record<string, Described>;
  };
  scale: Record<string, ScaleEntry>;
  initialAnswer: string;
  weights?: Record<string, Described>;
  attainment: { threshold: number };
  tiers: Tier[];
}

/** A framework as loaded from disk: where it came from, for messages. */
export interface LoadedFramework {
  framework: Framework;
  file: string;
  /** A hash of the file's text: the result cache's key names the frameworks a result was checked against. */
  sourceHash?: string;
}
