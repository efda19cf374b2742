import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FrameworkCatalogue } from '../src/framework/framework-catalogue.js';
import { loadFrameworks } from '../src/framework/load-frameworks.js';
import { checkProfile } from '../src/profile/check-profile.js';
import { fastParse } from '../src/yaml/fast-parse.js';
import { yamlPackage } from '../src/yaml/yaml-package.js';
import { CACHE_DIR, ROOT } from './helpers/run-cli.js';
import { disagreement } from './helpers/yaml-agreement.js';
import { yamlFiles } from './helpers/yaml-files.js';

// Every YAML file the project holds, read by the fast path and by the full reader alone: the same
// data, and the same findings (message, line, column, end, order), whichever reader took the file.
process.env.LEXGAP_CACHE_DIR = CACHE_DIR;
const TODAY = '2027-01-01';

// Counts the yaml Documents built (lexgap loads the yaml package through yamlPackage()), to show
// that a file without findings, or whose findings the fast locator places, builds none.
const parseDocument = vi.spyOn(yamlPackage(), 'parseDocument');
const documentsBuilt = () => parseDocument.mock.calls.length;

const files = [...yamlFiles(join(ROOT, 'countries')), ...yamlFiles(join(ROOT, 'test/fixtures'))];
let catalogue: FrameworkCatalogue;

beforeAll(async () => {
  const { frameworks } = await loadFrameworks([join(ROOT, 'frameworks'), join(ROOT, 'test/fixtures/frameworks')]);
  catalogue = new FrameworkCatalogue(frameworks);
});

describe('the fast reading path agrees with the full reader on every YAML file of the project', () => {
  it('finds files of both kinds, so the comparison below covers both readers', () => {
    const fast = files.filter((f) => fastParse(readFileSync(f, 'utf8')) !== undefined);
    expect(files.length).toBeGreaterThan(50);
    expect(fast.length).toBeGreaterThan(30); // every shipped country profile among them
    expect(files.length - fast.length).toBeGreaterThan(5); // tabs, anchors, broken YAML…
    // Every shipped country profile (countries/XX.yaml) is read by the fast reader; other files, such as
    // the second readings, may hold something the reader leaves to the full one.
    for (const country of files.filter((f) => /\/countries\/[A-Z]{2}\.yaml$/.test(f))) expect(fast).toContain(country);
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s: the same data', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(disagreement(text)).toBeUndefined();
  });

  it.each(files.map((f) => [relative(ROOT, f)]))('%s: the same findings, in the same order, at the same places', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const fast = checkProfile(file, text, catalogue, TODAY);
    const full = checkProfile(file, text, catalogue, TODAY, { fullReader: true });
    expect(fast.findings).toEqual(full.findings);
    expect(fast.profile).toEqual(full.profile);
    expect(fast.framework?.id).toBe(full.framework?.id);
  });

  // Windows line ends: the fast reader reads them as \n (parse-yaml.ts), every line and column unmoved.
  it.each(files.map((f) => [relative(ROOT, f)]))('%s with \\r\\n line ends: the same findings, data and places', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/\r?\n/g, '\r\n');
    const fast = checkProfile(file, text, catalogue, TODAY);
    const full = checkProfile(file, text, catalogue, TODAY, { fullReader: true });
    expect(fast.findings).toEqual(full.findings);
    expect(fast.profile).toEqual(full.profile);
  });

  it('reads every shipped country profile with \\r\\n line ends by the fast reader, with no yaml document', () => {
    for (const country of files.filter((f) => /\/countries\/[A-Z]{2}\.yaml$/.test(f))) {
      const before = documentsBuilt();
      checkProfile(country, readFileSync(country, 'utf8').replace(/\n/g, '\r\n'), catalogue, TODAY);
      expect(documentsBuilt()).toBe(before);
    }
  });
});

describe('positions are built only when a check points at something', () => {
  const profile = () => readFileSync(join(ROOT, 'countries/VN.yaml'), 'utf8');

  it('a profile with no findings never builds the yaml document', () => {
    const before = documentsBuilt();
    const check = checkProfile('VN.yaml', profile(), catalogue, TODAY);
    expect(check.findings).toEqual([]);
    expect(documentsBuilt()).toBe(before);
    checkProfile('VN.yaml', profile(), catalogue, TODAY, { fullReader: true });
    expect(documentsBuilt()).toBe(before + 1); // the counter does count what the full reader builds
  });

  it('a profile with findings is placed by the fast locator, with no yaml document either', () => {
    const text = profile().replace(/^assessed: .*$/m, 'assessed: 2031-02-30').replace(/^country: .*$/m, 'country: Philippines');
    const before = documentsBuilt();
    const fast = checkProfile('VN.yaml', text, catalogue, TODAY).findings;
    expect(fast.length).toBe(2);
    expect(documentsBuilt()).toBe(before);
    expect(fast).toEqual(checkProfile('VN.yaml', text, catalogue, TODAY, { fullReader: true }).findings);
  });

  it('a finding the fast locator cannot place (an empty value) builds the document once, for all of the findings', () => {
    const text = profile().replace(/^assessed: .*$/m, 'assessed:').replace(/^status: .*$/m, 'status:');
    const before = documentsBuilt();
    const fast = checkProfile('VN.yaml', text, catalogue, TODAY).findings;
    expect(fast.map((f) => f.line)).toEqual([5, 6]); // assessed: and status: are lines 5 and 6 of VN.yaml
    expect(documentsBuilt()).toBe(before + 1);
    expect(fast).toEqual(checkProfile('VN.yaml', text, catalogue, TODAY, { fullReader: true }).findings);
  });

  it('a finding in a fast-read profile points at the line of the mistake', () => {
    const text = profile().replace(/^assessed: .*$/m, 'assessed: 2031-02-30');
    expect(fastParse(text)).toBeDefined();
    const line = text.split('\n').findIndex((l) => l.startsWith('assessed:')) + 1;
    const check = checkProfile('VN.yaml', text, catalogue, TODAY);
    expect(check.findings.map((f) => [f.code, f.line, f.col])).toEqual([['impossible-date', line, 11]]);
  });
});
