import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariseAssessment } from '../src/check/assessment-summary.js';
import { loadCatalogue } from '../src/framework/load-catalogue.js';
import { scoreCsv } from '../src/format/score-csv.js';
import { comparisonText } from '../src/format/score-text.js';
import { checkProfile } from '../src/profile/check-profile.js';
import { score } from '../src/scoring/score.js';
import { today } from '../src/ground/today.js';

// `score --format csv` and the text comparison of several countries are printed from assessment
// summaries (memory flat in N). They must print exactly what the full assessments print.
describe('the assessment summary', () => {
  it('prints the same CSV, comparison table and gap ids as the full assessments of the shipped countries', async () => {
    const { catalogue } = await loadCatalogue();
    const files = readdirSync('countries').filter((n) => n.endsWith('.yaml')).map((n) => join('countries', n));
    const full = files.map((file) => {
      const check = checkProfile(file, readFileSync(file, 'utf8'), catalogue, today());
      return score(check.framework!, check.profile!);
    });
    const summaries = full.map(summariseAssessment);
    expect(full.length).toBe(11);
    expect(full.some((a) => a.gaps.length > 3)).toBe(true);
    const framework = catalogue.get('asean-ocsea')!;
    expect(scoreCsv(summaries)).toBe(scoreCsv(full));
    expect(comparisonText(framework, summaries)).toBe(comparisonText(framework, full));
    expect(summaries.map((a) => a.gaps.map((g) => g.id))).toEqual(full.map((a) => a.gaps.map((g) => g.id)));
    expect(JSON.stringify(summaries).length).toBeLessThan(JSON.stringify(full).length / 10);
  });
});
