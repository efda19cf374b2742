import { countErrors } from '../../findings/finding.js';
import { formatFinding } from '../../findings/format-findings.js';
import { textIn } from '../../framework/text.js';
import { textTable } from '../../format/table.js';
import { EXIT } from '../errors.js';
import { loadCatalogue } from '../load-inputs.js';

export interface FrameworksOptions {
  format: 'text' | 'json';
  frameworks: string[];
}

/** `lexgap frameworks`: the frameworks found, and what is wrong with any that could not be loaded. */
export async function frameworks(options: FrameworksOptions): Promise<number> {
  const { catalogue, findings } = await loadCatalogue(options.frameworks);
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
    process.stdout.write(JSON.stringify({ frameworks: rows, findings }, null, 2) + '\n');
  } else {
    process.stdout.write(
      textTable(
        ['Id', 'Version', 'Tiers', 'Provisions', 'Elements', 'Title'],
        rows.map((r) => [r.id, r.version, String(r.tiers), String(r.provisions), String(r.elements), r.title]),
        [2, 3, 4],
      ) + '\n',
    );
    for (const f of findings) process.stdout.write('\n' + formatFinding(f) + '\n');
  }
  return countErrors(findings) > 0 ? EXIT.findings : EXIT.ok;
}
