import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { getCatalog, isLanguageCode, CATALOGUES } from '../../report/i18n/catalog.js';
import { HtmlRenderer, TemplateError, type TemplateName } from '../../report/render/render-html.js';
import { loadScoredProfiles } from '../load-scored-profiles.js';
import { loadCrosswalks } from '../load-inputs.js';
import { derivedFor } from '../../crosswalk/derived-for.js';
import type { DerivedAssessment, LoadedCrosswalk } from '../../crosswalk/types.js';
import type { Framework } from '../../framework/types.js';
import { buildBriefView } from '../../report/view/build-brief-view.js';
import { buildCountryView } from '../../report/view/build-country-view.js';
import { printPdfs, writeHtml, type OutputDocument } from '../../report/write-documents.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { diffProfiles } from '../../diff/diff-profiles.js';
import { readGitVersion } from '../../diff/read-git-version.js';
import type { ProfileDiff } from '../../diff/types.js';
import type { FrameworkCatalogue } from '../../framework/framework-catalogue.js';
import { checkProfile } from '../../profile/check-profile.js';
import { score } from '../../scoring/score.js';
import type { ScoredProfile } from '../../scoring/types.js';
import { today } from '../../ground/today.js';
import { checkOutFolder } from '../../ground/out-folder.js';
import { LEXGAP_VERSION } from '../../version.js';

export interface ReportOptions {
  format: 'pdf' | 'html' | 'both';
  out: string;
  lang: string;
  template: 'country' | 'brief';
  templates?: string;
  frameworks: string[];
  /** Add "Changes since …" comparing each profile with its version at this git revision. */
  since?: string;
}

/** `lexgap report`: one HTML and/or PDF report per valid profile, named after its country code. */
export async function report(paths: string[], options: ReportOptions): Promise<number> {
  const catalog = await checkReportOptions(options);
  if (options.since !== undefined && options.template !== 'country') throw new UsageError('--since adds a section to the country report, not to the brief', 'drop --since, or use --template country');
  await checkOutFolder(options.out, options.out, { create: true }); // before any report is made
  const { scored, failed, catalogue } = await loadScoredProfiles(paths, options.frameworks, 'reported');
  if (scored.length === 0) return failed ? EXIT.findings : EXIT.ok;

  const renderer = await createRenderer(options.templates);
  const version = LEXGAP_VERSION;
  // Crosswalks from the profiles' frameworks: their derived results get a section of the country report.
  const { crosswalks } = options.template === 'country' ? await loadCrosswalks(catalogue, options.frameworks) : { crosswalks: [] };
  const suffix = options.template === 'brief' ? '-brief' : '';
  const docs: OutputDocument[] = [];
  const seen = new Map<string, string>();
  for (const s of scored) {
    const code = s.profile.country;
    const earlier = seen.get(code);
    if (earlier) throw new UsageError(`${s.file} and ${earlier} are both about ${code}, and would write the same report`, 'report them one at a time, with a different --out for each');
    seen.set(code, s.file);
    const since = options.since === undefined ? undefined : await changesSince(s, options.since, catalogue);
    const derived = options.template === 'country' ? derivedFor(s, crosswalks, catalogue) : [];
    const input = { ...s, catalog, file: basename(s.file), version, since, derived };
    const view = options.template === 'brief' ? buildBriefView(input) : buildCountryView(input);
    const rendered = renderWith(renderer, options.template, view, options.templates);
    if (rendered.uncovered.length > 0) warnUncovered(code, rendered.uncovered);
    const name = join(options.out, `${code}${suffix}`);
    docs.push({ label: code, rendered, htmlPath: `${name}.html`, pdfPath: options.format === 'html' ? null : `${name}.pdf` });
  }

  if (options.format !== 'pdf') await writeHtml(docs);
  const printed = options.format === 'html' ? EXIT.ok : await printPdfs(docs, { htmlWritten: options.format === 'both' });
  if (printed !== EXIT.ok) return printed;
  return failed ? EXIT.findings : EXIT.ok;
}

/**
 * The diff between a profile and its version at a git revision, for the report's "Changes since"
 * section. A version that cannot be read or used is said on stderr; the report goes on without it.
 */
async function changesSince(s: ScoredProfile, rev: string, catalogue: FrameworkCatalogue): Promise<{ diff: ProfileDiff; source: string } | undefined> {
  const label = `${s.file}@${rev}`;
  const skip = (why: string) => {
    process.stderr.write(`${s.profile.country}: no "changes since" section — ${why}\n`);
    return undefined;
  };
  let old;
  try {
    old = await readGitVersion(s.file, rev);
  } catch (err) {
    if (err instanceof UsageError) return skip(err.message);
    throw err;
  }
  if (!old.ok) return skip(`${label}: ${old.message}`);
  const check = checkProfile(label, old.text, catalogue, today());
  if (!check.profile || !check.framework) return skip(`${label} has errors (\`lexgap diff ${s.file} --since ${rev}\` lists them)`);
  if (check.framework.id !== s.framework.id) return skip(`${label} answers ${check.framework.id}, not ${s.framework.id}`);
  return { diff: diffProfiles(s.framework, check.profile, s.profile, score(s.framework, check.profile), s.assessment), source: label };
}

/** Checks what can be checked before any profile is read; returns the catalogue for --lang. */
export async function checkReportOptions(options: { lang: string; templates?: string }): Promise<ReturnType<typeof getCatalog>> {
  if (!isLanguageCode(options.lang)) throw new UsageError(`--lang ${options.lang}: not a language code`, `give a code such as ${Object.keys(CATALOGUES).join(', ')}`);
  if (options.templates !== undefined) {
    const info = await stat(options.templates).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`--templates ${options.templates}: no such folder`, 'give a folder holding your own country.hbs, brief.hbs, partials/ or styles/');
  }
  const catalog = getCatalog(options.lang);
  if (!catalog.known) process.stderr.write(`lexgap: no catalogue for "${options.lang}": the report's own words are in English (available: ${Object.keys(CATALOGUES).join(', ')})\n`);
  return catalog;
}

export async function createRenderer(templatesDir: string | undefined): Promise<HtmlRenderer> {
  try {
    return await HtmlRenderer.create(templatesDir);
  } catch (err) {
    if (err instanceof TemplateError && templatesDir !== undefined) throw new UsageError(`template error: ${err.message}`, 'fix the template in your --templates folder');
    throw err;
  }
}

export function renderWith(renderer: HtmlRenderer, name: TemplateName, view: Parameters<HtmlRenderer['render']>[1], templatesDir: string | undefined) {
  try {
    return renderer.render(name, view);
  } catch (err) {
    // With --templates, a field a custom template asks for and the view lacks is the user's to fix.
    if (err instanceof TemplateError && templatesDir !== undefined) throw new UsageError(`template error: ${err.message}`, 'check the field names against the shipped templates');
    throw err;
  }
}

export function warnUncovered(label: string, chars: string[]): void {
  const list = chars.slice(0, 10).map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
  process.stderr.write(`${label}: no embedded font has ${list}${chars.length > 10 ? ', …' : ''}; the browser will draw ${chars.length === 1 ? 'it' : 'them'} with a system font, if it has one\n`);
}


