import { dirname } from 'node:path';
import { blankProfileFor, countryName } from '../../profile/blank-profile-for.js';
import { note } from '../../ground/notes.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { loadCatalogue } from '../load-inputs.js';
import { pickFramework } from '../pick-framework.js';
import { writeFileAtomic } from '../../ground/write-file-atomic.js';
import { checkOutFolder } from '../../ground/out-folder.js';

export interface InitOptions {
  framework?: string;
  out?: string;
  force?: boolean;
  frameworks: string[];
}

/** `lexgap init XX`: writes a blank profile for country XX; never replaces a file without --force. */
export async function init(code: string, options: InitOptions): Promise<number> {
  const country = code.toUpperCase();
  const name = countryName(country);
  if (country !== code) note(`country code "${code}" read as "${country}"`);
  const { catalogue } = await loadCatalogue(options.frameworks);
  const framework = pickFramework(catalogue, options.framework);
  const out = options.out ?? `${country}.yaml`;
  await checkOutFolder(out, dirname(out), { create: false });
  const text = blankProfileFor(framework, country, out);
  const written = await writeFileAtomic(out, text, options.force === true);
  if (!written) throw new UsageError(`${out} already exists — not replaced`, 'use --force to replace it, or --out to write elsewhere');
  const provisions = framework.tiers.reduce((n, t) => n + t.provisions.length, 0);
  process.stdout.write(`Wrote ${out}: ${name} (${country}), ${provisions} provisions of ${framework.id}, every element answered "${framework.initialAnswer}".\n`);
  return EXIT.ok;
}
