// Validate + score of N synthetic profiles (every element answered, a citation on each provision),
// through the CLI as a user runs it: wall time, peak memory, and the growth from one N to the next.
// N = 100 and 1,000 by default; BENCH_SCALE_MAX=10000 adds 10,000 (about two minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeProfiles } from './make-profiles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const max = Number(process.env.BENCH_SCALE_MAX ?? 1000);
const sizes = [100, 1000, 10000].filter((n) => n <= max);

/** Runs lexgap under /usr/bin/time when it is there, for the peak resident memory. */
function measure(args) {
  const hasTime = spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0;
  const command = hasTime ? ['/usr/bin/time', ['-f', '%e %M', process.execPath, join(root, 'bin/lexgap.js'), ...args]] : [process.execPath, [join(root, 'bin/lexgap.js'), ...args]];
  const start = performance.now();
  const result = spawnSync(command[0], command[1], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`lexgap ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
  const peakKb = hasTime ? Number(result.stderr.trim().split('\n').pop().split(' ')[1]) : NaN;
  return { ms, peakMb: peakKb / 1024 };
}

export function scaleRows() {
  const rows = [];
  let previous;
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `lexgap-scale-${n}-`));
    writeProfiles(dir, n, join(root, 'frameworks/asean-ocsea.yaml'));
    measure(['validate', join(dir, 'p00000.yaml')]); // fill the cache, as any second run would find it
    const validate = measure(['validate', dir]);
    const score = measure(['score', '--format', 'csv', dir]);
    const growth = previous ? `${(score.ms / previous.ms).toFixed(1)}× for ${n / previous.n}× the profiles` : '';
    rows.push([n.toLocaleString('en'), `${(validate.ms / 1000).toFixed(1)} s`, `${(score.ms / 1000).toFixed(1)} s`, `${score.peakMb.toFixed(0)} MB`, `${(score.ms / n).toFixed(1)} ms`, growth]);
    previous = { n, ms: score.ms };
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('| profiles | validate | validate + score | peak memory | per profile | growth |');
  console.log('|---:|---:|---:|---:|---:|---|');
  for (const row of scaleRows()) console.log(`| ${row.join(' | ')} |`);
}
