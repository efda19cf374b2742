import type { Finding } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { checkProfile } from '../profile/check-profile.js';
import type { Profile } from '../profile/types.js';
import { score } from '../scoring/score.js';
import type { Assessment } from '../scoring/types.js';
import { scoreCsvLines } from '../format/score-csv.js';
import { summariseAssessment } from './assessment-summary.js';

/**
 * What a command keeps of each file, beyond its findings:
 * - findings: nothing (validate);
 * - summary: the assessment without element detail (score as CSV or as a comparison of countries);
 * - full: the profile, scored again by the main thread (report, export, compare, the other outputs).
 */
export type Need = 'findings' | 'summary' | 'full';

/** One file's result, plain data: it crosses from a worker thread and is stored in the result cache. */
export interface CheckedText {
  findings: Finding[];
  /** The framework a valid profile answers (the main thread looks the Framework up by id). */
  frameworkId?: string;
  /** need summary: the summary of the assessment. */
  assessment?: Assessment;
  /** need full: the profile as read. */
  profile?: Profile;
  /** need summary: the assessment's rows of `score --format csv` (format/score-csv.ts: scoreCsvLines). */
  csv?: string;
}

/** Checks one file's text, and scores it when the command needs a score: the same work on every thread. */
export function checkText(file: string, text: string, catalogue: FrameworkCatalogue, date: string, need: Need): CheckedText {
  const check = checkProfile(file, text, catalogue, date);
  if (!check.profile || !check.framework || need === 'findings') return { findings: check.findings };
  const frameworkId = check.framework.id;
  if (need === 'full') return { findings: check.findings, frameworkId, profile: check.profile };
  const assessment = summariseAssessment(score(check.framework, check.profile, { detail: false }));
  return { findings: check.findings, frameworkId, assessment, csv: scoreCsvLines(assessment) };
}
