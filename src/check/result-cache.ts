import { buildIdentity } from '../cache/build-identity.js';
import { cacheKey, pruneCache, readCacheBytes, writeCacheBytes } from '../cache/disk-cache.js';
import type { Finding } from '../findings/finding.js';
import type { FrameworkCatalogue } from '../framework/framework-catalogue.js';
import type { Assessment, ProvisionResult } from '../scoring/types.js';
import type { CheckedText, Need } from './check-text.js';
import { createHash, hash } from '../ground/node-crypto.js';

const MAGIC = 'lexgap-results 3\n';
const PREFIX = 'results-';
/** Packs not written for this long (an older lexgap, a folder no longer checked) are removed. */
const KEEP_DAYS = 14;

interface Entry {
  offset: number;
  length: number;
}

/** What the cache notes of a file to trust it unread on the next run (as git's index does). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/**
 * A file whose mtime or ctime is less than this before the run that read it began is "racily clean"
 * (git's term): it could change again within the same tick of the file system's clock (1 ns to 2 s)
 * and keep its size and times, so its times are not noted and the next run reads and hashes it again.
 */
export const RACY_MS = 2000;

const signature = (s: FileStat) => `${s.size} ${s.mtimeMs} ${s.ctimeMs} ${s.ino} ${s.dev}`;

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
  /** Each file's size, times and inode, and the key of its bytes: last run's, and this run's. */
  private readonly oldFiles = new Map<string, [signature: string, key: string]>();
  private readonly nextFiles = new Map<string, [signature: string, key: string]>();
  /** Files changed after this (less RACY_MS) are read again next time. */
  private readonly runStart = Date.now();

  private constructor(private readonly name: string, private readonly context: string) {}

  static open(need: Need, catalogue: FrameworkCatalogue, date: string, folders: readonly string[]): ResultCache {
    // The frameworks by the hash of their text (the whole framework only for one not read from a file).
    const frameworks = catalogue.loaded.map((l) => `${l.file}\u0000${l.sourceHash ?? JSON.stringify(l.framework)}`);
    const context = cacheKey(buildIdentity(import.meta.url), need, ...frameworks, date);
    const cache = new ResultCache(`${PREFIX}${cacheKey(need, ...[...new Set(folders)].sort())}.pack`, context);
    cache.load();
    return cache;
  }

  /** The key of a file's bytes. */
  key(bytes: Uint8Array): string {
    return hash('sha256', bytes, 'base64url');
  }

  /** The last run noted the times of this file (absolute path): `knownKey` may spare reading it. */
  knows(path: string): boolean {
    return this.oldFiles.has(path);
  }

  /**
   * The key of the file's bytes when the last run read them, if the file has the same size, mtime,
   * ctime, inode and device now (it was not racily clean then: see RACY_MS); undefined otherwise.
   */
  knownKey(path: string, stat: FileStat): string | undefined {
    const known = this.oldFiles.get(path);
    return known && known[0] === signature(stat) ? known[1] : undefined;
  }

  /** Notes the size, times and inode of a file whose bytes have this key, unless it changed too recently to trust them. */
  note(path: string, stat: FileStat, key: string): void {
    if (Math.max(stat.mtimeMs, stat.ctimeMs) >= this.runStart - RACY_MS) return;
    this.nextFiles.set(path, [signature(stat), key]);
  }

  /**
   * The stored result for this text, its findings' `file` left empty; undefined on a miss. A summary's
   * assessment is decoded when first read, and handed to `share` then.
   */
  get(key: string, share?: (a: Assessment) => void): CheckedText | undefined {
    const entry = this.old.get(key);
    if (!entry || !this.oldBytes) return undefined;
    const bytes = this.oldBytes.subarray(entry.offset, entry.offset + entry.length);
    const value = fromStoredForm(bytes, share);
    if (value) this.next.set(key, bytes);
    return value;
  }

  /**
   * Records a freshly checked result, in its stored form (see storedForm; undefined: not storable).
   * Worker threads make that form themselves, so the main thread does not serialise 10,000 results.
   */
  put(key: string, stored: string | Uint8Array | undefined): void {
    this.missed++;
    if (stored !== undefined) this.next.set(key, typeof stored === 'string' ? Buffer.from(stored) : stored);
  }

  /** Writes the pack of this run when anything changed. */
  save(): void {
    // A file is noted only with a stored result (an unreadable file, or one whose result cannot be stored, is not).
    const files = [...this.nextFiles].filter(([, [, key]]) => this.next.has(key)).map(([path, [sig, key]]) => [path, sig, key]);
    const notesChanged = files.length !== this.oldFiles.size || files.some(([path, sig, key]) => {
      const old = this.oldFiles.get(path!);
      return !old || old[0] !== sig || old[1] !== key;
    });
    if (this.missed === 0 && this.next.size === this.old.size && !notesChanged) return;
    const entries: [string, number, number][] = [];
    let offset = 0;
    for (const [key, bytes] of this.next) {
      entries.push([key, offset, bytes.length]);
      offset += bytes.length;
    }
    const header = Buffer.from(JSON.stringify({ context: this.context, entries, files }));
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
      const header = JSON.parse(bytes.subarray(lineEnd + 1, start).toString('utf8')) as { context?: unknown; entries?: unknown; files?: unknown };
      if (header.context !== this.context || !Array.isArray(header.entries) || !Array.isArray(header.files)) return;
      for (const item of header.entries as unknown[]) {
        if (!Array.isArray(item)) return;
        const [key, offset, length] = item as unknown[];
        if (typeof key !== 'string' || !Number.isInteger(offset) || !Number.isInteger(length)) return;
        const at = start + (offset as number);
        if ((offset as number) < 0 || (length as number) < 0 || at + (length as number) > bytes.length) return;
        this.old.set(key, { offset: at, length: length as number });
      }
      for (const item of header.files as unknown[]) {
        if (!Array.isArray(item) || !item.every((part) => typeof part === 'string')) throw new Error('damaged');
        const [path, sig, key] = item as string[];
        if (this.old.has(key!)) this.oldFiles.set(path!, [sig!, key!]);
      }
      this.oldBytes = bytes;
    } catch {
      this.old.clear(); // damaged: every file is checked again
      this.oldFiles.clear();
    }
  }
}

/**
 * A result as the cache stores it: JSON, its findings' `file` left empty (each gets its path back when
 * read). A summary's assessment is on a second line, its gaps (`{id, tierId}` each, see
 * assessment-summary.ts) as one flat list, `gapIds` (id, tier, id, tier…): the first line (findings,
 * framework, CSV rows) is all a warm `score --format csv` decodes; the assessment is decoded when
 * something reads it (the text comparison, --fail-under). Undefined when a finding is about another
 * file than `file`: such a result is not stored.
 */
export function storedForm(file: string, value: CheckedText): string | undefined {
  if (value.findings.some((f) => f.file !== file)) return undefined;
  const findings = value.findings.map((f): Finding => ({ ...f, file: '' }));
  const a = value.assessment;
  if (!a) return JSON.stringify({ ...value, findings });
  const gapIds: string[] = [];
  for (const g of a.gaps) gapIds.push(g.id, g.tierId);
  return `${JSON.stringify({ ...value, findings, assessment: undefined })}\n${JSON.stringify({ ...a, gaps: undefined, gapIds })}`;
}

/**
 * A result from its stored form (storedForm; text, or its UTF-8 bytes); undefined when it is not one.
 * A summary's assessment is decoded on first reading, then `share` sees it (assessment-summary.ts:
 * SharedGaps). The form's integrity is the pack's checksum (or a worker's word).
 */
export function fromStoredForm(stored: string | Buffer, share?: (a: Assessment) => void): CheckedText | undefined {
  try {
    const lineEnd = stored.indexOf('\n');
    const part = (start: number, end?: number) => (typeof stored === 'string' ? stored.slice(start, end) : stored.toString('utf8', start, end));
    const value = JSON.parse(lineEnd < 0 ? part(0) : part(0, lineEnd)) as CheckedText;
    if (!Array.isArray(value.findings)) return undefined;
    if (lineEnd >= 0) defineLazily(value, () => decodeAssessment(part(lineEnd + 1)), share);
    return value;
  } catch {
    return undefined;
  }
}

function decodeAssessment(text: string): Assessment {
  const a = JSON.parse(text) as Assessment & { gapIds?: string[] };
  const ids = a.gapIds ?? [];
  const gaps: ProvisionResult[] = [];
  for (let i = 0; i + 1 < ids.length; i += 2) gaps.push({ id: ids[i], tierId: ids[i + 1] } as ProvisionResult);
  delete a.gapIds;
  a.gaps = gaps;
  return a;
}

/** `value.assessment`, decoded when first read (or replaced when first written). */
function defineLazily(value: CheckedText, decode: () => Assessment, share?: (a: Assessment) => void): void {
  const settle = (a: Assessment) => Object.defineProperty(value, 'assessment', { value: a, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(value, 'assessment', {
    enumerable: true,
    configurable: true,
    get() {
      const a = decode();
      share?.(a);
      settle(a);
      return a;
    },
    set: settle,
  });
}
