// Slant's page: wires the article box to the analysis engine and the
// report to the page. The parts it wires: input.js (the article box),
// engine.js (the worker and the requests), render.js (the text view),
// panels.js and charts.js (the summary and the side panels, from
// figures.js's counts), export.js (JSON and Markdown), settings.js,
// navigate.js and tooltip.js; the categories come from the core
// (categories.js). All user text reaches the DOM through text nodes only.
// Measured: BENCHMARKS.md#t-paste-at-once.

import { categoryTable } from './categories.js';
import { Engine } from './engine.js';
import { fileName, json, markdown } from './export.js';
import { isEnglish } from './figures.js';
import { articleInput } from './input.js';
import { navigation } from './navigate.js';
import { flagCount, flagList, flagTip, meta, sources, summary, voicesLine } from './panels.js';
import { cancelRender, formatNumber, h, plural, renderText } from './render.js';
import { addIgnored, defaults, parseSettings, settingsPanel } from './settings.js';
import { mark } from './start.js';
import { Tooltip } from './tooltip.js';

const DEBOUNCE_MS = 250;
const KEYS = {
  text: 'slant.text', input: 'slant.input', inputFrom: 'slant.input-from', rich: 'slant.rich', hidden: 'slant.hidden', marks: 'slant.sentence-marks', settings: 'slant.settings',
};
// Below this width the report is one column: the Flags come before the
// article, folded.
const ONE_COLUMN = 'screen and (max-width: 960px)';

mark('app');

const $ = (id) => document.getElementById(id);
const els = {
  source: $('source'),
  busy: $('busy'),
  statusText: $('status-text'),
  error: $('error'),
  report: $('report'),
  summary: $('summary'),
  textView: $('text-view'),
  meta: $('meta'),
  sources: $('sources'),
  sourcesCount: $('sources-count'),
  voices: $('voices'),
  flagList: $('flag-list'),
  flagsCount: $('flags-count'),
  flagsMsg: $('flags-msg'),
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
  // A whole article has just come in: its result takes the focus.
  focusResult: false,
};

// ---------------------------------------------------------------- the engine

const engine = new Engine({
  ready(version, categories, tradeOffs) {
    document.documentElement.dataset.engine = 'ready';
    els.version.textContent = version ? `${version}` : '';
    if (!state.categories.list.length) useCategories(categoryTable(categories));
    settings.setTradeOffs(tradeOffs);
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
  result(report, ms, options, how) {
    mark('result');
    clearError();
    showReport(report, options, how);
    setStatus(`Analysed ${plural(report.stats.words, 'word')} in ${formatNumber(Math.max(1, Math.round(ms)))} ms.`);
    if (state.focusResult) {
      state.focusResult = false;
      // A whole article has come in: the first screen is its summary, and
      // the focus is on its heading, from where j and k go on (and a screen
      // reader reads what was found).
      $('summary-title')?.focus({ preventScroll: true });
      els.summary.scrollIntoView({ block: 'start' });
    }
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

function options(input) {
  return { input, ...state.settings };
}

/** New settings: saved, shown, and the text analysed with them. */
function applySettings(next) {
  state.settings = next;
  if (!store.set(KEYS.settings, JSON.stringify(next))) store.remove(KEYS.settings);
  settings.render();
  run();
}

const settings = settingsPanel({
  get: () => state.settings,
  set: applySettings,
  download: (name, value) => download(name, json(value), 'application/json'),
});
settings.render();

let debounce = 0;
let scheduled = false;

function run() {
  clearTimeout(debounce);
  scheduled = false;
  saveText(els.source.value);
  if (!els.source.value.trim()) {
    state.focusResult = false;
    engine.cancel();
    clearError();
    showEmpty();
    showBusy();
    return;
  }
  const { text, input, how } = article.request();
  engine.request(text, options(input), how);
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
  document.documentElement.dataset.report = 'empty';
  for (const el of [els.summary, els.meta, els.sources, els.voices, els.flagList, els.flagsCount, els.sourcesCount, els.flagsMsg]) el.replaceChildren();
  cancelRender(els.textView);
  els.textView.replaceChildren(
    h('div', { class: 'placeholder' },
      h('p', { class: 'placeholder-title' }, 'Nothing to read yet.'),
      h('p', {}, 'Paste an article above, or load the sample, to see it here with loaded language and unsourced claims highlighted.')),
  );
  if (document.documentElement.dataset.engine === 'ready') setStatus('Ready.');
}

/** How the text was read, for "About this article": "Plain text (detected)". */
function inputLabel(report, how) {
  if (how?.startsWith('HTML')) return how;
  const kind = report.input_kind === 'html' ? 'HTML' : 'Plain text';
  return how ? `${kind} (${how})` : kind;
}

function showReport(report, opts = state.settings, how = null) {
  state.report = report;
  nav.reset();
  els.report.dataset.state = 'result';
  document.documentElement.dataset.report = 'result';
  const used = {
    disabled_categories: opts?.disabled_categories ?? [],
    custom_terms: opts?.custom_terms ?? [],
    sensitivity: opts?.sensitivity ?? defaults().sensitivity,
    ignored_terms: opts?.ignored_terms ?? [],
  };
  state.used = used;
  els.meta.replaceChildren(...meta(report, { input: inputLabel(report, how) }));
  els.voices.replaceChildren(...voicesLine(report));
  els.sources.replaceChildren(...sources(report, { onSelect: nav.goToSource, onSaid: nav.goToSaid }));
  els.sourcesCount.textContent = formatNumber(report.sources.length);
  showText();
}

/** The summary: its checkboxes hide categories, so it is drawn with the text. */
function showSummary() {
  const report = state.report;
  const had = els.summary.contains(document.activeElement) ? document.activeElement.id : null;
  els.summary.replaceChildren(...summary(report, {
    used: state.used,
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
    onLook: (i) => nav.goToFlag(i),
  }));
  $('summary-title')?.setAttribute('tabindex', '-1');
  // A checkbox that was used keeps the focus across the redraw.
  if (had) $(had)?.focus();
}

/** The parts that depend on which categories are shown. */
function showText() {
  const report = state.report;
  if (!report) return;
  tooltip.reset();
  // Text not in English has no sentence sourcing to mark.
  els.textView.classList.toggle('no-sentence-marks', !state.sentenceMarks || !isEnglish(report));
  if (!report.text.trim()) {
    state.textMap = [];
    cancelRender(els.textView);
    els.textView.replaceChildren(h('p', { class: 'placeholder' }, 'The core found no article text in this input.'));
  } else {
    state.textMap = renderText(els.textView, report, { hidden: state.hidden, tipId: 'tip' });
  }
  showSummary();
  const list = flagList(report, { categories: state.categories, hidden: state.hidden, onSelect: nav.goToFlag, onDismiss: dismiss });
  els.flagList.replaceChildren(...list.items);
  els.flagsCount.textContent = flagCount(list.shown, report.flags.length);
}

/**
 * "Don't flag this again": the flag's wording joins the ignore list in
 * Settings. The Flags panel says so, with an Undo.
 */
function dismiss(i) {
  const flag = state.report?.flags[i];
  if (!flag) return;
  const next = addIgnored(state.settings, flag.text);
  if (next === state.settings) return;
  const term = next.ignored_terms[next.ignored_terms.length - 1];
  applySettings(next);
  const undo = h('button', {
    type: 'button',
    class: 'linkish',
    onclick() {
      els.flagsMsg.replaceChildren();
      applySettings({ ...state.settings, ignored_terms: state.settings.ignored_terms.filter((t) => t !== term) });
    },
  }, 'Undo');
  els.flagsMsg.replaceChildren(`“${term}” will not be flagged again (Settings lists it). `, undo);
  // The flag's row is gone: the focus goes to the message's Undo.
  undo.focus();
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

// The text comes back first: what input.js restores with it needs it there.
const savedText = store.get(KEYS.text);
if (savedText) els.source.value = savedText;
const article = articleInput({
  run,
  schedule,
  save({ kind, from, html }) {
    store.set(KEYS.input, kind);
    if (from === 'file') store.set(KEYS.inputFrom, from);
    else store.remove(KEYS.inputFrom);
    if (html === null || !store.set(KEYS.rich, html)) store.remove(KEYS.rich);
  },
  saved: { kind: store.get(KEYS.input), from: store.get(KEYS.inputFrom), html: savedText ? store.get(KEYS.rich) : null },
  arrived: () => { state.focusResult = true; },
  showError,
  setStatus,
});
window.addEventListener('pagehide', () => saveText(els.source.value));

// ---------------------------------------------------------------- start

// In one column, the Flags come before the article: folded, so that the
// article still starts near the top.
if (window.matchMedia(ONE_COLUMN).matches) $('flags-panel').open = false;
// Printed, every panel is open.
window.addEventListener('beforeprint', () => {
  for (const id of ['meta-panel', 'flags-panel', 'sources-panel']) $(id).open = true;
});
if (savedText) run();
else showEmpty();
