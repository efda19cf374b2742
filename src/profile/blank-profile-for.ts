import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ASEAN_NAMES from './asean-country-names.json' with { type: 'json' };
import { blankProfile } from './blank-profile.js';
import type { Framework } from '../framework/types.js';
import { UsageError } from '../ground/errors.js';
import { SHIPPED_SCHEMAS, schemaFileName } from '../ground/paths.js';
import { today } from '../ground/today.js';

/** What `init` (and the workbench, for a new file) writes for `country` at `out`: the blank profile, pointing editors to the shipped schema. */
export function blankProfileFor(framework: Framework, country: string, out: string): string {
  const schemaFile = join(SHIPPED_SCHEMAS, schemaFileName(framework.id));
  const schemaPath = existsSync(schemaFile) ? relative(dirname(resolve(out)), schemaFile).split(sep).join('/') : undefined;
  return blankProfile(framework, { country, name: countryName(country), today: today(), schemaPath });
}

/** ASEAN's own short name for a member state ("Viet Nam"); else the English name from ISO 3166-1, via the ICU data built into Node. */
export function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) throw new UsageError(`"${code}" is not a country code`, 'use the two-letter ISO 3166-1 code, e.g. PH, MY, TH');
  if (Object.hasOwn(ASEAN_NAMES, code) && code !== '_about') return (ASEAN_NAMES as Record<string, string>)[code]!;
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  if (!name || name === 'Unknown Region') throw new UsageError(`"${code}" is not an ISO 3166-1 country code`, 'use the two-letter code, e.g. PH, MY, TH');
  return name;
}
