import { createHash, hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cacheKey, pruneCache, readCacheBytes, writeCacheBytes } from '../cache/disk-cache.js';
import type { Finding } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import { LEXGAP_VERSION } from '../version.js';
import type { CheckedText, Need } from './check-text.js';

const MAGIC = 'lexgap-results 2\n';
const PREFIX = 'results-';
/** Packs not written for this long (an older lexgap, a folder no longer checked) are removed. */
const KEEP_DAYS = 14;

/**
 * This build of lexgap: its version and the time its code was written (tsc rewrites every file at
 * each build; a bundle is one file). A rebuilt checker never serves results of the old one.
 */
function codeIdentity(): string {
  try {
    const info = statSync(fileURLToPath(import.meta.url));
    return `${LEXGAP_VERSION} ${info.mtimeMs} ${info.size}`;
  } catch {
    return `${LEXGAP_VERSION} unknown build ${Math.random()}`; // never reuse what cannot be tied to this build
  }
}

interface Entry {
  offset: number;
  length: number;
}

/**
 * Hash of a pack (its header and entries), on its first line: a damaged pack is read as empty, never
 * as a wrong result. One hash of the whole costs less than half of one per entry (10,000 of ~2 KB).
 */
const checksum = (bytes: Uint8Array) => hash('sha1', bytes, 'base64url');

/**
 * The results of checking each file, kept between runs (as ESLint's --cache): a file whose text is
 * unchanged, checked on the same day against the same frameworks by the same lexgap, is not checked
 * again. Entries are keyed by a hash of the file's bytes; the path is not part of an entry (findings
 * are stored without it and get it back on reading), so a renamed or copied file hits too.
 *
 * One pack per command need, set of folders and framework catalogue holds every file of the last
 * run (a single read on a warm run, instead of one file per profile); it is rewritten when any file
 * missed. Today's date is in the pack: findings about dates (in the future, more than three years
 * old) change with it, so a pack of another day is read as empty. A missing, damaged or truncated
 * pack, or `LEXGAP_CACHE_DIR=""`, only costs speed.
 */
export class ResultCache {
  private readonly old = new Map<string, Entry>();
  private oldBytes: Buffer | undefined;
  private readonly next = new Map<string, Uint8Array>();
  private missed = 0;

  private constructor(private readonly name: string, private readonly context: string) {}

  static open(need: Need, catalogue: FrameworkCatalogue, date: string, folders: readonly string[]): ResultCache {
    // The frameworks by the hash of their text (the whole framework only for one not read from a file).
    const frameworks = catalogue.loaded.map((l) => `${l.file}\u0000${l.sourceHash ?? JSON.stringify(l.framework)}`);
    const context = cacheKey(codeIdentity(), need, ...frameworks, date);
    const cache = new ResultCache(`${PREFIX}${cacheKey(need, ...[...new Set(folders)].sort())}.pack`, context);
    cache.load();
    return cache;
  }

  /** The key of a file's bytes. */
  key(bytes: Uint8Array): string {
    return hash('sha256', bytes, 'base64url');
  }

  /** The stored result for this text, its findings' `file` left empty; undefined on a miss. */
  get(key: string): CheckedText | undefined {
    const entry = this.old.get(key);
    if (!entry || !this.oldBytes) return undefined;
    const bytes = this.oldBytes.subarray(entry.offset, entry.offset + entry.length);
    try {
      const value = JSON.parse(bytes.toString('utf8')) as CheckedText;
      if (!Array.isArray(value.findings)) return undefined;
      this.next.set(key, bytes);
      return value;
    } catch {
      return undefined;
    }
  }

  /**
   * Records a freshly checked result, in its stored form (see storedForm; undefined: not storable).
   * Worker threads make that form themselves, so the main thread does not serialise 10,000 results.
   */
  put(key: string, stored: string | undefined): void {
    this.missed++;
    if (stored !== undefined) this.next.set(key, Buffer.from(stored));
  }

  /** Writes the pack of this run when anything changed. */
  save(): void {
    if (this.missed === 0 && this.next.size === this.old.size) return;
    const entries: [string, number, number][] = [];
    let offset = 0;
    for (const [key, bytes] of this.next) {
      entries.push([key, offset, bytes.length]);
      offset += bytes.length;
    }
    const header = Buffer.from(JSON.stringify({ context: this.context, entries }));
    // The first line holds the header's length and the hash of all that follows it (the same hash as
    // `checksum` of those bytes read back), taken chunk by chunk: no copy of 20 MB for 10,000 files.
    const rest = [header, ...this.next.values()];
    const check = rest.reduce((h, chunk) => h.update(chunk), createHash('sha1')).digest('base64url');
    writeCacheBytes(this.name, () => [Buffer.from(`${MAGIC}${header.length} ${check}\n`), ...rest]);
    pruneCache(PREFIX, KEEP_DAYS);
  }

  private load(): void {
    const bytes = readCacheBytes(this.name);
    if (!bytes || bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return;
    try {
      const lineEnd = bytes.indexOf(10, MAGIC.length);
      const [length, check] = bytes.subarray(MAGIC.length, lineEnd).toString('latin1').split(' ');
      const headerLength = Number(length);
      const start = lineEnd + 1 + headerLength;
      if (lineEnd < 0 || !Number.isInteger(headerLength) || start > bytes.length) return;
      if (check !== checksum(bytes.subarray(lineEnd + 1))) return;
      const header = JSON.parse(bytes.subarray(lineEnd + 1, start).toString('utf8')) as { context?: unknown; entries?: unknown };
      if (header.context !== this.context || !Array.isArray(header.entries)) return;
      for (const item of header.entries as unknown[]) {
        if (!Array.isArray(item)) return;
        const [key, offset, length] = item as unknown[];
        if (typeof key !== 'string' || !Number.isInteger(offset) || !Number.isInteger(length)) return;
        const at = start + (offset as number);
        if ((offset as number) < 0 || (length as number) < 0 || at + (length as number) > bytes.length) return;
        this.old.set(key, { offset: at, length: length as number });
      }
      this.oldBytes = bytes;
    } catch {
      this.old.clear(); // damaged: every file is checked again
    }
  }
}

/**
 * A result as the cache stores it: JSON, its findings' `file` left empty (each gets its path back when
 * read). Undefined when a finding is about another file than `file`: such a result is not stored.
 */
export function storedForm(file: string, value: CheckedText): string | undefined {
  if (value.findings.some((f) => f.file !== file)) return undefined;
  return JSON.stringify({ ...value, findings: value.findings.map((f): Finding => ({ ...f, file: '' })) });
}
