import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { blankProfile } from '../../profile/blank-profile.js';
import type { Framework } from '../../framework/types.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCatalogue } from '../load-inputs.js';
import { SHIPPED_SCHEMAS, schemaFileName } from '../paths.js';
import { pickFramework } from '../pick-framework.js';
import { today } from '../today.js';
import { writeFileAtomic } from '../write-file-atomic.js';

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
  const { catalogue } = await loadCatalogue(options.frameworks);
  const framework = pickFramework(catalogue, options.framework);
  const out = options.out ?? `${country}.yaml`;
  const folder = dirname(resolve(out));
  if (!(await stat(folder).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(`${out}: the folder ${dirname(out)} does not exist`, 'create it first, or choose another --out');
  }
  const text = blankProfileFor(framework, country, out);
  const written = await writeFileAtomic(out, text, options.force === true);
  if (!written) throw new UsageError(`${out} already exists — not replaced`, 'use --force to replace it, or --out to write elsewhere');
  const provisions = framework.tiers.reduce((n, t) => n + t.provisions.length, 0);
  process.stdout.write(`Wrote ${out}: ${name} (${country}), ${provisions} provisions of ${framework.id}, every element answered "${framework.initialAnswer}".\n`);
  return EXIT.ok;
}

/** What `init` writes for `country` at `out`: the blank profile, pointing editors to the shipped schema. */
export function blankProfileFor(framework: Framework, country: string, out: string): string {
  const schemaFile = join(SHIPPED_SCHEMAS, schemaFileName(framework.id));
  const schemaPath = existsSync(schemaFile) ? relative(dirname(resolve(out)), schemaFile).split(sep).join('/') : undefined;
  return blankProfile(framework, { country, name: countryName(country), today: today(), schemaPath });
}

/** The country's English name from ISO 3166-1, via the ICU data built into Node. */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) throw new UsageError(`"${code}" is not a country code`, 'use the two-letter ISO 3166-1 code, e.g. PH, MY, TH');
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  if (!name || name === 'Unknown Region') throw new UsageError(`"${code}" is not an ISO 3166-1 country code`, 'use the two-letter code, e.g. PH, MY, TH');
  return name;
}
