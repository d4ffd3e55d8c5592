// Slant's page: wires the article box to the analysis engine and the
// report to the page. The parts it wires: input.js (the article box),
// engine.js (the worker and the requests), render.js (the text view),
// panels.js and charts.js (the rest of the report), export.js (JSON and
// Markdown), settings.js, navigate.js and tooltip.js; the categories come
// from the core (categories.js). All user text reaches the DOM through text
// nodes only.

import { categoryTable } from './categories.js';
import { charts } from './charts.js';
import { Engine } from './engine.js';
import { fileName, json, markdown } from './export.js';
import { articleInput } from './input.js';
import { navigation } from './navigate.js';
import { flagList, flagTip, legend, meta, sources, summary } from './panels.js';
import { cancelRender, h, plural, renderText } from './render.js';
import { defaults, parseSettings, settingsPanel } from './settings.js';
import { mark } from './start.js';
import { Tooltip } from './tooltip.js';

const DEBOUNCE_MS = 250;
const KEYS = {
  text: 'slant.text', input: 'slant.input', hidden: 'slant.hidden', marks: 'slant.sentence-marks', settings: 'slant.settings',
};

mark('app');

const $ = (id) => document.getElementById(id);
const els = {
  source: $('source'),
  kind: $('input-kind'),
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
  version: $('version'),
  tip: $('tip'),
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

/** `parse` of the JSON stored under `key` (undefined if none), or `fallback` if unreadable. */
function readStored(key, parse, fallback) {
  try {
    const raw = store.get(key);
    return parse(raw === null ? undefined : JSON.parse(raw));
  } catch {
    return fallback;
  }
}

// Until the core has sent its categories (see useCategories), stored
// settings and hidden categories are checked for their shape only.
const state = {
  report: null,
  categories: categoryTable(),
  hidden: readStored(KEYS.hidden, (list) => new Set(Array.isArray(list) ? list.filter((k) => typeof k === 'string') : []), new Set()),
  settings: readStored(KEYS.settings, (value) => parseSettings(value ?? {}, null), defaults()),
  sentenceMarks: store.get(KEYS.marks) !== 'off',
  textMap: [],
};

// ---------------------------------------------------------------- the engine

const engine = new Engine({
  ready(version, categories) {
    document.documentElement.dataset.engine = 'ready';
    els.version.textContent = version ? `${version}` : '';
    if (!state.categories.list.length) useCategories(categoryTable(categories));
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

/**
 * The core's category table has come: check the settings and the hidden
 * categories against it, and list its categories in Settings. Settings it
 * refuses fall back to the defaults, and an analysis asked for with them
 * already is asked for again.
 */
function useCategories(table) {
  state.categories = table;
  state.hidden = new Set([...state.hidden].filter(table.has));
  let checked;
  try {
    checked = parseSettings(state.settings, table);
  } catch {
    checked = defaults();
  }
  const changed = JSON.stringify(checked) !== JSON.stringify(state.settings);
  state.settings = checked;
  settings.setCategories(table);
  if (changed) run();
}

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
  download: (name, value) => download(name, json(value), 'application/json'),
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

// ---------------------------------------------------------------- showing

const tooltip = new Tooltip(els.tip, els.textView, (m) => {
  const ids = (m.dataset.flags ?? '').split(' ').filter(Boolean).map(Number);
  return flagTip(ids.map((i) => state.report?.flags[i]).filter(Boolean), { categories: state.categories });
});
const nav = navigation({ textView: els.textView, sourceList: els.sources, report: () => state.report, textMap: () => state.textMap });

function showEmpty() {
  state.report = null;
  state.textMap = [];
  tooltip.reset();
  nav.reset();
  els.report.dataset.state = 'empty';
  for (const el of [els.summary, els.charts, els.legend, els.meta, els.sources, els.flagList]) el.replaceChildren();
  els.charts.hidden = true;
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
  nav.reset();
  els.report.dataset.state = 'result';
  const used = { disabled_categories: opts?.disabled_categories ?? [], custom_terms: opts?.custom_terms ?? [] };
  els.summary.replaceChildren(...summary(report, { used, categories: state.categories }));
  els.charts.replaceChildren(...charts(report));
  els.charts.hidden = false;
  els.legend.replaceChildren(...legend(report, {
    used,
    categories: state.categories,
    hidden: state.hidden,
    sentenceMarks: state.sentenceMarks,
    onHide(key, hide) {
      if (hide) state.hidden.add(key);
      else state.hidden.delete(key);
      store.set(KEYS.hidden, JSON.stringify([...state.hidden]));
      showText();
    },
    onMarks(shown) {
      state.sentenceMarks = shown;
      store.set(KEYS.marks, shown ? 'on' : 'off');
      els.textView.classList.toggle('no-sentence-marks', !shown);
    },
    openSettings: () => settings.open(),
  }));
  els.meta.replaceChildren(...meta(report, { detected: !els.kind.value }));
  els.sources.replaceChildren(...sources(report, { onSelect: nav.goToSource }));
  showText();
}

/** The parts that depend on which categories are shown. */
function showText() {
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
  els.flagList.replaceChildren(...flagList(report, { categories: state.categories, hidden: state.hidden, onSelect: nav.goToFlag }));
}

// ---------------------------------------------------------------- export

/** Save `body` as a file, made here (no request). */
function download(name, body, type) {
  const blob = new Blob([body], { type });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The report as `what`, 'JSON' or 'Markdown': a file name, its text and type. */
function exported(what) {
  const report = state.report;
  return what === 'JSON'
    ? { name: fileName(report, 'json'), body: json(report), type: 'application/json' }
    : { name: fileName(report, 'md'), body: markdown(report, state.categories), type: 'text/markdown' };
}

async function copy(what) {
  try {
    await navigator.clipboard.writeText(exported(what).body);
    setStatus(`Copied the report as ${what}.`);
  } catch (err) {
    showError(`The report could not be copied (${err?.message ?? err}); use the export buttons instead.`);
  }
}

for (const [id, what, copying] of [['export', 'JSON'], ['export-md', 'Markdown'], ['copy-json', 'JSON', true], ['copy-md', 'Markdown', true]]) {
  $(id).addEventListener('click', () => {
    if (!state.report) return;
    if (copying) copy(what);
    else {
      const { name, body, type } = exported(what);
      download(name, body, type);
    }
  });
}

// ---------------------------------------------------------------- input

articleInput({ run, schedule, saveKind: (kind) => store.set(KEYS.input, kind), showError, setStatus });
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
