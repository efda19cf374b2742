import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/report/pdf/find-browser.js';
import { FIXTURES, ROOT, TINY, flat, lexgap, lexgapAsync, list, pdfInfo, pdfPages, pdfText, read, tempDir } from './helpers.js';

// Where reports are written, and what happens when that goes wrong: the output folder is a link to
// somewhere else, cannot be written, is written by two runs at once, or the browser dies mid-batch.
// In every case a report on disk is whole, no temporary file is left, and the user is told plainly.
const AQ = join(FIXTURES, 'profiles', 'AQ.yaml');
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?\n/;
const tempFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.includes('.tmp-')) : []);

/** A PDF is whole when poppler reads every page of it and finds the country's name on the first. */
function expectWholePdf(file: string, name: string): void {
  expect(pdfPages(file), file).toBeGreaterThan(0);
  expect(flat(pdfText(file)), file).toContain(name);
}

/** Processes whose command line mentions `marker` (zombies have none, and hold nothing). */
function processesMentioning(marker: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

describe('--out through a symbolic link', () => {
  it('to a folder elsewhere: the reports are written in that folder, and the link stays a link', () => {
    const base = tempDir('link');
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync('elsewhere', join(base, 'out'));
    const run = lexgap(['report', ...TINY, AQ, '--format', 'both', '--out', join(base, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${join(base, 'out', 'AQ.pdf')}`);
    expect(lstatSync(join(base, 'out')).isSymbolicLink()).toBe(true);
    expect(list(join(base, 'elsewhere'))).toEqual(['AQ.html', 'AQ.pdf']);
    expectWholePdf(join(base, 'elsewhere', 'AQ.pdf'), 'Zedland (AQ)');
  });

  it('where the report file itself links to a file elsewhere: the link is replaced, and that file is left alone', () => {
    const base = tempDir('link-file');
    const victim = join(base, 'precious.txt');
    writeFileSync(victim, 'not a report');
    mkdirSync(join(base, 'out'));
    symlinkSync(victim, join(base, 'out', 'AQ.pdf'));
    symlinkSync(victim, join(base, 'out', 'AQ.html'));
    const run = lexgap(['report', ...TINY, AQ, '--format', 'both', '--out', join(base, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(read(victim)).toBe('not a report');
    expect(lstatSync(join(base, 'out', 'AQ.pdf')).isFile()).toBe(true);
    expect(read(join(base, 'out', 'AQ.html'))).toMatch(/^<!DOCTYPE html>/);
    expectWholePdf(join(base, 'out', 'AQ.pdf'), 'Zedland (AQ)');
    expect(list(join(base, 'out'))).toEqual(['AQ.html', 'AQ.pdf']);
  });

  it('to a folder that does not exist: exit 2, the path named, nothing written', () => {
    const base = tempDir('dangling');
    symlinkSync(join(base, 'gone'), join(base, 'out'));
    const run = lexgap(['report', ...TINY, AQ, '--format', 'html', '--out', join(base, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`lexgap: ENOENT: no such file or directory, mkdir '${join(base, 'out')}'  (check the path and your permissions)`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readlinkSync(join(base, 'out'))).toBe(join(base, 'gone'));
    expect(list(base)).toEqual(['out']);
  });
});

describe('--out where nothing can be written', () => {
  // As root every folder is writable, so a path under a file stands for "not writable" everywhere.
  for (const format of ['html', 'pdf'] as const) {
    it(`a path under a file (--format ${format}): exit 2, a message naming the path, no stack trace, no file`, () => {
      const base = tempDir(`under-file-${format}`);
      writeFileSync(join(base, 'somefile.txt'), 'a file');
      const out = join(base, 'somefile.txt', 'sub');
      const run = lexgap(['report', ...TINY, AQ, '--format', format, '--out', out]);
      expect(run.code).toBe(2);
      // Checked once, before any report is made, in the same words for HTML and PDF.
      expect(run.stderr).toBe(`lexgap: --out ${out}: ${join(base, 'somefile.txt')} is a file, not a folder  (choose another --out, or move the file out of the way)\n`);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout).not.toContain('wrote');
      expect(list(base)).toEqual(['somefile.txt']);
      expect(read(join(base, 'somefile.txt'))).toBe('a file');
    });
  }

  it('the comparison to a path under a file: exit 2, no file', () => {
    const base = tempDir('compare-under-file');
    writeFileSync(join(base, 'somefile.txt'), 'a file');
    const run = lexgap(['compare', ...TINY, join(FIXTURES, 'profiles'), '--out', join(base, 'somefile.txt', 'compare.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^lexgap: --out .*: ${join(base, 'somefile.txt')} is a file, not a folder`, 'm'));
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(list(base)).toEqual(['somefile.txt']);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without write permission: exit 2, a message, no temporary file', () => {
    const out = tempDir('read-only');
    chmodSync(out, 0o555);
    try {
      for (const format of ['html', 'pdf']) {
        const run = lexgap(['report', ...TINY, AQ, '--format', format, '--out', out]);
        expect(run.code, format).toBe(2);
        expect(run.stderr, format).toMatch(/EACCES: permission denied/);
        expect(run.stderr, format).not.toMatch(STACK_TRACE);
        expect(readdirSync(out), format).toEqual([]);
      }
    } finally {
      chmodSync(out, 0o755);
    }
  });
});

describe('two runs writing the same folder at once', () => {
  it('both finish, every report is whole, and no temporary file is left', async () => {
    const out = tempDir('same-folder');
    const args = ['report', ...TINY, join(FIXTURES, 'profiles'), 'countries/PH.yaml', 'countries/MY.yaml', '--format', 'both', '--out', out];
    const runs = await Promise.all([lexgapAsync(args), lexgapAsync(args)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(list(out)).toEqual(['AQ.html', 'AQ.pdf', 'BV.html', 'BV.pdf', 'MY.html', 'MY.pdf', 'PH.html', 'PH.pdf']);
    const names: Record<string, string> = { AQ: 'Zedland (AQ)', BV: 'Allmetland (BV)', MY: 'Malaysia (MY)', PH: 'Philippines (PH)' };
    for (const [code, name] of Object.entries(names)) {
      expectWholePdf(join(out, `${code}.pdf`), name);
      expect(read(join(out, `${code}.html`)).trimEnd()).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>$/);
    }
  });
});

describe('Chromium killed in the middle of a batch', () => {
  it('keeps the reports finished, names the ones that failed, leaves no partial or temporary file, and exits 2', async () => {
    const browser = findBrowser();
    expect(browser.path, 'the PDF tests need Chromium: apt-get install chromium').not.toBeNull();
    const tmp = tempDir('killed-tmp');
    const out = tempDir('killed-out');
    // Stands in for Chromium: starts it, and SIGKILLs it as soon as the first PDF is in place (or after 30 s).
    const wrapper = join(tempDir('killed-bin'), 'chromium');
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        '(',
        '  exec 3>&- 4>&-  # not holding the pipe puppeteer talks to Chromium through',
        '  i=0',
        `  while ! ls '${out}'/*.pdf >/dev/null 2>&1 && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done`,
        '  kill -9 $$',
        ') &',
        `exec '${browser.path}' "$@"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const run = await lexgapAsync(['report', 'countries/', '--out', out], { PUPPETEER_EXECUTABLE_PATH: wrapper, TMPDIR: tmp });

    expect(run.code, run.stderr).toBe(2);
    const written = [...run.stdout.matchAll(/^wrote .*\/([A-Z]{2})\.pdf$/gm)].map((m) => m[1]!).sort();
    // One line names the cause and every report not made.
    const line = /^lexgap: the browser stopped during the run; not made: ([A-Z, ]+) {2}\(the other PDFs are complete; run again for these\)$/m.exec(run.stderr);
    expect(line, run.stderr).not.toBeNull();
    const failed = line![1]!.split(', ').sort();
    const countries = readdirSync(join(ROOT, 'countries')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, 2));
    expect(written.length, run.stdout).toBeGreaterThan(0);
    expect(failed.length, run.stderr).toBeGreaterThan(0);
    expect([...written, ...failed].sort()).toEqual(countries.sort()); // every report either written or named as failed
    expect(list(out)).toEqual(written.map((c) => `${c}.pdf`)); // only the finished ones, nothing partial or temporary
    for (const code of written) expect(pdfPages(join(out, `${code}.pdf`)), code).toBeGreaterThan(0);
    expect(pdfInfo(join(out, `${written[0]}.pdf`))).toMatch(/Title:\s+.+: legislative gap assessment/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(tempFiles(out)).toEqual([]);
    // Chromium's helpers notice that their browser has gone a moment after it has.
    for (let i = 0; i < 40 && processesMentioning(tmp).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(processesMentioning(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]); // Chromium's profile folder is gone too
  });
});
