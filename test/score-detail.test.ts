import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { summariseAssessment } from '../src/check/assessment-summary.js';
import { FrameworkCatalogue } from '../src/framework/framework-catalogue.js';
import { loadFrameworks } from '../src/framework/load-frameworks.js';
import type { Framework } from '../src/framework/types.js';
import { scoreCsv, scoreCsvLines } from '../src/format/score-csv.js';
import { checkProfile } from '../src/profile/check-profile.js';
import type { Profile } from '../src/profile/types.js';
import { score } from '../src/scoring/score.js';
import type { Assessment } from '../src/scoring/types.js';
import { ROOT } from './helpers/run-cli.js';

// `score --format csv` scores each profile with `detail: false` (check/check-text.ts): the same code,
// leaving out each provision's element results and shortfalls, which a summary never reads. Every
// other figure must be the very same as a full assessment's, whatever the answers.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 150) });

const TODAY = '2026-11-29';
let catalogue: FrameworkCatalogue;

beforeAll(async () => {
  const { frameworks } = await loadFrameworks([join(ROOT, 'frameworks'), join(ROOT, 'test/fixtures/frameworks')]);
  catalogue = new FrameworkCatalogue(frameworks);
});

/** The full assessment with what `detail: false` leaves out emptied. */
function withoutDetail(a: Assessment): Assessment {
  const strip = (p: Assessment['gaps'][number]) => ({ ...p, elements: [], goodPractice: [], shortfalls: [] });
  return { ...a, tiers: a.tiers.map((t) => ({ ...t, provisions: t.provisions.map(strip) })), gaps: a.gaps.map(strip), unassessed: a.unassessed.map(strip) };
}

function expectSameFigures(framework: Framework, profile: Profile): void {
  const full = score(framework, profile);
  const lean = score(framework, profile, { detail: false });
  expect(lean).toStrictEqual(withoutDetail(full));
  expect(summariseAssessment(lean)).toStrictEqual(summariseAssessment(full));
  expect(scoreCsvLines(summariseAssessment(lean))).toBe(scoreCsvLines(summariseAssessment(full)));
  expect(scoreCsv([summariseAssessment(lean)])).toBe(scoreCsv([full]));
}

/** Any answers a valid profile may give: each element answered or left out, a provision-level answer or none. */
function profileArbitrary(framework: Framework) {
  const answers = Object.keys(framework.scale);
  const provisions = framework.tiers.flatMap((t) => t.provisions);
  const maybe = fc.option(fc.constantFrom(...answers), { nil: undefined });
  return fc.tuple(...provisions.map((p) => fc.record({ answer: maybe, elements: fc.tuple(...p.elements.map(() => maybe)), present: fc.boolean() }))).map((blocks) => {
    const given: Profile['provisions'] = {};
    blocks.forEach((block, i) => {
      const provision = provisions[i]!;
      if (!block.present) return;
      const elements: Record<string, string> = {};
      provision.elements.forEach((e, j) => {
        if (block.elements[j] !== undefined) elements[e.id] = block.elements[j]!;
      });
      given[provision.id] = { ...(block.answer === undefined ? {} : { answer: block.answer }), elements };
    });
    return { country: 'AA', name: 'Testland', framework: framework.id, assessed: TODAY, status: 'draft', provisions: given } as Profile;
  });
}

describe('scoring without element detail', () => {
  it('gives every shipped profile the same figures, summary and CSV rows as the full assessment', () => {
    const files = readdirSync(join(ROOT, 'countries')).filter((n) => n.endsWith('.yaml'));
    expect(files.length).toBe(11);
    for (const name of files) {
      const check = checkProfile(name, readFileSync(join(ROOT, 'countries', name), 'utf8'), catalogue, TODAY);
      expect(check.profile, name).toBeDefined();
      expectSameFigures(check.framework!, check.profile!);
    }
  });

  it('gives generated profiles of every framework the same figures (elements left out, provision-level answers, not applicable)', () => {
    for (const id of ['asean-ocsea', 'mini']) {
      const framework = catalogue.get(id)!;
      expect(framework.tiers.some((t) => t.provisions.some((p) => p.elements.some((e) => e.goodPractice)))).toBe(true);
      fc.assert(fc.property(profileArbitrary(framework), (profile) => expectSameFigures(framework, profile)));
    }
  });
});
