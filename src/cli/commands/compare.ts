import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { comparisonCsv } from '../../report/comparison-csv.js';
import { loadScoredProfiles } from '../load-scored-profiles.js';
import { buildComparisonView } from '../../report/view/build-comparison-view.js';
import type { ComparisonOrder } from '../../report/view/comparison-order.js';
import { printPdfs, writeHtml } from '../../report/write-documents.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { writeFileAtomic } from '../../ground/write-file-atomic.js';
import { checkOutFolder } from '../../ground/out-folder.js';
import { LEXGAP_VERSION } from '../../version.js';
import { deriveForTarget } from './score.js';
import { pickFramework } from '../pick-framework.js';
import { checkReportOptions, createRenderer, renderWith, warnUncovered } from './report.js';

export interface CompareOptions {
  format?: 'html' | 'pdf' | 'csv';
  out?: string;
  lang: string;
  templates?: string;
  frameworks: string[];
  sort?: ComparisonOrder;
  /** Compare against this framework, deriving results through a crosswalk where a profile answers another. */
  framework?: string;
}

const FORMATS = ['html', 'pdf', 'csv'] as const;

/** `lexgap compare`: the regional comparison of several profiles of one framework, as HTML, PDF or CSV. */
export async function compare(paths: string[], options: CompareOptions): Promise<number> {
  const format = options.format ?? formatFromOut(options.out) ?? 'html';
  const out = options.out ?? `comparison.${format}`;
  const catalog = await checkReportOptions(options);
  if (out !== '-') await checkOutFolder(out, dirname(out), { create: true });
  const loaded = await loadScoredProfiles(paths, options.frameworks, 'compared');
  let { scored, failed } = loaded;
  if (scored.length === 0) return failed ? EXIT.findings : EXIT.ok;
  if (options.framework !== undefined) {
    const derived = await deriveForTarget(scored, pickFramework(loaded.catalogue, options.framework), loaded.catalogue, options.frameworks);
    scored = derived.results;
    failed = failed || derived.failed;
    if (scored.length === 0) return EXIT.findings;
  }

  const frameworks = [...new Set(scored.map((s) => s.framework))];
  if (frameworks.length > 1) {
    throw new UsageError(`these profiles answer ${frameworks.length} different frameworks (${frameworks.map((f) => f.id).join(', ')}), and a comparison needs one`, 'compare the profiles of each framework separately');
  }
  const framework = frameworks[0]!;
  const codes = scored.map((s) => s.profile.country);
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice) throw new UsageError(`two profiles are about ${twice}: ${scored.filter((s) => s.profile.country === twice).map((s) => s.file).join(', ')}`, 'compare one profile per country');

  const assessments = scored.map((s) => s.assessment);
  if (format === 'csv') {
    const csv = comparisonCsv(framework, assessments, options.sort ?? 'name');
    if (out === '-') process.stdout.write(csv);
    else {
      await mkdir(dirname(out), { recursive: true });
      await writeFileAtomic(out, csv);
      process.stdout.write(`wrote ${out}\n`);
    }
    return failed ? EXIT.findings : EXIT.ok;
  }

  const renderer = await createRenderer(options.templates);
  const view = buildComparisonView({ framework, assessments, catalog, version: LEXGAP_VERSION, order: options.sort ?? 'name' });
  const rendered = renderWith(renderer, 'comparison', view, options.templates);
  if (rendered.uncovered.length > 0) warnUncovered('comparison', rendered.uncovered);
  if (format === 'html' && out === '-') {
    process.stdout.write(rendered.html);
    return failed ? EXIT.findings : EXIT.ok;
  }
  const base = out.replace(/\.(pdf|html?)$/i, '');
  const doc = { label: 'comparison', rendered, htmlPath: format === 'html' ? out : `${base}.html`, pdfPath: format === 'pdf' ? out : null };
  if (format === 'html') await writeHtml([doc]);
  const printed = format === 'pdf' ? await printPdfs([doc], { htmlWritten: false }) : EXIT.ok;
  if (printed !== EXIT.ok) return printed;
  return failed ? EXIT.findings : EXIT.ok;
}

function formatFromOut(out: string | undefined): (typeof FORMATS)[number] | undefined {
  if (!out || out === '-') return undefined;
  const ext = extname(out).slice(1).toLowerCase();
  return ext === 'htm' ? 'html' : (FORMATS as readonly string[]).includes(ext) ? (ext as (typeof FORMATS)[number]) : undefined;
}
