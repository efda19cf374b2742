import { countErrors } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { textIn } from '../../framework/text.js';
import { textTable } from '../../format/table.js';
import { EXIT } from '../../ground/errors.js';
import { loadCatalogue, loadCrosswalks } from '../load-inputs.js';

export interface FrameworksOptions {
  format: 'text' | 'json';
  frameworks: string[];
}

/** `lexgap frameworks`: the frameworks and crosswalks found, and what is wrong with any that could not be loaded. */
export async function frameworks(options: FrameworksOptions): Promise<number> {
  const loaded = await loadCatalogue(options.frameworks);
  const { catalogue } = loaded;
  const walks = await loadCrosswalks(catalogue, options.frameworks);
  const findings = [...loaded.findings, ...walks.findings];
  const crosswalks = walks.crosswalks.map(({ crosswalk: c, file }) => ({ id: c.id, from: c.from, to: c.to, title: textIn(c.title), file }));
  const rows = catalogue.loaded.map(({ framework: f, file }) => ({
    id: f.id,
    version: f.version,
    title: textIn(f.title),
    tiers: f.tiers.length,
    provisions: f.tiers.reduce((n, t) => n + t.provisions.length, 0),
    elements: f.tiers.reduce((n, t) => n + t.provisions.reduce((m, p) => m + p.elements.length, 0), 0),
    file,
  }));
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ frameworks: rows, crosswalks, findings }, null, 2) + '\n');
  } else {
    process.stdout.write(
      textTable(
        ['Id', 'Version', 'Tiers', 'Provisions', 'Elements', 'Title'],
        rows.map((r) => [r.id, r.version, String(r.tiers), String(r.provisions), String(r.elements), r.title]),
        [2, 3, 4],
      ) + '\n',
    );
    if (crosswalks.length > 0) {
      process.stdout.write('\nCrosswalks (`lexgap score --framework <to>` derives results through them):\n\n');
      process.stdout.write(textTable(['Id', 'From', 'To', 'Title'], crosswalks.map((c) => [c.id, c.from, c.to, c.title])) + '\n');
    }
    for (const f of findings) process.stdout.write('\n' + formatFinding(f) + '\n');
  }
  return countErrors(findings) > 0 ? EXIT.findings : EXIT.ok;
}
