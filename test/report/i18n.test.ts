import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, getCatalog, missingKeys, unknownKeys } from '../../src/report/i18n/catalog.js';
import { en } from '../../src/report/i18n/en.js';
import { ROOT } from './helpers.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function templateSources(): string {
  const dir = join(ROOT, 'templates');
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.hbs')).map((f) => join(dir, f)), ...readdirSync(join(dir, 'partials')).map((f) => join(dir, 'partials', f))];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

describe('report catalogues', () => {
  it('lists the languages whose catalogue lacks keys (their words fall back to English)', () => {
    const incomplete = Object.keys(CATALOGUES)
      .map((lang) => ({ lang, missing: missingKeys(lang) }))
      .filter((c) => c.missing.length > 0);
    for (const c of incomplete) console.log(`catalogue ${c.lang}: ${c.missing.length} keys fall back to English: ${c.missing.join(', ')}`);
    // English, Thai and Vietnamese are complete; any other language may be partial, and is listed above.
    expect(incomplete.map((c) => c.lang)).not.toContain('en');
    expect(missingKeys('th')).toEqual([]);
    expect(missingKeys('vi')).toEqual([]);
  });

  it('has no key that English lacks, so no translation is silently unused', () => {
    for (const lang of Object.keys(CATALOGUES)) expect(unknownKeys(lang), lang).toEqual([]);
  });

  it('keeps the same placeholders as English in every translation', () => {
    for (const [lang, messages] of Object.entries(CATALOGUES)) {
      for (const [key, text] of Object.entries(messages)) {
        expect(placeholders(text!), `${lang} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('translates, and falls back to English key by key', () => {
    expect(getCatalog('th').t('glance.heading')).toBe('ภาพรวม');
    expect(getCatalog('vi').t('glance.heading')).toBe('Tổng quan');
    expect(getCatalog('th-TH').t('glance.heading')).toBe('ภาพรวม');
    const khmer = getCatalog('km');
    expect(khmer.known).toBe(false);
    expect(khmer.t('glance.heading')).toBe('At a glance');
    expect(getCatalog('vi').t('glance.coverageDetail', { assessed: 3, applicable: 4 })).toBe('Đã đánh giá 3 trên 4 yếu tố áp dụng');
  });

  it('dates Thai reports in the Gregorian calendar, so they agree with the years of the laws', () => {
    const locale = getCatalog('th').locale;
    expect(new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-01-15T00:00:00Z'))).toContain('2026');
  });

  it('only prints labels without placeholders straight from a template (the rest are filled in by the view model)', () => {
    const used = new Set([...templateSources().matchAll(/labels\.([\w.]+)/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(Object.hasOwn(en, key), `templates use labels.${key}, which the catalogue lacks`).toBe(true);
      expect(placeholders(en[key as keyof typeof en]), key).toEqual([]);
    }
  });
});
