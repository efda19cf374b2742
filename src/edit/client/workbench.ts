import { pathKey, type FieldEdit, type FieldPath } from '../field-edit.js';
import type { FieldFinding } from '../finding-paths.js';
import type { WireStart, WireState } from '../wire.js';
import { api, tokenParam } from './api.js';
import { conflictDialog, describePath } from './conflict-view.js';
import type { Ctx, View } from './context.js';
import { h } from './dom.js';
import { addEdit, applyLocal } from './edits.js';
import { headerView } from './header-view.js';
import { lawsView } from './laws-view.js';
import { navView } from './nav-view.js';
import { provisionView } from './provision-view.js';

let start: WireStart;
let state: WireState;
let data: Record<string, unknown> = {};
let edits: FieldEdit[] = [];
let view: View = { kind: 'header' };
let slots = new Map<string, { slot: HTMLElement; input?: HTMLElement }>();
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<void> | undefined;
let dirtySince = 0;
let savedNote = '';

const app = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });
const nav = h('nav', { 'aria-label': 'provisions' });
const summary = h('div', { class: 'summary' });
const status = h('div', { class: 'status', role: 'status' });
const banner = h('div', { class: 'banner', role: 'alert' });
const problems = h('div', { class: 'problems' });
const reportFrame = h('iframe', { sandbox: '', title: 'report' });
let template: 'country' | 'brief' = 'country';

function t(key: string, values: Record<string, string | number> = {}): string {
  const text = start?.messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

const ctx: Ctx = {
  get framework() {
    return start.framework;
  },
  get data() {
    return data;
  },
  get(path) {
    let node: unknown = data;
    for (const s of path) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, s)) return undefined;
      node = (node as Record<string, unknown>)[s as string];
    }
    return node;
  },
  set(path, value, opts) {
    change({ path, value }, opts?.now === true);
  },
  remove(path) {
    change({ path, remove: true }, true);
    if (typeof path[path.length - 1] === 'number') redraw();
  },
  t,
  register(path, slot, input) {
    slots.set(pathKey(path), { slot, input });
  },
  redraw,
  go,
  provision: (id) => start.framework.tiers.flatMap((tier) => tier.provisions).find((p) => p.id === id),
};

function change(edit: FieldEdit, now: boolean): void {
  applyLocal(data, edit);
  edits = addEdit(edits, edit);
  dirtySince ||= Date.now();
  savedNote = '';
  clearTimeout(timer);
  timer = setTimeout(() => void sync(), now ? 0 : 300);
  drawStatus();
}

/** Sends the edits; the server checks them as `validate` would and scores them. */
async function sync(): Promise<void> {
  clearTimeout(timer);
  if (inflight) await inflight;
  const sent = edits;
  inflight = (async () => {
    const next = await api.edits(sent);
    if (next.notice) return apply(next, true); // an edit the file could not take: show what the file holds
    if (sent === edits) apply(next, false);
    else state = { ...next, edits };
  })()
    .catch((err: Error) => showBanner(t('edit.error.server', { message: err.message })))
    .finally(() => (inflight = undefined));
  await inflight;
}

function apply(next: WireState, full: boolean): void {
  state = next;
  if (full) {
    data = structuredClone(next.data) as Record<string, unknown>;
    edits = next.edits;
    redraw();
  } else {
    placeFindings();
  }
  drawSummary();
  drawStatus();
  drawNav();
  showBanner(next.notice ?? '');
}

async function save(): Promise<void> {
  await sync();
  try {
    const result = await api.save();
    if (result.saved) {
      dirtySince = 0;
      savedNote = t('edit.status.saved', { time: new Date().toLocaleTimeString() });
      apply(result.state, true);
      reloadReport();
      return;
    }
    apply(result.state, false);
    conflictDialog(ctx, result.conflict, edits.map((e) => e.path), (choice) => {
      void api.resolve(choice).then((resolved) => {
        apply(resolved, true);
        reloadReport();
        if (choice === 'mine') void save();
      });
    });
  } catch (err) {
    showBanner(t('edit.error.server', { message: (err as Error).message }));
  }
}

/** The navigation drawn again with the new scores; a keyboard user's place in it is kept. */
function drawNav(): void {
  const buttons = () => [...nav.querySelectorAll('button')];
  const focused = buttons().indexOf(document.activeElement as HTMLButtonElement);
  nav.replaceChildren(...navView(ctx, state, view));
  if (focused >= 0) buttons()[focused]?.focus();
}

function go(next: View): void {
  view = next;
  redraw();
  drawNav();
  main.focus();
  main.scrollTop = 0;
}

function redraw(): void {
  slots = new Map();
  const provisions = start.framework.tiers.flatMap((tier) => tier.provisions);
  let content: HTMLElement;
  if (view.kind === 'provision') {
    const id = view.id;
    const i = provisions.findIndex((p) => p.id === id);
    content = provisionView(ctx, provisions[i]!, provisions[i + 1]);
  } else content = view.kind === 'laws' ? lawsView(ctx) : headerView(ctx);
  main.replaceChildren(problems, content);
  placeFindings();
}

/** Each finding beside its field, in `validate`'s words; those about other pages are listed with a link. */
function placeFindings(): void {
  for (const { slot, input } of slots.values()) {
    slot.replaceChildren();
    input?.removeAttribute('aria-invalid');
  }
  const elsewhere: FieldFinding[] = [];
  for (const f of state.findings) {
    let target: { slot: HTMLElement; input?: HTMLElement } | undefined;
    for (let n = f.path.length; n >= 0 && !target; n--) target = slots.get(pathKey(f.path.slice(0, n)));
    const own = viewOf(f.path);
    if (!target || own.kind !== view.kind || (own.kind === 'provision' && view.kind === 'provision' && own.id !== view.id)) {
      elsewhere.push(f);
      continue;
    }
    const id = `finding-${Math.random().toString(36).slice(2)}`;
    target.slot.append(h('p', { class: `finding ${f.severity}`, id }, findingText(f)));
    if (target.input) {
      if (f.severity === 'error') target.input.setAttribute('aria-invalid', 'true');
      target.input.setAttribute('aria-describedby', [target.input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    }
  }
  problems.replaceChildren();
  if (elsewhere.length) {
    problems.append(
      h('details', { class: 'elsewhere' }, h('summary', {}, t('edit.findings.elsewhere', { n: elsewhere.length })),
        h('ul', {}, elsewhere.slice(0, 50).map((f) => h('li', { class: f.severity }, h('button', { type: 'button', class: 'link', onclick: () => go(viewOf(f.path)) }, describePath(ctx, f.path)), ': ', findingText(f))))),
    );
  }
}

const findingText = (f: FieldFinding) => `${f.severity === 'error' ? t('edit.findings.error') : t('edit.findings.warning')}: ${f.message}${f.hint ? ` (${f.hint})` : ''} — ${t('edit.findings.line', { line: f.line })}`;

function viewOf(path: FieldPath): View {
  if (path[0] === 'provisions' && typeof path[1] === 'string' && ctx.provision(path[1])) return { kind: 'provision', id: path[1] };
  if (path[0] === 'laws') return { kind: 'laws' };
  return { kind: 'header' };
}

/** "34–57%", or one figure when nothing is left unknown. */
function range(b: { lower: number; upper: number }): string {
  const lo = Math.round(b.lower * 100);
  const hi = Math.round(b.upper * 100);
  return lo === hi ? `${lo}%` : `${lo}–${hi}%`;
}

function drawSummary(): void {
  const a = state.assessment;
  const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n * 100)}%`);
  summary.replaceChildren(
    // The range and the standing that could still be reached come from the scoring, never recomputed here.
    h('span', {}, t('edit.summary.score'), ' ', h('b', {}, pct(a?.score)), a?.bounds ? ` · ${t('edit.summary.couldBe', { range: range(a.bounds) })}` : ''),
    h('span', {}, t('edit.summary.coverage'), ' ', h('b', {}, pct(a?.coverage))),
    h('span', {}, t('edit.summary.standing'), ' ', h('b', {}, a?.standing ?? t('edit.summary.none')),
      a?.standingUpper && a.standingUpper !== a.standing ? ` · ${t('edit.summary.couldReach', { tier: a.standingUpper })}` : ''),
    state.assessmentStale && a ? h('small', {}, t('edit.summary.stale')) : '',
  );
}

function drawStatus(): void {
  const valid = state.errors === 0;
  const unsaved = edits.length > 0;
  status.className = `status ${valid ? 'ok' : 'bad'}`;
  status.replaceChildren(
    h('b', {}, valid ? t('edit.status.valid') : t('edit.status.invalid', { errors: state.errors })),
    state.warnings ? ` ${t('edit.status.warnings', { warnings: state.warnings })}` : '',
    ' · ',
    unsaved ? t('edit.status.unsaved') : savedNote || (state.exists ? t('edit.status.clean') : t('edit.status.new')),
  );
}

function showBanner(text: string): void {
  const parts: (string | HTMLElement)[] = [];
  if (state?.diskChanged) parts.push(h('span', {}, t('edit.banner.diskChanged'), ' ', h('button', { type: 'button', onclick: () => void save() }, t('edit.banner.review'))));
  if (state?.restoredDraft && edits.length) parts.push(h('span', {}, t('edit.banner.restored')));
  if (text) parts.push(h('span', {}, text));
  banner.replaceChildren(...parts);
  banner.hidden = parts.length === 0;
}

function reloadReport(): void {
  reportFrame.src = state.exists ? `/report?${tokenParam}&template=${template}&at=${Date.now()}` : 'about:blank';
}

async function boot(): Promise<void> {
  start = await api.start();
  document.documentElement.lang = start.lang;
  const templatePick = h('select', { id: 'template' }, h('option', { value: 'country' }, t('edit.report.country')), h('option', { value: 'brief' }, t('edit.report.brief')));
  templatePick.addEventListener('change', () => {
    template = templatePick.value === 'brief' ? 'brief' : 'country';
    reloadReport();
  });
  const saveButton = h('button', { type: 'button', class: 'primary', onclick: () => void save(), 'aria-keyshortcuts': 'Control+S' }, t('edit.save'));
  app.replaceChildren(
    h('header', { class: 'top' }, h('h1', {}, 'lexgap ', h('span', {}, start.file)), summary, status, saveButton),
    banner,
    h('div', { class: 'layout' }, nav, main, h('aside', { 'aria-label': t('edit.report') }, h('div', { class: 'report-bar' }, h('label', { for: 'template' }, t('edit.report')), templatePick, h('small', {}, t('edit.report.help'))), reportFrame)),
  );
  nav.setAttribute('aria-label', t('edit.nav'));
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  });
  apply(start, true);
  reloadReport();
}

boot().catch((err: Error) => app.replaceChildren(h('p', { class: 'finding error' }, `lexgap: ${err.message}`)));
