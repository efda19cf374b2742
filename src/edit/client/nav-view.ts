import type { WireState } from '../wire.js';
import type { Ctx, View } from './context.js';
import { h } from './dom.js';

/** The way round the profile: its header, its laws, then every provision by tier, with how far each is assessed. */
export function navView(ctx: Ctx, state: WireState, current: View): HTMLElement[] {
  const results = new Map((state.assessment?.tiers ?? []).flatMap((tier) => tier.provisions).map((p) => [p.id, p]));
  const count = (prefix: string) => state.findings.filter((f) => f.severity === 'error' && prefix === (f.path[0] === 'provisions' ? `p:${String(f.path[1])}` : f.path[0] === 'laws' ? 'laws' : 'header')).length;
  const item = (label: (string | HTMLElement)[], view: View, active: boolean, errors: number, detail?: string) =>
    h('li', {}, h('button', { type: 'button', class: `nav${active ? ' current' : ''}${errors ? ' has-errors' : ''}`, 'aria-current': active ? 'page' : undefined, onclick: () => ctx.go(view) }, ...label, detail ? h('small', {}, detail) : null, errors ? h('span', { class: 'errors' }, ctx.t('edit.nav.errors', { n: errors })) : null));
  const out: HTMLElement[] = [
    h('ul', {}, item([ctx.t('edit.header')], { kind: 'header' }, current.kind === 'header', count('header')), item([ctx.t('edit.laws')], { kind: 'laws' }, current.kind === 'laws', count('laws'))),
  ];
  for (const tier of ctx.framework.tiers) {
    const tierResult = state.assessment?.tiers.find((x) => x.id === tier.id);
    out.push(
      h('h2', {}, `${tier.id} ${tier.title}`, tierResult ? h('small', {}, ` ${pct(tierResult.score)} · ${ctx.t('edit.nav.coverage', { coverage: pct(tierResult.coverage) })}`) : null),
      h('ul', {}, tier.provisions.map((p) => {
        const r = results.get(p.id);
        const detail = r ? `${r.assessedElements}/${r.applicableElements} · ${pct(r.score)}` : undefined;
        return item([h('span', { class: 'pid' }, p.id), ' ', p.title], { kind: 'provision', id: p.id }, current.kind === 'provision' && current.id === p.id, count(`p:${p.id}`), detail);
      })),
    );
  }
  return out;
}

const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n * 100)}%`);
