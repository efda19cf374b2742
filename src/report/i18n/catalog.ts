import { en, type MessageKey } from './en.js';
import { th } from './th.js';
import { vi } from './vi.js';

/** A language's words for the report; any key it lacks falls back to English. */
export type Messages = Partial<Record<MessageKey, string>>;

/** The catalogues shipped, by BCP 47 language code. */
export const CATALOGUES: Readonly<Record<string, Messages>> = { en, th, vi };

export interface Catalog {
  /** The language asked for (the document's `lang`). */
  lang: string;
  /** The locale used for dates, e.g. en-GB. */
  locale: string;
  /** True when lexgap has a catalogue for `lang` (possibly partial). */
  known: boolean;
  /** The message for `key`, with `{name}` placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** True when this language's own catalogue has `key` (not the English fallback). */
  has(key: MessageKey): boolean;
}

const LANG_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function isLanguageCode(lang: string): boolean {
  return LANG_CODE.test(lang);
}

/** The catalogue for `lang` ("th", or "th-TH" which falls back to "th"), English per missing key. */
export function getCatalog(lang: string): Catalog {
  const found = catalogueFor(lang);
  const messages = found ?? {};
  const t = (key: MessageKey, values: Record<string, string | number> = {}): string => {
    const template = (Object.hasOwn(messages, key) ? messages[key] : undefined) ?? en[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  };
  return { lang, locale: t('meta.locale'), known: found !== undefined, t, has: (key) => Object.hasOwn(messages, key) };
}

function catalogueFor(lang: string): Messages | undefined {
  const base = lang.split('-')[0]!;
  if (Object.hasOwn(CATALOGUES, lang)) return CATALOGUES[lang];
  if (Object.hasOwn(CATALOGUES, base)) return CATALOGUES[base];
  return undefined;
}

/** The keys of the English catalogue that `lang`'s catalogue lacks (its words there fall back to English). */
export function missingKeys(lang: string): MessageKey[] {
  const messages = CATALOGUES[lang] ?? {};
  return (Object.keys(en) as MessageKey[]).filter((key) => !Object.hasOwn(messages, key));
}

/** Keys a catalogue has that English does not: typos that would never be used. */
export function unknownKeys(lang: string): string[] {
  return Object.keys(CATALOGUES[lang] ?? {}).filter((key) => !Object.hasOwn(en, key));
}
