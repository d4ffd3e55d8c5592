// The report's panels: pure functions from the report (and what the page
// shows of it) to DOM nodes, which app.js puts in place. What a panel does
// when used comes in as callbacks. User text reaches the DOM as text nodes
// only (see h() in render.js).

import { KINDS } from './categories.js';
import { densityChart, sourcingChart } from './charts.js';
import { figures, isEnglish, languageName, lookFirst, readingTime, voiceCount, voices } from './figures.js';
import { SOURCE_KINDS, formatDate, formatNumber, h, plural, sureness } from './render.js';
import { describeSettings } from './settings.js';

/**
 * The summary: what was found, how much, and where to look first — one
 * block, each figure once. A card per kind of flag holds its total and the
 * legend's checkboxes (which hide a category's highlights, never
 * re-analyse), the loaded-language card the density gauge, the sourcing
 * card the sourcing bar and the switch for the sentence marks. Text the
 * core did not read as English gets a notice instead of the cards.
 * Callbacks: `onHide(key, hidden)`, `onMarks(shown)`, `openSettings()`,
 * `onLook(flagIndex)`.
 */
export function summary(report, { used, categories, hidden, sentenceMarks, onHide, onMarks, openSettings, onLook }) {
  const fig = figures(report);
  const changed = describeSettings(used, categories);
  const english = isEnglish(report);
  const title = english
    ? h('h2', { id: 'summary-title', class: 'summary-title', 'data-figure': 'flags' },
      h('strong', { class: 'figure-value' }, formatNumber(fig.flags)), fig.flags === 1 ? ' flag' : ' flags')
    : h('h2', { id: 'summary-title', class: 'summary-title' }, `This text looks ${languageName(report)}`);
  const parts = [h('div', { class: 'summary-head' }, title,
    changed ? h('p', { class: 'summary-setting', 'data-part': 'settings' }, 'Settings: ', changed) : null)];
  if (!english) {
    parts.push(h('p', { class: 'summary-language', 'data-part': 'language' },
      `Slant analyses English. Its word lists and its reading of who said what are English, so loaded language, unsourced assertions and sourcing are not checked in this ${languageName(report)} text. `,
      fig.flags
        ? `Your own terms from Settings are still looked for: ${plural(fig.flags, 'flag')}, listed under Flags.`
        : 'Your own terms from Settings are still looked for: none is in this text.'));
    if (fig.flags) parts.push(lookFirstRow(report, fig, { categories, hidden, onLook }));
    return parts;
  }
  const off = new Set(used.disabled_categories);
  const [loaded, unsourced] = Object.keys(KINDS).map((kind) => kindCard(kind, fig, { categories, off, hidden, onHide }));
  const marksBox = h('input', { type: 'checkbox', id: 'show-sentence-marks', checked: sentenceMarks });
  marksBox.addEventListener('change', () => onMarks(marksBox.checked));
  const sourcing = h('section', { class: 'figure figure-sourcing', 'data-figure': 'sourcing', 'aria-labelledby': 'figure-sourcing' },
    h('h3', { class: 'figure-title', id: 'figure-sourcing' }, 'Sourcing', h('span', { class: 'legend-style' }, 'mark before each sentence')),
    sourcingChart(fig),
    h('p', { class: 'figure-switch' }, marksBox, h('label', { for: 'show-sentence-marks' }, 'Show the marks in the text')));
  const note = h('p', { class: 'legend-note' },
    'Unticking a category only hides its highlights; it still counts. To leave a category out of the analysis, use ',
    h('button', { type: 'button', class: 'linkish', onclick: openSettings }, 'Settings'), '.');
  parts.push(
    h('div', { id: 'legend', class: 'figures' }, loaded, unsourced, sourcing, note),
    fig.flags ? lookFirstRow(report, fig, { categories, hidden, onLook }) : null,
  );
  return parts;
}

/** A kind of flag: its total, whose, and a checkbox per category found. */
function kindCard(kind, fig, { categories, off, hidden, onHide }) {
  const all = categories.ofKind(kind).filter((c) => !off.has(c.key));
  const offHere = categories.ofKind(kind).filter((c) => off.has(c.key));
  const found = all.filter((c) => fig.counts[c.key] > 0);
  const missing = all.filter((c) => !(fig.counts[c.key] > 0));
  const names = (list, attr) => list.map((c, i) => [i ? ', ' : '', h('span', { [attr]: c.key }, c.label.toLowerCase())]);
  const loaded = kind === 'loaded_language';
  const total = loaded ? fig.loaded : fig.unsourced;
  const what = loaded ? ['loaded term', 'loaded terms'] : ['unsourced assertion', 'unsourced assertions'];
  const items = found.map((c) => {
    const id = `show-${c.key}`;
    const box = h('input', { type: 'checkbox', id, 'data-category': c.key, checked: !hidden.has(c.key) });
    box.addEventListener('change', () => onHide(c.key, !box.checked));
    return h('li', { class: 'chip' },
      box,
      h('label', { for: id },
        h('span', { class: `swatch k-${kind} c-${c.key}`, 'aria-hidden': 'true' }, 'Aa'),
        h('span', { class: 'chip-label' }, c.label),
        h('span', { class: 'count', 'data-count': c.key }, formatNumber(fig.counts[c.key]))));
  });
  let whose = '';
  if (loaded && fig.loaded > 1) whose = fig.authorLoaded === fig.loaded ? ", all the author's own" : `, ${formatNumber(fig.authorLoaded)} the author's own`;
  else if (loaded && fig.loaded === 1) whose = fig.authorLoaded ? ", the author's own" : ', in a quotation';
  return h('section', { class: `figure figure-${kind} legend-group legend-${kind}`, 'data-figure': loaded ? 'loaded' : 'unsourced', 'aria-labelledby': `figure-${kind}` },
    h('h3', { class: 'figure-title', id: `figure-${kind}` }, KINDS[kind],
      h('span', { class: 'legend-style' }, loaded ? 'wavy underline' : 'dashed / dotted underline')),
    h('p', { class: 'figure-main' },
      h('strong', { class: 'figure-value' }, formatNumber(total)), ' ', total === 1 ? what[0] : what[1], whose,
      all.length ? '' : ' — not analysed'),
    loaded ? densityChart(fig) : null,
    items.length ? h('ul', { class: 'chips' }, items) : null,
    missing.length && found.length
      ? h('p', { class: 'legend-missing' }, 'Not found: ', names(missing, 'data-count-zero'))
      : null,
    offHere.length
      ? h('p', { class: 'legend-missing' }, 'Switched off in Settings, not analysed: ', names(offHere, 'data-off'))
      : null);
}

/** "Look first": the flags to read before the rest (figures.js's lookFirst), each a button. */
function lookFirstRow(report, fig, { categories, hidden, onLook }) {
  const picks = lookFirst(report, undefined, hidden);
  if (!picks.length) return null;
  return h('div', { class: 'look-first', 'data-look': '' },
    h('h3', { class: 'look-title', id: 'look-title' }, 'Look first at'),
    h('ul', { class: 'look-list', 'aria-labelledby': 'look-title' }, picks.map((i) => {
      const f = report.flags[i];
      return h('li', {},
        h('button', { type: 'button', class: `look k-${f.kind}`, 'data-flag': i, onclick: () => onLook(i) },
          h('span', { class: `swatch k-${f.kind} c-${f.category}`, 'aria-hidden': 'true' }),
          h('span', { class: 'look-text' }, `“${f.text}”`),
          h('span', { class: 'look-cat' }, categories.label(f.category), f.in_quotation ? ' · quoted' : '')));
    })),
    fig.flags > picks.length ? h('p', { class: 'look-more' }, `then the other ${plural(fig.flags - picks.length, 'flag')}, under Flags.`) : null);
}

/**
 * "About this article": the metadata and the counts. `input` says how the
 * text was read: "Plain text (detected)", "HTML (formatted copy)", …
 */
export function meta(report, { input }) {
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
  return [
    row('title', 'Title', m.title),
    row('authors', m.authors?.length > 1 ? 'Authors' : 'Author', m.authors?.length ? m.authors.join(', ') : null),
    row('published', 'Published', published),
    row('publisher', 'Publisher', m.publisher),
    row('section', 'Section', m.section),
    row('tags', 'Tags', tags),
    row('words', 'Words', st.words != null ? formatNumber(st.words) : null),
    row('sentences', 'Sentences', st.sentences != null ? formatNumber(st.sentences) : null),
    row('reading', 'Reading time', readingTime(st.reading_minutes)),
    row('input', 'Input', input),
  ];
}

/** The voices by kind above the sources: "4 people · 2 organisations · …", each count its own span. */
export function voicesLine(report) {
  const list = voices(report);
  return list.map(([kind, n], k) => [k ? ' · ' : '', h('span', { 'data-voices': kind }, voiceCount(kind, n))]).flat();
}

/**
 * Passages a source shows before its "N more": two, so a reader scans who
 * said what first; one when there are many sources, so that the Flags below
 * them in the side column stay within reach.
 */
export const saysShown = (sourceCount) => (sourceCount > 6 ? 1 : 2);
const SAID_MAX = 160;

/** A passage as the panel shows it: on one line, cut at a word past SAID_MAX characters with "…". */
export function shorten(text, max = SAID_MAX) {
  const t = text.replace(/\s+/g, ' ').trim();
  const chars = [...t]; // code points: a cut never splits an emoji
  if (chars.length <= max) return t;
  const cut = chars.slice(0, max).join('');
  const space = chars[max] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The sources: each a button, `onSelect(i)` goes to its next mention; under
 * it what it is reported as saying, each passage a button, `onSaid(i, j)`
 * goes to that passage. Past saysShown() passages, "N more" shows the rest.
 */
export function sources(report, { onSelect, onSaid }) {
  const list = report.sources ?? [];
  if (!list.length) {
    return [h('li', { class: 'empty' }, isEnglish(report) ? 'No sources found.' : 'Not looked for: the text is not in English.')];
  }
  const shown = saysShown(list.length);
  return list.map((src, i) => {
    const says = src.says ?? [];
    const items = says.map((span, j) =>
      h('li', { hidden: j >= shown },
        h('button', { type: 'button', class: 'said', 'data-said': `${i}-${j}`, onclick: () => onSaid(i, j) },
          shorten(report.text.slice(span.start, span.end)))));
    let more = null;
    if (says.length > shown) {
      const rest = says.length - shown;
      more = h('button', { type: 'button', class: 'says-more linkish', 'aria-expanded': 'false', 'aria-controls': `says-${i}` }, `${formatNumber(rest)} more`);
      more.addEventListener('click', () => {
        const open = more.getAttribute('aria-expanded') !== 'true';
        more.setAttribute('aria-expanded', String(open));
        more.textContent = open ? 'Fewer' : `${formatNumber(rest)} more`;
        items.slice(shown).forEach((li) => { li.hidden = !open; });
      });
    }
    return h('li', { class: 'source-row' },
      h('button', { type: 'button', class: 'source', 'data-source': i, onclick: () => onSelect(i) },
        h('span', { class: 'source-name' }, src.name),
        h('span', { class: `source-kind sk-${src.kind}` }, SOURCE_KINDS[src.kind] ?? src.kind),
        h('span', { class: 'source-count', title: 'mentions' }, `×${formatNumber(src.mentions)}`)),
      items.length ? h('ul', { class: 'says', id: `says-${i}`, 'aria-label': `What ${src.name} is reported as saying` }, items) : null,
      more);
  });
}

const FLAG_LIST_MAX = 1000;

/**
 * The flags not hidden, at most FLAG_LIST_MAX, each a button: `onSelect(i)`;
 * beside each, a button to dismiss its wording for good: `onDismiss(i)`.
 * Returns `{ items, shown }`: the list items, and how many flags pass the
 * legend (listed or, beyond the cap, counted in its last line).
 */
export function flagList(report, { categories, hidden, onSelect, onDismiss }) {
  const items = [];
  let shown = 0;
  report.flags.forEach((f, i) => {
    if (hidden.has(f.category)) return;
    if (shown++ >= FLAG_LIST_MAX) return;
    items.push(h('li', { class: 'flag-row' },
      h('button', { type: 'button', class: `flag-item k-${f.kind}`, 'data-flag': i, onclick: () => onSelect(i) },
        h('span', { class: `swatch k-${f.kind} c-${f.category}`, 'aria-hidden': 'true' }),
        h('span', { class: 'flag-text' }, f.text),
        h('span', { class: 'flag-cat' }, categories.label(f.category), f.in_quotation ? ' · quoted' : '')),
      h('button', {
        type: 'button', class: 'flag-dismiss quiet', 'data-dismiss': i, title: 'Don’t flag this again', onclick: () => onDismiss(i),
      }, h('span', { 'aria-hidden': 'true' }, '×'), h('span', { class: 'vh' }, `Don’t flag “${f.text}” again`))));
  });
  const more = shown - Math.min(shown, FLAG_LIST_MAX);
  if (more) items.push(h('li', { class: 'empty' }, `and ${plural(more, 'more flag')}: use j/k in the text, or the exports.`));
  if (!items.length) {
    items.push(h('li', { class: 'empty' }, report.flags.length ? 'All flags are hidden by the summary’s checkboxes.' : 'Nothing flagged.'));
  }
  return { items, shown };
}

/** The Flags heading's count: "30", or "25 of 30" when the legend hides some. */
export function flagCount(shown, total) {
  return shown === total ? formatNumber(total) : `${formatNumber(shown)} of ${formatNumber(total)}`;
}

/** A highlight's tooltip: every flag that covers it. */
export function flagTip(flags, { categories }) {
  return flags.map((f) =>
    h('div', { class: `tip-flag k-${f.kind}` },
      h('p', { class: 'tip-head' },
        h('span', { class: `swatch k-${f.kind} c-${f.category}`, 'aria-hidden': 'true' }),
        h('span', { class: 'tip-cat' }, categories.label(f.category)),
        h('span', { class: 'tip-kind' }, KINDS[f.kind] ?? f.kind)),
      h('p', { class: 'tip-message' }, f.message),
      f.alternative ? h('p', { class: 'tip-alt' }, h('span', { class: 'tip-label' }, 'Neutral alternative: '), f.alternative) : null,
      f.in_quotation ? h('p', { class: 'tip-quote' }, 'In a quotation — the speaker’s word, not the author’s.') : null,
      f.confidence != null ? h('p', { class: 'tip-confidence' }, confidenceNote(f.confidence)) : null));
}

/** A learned flag's confidence, as the tooltip says it: "Learned from annotated news · 46% sure". */
export const confidenceNote = (confidence) => `Learned from annotated news · ${sureness(confidence)}`;
