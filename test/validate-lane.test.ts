import { describe, expect, it } from 'vitest';
import { lexgap } from './helpers/run-cli.js';

// `lexgap validate <paths…>` with no option runs in a bundle file of its own, without commander
// (src/cli/validate-lane.ts); with any option it goes through commander. Both must print the same
// bytes and exit with the same code: `--format text` is the default, so it changes nothing but the way.
describe('a plain validate runs in its own lane, as commander would run it', () => {
  it.each([
    ['a profile with warnings', ['countries/PH.yaml']],
    ['a folder of profiles', ['countries/']],
    ['broken profiles', ['test/fixtures/bad']],
    ['adversarial files', ['test/fixtures/adversarial']],
    ['a file that does not exist, beside one that does', ['countries/TH.yaml', 'no-such-file.yaml']],
    ['a folder with no profile', ['test/fixtures']],
  ])('%s', (_, paths) => {
    const lane = lexgap(['validate', ...paths]);
    const commander = lexgap(['validate', '--format', 'text', ...paths]);
    expect(lane.stdout).toBe(commander.stdout);
    expect(lane.stderr).toBe(commander.stderr);
    expect(lane.code).toBe(commander.code);
    expect(lane.stdout + lane.stderr).not.toBe('');
  });
});
