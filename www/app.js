// Slant's page: wires the paste box to the analysis worker and renders the
// report. All user text reaches the DOM through text nodes only.

import {
  ATTRIBUTION, CATEGORIES, CATEGORY, KINDS, SOURCE_KINDS,
  cancelRender, categoryLabel, formatDate, formatNumber, h, plural, rangeFor, renderText,
} from './render.js';
import { Tooltip } from './tooltip.js';
import { SAMPLE } from './samples.js';
import { defaults, describeSettings, parseSettings, settingsPanel } from './settings.js';
import { mark, takeWorker, wasMarked, wasmModule } from './start.js';

const DEBOUNCE_MS = 250;
const WATCHDOG_MS = 30_000;
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const KEYS = {
  text: 'slant.text', input: 'slant.input', hidden: 'slant.hidden', marks: 'slant.sentence-marks', settings: 'slant.settings',
};

mark('app');

const $ = (id) => document.getElementById(id);
const els = {
  source: $('source'),
  analyze: $('analyze'),
  sample: $('sample'),
  kind: $('input-kind'),
  clear: $('clear'),
  busy: $('busy'),
  statusText: $('status-text'),
  error: $('error'),
  report: $('report'),
  summary: $('summary'),
  charts: $('charts'),
  legend: $('legend'),
  textView: $('text-view'),
  meta: $('meta'),
  sources: $('sources'),
  flagList: $('flag-list'),
  exportBtn: $('export'),
  version: $('version'),
  tip: $('tip'),
  inputPanel: $('input-panel'),
};

// ---------------------------------------------------------------- storage

const store = {
  get(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
      return true;
    } catch {
      return false; // full or disabled: not fatal
    }
  },
  remove(key) {
    try { localStorage.removeItem(key); } catch { /* ignore */ }
  },
};

function readHidden() {
  try {
    const list = JSON.parse(store.get(KEYS.hidden) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((k) => Object.hasOwn(CATEGORY, k)) : []);
  } catch {
    return new Set();
  }
}

function readSettings() {
  try {
    return parseSettings(JSON.parse(store.get(KEYS.settings) ?? '{}'));
  } catch {
    return defaults(); // unreadable: start from the defaults
  }
}

const state = {
  report: null,
  hidden: readHidden(),
  settings: readSettings(),
  sentenceMarks: store.get(KEYS.marks) !== 'off',
  textMap: [],
  sourceCursor: new Map(),
};

// ---------------------------------------------------------------- the worker
// start.js has already compiled the WASM and started the first worker.

class Engine {
  constructor(handlers) {
    this.handlers = handlers;
    this.seq = 0; // the id of the analysis whose result is wanted
    this.ids = 0;
    this.inFlight = null;
    this.pending = null;
    this.worker = null;
    this.ready = false;
    this.failedStarts = 0;
    this.dead = false;
    this.start();
  }

  start() {
    this.ready = false;
    document.documentElement.dataset.engine = 'starting';
    const { worker, error } = takeWorker();
    this.worker = worker;
    worker.onmessage = (e) => this.onMessage(worker, e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (worker !== this.worker) return;
      this.crash(e.message ? e.message.replace(/^Uncaught\s+/, '') : 'the analyser stopped');
    };
    if (error) queueMicrotask(() => worker.onerror(error));
    worker.onmessageerror = () => {
      if (worker === this.worker) this.crash('a message could not be read');
    };
    wasmModule.then((module) => {
      if (worker !== this.worker) return;
      try {
        worker.postMessage({ type: 'init', module });
      } catch {
        worker.postMessage({ type: 'init', module: null }); // a Module that cannot be sent
      }
    });
  }

  onMessage(worker, msg) {
    if (worker !== this.worker || !msg) return;
    switch (msg.type) {
      case 'ready':
        if (msg.timing && !wasMarked('engine-ready')) {
          const at = (t) => t - performance.timeOrigin;
          performance.measure('slant:worker-init', { start: at(msg.timing.start), end: at(msg.timing.loaded) });
          performance.measure('slant:warm-up', { start: at(msg.timing.loaded), end: at(msg.timing.warm) });
        }
        mark('engine-ready');
        this.ready = true;
        this.failedStarts = 0;
        this.handlers.ready(msg.version);
        this.pump();
        break;
      case 'fatal':
        this.dead = true;
        this.inFlight = this.pending = null;
        this.handlers.fatal(msg.error);
        break;
      case 'result':
      case 'error': {
        clearTimeout(this.watchdog);
        const current = msg.id === this.seq;
        const options = this.inFlight?.options;
        this.inFlight = null;
        if (current && msg.type === 'result') this.handlers.result(msg.report, msg.ms, options);
        if (current && msg.type === 'error') this.handlers.error(msg.error);
        this.pump();
        this.handlers.busy(this.busy);
        break;
      }
      case 'crash':
        this.crash(msg.error);
        break;
    }
  }

  get busy() {
    return !this.dead && Boolean(this.inFlight || this.pending);
  }

  request(text, options) {
    if (this.dead) return;
    // The same text and options as the analysis under way (a paste, then a
    // press of Analyze): its result will do.
    const running = this.inFlight;
    if (running && running.text === text && JSON.stringify(running.options) === JSON.stringify(options)) {
      this.seq = running.id;
      this.pending = null;
      this.handlers.busy(this.busy);
      return;
    }
    this.seq = ++this.ids;
    this.pending = { id: this.seq, text, options };
    this.pump();
    this.handlers.busy(this.busy);
  }

  /** Forget queued work; a result already on its way is ignored. */
  cancel() {
    this.seq = ++this.ids; // matches no analysis
    this.pending = null;
    this.handlers.busy(this.busy);
  }

  pump() {
    if (this.inFlight || !this.pending || !this.worker || this.dead) return;
    this.inFlight = this.pending;
    this.pending = null;
    mark('request');
    this.worker.postMessage(this.inFlight);
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.crash('the analysis took too long'), WATCHDOG_MS);
  }

  /** The worker died: drop it and its work, start a fresh one. */
  crash(reason) {
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.worker = null;
    const lost = Boolean(this.inFlight || this.pending);
    this.inFlight = this.pending = null;
    if (!this.ready) this.failedStarts++;
    if (this.failedStarts >= 2) {
      this.dead = true;
      this.handlers.fatal(reason);
    } else {
      this.handlers.crash(reason, lost);
      this.start();
    }
    this.handlers.busy(this.busy);
  }
}

const engine = new Engine({
  ready(version) {
    document.documentElement.dataset.engine = 'ready';
    els.version.textContent = version ? `${version}` : '';
    if (!engine.busy && !state.report) setStatus('Ready.');
  },
  fatal(error) {
    document.documentElement.dataset.engine = 'failed';
    showError(`The analyser could not be loaded (${error}). Your text is still here; try reloading the page.`);
    setStatus('Analyser unavailable.');
  },
  crash(reason, lost) {
    showError(`The analyser stopped unexpectedly (${reason}). Your text is safe, and a fresh analyser has been started${lost ? ' — press Analyze to try again' : ''}.`);
  },
  result(report, ms, options) {
    mark('result');
    clearError();
    showReport(report, options);
    setStatus(`Analysed ${plural(report.stats.words, 'word')} in ${Math.max(1, Math.round(ms))} ms.`);
    mark('shown');
  },
  error(message) {
    const hint = /^invalid options/.test(message) ? ' Check the settings, or reset them.' : '';
    showError(`Slant could not analyse this text: ${message}.`.replace(/\.\.$/, '.') + hint);
    setStatus('Not analysed.');
  },
  busy() {
    showBusy();
  },
});

// ---------------------------------------------------------------- running

function options() {
  const input = els.kind.value || null;
  return { input, ...state.settings };
}

const settings = settingsPanel({
  get: () => state.settings,
  set(next) {
    state.settings = next;
    if (!store.set(KEYS.settings, JSON.stringify(next))) store.remove(KEYS.settings);
    settings.render();
    run();
  },
  download: (name, value) => download(name, value),
});
settings.render();

let debounce = 0;
let scheduled = false;

function run() {
  clearTimeout(debounce);
  scheduled = false;
  const text = els.source.value;
  saveText(text);
  if (!text.trim()) {
    engine.cancel();
    clearError();
    showEmpty();
    showBusy();
    return;
  }
  engine.request(text, options());
}

function schedule() {
  clearTimeout(debounce);
  scheduled = true;
  showBusy();
  debounce = setTimeout(run, DEBOUNCE_MS);
}

/** Busy while an edit waits for its analysis: debounced, queued or running. */
function showBusy() {
  const isBusy = scheduled || engine.busy;
  els.busy.hidden = !isBusy;
  els.report.setAttribute('aria-busy', String(isBusy));
  document.documentElement.toggleAttribute('data-busy', isBusy);
  if (isBusy) setStatus('Analysing…');
}

function saveText(text) {
  // Too large for storage: forget the old text rather than restore a stale one.
  if (!text || !store.set(KEYS.text, text)) store.remove(KEYS.text);
}

function setStatus(text) {
  els.statusText.textContent = text;
}

function showError(message) {
  els.error.replaceChildren(h('p', {}, message));
}

function clearError() {
  els.error.replaceChildren();
}

// ---------------------------------------------------------------- rendering

const tooltip = new Tooltip(els.tip, els.textView, describeMark);

function showEmpty() {
  state.report = null;
  state.textMap = [];
  tooltip.reset();
  clearSourceHighlight();
  els.report.dataset.state = 'empty';
  els.summary.replaceChildren();
  els.charts.replaceChildren();
  els.charts.hidden = true;
  els.legend.replaceChildren();
  els.meta.replaceChildren();
  els.sources.replaceChildren();
  els.flagList.replaceChildren();
  cancelRender(els.textView);
  els.textView.replaceChildren(
    h('div', { class: 'placeholder' },
      h('p', { class: 'placeholder-title' }, 'Nothing to read yet.'),
      h('p', {}, 'Paste an article above, or load the sample, to see it here with loaded language and unsourced claims highlighted.')),
  );
  if (document.documentElement.dataset.engine === 'ready') setStatus('Ready.');
}

function showReport(report, opts = options()) {
  state.report = report;
  state.sourceCursor = new Map();
  clearSourceHighlight();
  els.report.dataset.state = 'result';
  const used = { disabled_categories: opts?.disabled_categories ?? [], custom_terms: opts?.custom_terms ?? [] };
  renderSummary(report, used);
  renderCharts(report);
  renderLegend(report, used);
  renderMeta(report);
  renderSources(report);
  renderBody();
}

/** The parts that depend on which categories are shown. */
function renderBody() {
  const report = state.report;
  if (!report) return;
  tooltip.reset();
  els.textView.classList.toggle('no-sentence-marks', !state.sentenceMarks);
  if (!report.text.trim()) {
    state.textMap = [];
    cancelRender(els.textView);
    els.textView.replaceChildren(h('p', { class: 'placeholder' }, 'The core found no article text in this input.'));
  } else {
    state.textMap = renderText(els.textView, report, { hidden: state.hidden, tipId: 'tip' });
  }
  renderFlagList(report);
}

function renderSummary(report, used) {
  const { summary, stats } = report;
  const changed = describeSettings(used);
  // `|| 0` also turns the core's -0 (an empty f64 sum) into 0.
  const per1000 = formatNumber(Number(stats.flags_per_1000_words) || 0, 1);
  els.summary.replaceChildren(
    h('span', { class: 'summary-item', 'data-part': 'loaded' },
      h('span', { class: 'summary-key' }, 'Loaded language'), ' ', summary.loaded_language),
    h('span', { class: 'summary-item', 'data-part': 'sourcing' },
      h('span', { class: 'summary-key' }, 'Sourcing'), ' ', summary.sourcing),
    h('span', { class: 'summary-item', 'data-part': 'density' },
      h('span', { class: 'summary-key' }, 'Density'), ' ',
      h('strong', { class: 'density' }, per1000), ' loaded terms per 1,000 words'),
    changed ? h('span', { class: 'summary-item', 'data-part': 'settings' },
      h('span', { class: 'summary-key' }, 'Settings'), ' ', changed) : '',
  );
}

// Summary charts: plain elements sized through the CSSOM (the CSP forbids
// inline style attributes). Each is one role="img" with its numbers in words.
const GAUGE_MAX = 30;
const GAUGE_TICKS = [[5, 'wire copy is usually below this'], [15, 'high']];
const fmt1 = (n) => formatNumber(n, 1);
const pct = (n, total) => (total ? Math.round((n / total) * 100) : 0);

function densityChart(stats) {
  const value = Number(stats.flags_per_1000_words) || 0;
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
    h('p', { class: 'chart-head' }, h('span', { class: 'chart-title' }, 'Density'), ' ',
      h('strong', { class: 'chart-value' }, shown), ' per 1,000 words'),
    h('div', { class: 'gauge' }, fill, ticks),
    h('div', { class: 'gauge-scale' }, scale),
    h('p', { class: 'chart-note' }, `Marks — ${notes}.`));
}

function sourcingChart(summary) {
  const counts = { named: summary.named_sentences ?? 0, vague: summary.vague_sentences ?? 0, none: summary.unattributed_sentences ?? 0 };
  const total = counts.named + counts.vague + counts.none;
  const words = { named: 'named', vague: 'vague', none: 'no source' };
  const segs = Object.entries(counts).map(([key, n]) => {
    const seg = h('div', { class: `stack-seg seg-${key}`, 'data-seg': key, 'data-count': n });
    seg.style.width = `${total ? (n / total) * 100 : 0}%`;
    return seg;
  });
  const key = Object.entries(counts).map(([k, n]) =>
    h('li', { class: `stack-key k-${k}`, 'data-key': k },
      h('span', { class: `stack-swatch seg-${k}`, 'aria-hidden': 'true' }),
      h('span', { class: 'stack-name' }, ATTRIBUTION[k].label), ' ',
      h('span', { class: 'stack-count' }, String(n)), ' ',
      h('span', { class: 'stack-pct' }, `${pct(n, total)}%`)));
  const share = pct(counts.named, total);
  const label = total
    ? `Sourcing of ${plural(total, 'claim sentence')}: ${Object.entries(counts).map(([k, n]) => `${n} ${words[k]} (${pct(n, total)}%)`).join(', ')}. ${share}% have a named source.`
    : 'Sourcing: no claim sentences.';
  return h('div', { class: 'chart chart-sourcing', 'data-chart': 'sourcing', role: 'img', 'aria-label': label },
    h('p', { class: 'chart-head' }, h('span', { class: 'chart-title' }, 'Named sources'), ' ',
      total ? [h('strong', { class: 'chart-value' }, `${share}%`), ` of ${plural(total, 'claim sentence')}`] : 'no claim sentences'),
    h('div', { class: 'stack', 'data-total': total }, segs),
    h('ul', { class: 'stack-keys' }, key));
}

function renderCharts(report) {
  els.charts.replaceChildren(densityChart(report.stats ?? {}), sourcingChart(report.summary ?? {}));
  els.charts.hidden = false;
}

function renderLegend(report, used) {
  const counts = report.summary.counts ?? {};
  const off = new Set(used.disabled_categories);
  const groups = Object.entries(KINDS).map(([kind, label]) => {
    const all = CATEGORIES.filter((c) => c.kind === kind && !off.has(c.key));
    const offHere = CATEGORIES.filter((c) => c.kind === kind && off.has(c.key));
    const found = all.filter((c) => (counts[c.key] ?? 0) > 0);
    const missing = all.filter((c) => !((counts[c.key] ?? 0) > 0));
    const items = found.map((c) => {
      const n = counts[c.key];
      const id = `show-${c.key}`;
      const box = h('input', {
        type: 'checkbox',
        id,
        'data-category': c.key,
        checked: !state.hidden.has(c.key),
      });
      box.addEventListener('change', () => {
        if (box.checked) state.hidden.delete(c.key);
        else state.hidden.add(c.key);
        store.set(KEYS.hidden, JSON.stringify([...state.hidden]));
        renderBody();
      });
      return h('li', { class: 'chip' },
        box,
        h('label', { for: id },
          h('span', { class: `swatch k-${kind} c-${c.key}`, 'aria-hidden': 'true' }, 'Aa'),
          h('span', { class: 'chip-label' }, c.label),
          h('span', { class: 'count', 'data-count': c.key }, String(n))));
    });
    if (!items.length) {
      items.push(h('li', { class: 'chip chip-static is-zero' },
        h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }, 'Aa'),
        h('span', { class: 'chip-label' }, all.length ? 'none found' : 'not analysed')));
    }
    return h('div', { class: `legend-group legend-${kind}` },
      h('h3', { class: 'legend-title' }, label,
        h('span', { class: 'legend-style' }, kind === 'loaded_language' ? 'wavy underline' : 'dashed / dotted underline')),
      h('ul', { class: 'chips' }, items),
      missing.length && found.length
        ? h('p', { class: 'legend-missing' }, 'Not found: ',
          missing.map((c, i) => [i ? ', ' : '', h('span', { 'data-count-zero': c.key }, c.label.toLowerCase())]))
        : null,
      offHere.length
        ? h('p', { class: 'legend-missing' }, 'Switched off in Settings, not analysed: ',
          offHere.map((c, i) => [i ? ', ' : '', h('span', { 'data-off': c.key }, c.label.toLowerCase())]))
        : null);
  });
  const note = h('p', { class: 'legend-note' },
    'Unticking a category only hides its highlights; it still counts. To leave a category out of the analysis, use ',
    h('button', { type: 'button', class: 'linkish', onclick: () => settings.open() }, 'Settings'), '.');

  const marksBox = h('input', { type: 'checkbox', id: 'show-sentence-marks', checked: state.sentenceMarks });
  marksBox.addEventListener('change', () => {
    state.sentenceMarks = marksBox.checked;
    store.set(KEYS.marks, marksBox.checked ? 'on' : 'off');
    els.textView.classList.toggle('no-sentence-marks', !state.sentenceMarks);
  });
  const s = report.summary;
  const sentenceCounts = { named: s.named_sentences, vague: s.vague_sentences, none: s.unattributed_sentences };
  const attribution = h('div', { class: 'legend-group legend-sentences' },
    h('h3', { class: 'legend-title' }, 'Sentence sourcing', h('span', { class: 'legend-style' }, 'mark before each sentence')),
    h('ul', { class: 'chips' },
      h('li', { class: 'chip' }, marksBox, h('label', { for: 'show-sentence-marks' }, 'Show marks')),
      Object.entries(ATTRIBUTION).map(([key, a]) =>
        h('li', { class: 'chip chip-static', title: a.hint },
          h('span', { class: `sent-key s-${key}`, 'aria-hidden': 'true' }),
          h('span', { class: 'chip-label' }, a.label),
          h('span', { class: 'count', 'data-count': `sentences-${key}` }, String(sentenceCounts[key] ?? 0))))));

  els.legend.replaceChildren(...groups, attribution, note);
}

function renderMeta(report) {
  const m = report.metadata ?? {};
  const st = report.stats ?? {};
  const row = (field, label, value) =>
    h('div', { class: 'meta-row', 'data-field': field },
      h('dt', {}, label),
      h('dd', { class: value == null || value === '' ? 'is-empty' : null }, value == null || value === '' ? '—' : value));
  const published = m.published
    ? h('time', { datetime: m.published }, formatDate(m.published))
    : null;
  const tags = m.tags?.length ? h('span', { class: 'tags' }, m.tags.map((t) => h('span', { class: 'tag' }, t))) : null;
  const detected = els.kind.value ? '' : ' (detected)';
  els.meta.replaceChildren(
    row('title', 'Title', m.title),
    row('authors', m.authors?.length > 1 ? 'Authors' : 'Author', m.authors?.length ? m.authors.join(', ') : null),
    row('published', 'Published', published),
    row('publisher', 'Publisher', m.publisher),
    row('section', 'Section', m.section),
    row('tags', 'Tags', tags),
    row('words', 'Words', st.words != null ? formatNumber(st.words) : null),
    row('sentences', 'Sentences', st.sentences != null ? formatNumber(st.sentences) : null),
    row('reading', 'Reading time', st.reading_minutes != null ? `${st.reading_minutes} min` : null),
    row('input', 'Input', (report.input_kind === 'html' ? 'HTML' : 'Plain text') + detected),
  );
}

function renderSources(report) {
  const sources = report.sources ?? [];
  if (!sources.length) {
    els.sources.replaceChildren(h('li', { class: 'empty' }, 'No sources found.'));
    return;
  }
  els.sources.replaceChildren(...sources.map((src, i) =>
    h('li', {},
      h('button', {
        type: 'button',
        class: 'source',
        'data-source': i,
        onclick: () => goToSource(i),
      },
        h('span', { class: 'source-name' }, src.name),
        h('span', { class: `source-kind sk-${src.kind}` }, SOURCE_KINDS[src.kind] ?? src.kind),
        h('span', { class: 'source-count', title: 'mentions' }, `×${src.mentions}`)))));
}

const FLAG_LIST_MAX = 1000;

function renderFlagList(report) {
  const items = [];
  let more = 0;
  report.flags.forEach((f, i) => {
    if (state.hidden.has(f.category)) return;
    if (items.length >= FLAG_LIST_MAX) return void more++;
    items.push(h('li', {},
      h('button', { type: 'button', class: `flag-item k-${f.kind}`, 'data-flag': i, onclick: () => goToFlag(i) },
        h('span', { class: `swatch k-${f.kind} c-${f.category}`, 'aria-hidden': 'true' }),
        h('span', { class: 'flag-text' }, f.text),
        h('span', { class: 'flag-cat' }, categoryLabel(f.category), f.in_quotation ? ' · quoted' : ''))));
  });
  if (more) items.push(h('li', { class: 'empty' }, `and ${plural(more, 'more flag')}: use j/k in the text, or the exports.`));
  if (!items.length) {
    items.push(h('li', { class: 'empty' }, report.flags.length ? 'All flags are hidden by the legend checkboxes.' : 'Nothing flagged.'));
  }
  els.flagList.replaceChildren(...items);
}

/** Tooltip content for a highlight: every flag that covers it. */
function describeMark(mark) {
  const report = state.report;
  const ids = (mark.dataset.flags ?? '').split(' ').filter(Boolean).map(Number);
  const flags = ids.map((i) => report?.flags[i]).filter(Boolean);
  return flags.map((f) =>
    h('div', { class: `tip-flag k-${f.kind}` },
      h('p', { class: 'tip-head' },
        h('span', { class: `swatch k-${f.kind} c-${f.category}`, 'aria-hidden': 'true' }),
        h('span', { class: 'tip-cat' }, categoryLabel(f.category)),
        h('span', { class: 'tip-kind' }, KINDS[f.kind] ?? f.kind)),
      h('p', { class: 'tip-message' }, f.message),
      f.alternative ? h('p', { class: 'tip-alt' }, h('span', { class: 'tip-label' }, 'Neutral alternative: '), f.alternative) : null,
      f.in_quotation ? h('p', { class: 'tip-quote' }, 'In a quotation — the speaker’s word, not the author’s.') : null));
}

// ---------------------------------------------------------------- navigation

function reducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function scrollRangeIntoView(range) {
  const rect = range.getBoundingClientRect();
  const top = rect.top + window.scrollY - window.innerHeight / 3;
  window.scrollTo({ top: Math.max(0, top), behavior: reducedMotion() ? 'auto' : 'smooth' });
}

let sourceTimer = 0;

function clearSourceHighlight() {
  clearTimeout(sourceTimer);
  if (globalThis.CSS?.highlights) CSS.highlights.delete('slant-source');
  els.sources.querySelectorAll('.is-current').forEach((b) => b.classList.remove('is-current'));
}

/** Jump to a source's mention: the first on the first click, then the next. */
function goToSource(i) {
  const src = state.report?.sources?.[i];
  if (!src?.spans?.length) return;
  const n = state.sourceCursor.get(i) ?? 0;
  state.sourceCursor.set(i, (n + 1) % src.spans.length);
  const span = src.spans[n];
  const range = rangeFor(state.textMap, span.start, span.end);
  if (!range) return;
  clearSourceHighlight();
  els.sources.querySelector(`[data-source="${i}"]`)?.classList.add('is-current');
  if (globalThis.CSS?.highlights && typeof Highlight === 'function') {
    CSS.highlights.set('slant-source', new Highlight(range));
  } else {
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  scrollRangeIntoView(range);
  sourceTimer = setTimeout(clearSourceHighlight, 6000);
}

function markFor(flagIndex) {
  for (const m of els.textView.querySelectorAll('mark.flag')) {
    if (m.dataset.flags.split(' ').includes(String(flagIndex))) return m;
  }
  return null;
}

function focusMark(mark) {
  if (!mark) return;
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

function goToFlag(i) {
  focusMark(markFor(i));
}

/** Next/previous highlight (the first piece of each flag), from the focus. */
function step(delta) {
  const heads = [...els.textView.querySelectorAll('mark.flag-head')];
  if (!heads.length) return;
  const active = document.activeElement;
  let next;
  if (active instanceof Element && els.textView.contains(active) && active.matches('mark.flag')) {
    // The last head at or before the focused piece.
    let at = -1;
    heads.forEach((m, k) => {
      if (m === active || m.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) at = k;
    });
    next = delta > 0 ? at + 1 : heads[at] === active ? at - 1 : at;
  } else {
    next = delta > 0 ? 0 : heads.length - 1;
  }
  next = (next + heads.length) % heads.length;
  focusMark(heads[next]);
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey) return;
  const typing = e.target instanceof Element && e.target.closest('textarea, input, select, [contenteditable]');
  if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !typing) {
    e.preventDefault();
    step(e.key === 'ArrowDown' ? 1 : -1);
  } else if (!e.altKey && !typing && (e.key === 'j' || e.key === 'k')) {
    e.preventDefault();
    step(e.key === 'j' ? 1 : -1);
  }
});

// ---------------------------------------------------------------- export

/** Save `value` (a string, or JSON) as a file, made here (no request). */
function download(name, value, type = 'application/json') {
  const body = typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`;
  const blob = new Blob([body], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function slug(report) {
  return (report.metadata?.title ?? 'article').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
}

function exportReport() {
  if (state.report) download(`slant-${slug(state.report)}.json`, state.report);
}

/** Article text as inert Markdown: one line, markup characters escaped. */
const md = (s) => String(s ?? '').replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#|~]/g, '\\$&');

/** The report as a Markdown summary: metadata, summary, flags, sources. */
function markdown(report) {
  const m = report.metadata ?? {};
  const st = report.stats ?? {};
  const row = (label, value) => (value == null || value === '' ? [] : [`- **${label}:** ${value}`]);
  const per1000 = formatNumber(Number(st.flags_per_1000_words) || 0, 1);
  return [
    `# ${md(m.title) || 'Untitled article'}`, '',
    ...row('Authors', m.authors?.map(md).join(', ')),
    ...row('Published', m.published && md(m.published)),
    ...row('Publisher', md(m.publisher)),
    ...row('Section', md(m.section)),
    ...row('Tags', m.tags?.map(md).join(', ')),
    ...row('Words', st.words),
    ...row('Sentences', st.sentences),
    ...row('Reading time', st.reading_minutes != null ? `${st.reading_minutes} min` : null),
    '', '## Summary', '',
    `- **Loaded language:** ${md(report.summary.loaded_language)}`,
    `- **Sourcing:** ${md(report.summary.sourcing)}`,
    `- **Density:** ${per1000} loaded terms per 1,000 words`,
    '', `## Flags (${report.flags.length})`, '',
    ...(report.flags.length ? report.flags.map((f, i) => `${i + 1}. **${categoryLabel(f.category)}** — “${md(f.text)}”${f.in_quotation ? ' (in a quotation)' : ''}: ${md(f.message)}${f.alternative ? ` Neutral alternative: ${md(f.alternative).replace(/\.$/, "")}.` : ''}`) : ['Nothing flagged.']),
    '', '## Sources', '',
    ...(report.sources?.length ? report.sources.map((s) => `- ${md(s.name)} (${s.kind}, ${plural(s.mentions, 'mention')})`) : ['No sources found.']),
    '', `Analysed by Slant ${report.version ?? ''} in the browser; it flags wording for a closer look and does not judge whether an article is true.`, '',
  ].join('\n');
}

function exportMarkdown() {
  if (state.report) download(`slant-${slug(state.report)}.md`, markdown(state.report), 'text/markdown');
}

async function copy(what) {
  const report = state.report;
  if (!report) return;
  try {
    await navigator.clipboard.writeText(what === 'JSON' ? `${JSON.stringify(report, null, 2)}\n` : markdown(report));
    setStatus(`Copied the report as ${what}.`);
  } catch (err) {
    showError(`The report could not be copied (${err?.message ?? err}); use the export buttons instead.`);
  }
}

// ---------------------------------------------------------------- input

function loadText(text, kind) {
  els.source.value = text;
  if (kind !== undefined) {
    els.kind.value = kind;
    store.set(KEYS.input, kind);
  }
  run();
}

// A paste or a drop is a complete edit: analyse it at once. Typing waits for
// a pause (DEBOUNCE_MS).
const WHOLE_EDITS = new Set(['insertFromPaste', 'insertFromPasteAsQuotation', 'insertFromDrop', 'insertFromYank']);
els.source.addEventListener('input', (e) => (WHOLE_EDITS.has(e.inputType) ? run() : schedule()));
els.analyze.addEventListener('click', run);
els.kind.addEventListener('change', () => {
  store.set(KEYS.input, els.kind.value);
  run();
});
els.sample.addEventListener('click', () => loadText(SAMPLE.text, ''));
// Clear asks nothing; for UNDO_MS an Undo button brings the text back.
const UNDO_MS = 10_000;
const undo = { button: $('undo'), text: '', timer: 0 };
function dropUndo() {
  clearTimeout(undo.timer);
  undo.button.hidden = true;
  undo.text = '';
}
els.clear.addEventListener('click', () => {
  const text = els.source.value;
  loadText('');
  dropUndo();
  if (text) {
    undo.text = text;
    undo.button.hidden = false;
    undo.timer = setTimeout(dropUndo, UNDO_MS);
    setStatus('Cleared.');
  }
  els.source.focus();
});
undo.button.addEventListener('click', () => {
  const { text } = undo;
  dropUndo();
  loadText(text);
  els.source.focus();
});
els.source.addEventListener('input', dropUndo);
els.exportBtn.addEventListener('click', exportReport);
$('export-md').addEventListener('click', exportMarkdown);
$('copy-json').addEventListener('click', () => copy('JSON'));
$('copy-md').addEventListener('click', () => copy('Markdown'));

// Rich paste: a web page copied into an empty box arrives as HTML too, which
// carries the title and byline markup the plain copy loses.
els.source.addEventListener('paste', (e) => {
  const data = e.clipboardData;
  if (els.source.value !== '' || els.kind.value === 'text' || !data?.types?.includes('text/html')) return;
  const html = data.getData('text/html');
  if (!html.trim()) return;
  e.preventDefault();
  loadText(html, 'html');
  setStatus('Pasted the formatted copy as HTML.');
});

// Drag and drop of .txt, .md and .html files, read locally.
function fileKind(file) {
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(txt|md|markdown|text)$/.test(name) || file.type.startsWith('text/')) return 'text';
  return null;
}

document.addEventListener('dragover', (e) => {
  if (!e.dataTransfer?.types?.includes('Files')) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
  els.inputPanel.classList.add('is-drop');
});
document.addEventListener('dragleave', (e) => {
  if (e.target === document.documentElement || !e.relatedTarget) els.inputPanel.classList.remove('is-drop');
});
/** Read a dropped or opened article file locally and analyse it. */
async function openFile(file) {
  const kind = fileKind(file);
  if (!kind) {
    showError(`“${file.name}” is not a text, Markdown or HTML file.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(`“${file.name}” is larger than 16 MB; split it into parts.`);
    return;
  }
  try {
    loadText(await file.text(), kind);
  } catch (err) {
    showError(`“${file.name}” could not be read: ${err?.message ?? err}`);
  }
}

document.addEventListener('drop', (e) => {
  if (!e.dataTransfer?.files?.length) return;
  e.preventDefault();
  els.inputPanel.classList.remove('is-drop');
  openFile(e.dataTransfer.files[0]);
});

const articleFile = document.getElementById('article-file');
document.getElementById('open-file').addEventListener('click', () => articleFile.click());
articleFile.addEventListener('change', () => {
  if (articleFile.files?.length) openFile(articleFile.files[0]);
  articleFile.value = '';
});

window.addEventListener('pagehide', () => saveText(els.source.value));

// ---------------------------------------------------------------- start

const savedKind = store.get(KEYS.input);
if (savedKind !== null && [...els.kind.options].some((o) => o.value === savedKind)) els.kind.value = savedKind;
const savedText = store.get(KEYS.text);
if (savedText) {
  els.source.value = savedText;
  run();
} else {
  showEmpty();
}
