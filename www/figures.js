// The report's figures, counted once for every part of the page that shows
// them — the summary, the flag list's heading, the status line and the
// Markdown export — so that no two of them can disagree. Pure functions of
// the report (no DOM): Node tests them as they are (e2e/figures.test.mjs).
// Numbers are formatted here, by hand (render.js's formatNumber), never
// taken from the core's ready-made sentences, which write "5074" bare.

import { SOURCE_KINDS, SOURCE_KINDS_MANY, formatNumber, plural } from './render.js';

/** Languages the core can tell from English (src/language.rs), by code. */
export const LANGUAGES = {
  en: 'English',
  de: 'German',
  es: 'Spanish',
  fr: 'French',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
};

/** Whether the core analysed `report` as English (an older core sends no language). */
export const isEnglish = (report) => !report.language || report.language === 'en';

/** The name of the report's language ("Spanish"), or its code. */
export const languageName = (report) => LANGUAGES[report.language] ?? report.language ?? 'English';

/**
 * Every count the page shows, from the flags and sentences themselves:
 * `flags`, `loaded`, `authorLoaded` (not in a quotation), `unsourced`, per
 * category `counts`, `topLoaded` (the most frequent loaded category), `density`
 * (loaded terms per 1,000 words, the core's), and the sentence sourcing
 * `named`, `vague`, `none`, `claims` (their sum) and `namedShare` (a
 * rounded percentage, or null without claim sentences).
 */
export function figures(report) {
  const counts = {};
  let loaded = 0;
  let authorLoaded = 0;
  for (const f of report.flags) {
    counts[f.category] = (counts[f.category] ?? 0) + 1;
    if (f.kind === 'loaded_language') {
      loaded++;
      if (!f.in_quotation) authorLoaded++;
    }
  }
  const s = report.summary ?? {};
  const named = s.named_sentences ?? 0;
  const vague = s.vague_sentences ?? 0;
  const none = s.unattributed_sentences ?? 0;
  const claims = named + vague + none;
  return {
    flags: report.flags.length,
    loaded,
    authorLoaded,
    unsourced: report.flags.length - loaded,
    counts,
    // The core's choice among equal counts: the first in its table.
    topLoaded: loaded ? s.top_category ?? null : null,
    // `|| 0` also turns the core's -0 (an empty f64 sum) into 0.
    density: Number(report.stats?.flags_per_1000_words) || 0,
    named,
    vague,
    none,
    claims,
    namedShare: claims ? Math.round((named / claims) * 100) : null,
  };
}

/**
 * The voices by kind: `[kind, count]` for each kind of source the report
 * has, in SOURCE_KINDS's order (a kind the page does not know, last).
 */
export function voices(report) {
  const counts = new Map(Object.keys(SOURCE_KINDS).map((k) => [k, 0]));
  for (const s of report.sources ?? []) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 0);
}

/** One kind's count: "4 people", "1 document", "2 vague". */
export const voiceCount = (kind, n) =>
  plural(n, SOURCE_KINDS[kind] ?? kind, SOURCE_KINDS_MANY[kind] ?? SOURCE_KINDS[kind] ?? kind);

/** "4 people · 2 organisations · 1 document · 2 vague". */
export const voicesSentence = (list) => list.map(([kind, n]) => voiceCount(kind, n)).join(' · ');

/** "2 min", "1 h", "24 h 14 min": a long read in hours, not "1454 min". */
export function readingTime(minutes) {
  if (minutes == null) return null;
  if (minutes < 60) return `${formatNumber(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${formatNumber(hours)} h${rest ? ` ${rest} min` : ''}`;
}

/** "20 loaded terms, 14 of them the author's own; most: emotive". */
export function loadedSentence(fig, categories) {
  if (!fig.loaded) return 'No loaded terms found.';
  const whose = fig.loaded === 1
    ? (fig.authorLoaded ? "the author's own" : 'in a quotation')
    : fig.authorLoaded === fig.loaded ? "all of them the author's own" : `${formatNumber(fig.authorLoaded)} of them the author's own`;
  return `${plural(fig.loaded, 'loaded term')}, ${whose}; most: ${categories.label(fig.topLoaded).toLowerCase()}`;
}

/** "4 of 26 claim sentences attributed to named sources; 4 vague; 18 none". */
export function sourcingSentence(fig) {
  if (!fig.claims) return 'No claim sentences.';
  return `${formatNumber(fig.named)} of ${plural(fig.claims, 'claim sentence')} attributed to named sources; `
    + `${formatNumber(fig.vague)} vague; ${formatNumber(fig.none)} none`;
}

/** How many flags to point at under "Look first". */
export const LOOK_FIRST = 3;

/**
 * Below this confidence (annotators marked fewer than half of the held-out
 * flags this sure) a learned flag is a guess: shown, never pointed at first.
 */
const SURE = 0.5;

/**
 * Where to look first: up to `n` flags, the author's own before a quoted
 * speaker's, the sure before the learned model's guesses, the most severe
 * first, then the earliest; one per wording. Indices into report.flags, in
 * text order.
 */
export function lookFirst(report, n = LOOK_FIRST, hidden = new Set()) {
  const guess = (f) => Number(f.confidence != null && f.confidence < SURE);
  const order = report.flags
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !hidden.has(f.category))
    .sort((a, b) => Number(a.f.in_quotation) - Number(b.f.in_quotation)
      || guess(a.f) - guess(b.f)
      || (b.f.severity || 1) - (a.f.severity || 1)
      || a.i - b.i);
  const seen = new Set();
  const out = [];
  for (const { f, i } of order) {
    const key = f.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
    if (out.length === n) break;
  }
  return out.sort((a, b) => a - b);
}
