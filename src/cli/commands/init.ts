import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ASEAN_NAMES from '../../profile/asean-country-names.json' with { type: 'json' };
import { blankProfile } from '../../profile/blank-profile.js';
import { note } from '../../ground/notes.js';
import { EXIT, UsageError } from '../../ground/errors.js';
import { loadCatalogue } from '../load-inputs.js';
import { SHIPPED_SCHEMAS, schemaFileName } from '../../ground/paths.js';
import { pickFramework } from '../pick-framework.js';
import { today } from '../../ground/today.js';
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
  const folder = dirname(resolve(out));
  const schemaFile = join(SHIPPED_SCHEMAS, schemaFileName(framework.id));
  const schemaPath = existsSync(schemaFile) ? relative(folder, schemaFile).split(sep).join('/') : undefined;
  const text = blankProfile(framework, { country, name, today: today(), schemaPath });
  const written = await writeFileAtomic(out, text, options.force === true);
  if (!written) throw new UsageError(`${out} already exists — not replaced`, 'use --force to replace it, or --out to write elsewhere');
  const provisions = framework.tiers.reduce((n, t) => n + t.provisions.length, 0);
  process.stdout.write(`Wrote ${out}: ${name} (${country}), ${provisions} provisions of ${framework.id}, every element answered "${framework.initialAnswer}".\n`);
  return EXIT.ok;
}

/** ASEAN's own short name for a member state ("Viet Nam"); else the English name from ISO 3166-1, via the ICU data built into Node. */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) throw new UsageError(`"${code}" is not a country code`, 'use the two-letter ISO 3166-1 code, e.g. PH, MY, TH');
  if (Object.hasOwn(ASEAN_NAMES, code) && code !== '_about') return (ASEAN_NAMES as Record<string, string>)[code]!;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  if (!name || name === 'Unknown Region') throw new UsageError(`"${code}" is not an ISO 3166-1 country code`, 'use the two-letter code, e.g. PH, MY, TH');
  return name;
}
