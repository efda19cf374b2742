import type { Framework, Reference } from '../../framework/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { link, optional, text } from './common.js';
import type { ReferenceRow } from './types.js';

/**
 * The provenance key that needs no remark: a reference checked against the instrument's text. Every
 * other provenance prints its label (the framework's own words) beside the reference.
 */
export const VERIFIED_PROVENANCE = 'verified';

/**
 * The sentence every cover carries on how far the provisions can be relied on: the framework's
 * `source.caveat`; failing that, when every provision rests on one basis, the first sentence of that
 * basis's description. Never worded here: the framework says it.
 */
export function coverCaveat(framework: Framework, catalog: Catalog): string | null {
  const own = optional(framework.source.caveat, catalog);
  if (own) return own;
  const used = basesInUse(framework);
  if (used.length !== 1) return null;
  const basis = Object.hasOwn(framework.bases, used[0]!) ? framework.bases[used[0]!] : undefined;
  const description = optional(basis?.description, catalog);
  if (!description) return null;
  const first = /^.*?[.。](?=\s|$)/s.exec(description.replace(/\s+/g, ' ').trim());
  return first ? first[0] : description;
}

/** The bases the provisions actually rest on, in the order the framework declares them. */
export function basesInUse(framework: Framework): string[] {
  const used = new Set(framework.tiers.flatMap((t) => t.provisions.map((p) => p.basis)));
  return [...Object.keys(framework.bases).filter((k) => used.has(k)), ...[...used].filter((k) => !Object.hasOwn(framework.bases, k))];
}

/** A provision's basis, worth printing beside it only when the provisions do not all share one. */
export function provisionBasis(framework: Framework, basis: string, catalog: Catalog): string | null {
  if (basesInUse(framework).length <= 1) return null;
  const described = Object.hasOwn(framework.bases, basis) ? framework.bases[basis] : undefined;
  return described ? text(described.label, catalog) : basis;
}

/** A reference as printed: nothing said of a verified one; any other provenance in the framework's words. */
export function referenceRow(framework: Framework, r: Reference, catalog: Catalog): ReferenceRow {
  const instrument = framework.instruments && Object.hasOwn(framework.instruments, r.instrument) ? framework.instruments[r.instrument] : undefined;
  const name = instrument ? text(instrument.title, catalog) : r.instrument;
  return {
    instrument: name,
    link: instrument?.url ? link(name, instrument.url) : null,
    locator: optional(r.locator, catalog),
    provenance: provenanceLabel(framework, r.provenance, catalog),
    note: optional(r.note, catalog),
  };
}

function provenanceLabel(framework: Framework, key: string | undefined, catalog: Catalog): string | null {
  if (key === undefined || key === VERIFIED_PROVENANCE) return null;
  const described = framework.provenances && Object.hasOwn(framework.provenances, key) ? framework.provenances[key] : undefined;
  return described ? text(described.label, catalog) : key;
}

/** The provenances the references use, in declaration order: the sources explain only these. */
export function provenancesInUse(framework: Framework): string[] {
  const used = new Set(framework.tiers.flatMap((t) => t.provisions.flatMap((p) => (p.references ?? []).map((r) => r.provenance ?? ''))));
  return Object.keys(framework.provenances ?? {}).filter((k) => used.has(k));
}
