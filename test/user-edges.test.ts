import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'lexgap-user-'));

describe('warnings that matter, and quiet when they do not', () => {
  it('a law declared and never cited is a warning at its key', () => {
    const dir = fresh();
    const text = readFileSync('test/fixtures/profiles-asean/valid-small.yaml', 'utf8');
    expect(text).toMatch(/^laws:\n/m);
    const file = join(dir, 'uncited.yaml');
    writeFileSync(file, text.replace(/^laws:\n/m, 'laws:\n  unused: {title: An Act never cited, year: 2001}\n'));
    const result = lexgap(['validate', file]);
    expect(result.stdout).toContain(`${file}:`);
    expect(result.stdout).toMatch(/:\d+:3 {2}warning {2}the law "unused" is declared but no answer cites it {2}\(cite it as evidence where it is relevant, or remove it from `laws`\)/);
    expect(result.stdout).toContain('0 errors, 1 warning in 1 file');
  });

  it('the warnings summary of score is one note on stderr that --quiet leaves out', () => {
    // Two shipped profiles, one with a citation whose section was taken out (a warning each time).
    const dir = fresh();
    writeFileSync(join(dir, 'TH.yaml'), readFileSync('countries/TH.yaml', 'utf8').replace(/^ {8}section: .*\n/gm, ''));
    writeFileSync(join(dir, 'PH.yaml'), readFileSync('countries/PH.yaml', 'utf8'));
    const said = lexgap(['score', dir]);
    expect(said.code).toBe(0);
    expect(said.stderr.match(/warnings? in \d+ profiles?/g)).toHaveLength(1);
    expect(said.stderr).toContain('in 1 profile');
    expect(said.stderr).toContain('(--quiet leaves this out)');
    for (const args of [['score', dir, '--quiet'], ['-q', 'compare', dir, '--format', 'csv', '--out', '-']]) {
      const quiet = lexgap(args);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
    }
  });
});

describe('one CSV dialect', () => {
  it('score, score --by focus-area, compare and export all write a byte-order mark and a country_name column', () => {
    const outputs = {
      score: lexgap(['score', 'countries/PH.yaml', '--format', 'csv', '-q']).stdout,
      focus: lexgap(['score', 'countries/PH.yaml', '--by', 'focus-area', '--format', 'csv', '-q']).stdout,
      compare: lexgap(['compare', 'countries/PH.yaml', '--format', 'csv', '--out', '-', '-q']).stdout,
      export: lexgap(['export', 'countries/PH.yaml', '-q']).stdout,
    };
    for (const [command, csv] of Object.entries(outputs)) {
      expect(csv.startsWith('\uFEFFcountry,country_name,'), command).toBe(true);
      expect(csv.split('\r\n')[1], command).toMatch(/^PH,Philippines,asean-ocsea,/);
    }
  });
});

describe('messages for a file in the way of --out', () => {
  const dir = fresh();
  const file = join(dir, 'somefile.txt');
  writeFileSync(file, 'not a folder\n');
  const expected = (out: string) => `lexgap: --out ${out}: ${file} is a file, not a folder  (choose another --out, or move the file out of the way)\n`;

  it('compare --out somefile.txt/x.pdf says the file is in the way, not "EEXIST"', () => {
    const result = lexgap(['compare', 'countries/PH.yaml', 'countries/MY.yaml', '--out', join(file, 'x.pdf'), '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(expected(join(file, 'x.pdf')));
  });

  it('export says the file is in the way, not that the folder does not exist', () => {
    const result = lexgap(['export', 'countries/PH.yaml', '--out', join(file, 'x.csv'), '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(expected(join(file, 'x.csv')));
  });

  it('report --format pdf checks the folder once, before any report is made', () => {
    const result = lexgap(['report', 'countries/PH.yaml', 'countries/MY.yaml', '--format', 'pdf', '--out', join(file, 'r'), '-q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(expected(join(file, 'r')));
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['somefile.txt']);
  });

  it('an empty framework file is told to be filled in or removed, not to run `lexgap init`', () => {
    const frameworks = fresh();
    writeFileSync(join(frameworks, 'empty.yaml'), '');
    const result = lexgap(['frameworks', '--frameworks', frameworks]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('empty.yaml:1:1  error  the file is empty  (fill it in, or remove it from the folder)');
    expect(result.stdout + result.stderr).not.toContain('lexgap init');
  });
});
