// The report's panels: pure functions from the report (and what the page
// shows of it) to DOM nodes, which app.js puts in place. What a panel does
// when used comes in as callbacks. User text reaches the DOM as text nodes
// only (see h() in render.js).

import { KINDS } from './categories.js';
import { ATTRIBUTION, SOURCE_KINDS, formatDate, formatNumber, h, plural } from './render.js';
import { describeSettings } from './settings.js';

/** The summary line: loaded language, sourcing, density, and any settings. */
export function summary(report, { used, categories }) {
  const { summary: s, stats } = report;
  const changed = describeSettings(used, categories);
  // `|| 0` also turns the core's -0 (an empty f64 sum) into 0.
  const per1000 = formatNumber(Number(stats.flags_per_1000_words) || 0, 1);
  const item = (part, key, ...value) =>
    h('span', { class: 'summary-item', 'data-part': part }, h('span', { class: 'summary-key' }, key), ' ', ...value);
  return [
    item('loaded', 'Loaded language', s.loaded_language),
    item('sourcing', 'Sourcing', s.sourcing),
    item('density', 'Density', h('strong', { class: 'density' }, per1000), ' loaded terms per 1,000 words'),
    changed ? item('settings', 'Settings', changed) : '',
  ];
}

/**
 * The legend: per kind, a checkbox per category found (it hides, never
 * re-analyses), the categories not found or switched off, and the sentence
 * sourcing marks. `onHide(key, hidden)`, `onMarks(shown)`, `openSettings()`.
 */
export function legend(report, { used, categories, hidden, sentenceMarks, onHide, onMarks, openSettings }) {
  const counts = report.summary.counts ?? {};
  const off = new Set(used.disabled_categories);
  const names = (list, attr) => list.map((c, i) => [i ? ', ' : '', h('span', { [attr]: c.key }, c.label.toLowerCase())]);
  const groups = Object.entries(KINDS).map(([kind, label]) => {
    const all = categories.ofKind(kind).filter((c) => !off.has(c.key));
    const offHere = categories.ofKind(kind).filter((c) => off.has(c.key));
    const found = all.filter((c) => (counts[c.key] ?? 0) > 0);
    const missing = all.filter((c) => !((counts[c.key] ?? 0) > 0));
    const items = found.map((c) => {
      const id = `show-${c.key}`;
      const box = h('input', { type: 'checkbox', id, 'data-category': c.key, checked: !hidden.has(c.key) });
      box.addEventListener('change', () => onHide(c.key, !box.checked));
      return h('li', { class: 'chip' },
        box,
        h('label', { for: id },
          h('span', { class: `swatch k-${kind} c-${c.key}`, 'aria-hidden': 'true' }, 'Aa'),
          h('span', { class: 'chip-label' }, c.label),
          h('span', { class: 'count', 'data-count': c.key }, String(counts[c.key]))));
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
        ? h('p', { class: 'legend-missing' }, 'Not found: ', names(missing, 'data-count-zero'))
        : null,
      offHere.length
        ? h('p', { class: 'legend-missing' }, 'Switched off in Settings, not analysed: ', names(offHere, 'data-off'))
        : null);
  });
  const note = h('p', { class: 'legend-note' },
    'Unticking a category only hides its highlights; it still counts. To leave a category out of the analysis, use ',
    h('button', { type: 'button', class: 'linkish', onclick: openSettings }, 'Settings'), '.');

  const marksBox = h('input', { type: 'checkbox', id: 'show-sentence-marks', checked: sentenceMarks });
  marksBox.addEventListener('change', () => onMarks(marksBox.checked));
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

  return [...groups, attribution, note];
}

/** "About this article": the metadata and the counts. */
export function meta(report, { detected }) {
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
    row('reading', 'Reading time', st.reading_minutes != null ? `${st.reading_minutes} min` : null),
    row('input', 'Input', (report.input_kind === 'html' ? 'HTML' : 'Plain text') + (detected ? ' (detected)' : '')),
  ];
}

/** The sources, each a button: `onSelect(i)` goes to its next mention. */
export function sources(report, { onSelect }) {
  const list = report.sources ?? [];
  if (!list.length) return [h('li', { class: 'empty' }, 'No sources found.')];
  return list.map((src, i) =>
    h('li', {},
      h('button', { type: 'button', class: 'source', 'data-source': i, onclick: () => onSelect(i) },
        h('span', { class: 'source-name' }, src.name),
        h('span', { class: `source-kind sk-${src.kind}` }, SOURCE_KINDS[src.kind] ?? src.kind),
        h('span', { class: 'source-count', title: 'mentions' }, `×${src.mentions}`))));
}

const FLAG_LIST_MAX = 1000;

/** The flags not hidden, at most FLAG_LIST_MAX, each a button: `onSelect(i)`. */
export function flagList(report, { categories, hidden, onSelect }) {
  const items = [];
  let more = 0;
  report.flags.forEach((f, i) => {
    if (hidden.has(f.category)) return;
    if (items.length >= FLAG_LIST_MAX) return void more++;
    items.push(h('li', {},
      h('button', { type: 'button', class: `flag-item k-${f.kind}`, 'data-flag': i, onclick: () => onSelect(i) },
        h('span', { class: `swatch k-${f.kind} c-${f.category}`, 'aria-hidden': 'true' }),
        h('span', { class: 'flag-text' }, f.text),
        h('span', { class: 'flag-cat' }, categories.label(f.category), f.in_quotation ? ' · quoted' : ''))));
  });
  if (more) items.push(h('li', { class: 'empty' }, `and ${plural(more, 'more flag')}: use j/k in the text, or the exports.`));
  if (!items.length) {
    items.push(h('li', { class: 'empty' }, report.flags.length ? 'All flags are hidden by the legend checkboxes.' : 'Nothing flagged.'));
  }
  return items;
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
      f.in_quotation ? h('p', { class: 'tip-quote' }, 'In a quotation — the speaker’s word, not the author’s.') : null));
}
