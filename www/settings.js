// Analysis settings: categories switched off, the reader's own terms, the
// learned detector's sensitivity and the terms the reader dismissed. They
// are passed to the core as `disabled_categories`, `custom_terms`,
// `sensitivity` and `ignored_terms`, so they change the report itself
// (unlike the summary's checkboxes, which only hide). User strings reach
// the DOM as text nodes only.

import { KINDS, categoryTable } from './categories.js';
import { h } from './render.js';

export const LIMITS = { terms: 200, term: 80, note: 300, ignored: 500, ignoredTerm: 200, file: 1024 * 1024 };

/** The core's default sensitivity: its best cross-validated F1. */
export const DEFAULT_SENSITIVITY = 0.5;

export const defaults = () => ({ disabled_categories: [], custom_terms: [], sensitivity: DEFAULT_SENSITIVITY, ignored_terms: [] });

export const isDefault = (s) => !s.disabled_categories.length && !s.custom_terms.length
  && s.sensitivity === DEFAULT_SENSITIVITY && !s.ignored_terms.length;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (v) => JSON.stringify(v)?.slice(0, 40) ?? String(v);
/** Case-insensitive key for duplicate checks (of cleaned terms). */
const fold = (s) => s.normalize('NFC').toLowerCase();
export const cleanTerm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

/** Why `term` cannot be added to `terms`, or null. */
export function termProblem(term, terms) {
  if (!term) return 'Type a term first.';
  if (term.length > LIMITS.term) return `A term can be at most ${LIMITS.term} characters.`;
  if (!/[\p{L}\p{N}]/u.test(term)) return 'A term needs at least one letter or digit.';
  const key = fold(term);
  const dup = terms.find((t) => fold(t.term) === key);
  if (dup) return `“${dup.term}” is already on your list.`;
  if (terms.length >= LIMITS.terms) return `You can add at most ${LIMITS.terms} terms.`;
  return null;
}

/**
 * Check settings read from storage or a file; return a clean copy (the core's
 * options minus `input`) or throw an Error whose message says what is wrong.
 * `categories` is the core's table (categories.js); null before the core has
 * sent it, when a category need only be a string (the core checks it, and
 * the page again once it knows the table).
 */
export function parseSettings(value, categories) {
  const isCategory = (c) => typeof c === 'string' && (!categories || categories.has(c));
  if (!isObject(value)) throw new Error('it is not a settings object');
  for (const key of Object.keys(value)) {
    if (!['disabled_categories', 'custom_terms', 'sensitivity', 'ignored_terms', 'input'].includes(key)) throw new Error(`“${key}” is not a setting`);
  }
  const off = value.disabled_categories ?? [];
  if (!Array.isArray(off)) throw new Error('“disabled_categories” is not a list');
  for (const c of off) if (!isCategory(c)) throw new Error(`${show(c)} is not a category`);
  const list = value.custom_terms ?? [];
  if (!Array.isArray(list)) throw new Error('“custom_terms” is not a list');
  const terms = [];
  for (const t of list) {
    if (!isObject(t)) throw new Error(`term ${show(t)} is not an object`);
    for (const key of Object.keys(t)) {
      if (!['term', 'category', 'note'].includes(key)) throw new Error(`“${key}” is not a term field`);
    }
    if (typeof t.term !== 'string') throw new Error(`term ${show(t.term)} is not text`);
    const term = cleanTerm(t.term);
    const problem = termProblem(term, terms);
    if (problem) throw new Error(`term ${show(t.term)}: ${problem.replace(/\.$/, '')}`);
    if (t.category === undefined) throw new Error(`“${term}” has no category`);
    if (!isCategory(t.category)) throw new Error(`the category of “${term}”, ${show(t.category)}, is not a category`);
    if (t.note != null && typeof t.note !== 'string') throw new Error(`the note of “${term}” is not text`);
    const note = (t.note ?? '').trim();
    if (note.length > LIMITS.note) throw new Error(`the note of “${term}” is longer than ${LIMITS.note} characters`);
    terms.push({ term, category: t.category, note: note || null });
  }
  const sensitivity = value.sensitivity ?? DEFAULT_SENSITIVITY;
  if (typeof sensitivity !== 'number' || !(sensitivity >= 0 && sensitivity <= 1)) {
    throw new Error(`the sensitivity, ${show(sensitivity)}, is not a number from 0 to 1`);
  }
  const dismissed = value.ignored_terms ?? [];
  if (!Array.isArray(dismissed)) throw new Error('“ignored_terms” is not a list');
  let ignored = [];
  for (const t of dismissed) {
    if (typeof t !== 'string') throw new Error(`ignored term ${show(t)} is not text`);
    const term = cleanTerm(t);
    if (!term || term.length > LIMITS.ignoredTerm) throw new Error(`ignored term ${show(t)} is empty or longer than ${LIMITS.ignoredTerm} characters`);
    ignored = addIgnoredTerm(ignored, term);
  }
  if (ignored.length > LIMITS.ignored) throw new Error(`there are more than ${LIMITS.ignored} ignored terms`);
  return {
    disabled_categories: categories ? categories.inOrder(off) : [...new Set(off)],
    custom_terms: terms,
    sensitivity,
    ignored_terms: ignored,
  };
}

/** `list` with `term` at its end, unless it holds it already (any case). */
function addIgnoredTerm(list, term) {
  const key = fold(term);
  return list.some((t) => fold(t) === key) ? list : [...list, term];
}

/**
 * Settings with `text` (a flag's wording) on the ignore list: the same
 * object when it is there already, or the list is full.
 */
export function addIgnored(settings, text) {
  const term = cleanTerm(text).slice(0, LIMITS.ignoredTerm);
  if (!term || settings.ignored_terms.length >= LIMITS.ignored) return settings;
  const list = addIgnoredTerm(settings.ignored_terms, term);
  return list === settings.ignored_terms ? settings : { ...settings, ignored_terms: list };
}

/** How the sensitivity reads: on the slider, and in the settings line. */
export function sensitivityText(value) {
  if (value === DEFAULT_SENSITIVITY) return 'the default balance';
  if (value === 0) return 'fewest, surest flags';
  if (value === 1) return 'most flags';
  return value < DEFAULT_SENSITIVITY ? 'fewer, surer flags' : 'more flags';
}

/**
 * What the learned detector trades at sensitivity `value`, read off the
 * core's measured points (straight lines between them, rising
 * sensitivities): `{ precision, recall }`, or null without points.
 */
export function tradeAt(points, value) {
  if (!points?.length) return null;
  const after = points.findIndex((p) => p.sensitivity >= value);
  if (after === 0) return { precision: points[0].precision, recall: points[0].recall };
  if (after === -1) return { precision: points.at(-1).precision, recall: points.at(-1).recall };
  const [a, b] = [points[after - 1], points[after]];
  const t = (value - a.sensitivity) / (b.sensitivity - a.sensitivity);
  return { precision: a.precision + (b.precision - a.precision) * t, recall: a.recall + (b.recall - a.recall) * t };
}

/** The trade-off as the settings say it under the slider ('' for none). */
export function tradeText(trade) {
  if (!trade) return '';
  const pct = (x) => `${Math.round(x * 100)}%`;
  return `Tried on annotated news the model had not seen, at this setting: ${pct(trade.precision)} of the text flagged as `
    + `loaded language or name-calling was text annotators had marked, and ${pct(trade.recall)} of what they marked was flagged.`;
}

/** One line about settings that differ from the defaults ('' when none). */
export function describeSettings(s, categories) {
  const parts = [];
  const n = s.disabled_categories.length;
  if (n === 1) parts.push(`${categories.label(s.disabled_categories[0]).toLowerCase()} not analysed`);
  else if (n) parts.push(`${n} categories not analysed`);
  const t = s.custom_terms.length;
  if (t) parts.push(`${t} term${t === 1 ? '' : 's'} of your own`);
  const sensitivity = s.sensitivity ?? DEFAULT_SENSITIVITY;
  if (sensitivity !== DEFAULT_SENSITIVITY) parts.push(sensitivityText(sensitivity));
  const d = s.ignored_terms?.length ?? 0;
  if (d) parts.push(`${d} term${d === 1 ? '' : 's'} dismissed`);
  return parts.join(' · ');
}

/**
 * Wire the settings panel. `get()` returns the current settings, `set(next)`
 * applies (saves, re-runs) them; `render()` must be called after each set.
 * The category switches and choices come with `setCategories(table)`, once
 * the core has sent its table; `download(name, settings)` saves a file.
 */
export function settingsPanel({ get, set, download }) {
  const $ = (id) => document.getElementById(id);
  const els = {
    panel: $('settings'), state: $('settings-state'), switches: $('category-switches'),
    form: $('term-form'), term: $('term-text'), category: $('term-category'), note: $('term-note'),
    termMsg: $('term-msg'), list: $('term-list'),
    sensitivity: $('sensitivity'), sensitivityValue: $('sensitivity-value'), sensitivityTrade: $('sensitivity-trade'),
    ignored: $('ignored-list'), ignoredMsg: $('ignored-msg'),
    exportBtn: $('settings-export'), importBtn: $('settings-import'), file: $('settings-file'),
    reset: $('settings-reset'), msg: $('settings-msg'),
  };
  const say = (el, text, error = false) => {
    el.textContent = text;
    el.classList.toggle('is-error', error);
  };

  let categories = categoryTable();

  /** The category switches, grouped like the legend, and the term's category choices. */
  function setCategories(table) {
    categories = table;
    els.switches.replaceChildren(...Object.entries(KINDS).map(([kind, label]) =>
      h('div', { class: 'switch-group' },
        h('p', { class: 'switch-kind' }, label),
        h('div', { class: 'switch-list' }, categories.ofKind(kind).map((c) => {
          const box = h('input', { type: 'checkbox', role: 'switch', class: 'switch', id: `analyse-${c.key}`, 'data-category': c.key });
          box.addEventListener('change', () => {
            const cur = get();
            const off = new Set(cur.disabled_categories);
            if (box.checked) off.delete(c.key);
            else off.add(c.key);
            set({ ...cur, disabled_categories: categories.inOrder([...off]) });
          });
          return h('label', { class: 'switch-row', for: box.id }, box,
            h('span', { class: `swatch k-${kind} c-${c.key}`, 'aria-hidden': 'true' }),
            h('span', {}, c.label));
        })))));

    els.category.replaceChildren(...Object.entries(KINDS).map(([kind, label]) =>
      h('optgroup', { label }, categories.ofKind(kind).map((c) =>
        h('option', { value: c.key }, c.label)))));
    els.category.value = 'name_calling';
    render();
  }

  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const cur = get();
    const term = cleanTerm(els.term.value);
    const problem = termProblem(term, cur.custom_terms);
    els.term.toggleAttribute('aria-invalid', Boolean(problem));
    if (problem) {
      say(els.termMsg, problem, true);
      els.term.focus();
      return;
    }
    const note = els.note.value.trim() || null;
    set({ ...cur, custom_terms: [...cur.custom_terms, { term, category: els.category.value, note }] });
    say(els.termMsg, `Added “${term}”.`);
    els.term.value = '';
    els.note.value = '';
    els.term.focus();
  });
  els.term.addEventListener('input', () => {
    els.term.removeAttribute('aria-invalid');
    say(els.termMsg, '');
  });

  // The slider re-analyses when let go (or on each key press), and says
  // where it stands while it moves.
  const sensitivityOf = () => Math.round(Number(els.sensitivity.value) * 100) / 100;
  // What each setting trades, as the core measured it (none until it is ready).
  let tradeOffs = [];
  const showSensitivity = (value) => {
    const text = sensitivityText(value);
    els.sensitivity.setAttribute('aria-valuetext', text);
    els.sensitivityValue.textContent = text[0].toUpperCase() + text.slice(1);
    els.sensitivityTrade.textContent = tradeText(tradeAt(tradeOffs, value));
  };
  els.sensitivity.addEventListener('input', () => showSensitivity(sensitivityOf()));
  els.sensitivity.addEventListener('change', () => {
    const cur = get();
    if (sensitivityOf() !== cur.sensitivity) set({ ...cur, sensitivity: sensitivityOf() });
  });

  els.exportBtn.addEventListener('click', () => {
    download('slant-settings.json', get());
    say(els.msg, 'Exported as slant-settings.json.');
  });
  els.importBtn.addEventListener('click', () => els.file.click());
  els.file.addEventListener('change', async () => {
    const file = els.file.files?.[0];
    els.file.value = '';
    if (!file) return;
    let next;
    try {
      if (file.size > LIMITS.file) throw new Error('it is larger than 1 MB');
      let json;
      try {
        json = JSON.parse(await file.text());
      } catch {
        throw new Error('it is not valid JSON');
      }
      next = parseSettings(json, categories);
    } catch (err) {
      say(els.msg, `“${file.name}” was not imported: ${err.message}. Your settings are unchanged.`, true);
      return;
    }
    set(next);
    say(els.msg, `Imported the settings from “${file.name}”.`);
  });
  els.reset.addEventListener('click', () => {
    set(defaults());
    say(els.msg, 'Settings reset: every category analysed, no terms of your own, the default sensitivity, nothing dismissed.');
  });

  function render() {
    const s = get();
    els.state.textContent = describeSettings(s, categories) || 'every category analysed';
    for (const box of els.switches.querySelectorAll('input')) {
      box.checked = !s.disabled_categories.includes(box.dataset.category);
    }
    els.list.replaceChildren(...(s.custom_terms.length ? s.custom_terms.map((t) =>
      h('li', { class: 'term' },
        h('span', { class: 'term-main' },
          h('span', { class: `swatch k-${categories.kind(t.category)} c-${t.category}` }, t.term),
          h('span', { class: 'term-cat' }, categories.label(t.category))),
        t.note ? h('span', { class: 'term-text-note' }, t.note) : null,
        h('button', {
          type: 'button',
          class: 'term-remove quiet',
          onclick: () => {
            const cur = get();
            set({ ...cur, custom_terms: cur.custom_terms.filter((x) => x.term !== t.term) });
            say(els.termMsg, `Removed “${t.term}”.`);
            els.term.focus();
          },
        }, 'Remove', h('span', { class: 'vh' }, ` “${t.term}”`)))) : [h('li', { class: 'empty' }, 'No terms yet.')]));
    els.sensitivity.value = String(s.sensitivity);
    showSensitivity(s.sensitivity);
    els.ignored.replaceChildren(...(s.ignored_terms.length ? s.ignored_terms.map((term) =>
      h('li', { class: 'term' },
        h('span', { class: 'term-main' }, h('span', { class: 'ignored-term' }, term)),
        h('button', {
          type: 'button',
          class: 'term-remove quiet',
          onclick: () => {
            const cur = get();
            set({ ...cur, ignored_terms: cur.ignored_terms.filter((x) => x !== term) });
            say(els.ignoredMsg, `“${term}” is flagged again.`);
            (els.ignored.querySelector('button') ?? els.sensitivity).focus();
          },
        }, 'Flag again', h('span', { class: 'vh' }, ` “${term}”`)))) : [h('li', { class: 'empty' }, 'None: dismiss a flag with × in the Flags list.')]));
  }

  return {
    render,
    setCategories,
    setTradeOffs(points) {
      tradeOffs = Array.isArray(points) ? points : [];
      showSensitivity(sensitivityOf());
    },
    open() {
      els.panel.open = true;
      els.panel.querySelector('summary').focus();
      els.panel.scrollIntoView({ block: 'nearest' });
    },
  };
}
