export type Severity = 'error' | 'warning';

/**
 * A problem found while reading or parsing a YAML file, at a line and column (1-based). The yaml
 * room's own type: `src/findings/` widens it into a `Finding` (which adds a JSON Pointer), so this
 * room imports nothing from above it.
 */
export interface YamlIssue {
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
  severity: Severity;
  /** Stable identifier of the check, e.g. `yaml-tab-as-indent`, `unreadable`. */
  code: string;
  message: string;
  /** How to fix it, in the user's words. */
  hint?: string;
}
