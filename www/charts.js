// The summary's two charts: a density gauge and a stacked sourcing bar,
// drawn from figures.js's counts. Plain elements sized through the CSSOM
// (the CSP forbids inline style attributes); each is one role="img" with
// its numbers in words.

import { ATTRIBUTION, formatNumber, h, plural } from './render.js';

const GAUGE_MAX = 30;
const GAUGE_TICKS = [[5, 'wire copy is usually below this'], [15, 'high']];
const fmt1 = (n) => formatNumber(n, 1);
const pct = (n, total) => (total ? Math.round((n / total) * 100) : 0);

/** Loaded terms per 1,000 words on a gauge from 0 to GAUGE_MAX. */
export function densityChart(fig) {
  const value = fig.density;
  const shown = fmt1(value);
  const fill = h('div', { class: 'gauge-fill' });
  fill.style.width = `${(Math.min(Math.max(value, 0), GAUGE_MAX) / GAUGE_MAX) * 100}%`;
  const ticks = GAUGE_TICKS.map(([at]) => {
    const tick = h('div', { class: 'gauge-tick', 'data-at': at });
    tick.style.left = `${(at / GAUGE_MAX) * 100}%`;
    return tick;
  });
  const scale = [0, ...GAUGE_TICKS.map(([at]) => at), GAUGE_MAX].map((at) => {
    const label = h('span', { class: 'gauge-label' }, at === GAUGE_MAX ? `${at}+` : String(at));
    label.style.left = `${(at / GAUGE_MAX) * 100}%`;
    return label;
  });
  const notes = GAUGE_TICKS.map(([at, note]) => `${at}: ${note}`).join(' · ');
  const over = value > GAUGE_MAX ? ` (beyond the scale’s end at ${GAUGE_MAX})` : '';
  return h('div', {
    class: 'chart chart-density',
    'data-chart': 'density',
    role: 'img',
    'aria-label': `Density: ${shown} loaded terms per 1,000 words${over}, on a scale of 0 to ${GAUGE_MAX}. Marks at ${notes}.`,
  },
    h('p', { class: 'chart-head' }, h('strong', { class: 'chart-value' }, shown), ' per 1,000 words'),
    h('div', { class: 'gauge' }, fill, ticks),
    h('div', { class: 'gauge-scale' }, scale),
    h('p', { class: 'chart-note' }, `Marks — ${notes}.`));
}

/** The claim sentences by source: named, vague, none; the share named in front. */
export function sourcingChart(fig) {
  const counts = { named: fig.named, vague: fig.vague, none: fig.none };
  const total = fig.claims;
  const words = { named: 'named', vague: 'vague', none: 'no source' };
  const segs = Object.entries(counts).map(([key, n]) => {
    const seg = h('div', { class: `stack-seg seg-${key}`, 'data-seg': key, 'data-count': n });
    seg.style.width = `${total ? (n / total) * 100 : 0}%`;
    return seg;
  });
  const key = Object.entries(counts).map(([k, n]) =>
    h('li', { class: `stack-key k-${k}`, 'data-key': k, title: ATTRIBUTION[k].hint },
      h('span', { class: `stack-swatch seg-${k}`, 'aria-hidden': 'true' }),
      h('span', { class: `sent-key s-${k}`, 'aria-hidden': 'true' }),
      h('span', { class: 'stack-name' }, ATTRIBUTION[k].label), ' ',
      h('span', { class: 'stack-count' }, formatNumber(n))));
  const share = fig.namedShare ?? 0;
  const label = total
    ? `Sourcing of ${plural(total, 'claim sentence')}: ${Object.entries(counts).map(([k, n]) => `${formatNumber(n)} ${words[k]} (${pct(n, total)}%)`).join(', ')}. ${share}% have a named source.`
    : 'Sourcing: no claim sentences.';
  return h('div', { class: 'chart chart-sourcing', 'data-chart': 'sourcing', role: 'img', 'aria-label': label },
    h('p', { class: 'chart-head' },
      total
        ? [h('strong', { class: 'chart-value' }, `${share}%`), ` of ${plural(total, 'claim sentence')} name their source`]
        : 'No claim sentences.'),
    h('div', { class: 'stack', 'data-total': total }, segs),
    h('ul', { class: 'stack-keys' }, key));
}
