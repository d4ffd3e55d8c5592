// DOM building for the report. Everything here creates nodes and sets
// textContent; no HTML strings are ever parsed, so the pasted text cannot
// inject markup.
// Measured: BENCHMARKS.md#t-locale-by-hand.

export const ATTRIBUTION = {
  named: { label: 'Named source', hint: 'the sentence says who said it' },
  vague: { label: 'Vague source', hint: '“experts say”, “critics argue”…' },
  none: { label: 'No source', hint: 'the sentence is not attributed to anyone' },
};

export const SOURCE_KINDS = {
  person: 'person',
  organisation: 'organisation',
  document: 'document',
  vague: 'vague',
};

/** The same kinds counted: "2 people", "3 vague". */
export const SOURCE_KINDS_MANY = {
  person: 'people',
  organisation: 'organisations',
  document: 'documents',
  vague: 'vague',
};

/** Create an element. Strings among the children become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/**
 * The blocks of the text view, [start, end) each, from the core's
 * paragraphs: each paragraph is one, and the text outside every paragraph
 * (bylines, datelines, footers: not prose) is laid out as it was typed — a
 * line of it joins the block it follows across a single line break, and
 * starts a block of its own after a blank line. Two paragraphs are always
 * two blocks.
 */
export function blocks(text, paragraphs) {
  const out = [];
  let lastIsParagraph = false;
  const add = (start, end, isParagraph) => {
    const last = out[out.length - 1];
    if (last && !(lastIsParagraph && isParagraph) && lineBreaks(text, last[1], start) < 2) last[1] = end;
    else out.push([start, end]);
    lastIsParagraph = isParagraph;
  };
  /** The lines of text[a, b), trimmed, those with anything on them. */
  const outside = (a, b) => {
    for (let start = a; start < b; ) {
      const next = text.indexOf('\n', start);
      const lineEnd = next === -1 || next > b ? b : next;
      let [s, e] = [start, lineEnd];
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) add(s, e, false);
      start = lineEnd + 1;
    }
  };
  const len = text.length;
  const clamp = (n) => Math.max(0, Math.min(len, n | 0));
  let at = 0;
  for (const p of paragraphs) {
    const [start, end] = [clamp(p.start), clamp(p.end)];
    if (start < at || end <= start) continue;
    outside(at, start);
    add(start, end, true);
    at = end;
  }
  outside(at, len);
  return out;
}

function lineBreaks(text, a, b) {
  let n = 0;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Cut the text at every block, sentence and flag boundary and yield the runs
 * to render: each run lies in one block and one sentence and is covered by
 * one set of flags (possibly empty). Lazily: runs are made as they are taken,
 * for progressive rendering.
 */
export function* runsOf(report, flags) {
  const { text, sentences } = report;
  const len = text.length;
  const clamp = (n) => Math.max(0, Math.min(len, n | 0));
  const paras = blocks(text, report.paragraphs);
  const sents = sentences
    .map((s, i) => ({ start: clamp(s.start), end: clamp(s.end), i }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const fl = flags
    .map((f) => ({ start: clamp(f.start), end: clamp(f.end), i: f.i }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  // Every boundary, sorted and deduplicated (a typed array sorts numbers fast).
  const all = new Float64Array(2 + 2 * (paras.length + sents.length + fl.length));
  let n = 0;
  all[n++] = 0;
  all[n++] = len;
  for (const [a, b] of paras) { all[n++] = a; all[n++] = b; }
  for (const x of sents) { all[n++] = x.start; all[n++] = x.end; }
  for (const x of fl) { all[n++] = x.start; all[n++] = x.end; }
  all.sort();
  const points = [];
  for (let i = 0; i < n; i++) if (i === 0 || all[i] !== all[i - 1]) points.push(all[i]);

  let prev = null;
  let p = 0; // block index
  let s = 0; // sentence pointer
  let f = 0; // next flag to activate
  let active = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const x = points[k];
    const y = points[k + 1];
    while (p < paras.length && paras[p][1] <= x) p++;
    if (p >= paras.length) break;
    if (x < paras[p][0]) continue; // between blocks
    while (f < fl.length && fl[f].start <= x) active.push(fl[f++]);
    active = active.filter((a) => a.end > x);
    while (s < sents.length && sents[s].end <= x) s++;
    const sent = s < sents.length && sents[s].start <= x ? sents[s] : null;
    const ids = active.map((a) => a.i).sort((a, b) => a - b);
    const heads = active.filter((a) => a.start === x).map((a) => a.i);
    const key = ids.join(' ');
    if (prev && prev.para === p && prev.sent === (sent ? sent.i : -1) && prev.key === key && prev.end === x && heads.length === 0) {
      prev.end = y;
    } else {
      if (prev) yield prev;
      prev = { start: x, end: y, para: p, sent: sent ? sent.i : -1, sentStart: sent ? sent.start === x : false, key, ids, heads };
    }
  }
  if (prev) yield prev;
}

const jobs = new WeakMap();

/** Stop a progressive render of `container` (its content is being replaced). */
export function cancelRender(container) {
  clearTimeout(jobs.get(container));
  delete container.dataset.rendering;
  container.classList.remove('is-long');
}

/**
 * Render report.text into `container`: <p> per block (see blocks()), a <span> per
 * sentence (for the sourcing marks), a focusable <mark> per run of flags.
 * Returns the text-node map used to turn report offsets into DOM Ranges.
 * A long text is rendered progressively: the first `eager` runs at once, the
 * rest in slices of about 8 ms, so the page stays responsive; the map fills
 * as it goes, and `container.dataset.rendering` is "partial" until done.
 */
export function renderText(container, report, { hidden = new Set(), tipId = 'tip', eager = 3000 } = {}) {
  cancelRender(container);
  const text = report.text;
  const flags = report.flags.map((f, i) => ({ ...f, i })).filter((f) => !hidden.has(f.category));
  const runs = runsOf(report, flags);
  const headline = headlineSentence(report);
  const map = [];
  let para = null;
  let paraIndex = -1;
  let sentEl = null;
  let sentKey = null;
  let k = 0;
  let next = runs.next();
  const renderRun = (run, frag) => {
    if (run.para !== paraIndex) {
      para = h('p');
      frag.append(para);
      paraIndex = run.para;
      sentEl = null;
      sentKey = null;
    }
    if (run.sent !== sentKey || run.sentStart) {
      sentKey = run.sent;
      if (run.sent >= 0) {
        const sentence = report.sentences[run.sent];
        const classes = ['sent', `s-${sentence.attribution}`];
        if (run.sentStart) classes.push('sent-start');
        if (run.sent === headline) classes.push('headline');
        sentEl = h('span', { class: classes.join(' '), 'data-sentence': run.sent });
      } else {
        // Outside every sentence: byline, dateline, tag lines, footer.
        sentEl = h('span', { class: 'outside' });
      }
      para.append(sentEl);
    }
    const node = document.createTextNode(text.slice(run.start, run.end));
    map.push({ node, start: run.start, end: run.end });
    let out = node;
    if (run.ids.length) {
      const list = run.ids.map((i) => report.flags[i]);
      const kinds = [...new Set(list.map((fl) => fl.kind))];
      const cats = [...new Set(list.map((fl) => fl.category))];
      const classes = ['flag', ...kinds.map((c) => `k-${c}`), ...cats.map((c) => `c-${c}`)];
      classes.push(`sev-${Math.max(...list.map((fl) => fl.severity || 1))}`);
      if (list.every((fl) => fl.in_quotation)) classes.push('quoted');
      if (run.ids.length > 1) classes.push('multi');
      if (run.heads.length) classes.push('flag-head');
      out = h('mark', {
        class: classes.join(' '),
        tabindex: 0,
        'aria-describedby': tipId,
        'data-flags': run.key,
      }, node);
    }
    (sentEl ?? para).append(out);
  };
  const slice = (until) => {
    const frag = document.createDocumentFragment();
    for (; !next.done && until(); k++, next = runs.next()) renderRun(next.value, frag);
    return frag;
  };
  container.replaceChildren(slice(() => k < eager));
  container.classList.toggle('is-long', !next.done);
  const more = () => {
    const t0 = performance.now();
    container.append(slice(() => performance.now() - t0 < 8));
    if (!next.done) jobs.set(container, setTimeout(more, 0));
    else delete container.dataset.rendering;
  };
  if (!next.done) {
    container.dataset.rendering = 'partial';
    jobs.set(container, setTimeout(more, 0));
  } else {
    delete container.dataset.rendering;
  }
  return map;
}

/** The sentence that is the article's title, when it opens a paragraph. */
function headlineSentence(report) {
  const title = report.metadata?.title?.trim();
  if (!title) return -1;
  const norm = (t) => t.replace(/\s+/g, ' ').trim();
  const starts = new Set(report.paragraphs.map((p) => p.start));
  return report.sentences.findIndex((s) => starts.has(s.start) && norm(report.text.slice(s.start, s.end)) === norm(title));
}

/** A DOM Range over report offsets [start, end), using renderText's map. */
export function rangeFor(map, start, end) {
  if (!map.length) return null;
  // First entry whose end is beyond `start`.
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid].end > start) hi = mid;
    else lo = mid + 1;
  }
  const a = map[lo];
  // Last entry whose start is before `end`.
  lo = 0;
  hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid].start < end) lo = mid;
    else hi = mid - 1;
  }
  const b = map[lo];
  const range = document.createRange();
  range.setStart(a.node, Math.max(0, Math.min(a.node.length, start - a.start)));
  range.setEnd(b.node, Math.max(0, Math.min(b.node.length, end - b.start)));
  return range;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

/** "2023-01-12" → "12 January 2023" (the date as written, no time-zone shift). */
export function formatDate(value) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)));
  if (Number.isNaN(date.getTime())) return value;
  let out = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  if (m[4] != null) out += `, ${m[4]}:${m[5]}`;
  return out;
}

// Numbers and dates are written in English, as the rest of the page is, by
// hand rather than through Intl or toLocaleString: the browser loads its
// locale data on their first use, which took 145 ms of the main thread here
// while the first analysis was running.

/** 1234.56 → "1,234.6" with `fractionDigits` 1: at most that many decimals, trailing zeros dropped. */
export function formatNumber(n, fractionDigits = 0) {
  if (!Number.isFinite(n)) return String(n);
  const fixed = Math.abs(n).toFixed(fractionDigits);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const decimals = fraction.replace(/0+$/, '');
  const negative = n < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/**
 * A learned flag's confidence as the page and exports say it: "46% sure" (annotators marked about 46 in 100 flags this sure).
 * Never "0% sure" or "100% sure" for what is neither: at a high sensitivity
 * a flag can be a guess of 0.2%.
 */
export function sureness(confidence) {
  const percent = Math.round(confidence * 100);
  if (percent <= 0) return 'under 1% sure';
  if (percent >= 100 && confidence < 1) return 'over 99% sure';
  return `${percent}% sure`;
}

export function plural(n, one, many = `${one}s`) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
