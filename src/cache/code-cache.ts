import { isAscii } from 'node:buffer';
import { Script } from 'node:vm';
import { cacheKey, readCacheBytes, writeCacheBytes } from './disk-cache.js';
import { createHash } from '../ground/node-crypto.js';

/** A script compiled from source, and whether V8 took its compiled code from the disk cache. */
export interface CachedScript {
  /** The value of the source's last expression, as `eval` gives it. */
  value: unknown;
  /** True when V8 reused the code it compiled in an earlier run, so saveCodeCache() has nothing to do. */
  fromCache: boolean;
  /**
   * Stores V8's compiled code for the next run. Call it after the code has run once: V8 compiles a
   * function only when it is first called, and the cache holds what is compiled by then.
   */
  saveCodeCache(): void;
}

const DIGEST_BYTES = 32;

/** Text put around the code before it is compiled, such as a function wrapper. */
export interface Wrap {
  before: string;
  after: string;
}

const NO_WRAP: Wrap = { before: '', after: '' };

export interface ScriptOptions {
  /**
   * Which run of the code the cache is for (a command's name): V8's cache holds the functions compiled
   * by the run that saved it, so code that runs differently by command keeps one entry per command.
   */
  variant?: string;
}

/**
 * Runs `code` (JavaScript as UTF-8 bytes, e.g. a cached Ajv validator, inside `wrap`) with V8's code cache: V8
 * compiles a validator's functions when they are first called (for asean-ocsea's 1.3 MB validator,
 * about a third of a one-profile `validate`); from the cache it reads the compiled code instead. The entry is keyed by a SHA-256 of the code (of its bytes: hashing the same text as a
 * string costs ten times more), V8's version and the machine, and stored with a SHA-256 of its own
 * bytes: V8 checks that cached code belongs to a source of the same length and to its own version and
 * flags (it sets cachedDataRejected otherwise), but not the bytes themselves in release builds, so a
 * damaged entry is caught here and never given to V8. A rejected or damaged entry is rewritten.
 */
export function runCachedScript(code: Buffer, filename: string, wrap: Wrap = NO_WRAP, options: ScriptOptions = {}): CachedScript {
  const variant = options.variant ? [options.variant] : [];
  const name = `code-${cacheKey(process.versions.v8, process.arch, digest(code).toString('hex'), wrap.before, wrap.after, ...variant)}.v8`;
  const cachedData = intact(readCacheBytes(name));
  const script = new Script(wrap.before + decode(code) + wrap.after, { filename, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const value = script.runInThisContext();
  let saved = fromCache;
  return {
    value,
    fromCache,
    saveCodeCache() {
      if (saved) return;
      saved = true;
      writeCacheBytes(name, () => {
        const data = script.createCachedData();
        return Buffer.concat([digest(data), data]);
      });
    },
  };
}

/**
 * The code's text. ASCII (as compile-validator.ts writes validators) is read as Latin-1: the same
 * text, decoded ten times faster than UTF-8 (a 1.3 MB validator: ~1 ms instead of ~10), and kept by
 * V8 as one byte a character.
 */
function decode(code: Buffer): string {
  return isAscii(code) ? code.toString('latin1') : code.toString('utf8');
}

/** The code cache's bytes, when the entry is whole and unchanged since it was written. */
function intact(entry: Buffer | undefined): Buffer | undefined {
  if (!entry || entry.length <= DIGEST_BYTES) return undefined;
  const data = entry.subarray(DIGEST_BYTES);
  return digest(data).equals(entry.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

const digest = (data: Uint8Array) => createHash('sha256').update(data).digest();
