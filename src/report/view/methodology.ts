import { percent } from '../../format/percent.js';
import type { Framework } from '../../framework/types.js';
import type { Catalog } from '../i18n/catalog.js';
import { answerLabel, formatNumber, levelOf, optional, text } from './common.js';
import type { Methodology } from './types.js';
import { topScore } from '../../framework/scale.js';

/** The scoring rules in words, from the framework's own scale, weights and threshold. */
export function buildMethodology(framework: Framework, catalog: Catalog): Methodology {
  const top = topScore(framework);
  const scale = Object.entries(framework.scale).map(([key, entry]) => ({
    label: answerLabel(framework, key, catalog),
    score: entry.score === null ? '—' : formatNumber(entry.score, catalog),
    meaning: optional(entry.description, catalog),
    note: entry.score !== null ? null : entry.applicable === false ? catalog.t('method.leftOutNotApplicable') : catalog.t('method.leftOut'),
    level: levelOf(entry.score, entry.applicable !== false, top),
  }));

  const declared = framework.weights ?? {};
  const used = [...new Set([...Object.keys(declared).map(Number), ...framework.tiers.flatMap((t) => t.provisions.map((p) => p.weight))])];
  const weights = used
    .filter((w) => Number.isFinite(w))
    .sort((a, b) => b - a)
    .map((w) => {
      const described = Object.hasOwn(declared, String(w)) ? declared[String(w)] : undefined;
      return { value: formatNumber(w, catalog), label: described ? text(described.label, catalog) : '', description: optional(described?.description, catalog) };
    });

  const excluded = Object.entries(framework.scale).filter(([, e]) => e.score === null).map(([k]) => answerLabel(framework, k, catalog));
  const notApplicable = Object.entries(framework.scale).find(([, e]) => e.applicable === false);
  const rules = [
    catalog.t('method.ruleProvision', { excluded: excluded.join(', ') || '—' }),
    ...(notApplicable ? [catalog.t('method.ruleCoverage', { notApplicable: answerLabel(framework, notApplicable[0], catalog) })] : []),
    catalog.t('method.ruleTier'),
    catalog.t('method.ruleAttained', { threshold: thresholdText(framework, catalog) }),
    catalog.t('method.ruleStanding'),
    catalog.t('method.ruleRange'),
    catalog.t('method.ruleThreeValued'),
    catalog.t('method.ruleGaps'),
    ...(framework.tiers.some((t) => t.provisions.some((p) => p.elements.some((e) => e.goodPractice === true))) ? [catalog.t('method.ruleGoodPractice')] : []),
    catalog.t('method.rulePercent'),
  ];
  return { scale, weights, rules };
}

/** The attainment threshold as a percentage of the top score, e.g. "100% (Met)". */
export function thresholdText(framework: Framework, catalog: Catalog): string {
  const threshold = framework.attainment.threshold;
  const atTop = Object.entries(framework.scale).find(([, e]) => e.score !== null && Math.abs(e.score - threshold) < 1e-9);
  return atTop ? `${percent(threshold)} (${answerLabel(framework, atTop[0], catalog)})` : percent(threshold);
}

/** "Met (1), Partly met (0.5) or Not met (0)": the scored answers, for the brief's one-line method note. */
export function scaleInBrief(framework: Framework, catalog: Catalog): string {
  return Object.entries(framework.scale)
    .filter(([, e]) => e.score !== null)
    .map(([key, e]) => `${answerLabel(framework, key, catalog)} (${formatNumber(e.score!, catalog)})`)
    .join(', ');
}
