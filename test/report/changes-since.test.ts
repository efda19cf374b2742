import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexgap, ROOT } from '../helpers/run-cli.js';

// A profile committed twice in a repository the test makes: the report compares the two.
function repoWithTwoVersions(): string {
  const repo = mkdtempSync(join(tmpdir(), 'lexgap-since-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'lexgap test');
  copyFileSync(join(ROOT, 'test/fixtures/diff/MY-v1.yaml'), join(repo, 'MY.yaml'));
  git('add', 'MY.yaml');
  git('commit', '-q', '-m', 'v1');
  copyFileSync(join(ROOT, 'test/fixtures/diff/MY-v2.yaml'), join(repo, 'MY.yaml'));
  git('commit', '-q', '-am', 'v2');
  return repo;
}

describe('lexgap report --since', () => {
  it('adds "Changes since <date>" with the score deltas and the provisions that changed', () => {
    const repo = repoWithTwoVersions();
    const out = join(repo, 'out');
    mkdirSync(out);
    const result = lexgap(['report', join(repo, 'MY.yaml'), '--format', 'html', '--out', out, '--since', 'HEAD~1']);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'MY.html'), 'utf8');
    expect(html).toContain('<h2>Changes since 30 June 2026</h2>');
    // Hand-computed in test/diff.test.ts: overall 37/40 → 33.5/40 (T1.02(e) is good practice), i.e. 93% → 84%, −8.75 points.
    expect(html).toMatch(/<td>Overall score<\/td><td class="num">93%<\/td><td class="num">84%<\/td><td class="num">−8\.8<\/td>/);
    expect(html).toMatch(/<strong>T2\.05<\/strong><\/a>[^<]*<\/td><td>Improved<\/td>/);
    expect(html).toMatch(/<strong>T1\.02<\/strong><\/a>[^<]*<\/td><td>Regressed<\/td>/);
    expect(html).toContain('<strong>Laws added:</strong>');
  });

  it('speaks Thai in the section when the report does', () => {
    const repo = repoWithTwoVersions();
    const out = join(repo, 'out');
    mkdirSync(out);
    expect(lexgap(['report', join(repo, 'MY.yaml'), '--format', 'html', '--out', out, '--since', 'HEAD~1', '--lang', 'th']).code).toBe(0);
    const html = readFileSync(join(out, 'MY.html'), 'utf8');
    expect(html).toContain('การเปลี่ยนแปลงนับตั้งแต่');
    expect(html).toContain('<td>ดีขึ้น</td>');
  });

  it('writes the report without the section, and says why, when the file has no earlier version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexgap-since-none-'));
    copyFileSync(join(ROOT, 'test/fixtures/diff/MY-v2.yaml'), join(dir, 'MY.yaml'));
    const result = lexgap(['report', join(dir, 'MY.yaml'), '--format', 'html', '--out', dir, '--since', 'HEAD~1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/MY: no "changes since" section — .*not in a git repository/);
    expect(readFileSync(join(dir, 'MY.html'), 'utf8')).not.toContain('id="changes"');
  });

  it('is refused for the brief, which has no room for it', () => {
    const result = lexgap(['report', 'countries/MY.yaml', '--template', 'brief', '--format', 'html', '--out', tmpdir(), '--since', 'HEAD~1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since adds a section to the country report, not to the brief');
  });
});
