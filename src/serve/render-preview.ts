import { basename } from 'node:path';
import { sortFindings, type Finding } from '../findings/finding.js';
import { checkProfile } from '../profile/check-profile.js';
import { score } from '../scoring/score.js';
import { join } from 'node:path';
import { derivedFor } from '../crosswalk/derived-for.js';
import { loadCrosswalks } from '../crosswalk/load-crosswalks.js';
import { loadCatalogue } from '../framework/load-catalogue.js';
import { SHIPPED_FRAMEWORKS } from '../ground/paths.js';
import { today } from '../ground/today.js';
import { readSource, unreadableFinding } from '../yaml/read-source.js';
import type { Catalog } from '../report/i18n/catalog.js';
import { HtmlRenderer } from '../report/render/render-html.js';
import { buildBriefView } from '../report/view/build-brief-view.js';
import { buildCountryView } from '../report/view/build-country-view.js';
import { LEXGAP_VERSION } from '../version.js';
import { findingsPage } from './preview-pages.js';

export interface PreviewOptions {
  file: string;
  template: 'country' | 'brief';
  catalog: Catalog;
  templates?: string;
  frameworks: string[];
}

/**
 * Renders the profile's report as HTML, reading everything afresh (profile, frameworks, templates),
 * or, when the profile has errors, a page listing them with their lines. Never throws for a problem
 * in the user's files: the page says what it is.
 */
export async function renderPreview(options: PreviewOptions): Promise<{ html: string; ok: boolean }> {
  const title = basename(options.file);
  const fail = (findings: Finding[], sources = new Map<string, string>()) => ({ html: findingsPage(title, findings, sources), ok: false });
  const source = await readSource(options.file);
  if (!source.ok) return fail([unreadableFinding(options.file, source)]);

  const { catalogue, findings: frameworkFindings } = await loadCatalogue(options.frameworks);
  const check = checkProfile(options.file, source.text, catalogue, today());
  const findings = sortFindings([...frameworkFindings, ...check.findings]);
  if (!check.profile || !check.framework || findings.some((f) => f.severity === 'error')) {
    return fail(findings, new Map([[options.file, source.text]]));
  }
  const assessment = score(check.framework, check.profile);
  // As in `lexgap report`: the results derived through crosswalks get a section of the country report.
  const derived = options.template === 'country' ? derivedFor({ framework: check.framework, assessment }, (await loadCrosswalks([SHIPPED_FRAMEWORKS, ...options.frameworks].map((dir) => join(dir, 'crosswalks')), catalogue.loaded.map((l) => l.framework))).crosswalks, catalogue) : [];
  const input = { framework: check.framework, profile: check.profile, assessment, catalog: options.catalog, file: title, version: LEXGAP_VERSION, derived };
  const view = options.template === 'brief' ? buildBriefView(input) : buildCountryView(input);
  try {
    const renderer = await HtmlRenderer.create(options.templates);
    return { html: renderer.render(options.template, view).html, ok: true };
  } catch (err) {
    return fail([{ file: options.templates ?? 'templates', line: 1, col: 1, severity: 'error', code: 'template-error', message: (err as Error).message, hint: 'fix the template, then save' }]);
  }
}
