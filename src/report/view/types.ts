/**
 * What the templates see: plain data, every value already computed, worded and formatted.
 * Optional things are `null`, never missing, because templates are compiled in strict mode.
 */

export type Labels = { [key: string]: string | Labels };

/** Score bands; each has a colour AND a pattern in the stylesheet, so greyscale prints stay readable. */
export type Level = 'full' | 'part' | 'none' | 'unknown' | 'na';

export interface Scored {
  /** "97%", or "—" when nothing is scored. */
  percent: string;
  level: Level;
  /** The band in words ("partly met"), for readers who cannot tell the shading apart. */
  levelLabel: string;
}

export interface Link {
  text: string;
  /** The text cut after each slash (and ?, &, #), so a long URL breaks there and never inside a word. */
  segments: string[];
  /** Set only for http(s) URLs; anything else is shown as text and never becomes a link. */
  href: string | null;
}

export interface DocumentBase {
  /** The document's `lang` attribute. */
  lang: string;
  /** The <title>, which becomes the PDF's title. */
  title: string;
  /** Running header and footer text (the page number is added by the PDF renderer). */
  runningHeader: string;
  pageLabel: { before: string; between: string; after: string };
  /** Catalogue strings the templates print as they are, nested by key: labels.glance.heading. */
  labels: Labels;
  madeWith: string;
  /** The score bands in words, for the legend beside any shading. */
  legend: { level: Level; label: string }[];
  /** Filled in by the renderer: the page's CSS (fonts and stylesheets), already safe. */
  styles?: unknown;
  /** The PDF's document information: written into the file after printing. */
  pdfInfo: PdfInfo;
}

/** What `pdfinfo` shows besides the title: who made the document, about what, in which language. */
export interface PdfInfo {
  author: string | null;
  subject: string;
  creator: string;
}

export interface FrameworkMeta {
  id: string;
  title: string;
  shortTitle: string;
  version: string;
  versionText: string;
  publisher: string | null;
  sourceTitle: string | null;
  link: Link | null;
  checked: string | null;
  caveat: string | null;
  /** One sentence on how far the provisions can be relied on, printed on every cover; null when the framework gives none. */
  coverCaveat: string | null;
}

export interface StatusView {
  code: string;
  label: string;
  isDraft: boolean;
  notice: string;
}

export interface TierSummary {
  id: string;
  title: string;
  score: Scored;
  coverage: string;
  attained: boolean;
  /** Three-valued: attained, not attained or undecided, in words. */
  attainedText: string;
  status: 'attained' | 'not-attained' | 'undecided';
  range: import('./range-view.js').RangeView;
  gaps: number;
}

export interface ChartRow {
  label: string;
  y: number;
  scoreWidth: number;
  coverageWidth: number;
  scoreText: string;
  coverageText: string;
  level: Level;
  /** The range over what is unknown, drawn as a bracket from lower to upper; absent when nothing is applicable. */
  rangeX: number | null;
  rangeEndX: number | null;
  rangeWidth: number;
  rangeText: string;
}

export interface Chart {
  width: number;
  height: number;
  barX: number;
  barWidth: number;
  /** x of the 50% grid line. */
  midX: number;
  rows: ChartRow[];
  title: string;
  legendScore: string;
  legendCoverage: string;
  /** The bands a score bar can take, with the bars' own fills, for the chart's key. */
  legend: { level: Level; label: string }[];
  legendRange: string;
}

export interface Glance {
  overall: Scored;
  coverage: string;
  coverageDetail: string;
  /** Shown when coverage is below half: the scores then describe only part of the law. */
  lowCoverage: string | null;
  standing: string;
  standingAttained: boolean;
  standingExplain: string;
  /** The overall range over what is unknown. */
  range: import('./range-view.js').RangeView;
  tiers: TierSummary[];
  chart: Chart;
  gapCount: number;
  unassessedCount: number;
  /** Every provision as a small coloured, patterned box with its id, tier by tier. */
  map: { tierId: string; tierTitle: string; cells: { id: string; anchor: string; score: Scored }[] }[];
}

export interface GapRow {
  rank: number;
  id: string;
  anchor: string;
  title: string;
  tierId: string;
  weight: number;
  weightLabel: string;
  score: Scored;
  recommendation: string;
  /** Brief only: the recommendation was cut at a sentence boundary to fit two pages. */
  shortened: boolean;
  /** The elements that fall short, each with its amendment; a met element is never here. */
  shortfalls: ShortfallRow[];
  /** How the recommendation is labelled: the amendment itself (some element has none of its own), or context. */
  recommendationLabel: string;
}

export interface ShortfallRow {
  id: string;
  text: string;
  answerLabel: string;
  level: Level;
  /** The element's own amendment; null when the recommendation stands for it. */
  amendment: string | null;
  partialNote: string | null;
}

/** A good-practice element still open: listed apart from the gaps, never counted. */
export interface GoodPracticeRow {
  provisionId: string;
  anchor: string;
  provisionTitle: string;
  id: string;
  text: string;
  answerLabel: string;
  level: Level;
  amendment: string | null;
}

/** A provision nobody has assessed yet: one row of a compact table instead of a page. */
export interface UnassessedRow {
  id: string;
  anchor: string;
  title: string;
  weight: number;
  requirement: string;
  /** "4 elements": how many elements the assessment will answer. */
  elementsText: string;
}

export interface ElementRow {
  id: string;
  text: string;
  answer: string;
  answerLabel: string;
  level: Level;
  goodPractice: boolean;
}

export interface EvidenceRow {
  law: Link;
  section: string | null;
  quote: string | null;
  /** The citation's own deep link, else the law's. */
  link: Link | null;
  confidence: string;
  checked: string;
  source: string | null;
  elements: string | null;
}

export interface PendingRow {
  bill: Link;
  stage: string | null;
  checked: string | null;
  notes: string | null;
  provisionId: string;
  provisionTitle: string;
}

export interface ReferenceRow {
  instrument: string;
  link: Link | null;
  locator: string | null;
  provenance: string | null;
  note: string | null;
}

export interface ProvisionView {
  id: string;
  anchor: string;
  title: string;
  requirement: string;
  weightText: string;
  /** Printed only when the framework's provisions rest on more than one basis; otherwise said once, in the sources. */
  basis: string | null;
  basisNote: string | null;
  score: Scored;
  coverageText: string;
  applicable: boolean;
  isGap: boolean;
  provisionAnswer: { label: string; level: Level } | null;
  scoredFromProvision: boolean;
  elements: ElementRow[];
  evidence: EvidenceRow[];
  notes: string | null;
  pending: PendingRow[];
  references: ReferenceRow[];
  recommendation: string;
  /** For a gap: the elements that fall short and what to amend (as in the gap table); null otherwise. */
  gap: GapRow | null;
}

export interface TierView {
  id: string;
  title: string;
  description: string | null;
  summary: TierSummary;
  /** The assessed (or not applicable) provisions; the others are in the country view's `unassessed`. */
  provisions: ProvisionView[];
  /** Says how many of the tier's provisions are not yet assessed and where they are listed; null when none. */
  unassessedNote: string | null;
}

export interface Methodology {
  scale: { label: string; score: string; meaning: string | null; note: string | null; level: Level }[];
  weights: { value: string; label: string; description: string | null }[];
  rules: string[];
}

export interface LawRow {
  key: string;
  anchor: string;
  title: Link;
  /** The law's address as printed text (breaks after slashes); null when it has none that may be linked. */
  url: Link | null;
  details: string | null;
  notes: string | null;
  citedFor: string;
}

export interface Sources {
  laws: LawRow[];
  framework: FrameworkMeta;
  bases: { label: string; description: string | null }[];
  provenances: { label: string; description: string | null }[];
  instruments: { key: string; title: Link; url: Link | null }[];
}

export interface CoverView {
  country: string;
  countryCode: string;
  heading: string;
  framework: FrameworkMeta;
  assessed: string;
  status: StatusView;
  basedOn: string | null;
  assessors: string[];
}

/** "Changes since <date>": present when the report was asked to compare with an earlier version. */
export interface ChangesView {
  heading: string;
  intro: string;
  scores: { label: string; before: string; after: string; change: string }[];
  provisions: { id: string; anchor: string; title: string; kind: string; kindLabel: string; before: string; after: string }[];
  laws: { label: string; items: string[] }[];
}

export interface CountryView extends DocumentBase {
  kind: 'country';
  cover: CoverView;
  glance: Glance;
  /** null unless the report compares with an earlier version (`--since`). */
  changes: ChangesView | null;
  gaps: GapRow[];
  goodPractice: GoodPracticeRow[];
  unassessed: UnassessedRow[];
  tiers: TierView[];
  /** Results against other frameworks derived through crosswalks (empty when none). */
  derived: import('./build-derived-view.js').DerivedSectionView[];
  methodology: Methodology;
  sources: Sources;
}

export interface BriefView extends DocumentBase {
  kind: 'brief';
  cover: CoverView;
  glance: Glance;
  standingHeading: string;
  standingSentence: string;
  /** The overall range and the three-valued standing, in one sentence. */
  rangeSentence: string;
  gaps: GapRow[];
  gapsIntro: string;
  unassessedLine: string | null;
  pending: PendingRow[];
  morePending: string | null;
  methodNote: string;
}

/** A range drawn on a 0–100 scale: the bracket from `lower` (at least a hairline wide) and the assessed mark. */
export interface RangeBar {
  lower: number;
  width: number;
  hasScore: boolean;
  score: number;
}

export interface ComparisonCountry {
  code: string;
  name: string;
  assessed: string;
  status: StatusView;
  overall: Scored;
  coverage: string;
  /** Derived results only: "100% · 16%", the coverage of the source answers behind them, then of the source profile. */
  sourceCoverage: string | null;
  standing: string;
  range: import('./range-view.js').RangeView;
  bar: RangeBar;
  tiers: Scored[];
}

export interface ComparisonView extends DocumentBase {
  kind: 'comparison';
  heading: string;
  framework: FrameworkMeta;
  countriesText: string;
  /** "Countries in order of …". */
  orderText: string;
  countries: ComparisonCountry[];
  tierHeads: { id: string; title: string }[];
  matrix: {
    tierId: string;
    tierTitle: string;
    /** The tier's score per country, in country order. */
    tierScores: Scored[];
    rows: { id: string; title: string; weight: number; cells: Scored[] }[];
  }[];
  hasDraft: boolean;
  draftNotice: string | null;
  /** Shown beside the scores when any country's coverage is below half. */
  lowCoverage: string | null;
  /** Set when results are derived through a crosswalk, not assessed: which crosswalk and its caveats (English). */
  derived: { intro: string; caveats: string[] }[] | null;
  methodology: Methodology;
}
