import { percent } from '../../format/percent.js';
import { entryOf, topScore } from '../../framework/scale.js';
import { textIn } from '../../framework/text.js';
import type { Framework, Text } from '../../framework/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { en, type MessageKey } from '../i18n/en.js';
import { coverCaveat } from './provenance.js';
import type { FrameworkMeta, Labels, Level, Link, Scored, StatusView } from './types.js';

/** Below the top score by less than this is rounding noise (as in the scorer). */
const EPSILON = 1e-9;

/** Only http(s) URLs become links; javascript:, file:, data: and anything unparsable stay text. */
export function safeHref(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(text: string, url: string | undefined | null): Link {
  return { text, segments: urlSegments(text), href: safeHref(url) };
}

/** A URL cut after each / ? & # (a line may break there, never inside a word); any other text stays whole. */
export function urlSegments(text: string): string[] {
  if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text)) return [text];
  const parts = text.match(/[^/?&#]*(?:\/+|[?&#]|$)/g)?.filter((p) => p !== '') ?? [text];
  return parts;
}

/** A YYYY-MM-DD date in the catalogue's locale; anything else is shown as given. */
export function formatDate(date: string | undefined | null, catalog: Catalog): string {
  if (!date) return '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(catalog.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

export function formatNumber(value: number, catalog: Catalog): string {
  return new Intl.NumberFormat(catalog.locale, { maximumFractionDigits: 2 }).format(value);
}

/** The band a score falls in: full at the framework's top score, none at 0, part in between. */
export function levelOf(score: number | null, applicable: boolean, top: number): Level {
  if (!applicable) return 'na';
  if (score === null) return 'unknown';
  if (score >= top - EPSILON) return 'full';
  if (score <= EPSILON) return 'none';
  return 'part';
}

export function scored(score: number | null, applicable: boolean, framework: Framework, catalog: Catalog): Scored {
  const level = levelOf(score, applicable, topScore(framework));
  return { percent: percent(score), level, levelLabel: catalog.t(`level.${level}`) };
}

/** The label of an answer: the framework's own translation, else the catalogue's name for the usual keys, else the framework's label. */
export function answerLabel(framework: Framework, answer: string, catalog: Catalog): string {
  const entry = entryOf(framework.scale, answer);
  if (!entry) return answer;
  const label = entry.label;
  const translated = typeof label === 'object' && Object.hasOwn(label, catalog.lang);
  const key = `answer.${answer}` as MessageKey;
  if (!translated && Object.hasOwn(en, key) && catalog.has(key)) return catalog.t(key);
  return textIn(label, catalog.lang);
}

/** The band of an answer, from its score on the framework's scale. */
export function answerLevel(framework: Framework, answer: string | undefined): Level {
  if (answer === undefined) return 'unknown';
  const entry = entryOf(framework.scale, answer);
  if (!entry) return 'unknown';
  return levelOf(entry.score, entry.applicable !== false, topScore(framework));
}

export function text(value: Text | undefined, catalog: Catalog): string {
  return textIn(value, catalog.lang);
}

/** Optional text: null when empty, so strict templates can test it. */
export function optional(value: Text | string | undefined | null, catalog: Catalog): string | null {
  if (value === undefined || value === null) return null;
  const s = typeof value === 'string' ? value : textIn(value, catalog.lang);
  return s.trim() === '' ? null : s;
}

export function frameworkMeta(framework: Framework, catalog: Catalog): FrameworkMeta {
  const source = framework.source;
  return {
    id: framework.id,
    title: text(framework.title, catalog),
    shortTitle: text(framework.shortTitle ?? framework.title, catalog),
    version: framework.version,
    versionText: catalog.t('cover.version', { version: framework.version }),
    publisher: optional(source.publisher, catalog),
    sourceTitle: optional(source.title, catalog),
    link: source.url ? link(source.url, source.url) : null,
    checked: source.checked ? catalog.t('sources.checked', { date: formatDate(source.checked, catalog) }) : null,
    caveat: optional(source.note, catalog),
    coverCaveat: coverCaveat(framework, catalog),
  };
}

export function statusView(status: string, catalog: Catalog): StatusView {
  const isDraft = status !== 'reviewed';
  return {
    code: status,
    label: status === 'reviewed' ? catalog.t('status.reviewed') : status === 'draft' ? catalog.t('status.draft') : status,
    isDraft,
    notice: isDraft ? catalog.t('status.draftNotice') : catalog.t('status.reviewedNotice'),
  };
}


/** Every catalogue string as a nested object: `glance.heading` becomes labels.glance.heading. */
export function nestedLabels(catalog: Catalog): Labels {
  const root: Labels = {};
  for (const key of Object.keys(en) as MessageKey[]) {
    const parts = key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = {};
    }
    node[parts[parts.length - 1]!] = catalog.t(key);
  }
  return root;
}

const LEVELS: Level[] = ['full', 'part', 'none', 'unknown', 'na'];

export function legend(catalog: Catalog): { level: Level; label: string }[] {
  return LEVELS.map((level) => ({ level, label: catalog.t(`level.${level}`) }));
}

/** The page label split around the page numbers, so the PDF footer can put its counters in. */
export function pageLabel(catalog: Catalog): { before: string; between: string; after: string } {
  const marked = catalog.t('doc.page', { page: '\u0000', pages: '\u0000' });
  const [before = '', between = ' / ', after = ''] = marked.split('\u0000');
  return { before, between, after };
}

/**
 * Shortens text to at most `limit` characters, cutting after the last full sentence that fits
 * (or the last word); returns the text and whether it was cut.
 */
export function shorten(value: string, limit: number): { text: string; shortened: boolean } {
  const clean = value.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return { text: clean, shortened: false };
  const head = clean.slice(0, limit);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('; '), head.lastIndexOf('。'));
  if (sentence > limit * 0.5) return { text: head.slice(0, sentence + 1), shortened: true };
  const word = head.lastIndexOf(' ');
  return { text: `${head.slice(0, word > limit * 0.5 ? word : limit)}…`, shortened: true };
}
