// Validate + score of N synthetic profiles (every element answered, a citation on each provision),
// through the CLI as a user runs it: wall time, peak memory, and the growth from one N to the next.
// N = 100 and 1,000 by default; BENCH_SCALE_MAX=10000 adds 10,000 (about two minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeProfiles } from './make-profiles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasTime = spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0;

/** Runs a command under /usr/bin/time when it is there, for the peak resident memory (MB; NaN without it). */
export function measure(command, args, options = {}) {
  const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-f', '%e %M', command, ...args]] : [command, args];
  const start = performance.now();
  const result = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const peakKb = hasTime ? Number(result.stderr.trim().split('\n').pop().split(' ')[1]) : NaN;
  return { ms, peakMb: peakKb / 1024 };
}

const lexgap = (args) => measure(process.execPath, [join(root, 'bin/lexgap.js'), ...args]);

/** A folder of `n` synthetic profiles for `fn`, removed afterwards. */
export function withProfiles(n, fn) {
  const dir = mkdtempSync(join(tmpdir(), `lexgap-scale-${n}-`));
  try {
    writeProfiles(dir, n, join(root, 'frameworks/asean-ocsea.yaml'));
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One row per N: { n, validate, score } with { ms, peakMb } each. */
export function scaleResults(max = Number(process.env.BENCH_SCALE_MAX ?? 1000)) {
  return [100, 1000, 10000]
    .filter((n) => n <= max)
    .map((n) =>
      withProfiles(n, (dir) => {
        lexgap(['validate', join(dir, 'p00000.yaml')]); // fill the cache, as any second run would find it
        return { n, validate: lexgap(['validate', dir]), score: lexgap(['score', '--format', 'csv', dir]) };
      }),
    );
}

/** The rows of the README's table (the 10,000 row is judged against its targets: < 5 s, < 500 MB). */
export function scaleRows(results = scaleResults()) {
  return results.map(({ n, validate, score }, i) => {
    const previous = results[i - 1];
    const growth = previous ? `${(score.ms / previous.score.ms).toFixed(1)}× for ${n / previous.n}× the profiles` : '';
    const judged = n === 10000;
    const met = score.ms < 5000 && score.peakMb < 500;
    return [n.toLocaleString('en'), `${(validate.ms / 1000).toFixed(1)} s`, `${(score.ms / 1000).toFixed(1)} s`, `${score.peakMb.toFixed(0)} MB`, `${(score.ms / n).toFixed(1)} ms`, growth, judged ? '< 5 s, < 500 MB' : '', judged ? (met ? 'met' : '**missed**') : ''];
  });
}

export const SCALE_HEADER = ['| profiles | validate | validate + score | peak memory | per profile | growth | target | |', '|---:|---:|---:|---:|---:|---|---|---|'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(SCALE_HEADER.join('\n'));
  for (const row of scaleRows()) console.log(`| ${row.join(' | ')} |`);
}
