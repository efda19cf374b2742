import type { FocusAreaGroup } from '../crosswalk/focus-areas.js';
import { textIn } from '../framework/text.js';
import type { Framework } from '../framework/types.js';
import type { Assessment } from '../scoring/types.js';
import { toCsv } from './csv.js';
import { derivedCells, DERIVED_CSV_COLUMNS } from './score-csv.js';
import { derivedNotice, isDerived } from './derived-text.js';
import { percent } from './percent.js';
import { textTable } from './table.js';
import { wrap } from './wrap.js';

/** One country's scores by focus area, beside the assessment they come from. */
export interface FocusAreaRow {
  assessment: Assessment;
  groups: FocusAreaGroup[];
}

export interface FocusAreaView {
  framework: Framework;
  rows: FocusAreaRow[];
}

/** A column head: the framework's title for the focus area, else "Focus area n". */
const groupName = (g: FocusAreaGroup) => (g.focusArea === null ? 'No tag' : g.label ?? `Focus area ${g.focusArea}`);
/** "Focus area 3: Legislation", or "Focus area 3" when the framework gives it no title. */
const groupTitle = (g: FocusAreaGroup) => (g.focusArea === null ? 'No tag' : g.label && g.label !== `Focus area ${g.focusArea}` ? `Focus area ${g.focusArea}: ${g.label}` : `Focus area ${g.focusArea}`);
const cell = (g: FocusAreaGroup) => `${percent(g.score)} (${percent(g.coverage)})`;
const provisionCount = (framework: Framework) => framework.tiers.reduce((n, t) => n + t.provisions.length, 0);

/** Which provisions carry which tag, and which carry none: said with every focus-area view. */
export function tagsText(framework: Framework, groups: readonly FocusAreaGroup[]): string {
  const total = provisionCount(framework);
  const lines = groups.map((g) =>
    g.focusArea === null
      ? `No focus-area tag (${g.provisions.length} of ${total} provisions, not counted in any focus area): ${g.provisions.join(', ')}.`
      : `${groupTitle(g)} (${g.provisions.length} of ${total} provisions): ${g.provisions.join(', ')}.`,
  );
  return lines.map((l) => wrap(l, 100, '', '  ')).join('\n');
}

/** A framework tags none of its provisions: there is no view to show. */
export function noTagsText(framework: Framework): string {
  return `${textIn(framework.shortTitle ?? framework.title)} (${framework.id} ${framework.version}) tags none of its provisions with a focus area, so it has no focus-area view.`;
}

export function focusAreaText({ framework, rows }: FocusAreaView): string {
  const groups = rows[0]?.groups ?? [];
  if (!groups.some((g) => g.focusArea !== null)) return noTagsText(framework) + '\n';
  const header = ['Country', ...groups.map(groupName)];
  const table = textTable(header, rows.map((r) => [`${r.assessment.country} ${r.assessment.name}`, ...r.groups.map(cell)]), header.map((_, i) => i).slice(1));
  const notice = derivedNotice(framework, rows.map((r) => r.assessment));
  return [
    `${textIn(framework.shortTitle ?? framework.title)} (${framework.id} ${framework.version}) — by focus area`,
    ...(notice ? ['', notice] : []),
    '',
    'Each cell: score (coverage), computed as for a tier over the provisions with that tag.',
    '',
    table,
    '',
    tagsText(framework, groups),
    '',
  ].join('\n');
}

export function focusAreaMarkdown({ framework, rows }: FocusAreaView): string {
  const groups = rows[0]?.groups ?? [];
  if (!groups.some((g) => g.focusArea !== null)) return noTagsText(framework) + '\n';
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const derived = rows.filter((r) => isDerived(r.assessment)).map((r) => r.assessment.country);
  return [
    `**${escape(textIn(framework.shortTitle ?? framework.title))}** (\`${framework.id}\` ${framework.version}) — by focus area; each cell: score (coverage)`,
    '',
    `| Country | ${groups.map(groupName).join(' | ')} |`,
    `|---|${groups.map(() => '---:').join('|')}|`,
    ...rows.map((r) => `| ${escape(`${r.assessment.name} (${r.assessment.country})`)} | ${r.groups.map(cell).join(' | ')} |`),
    '',
    ...groups.map((g) => `- ${escape(groupTitle(g))}: ${g.provisions.join(', ')}`),
    ...(derived.length ? ['', `Derived, not assessed, for ${derived.join(', ')} — \`lexgap score --framework ${framework.id}\` gives the crosswalk and its caveats.`] : []),
    '',
  ].join('\n');
}

export const FOCUS_AREA_CSV_COLUMNS = ['country', 'country_name', 'framework', 'framework_version', 'assessed', 'status', 'focus_area', 'provisions', 'score', 'coverage', ...DERIVED_CSV_COLUMNS, 'focus_area_label'] as const;

/** Tidy CSV: one row per country × focus area; `focus_area` is empty for the untagged provisions. */
export function focusAreaCsv(views: readonly FocusAreaView[]): string {
  const rows = views.flatMap(({ rows }) =>
    rows.flatMap(({ assessment: a, groups }) =>
      groups.map((g) => [a.country, a.name, a.frameworkId, a.frameworkVersion, a.assessed, a.status, g.focusArea ?? '', g.provisions.join(' '), round(g.score), round(g.coverage), ...derivedCells(a), g.label ?? '']),
    ),
  );
  return toCsv([[...FOCUS_AREA_CSV_COLUMNS], ...rows]);
}

export function focusAreaJson(views: readonly FocusAreaView[]): object {
  return {
    view: 'focus-area',
    frameworks: views.map(({ framework, rows }) => ({
      framework: framework.id,
      version: framework.version,
      groups: (rows[0]?.groups ?? []).map((g) => ({ focusArea: g.focusArea, label: g.label, provisions: g.provisions })),
      countries: rows.map(({ assessment: a, groups }) => ({
        country: a.country,
        name: a.name,
        assessed: a.assessed,
        status: a.status,
        ...(isDerived(a) ? { derived: { crosswalk: a.derived.crosswalk, from: a.derived.from, caveats: a.derived.caveats } } : {}),
        groups: groups.map((g) => ({ focusArea: g.focusArea, score: g.score, coverage: g.coverage })),
      })),
    })),
  };
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10000) / 10000;
}
