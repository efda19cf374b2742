import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, TINY, flat, lexgap, lexgapAsync, pdfText, read, tempDir, type Run } from './helpers.js';

const out = tempDir('templates');
const AQ = join(FIXTURES, 'profiles', 'AQ.yaml');
let custom: Run;

beforeAll(async () => {
  custom = await lexgapAsync(['report', ...TINY, AQ, '--format', 'both', '--templates', join(FIXTURES, 'custom-templates'), '--out', out]);
});

function shippedTemplates(): { file: string; text: string }[] {
  const dir = join(ROOT, 'templates');
  return [...readdirSync(dir).filter((f) => f.endsWith('.hbs')), ...readdirSync(join(dir, 'partials')).map((f) => `partials/${f}`)].map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('templates', () => {
  it('never print unescaped data: no triple-stash anywhere', () => {
    const templates = shippedTemplates();
    expect(templates.length).toBeGreaterThan(10);
    for (const { file, text } of templates) expect(text, file).not.toMatch(/\{\{\{|\{\{&/);
  });

  it('are overridden by name from --templates: an organisation\'s logo and colours', () => {
    expect(custom.code, custom.stderr).toBe(0);
    const html = read(join(out, 'AQ.html'));
    expect(html).toContain('aria-label="ACME Child Rights"');
    expect(html).toContain('--accent: #c8102e;');
    expect(html).not.toContain('--accent: #1f4e79;'); // the shipped theme.css was replaced, not added to
    expect(html).toContain('h1 { letter-spacing: 0.02em; }'); // custom.css comes last
    expect(flat(pdfText(join(out, 'AQ.pdf')))).toContain('ACME Child Rights');
  });

  it('name the file of a template that does not compile, and exit 2', () => {
    const run = lexgap(['report', ...TINY, AQ, '--format', 'html', '--templates', join(FIXTURES, 'broken-syntax'), '--out', tempDir('broken')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(FIXTURES, 'broken-syntax', 'country.hbs'));
  });

  it('are strict: a field the view lacks is an error, never a blank', () => {
    const dir = tempDir('strict');
    const run = lexgap(['report', ...TINY, AQ, '--format', 'html', '--templates', join(FIXTURES, 'broken-field'), '--out', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('template error');
    expect(run.stderr).toContain('"organisationName" not defined');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a --templates folder that does not exist', () => {
    const run = lexgap(['report', ...TINY, AQ, '--templates', '/nonexistent/templates']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--templates /nonexistent/templates: no such folder');
  });
});

describe('loading', () => {
  function loaded(args: string[]): string[] {
    const trace = join(tempDir('trace'), 'modules.txt');
    const run = lexgap(args, { LEXGAP_TRACE_FILE: trace, NODE_OPTIONS: `--import=${join(FIXTURES, 'register-trace.mjs')}` });
    expect(run.code, run.stderr).toBe(0);
    return read(trace).split('\n');
  }

  it('`lexgap validate` loads neither Handlebars nor Puppeteer', () => {
    const modules = loaded(['validate', ...TINY, AQ]);
    expect(modules.some((m) => m.includes('/dist/bundle/lexgap.js'))).toBe(true);
    expect(modules.filter((m) => /handlebars|puppeteer/.test(m))).toEqual([]);
  });

  it('an HTML report loads Handlebars but not Puppeteer', () => {
    const modules = loaded(['report', ...TINY, AQ, '--format', 'html', '--out', tempDir('trace-html')]);
    expect(modules.some((m) => m.includes('handlebars'))).toBe(true);
    expect(modules.filter((m) => m.includes('puppeteer'))).toEqual([]);
  });
});
