import { stat } from 'node:fs/promises';
import { diffProfiles } from '../../diff/diff-profiles.js';
import { diffText } from '../../diff/diff-text.js';
import { readGitVersion } from '../../diff/read-git-version.js';
import { countErrors } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { checkProfile, type ProfileCheck } from '../../profile/check-profile.js';
import { score } from '../../scoring/score.js';
import { readSource, unreadableFinding, type SourceResult } from '../../yaml/read-source.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { plural } from '../../ground/plural.js';
import { loadCatalogue } from '../load-inputs.js';
import { today } from '../../ground/today.js';

export interface DiffOptions {
  since?: string;
  format: 'text' | 'json';
  frameworks: string[];
}

interface Version {
  /** How the version is named in messages: the file, or `file@revision`. */
  label: string;
  source: SourceResult;
}

/** `lexgap diff old new` or `lexgap diff file --since rev`: what changed between two versions of a profile. */
export async function diff(first: string, second: string | undefined, options: DiffOptions): Promise<number> {
  const [before, after] = await readVersions(first, second, options.since);
  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  const date = today();
  const checks = [before, after].map((v) => (v.source.ok ? checkProfile(v.label, v.source.text, catalogue, date) : unreadable(v.label, v.source)));
  const [oldCheck, newCheck] = checks as [ProfileCheck, ProfileCheck];
  for (const f of frameworkFindings) process.stderr.write(formatFinding(f) + '\n');

  if (oldCheck.framework && newCheck.framework && oldCheck.framework.id !== newCheck.framework.id) {
    throw new UsageError(
      `${before.label} answers the framework "${oldCheck.framework.id}" but ${after.label} answers "${newCheck.framework.id}": they cannot be compared`,
      'a diff compares two versions of one assessment; give two profiles with the same `framework:`',
    );
  }
  reportFindings(checks, [before, after]);
  if (!oldCheck.profile || !newCheck.profile || countErrors(frameworkFindings) > 0) return EXIT.findings;

  const framework = newCheck.framework!;
  const result = diffProfiles(framework, oldCheck.profile, newCheck.profile, score(framework, oldCheck.profile), score(framework, newCheck.profile));
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ old: { source: before.label }, new: { source: after.label }, ...result }, null, 2) + '\n');
  } else {
    process.stdout.write(diffText(framework, result, { old: before.label, new: after.label }) + '\n');
  }
  return EXIT.ok;
}

async function readVersions(first: string, second: string | undefined, since: string | undefined): Promise<[Version, Version]> {
  if (since !== undefined) {
    if (second !== undefined) throw new UsageError('with --since, give one profile: its earlier version is read from git', `\`lexgap diff ${first} --since ${since}\`, or drop --since to compare two files`);
    const old = await readGitVersion(first, since);
    return [{ label: `${first}@${since}`, source: old }, { label: first, source: await readFile(first) }];
  }
  if (second === undefined) throw new UsageError('give two profiles to compare, or one with --since <git revision>', 'e.g. `lexgap diff old/MY.yaml countries/MY.yaml` or `lexgap diff countries/MY.yaml --since HEAD~1`');
  return [{ label: first, source: await readFile(first) }, { label: second, source: await readFile(second) }];
}

async function readFile(path: string): Promise<SourceResult> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`${path}: no such file`, 'check the spelling of the path');
  if (info.isDirectory()) throw new UsageError(`${path} is a folder: diff compares two profile files`, 'name one .yaml profile for each version');
  return readSource(path);
}

function unreadable(file: string, source: Extract<SourceResult, { ok: false }>): ProfileCheck {
  return { file, findings: [unreadableFinding(file, source)] };
}

/** Errors as `lexgap score` prints them (every one, with its line); warnings as one count. */
function reportFindings(checks: ProfileCheck[], versions: Version[]): void {
  let warnings = 0;
  checks.forEach((check, i) => {
    const source = versions[i]!.source;
    const errors = check.findings.filter((f) => f.severity === 'error');
    warnings += check.findings.length - errors.length;
    if (errors.length === 0) return;
    process.stderr.write(`${check.file}: cannot be compared — ${plural(errors.length, 'error')}:\n`);
    for (const f of errors) process.stderr.write(formatFinding(f, source.ok ? source.text : undefined) + '\n');
    process.stderr.write('\n');
  });
  if (warnings > 0) process.stderr.write(`${plural(warnings, 'warning')} in the two versions — \`lexgap validate <file>\` shows them\n`);
}
