import type { Assessment } from '../scoring/types.js';
import type { FieldEdit, FieldPath } from './field-edit.js';
import type { FieldFinding } from './finding-paths.js';

/** What the page shows of a framework: its own words, in the workbench's language (read-only). */
export interface WireFramework {
  id: string;
  title: string;
  version: string;
  scale: { key: string; label: string; description: string; score: number | null; evidenceRequired: boolean; hotkey: string }[];
  tiers: { id: string; title: string; provisions: WireProvision[] }[];
}

export interface WireProvision {
  id: string;
  title: string;
  requirement: string;
  weight: number;
  weightLabel: string;
  recommendation: string;
  references: string[];
  elements: { id: string; text: string; amendment: string; partialNote: string; goodPractice: boolean }[];
}

/** The workbench's state after each request: the profile as edited, its findings and its scores. */
export interface WireState {
  file: string;
  /** false while the profile exists only in the workbench (started from a blank one). */
  exists: boolean;
  data: unknown;
  findings: FieldFinding[];
  errors: number;
  warnings: number;
  /** From the scoring room, for the profile as edited; the last valid one when it has errors now. */
  assessment: Assessment | null;
  assessmentStale: boolean;
  edits: FieldEdit[];
  /** The file on disk is no longer the one the edits were made on. */
  diskChanged: boolean;
  /** Unsaved edits were found beside the profile and restored at start. */
  restoredDraft: boolean;
  /** A message for the user, e.g. why an edit could not be made. */
  notice?: string;
}

export interface WireStart extends WireState {
  framework: WireFramework;
  messages: Record<string, string>;
  lang: string;
}

/** A field that differs between the file as loaded and the file on disk now. */
export interface WireConflictField {
  path: FieldPath;
  loaded: unknown;
  file: unknown;
  mine: unknown;
  /** The user edited this field too. */
  edited: boolean;
}

export type WireSave = { saved: true; state: WireState } | { saved: false; conflict: WireConflictField[]; state: WireState };
