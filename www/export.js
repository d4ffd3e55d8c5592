// The report as files: JSON, and a Markdown summary. Pure functions of the
// report (no DOM), so Node tests them as they are (e2e/export.test.mjs).

import { figures, isEnglish, languageName, loadedSentence, readingTime, sourcingSentence, voices, voicesSentence } from './figures.js';
import { formatNumber, plural, sureness } from './render.js';

/** A value as the exported JSON files hold it: indented, one final newline. */
export const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

// Letters that do not come apart into a base letter and a mark (NFKD).
const SPELLED = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * "slant-<title>.<ext>", the title made safe for a file name: Latin letters
 * without their accents ("beschließt" → "beschliesst", "Ärger" → "arger"),
 * other scripts' letters kept, anything else a hyphen.
 */
export function fileName(report, ext) {
  const slug = (report.metadata?.title ?? 'article').toLowerCase()
    .normalize('NFKD').replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (c) => SPELLED[c])
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return `slant-${[...slug].slice(0, 60).join('').replace(/-$/, '') || 'article'}.${ext}`;
}

/** Article text as inert Markdown: one line, markup characters escaped. */
export const inline = (s) => String(s ?? '').replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#|~]/g, '\\$&');

/** Article text that starts a line: also no list item or setext underline. */
export const leading = (s) => inline(s).replace(/^(\d+)([.)])/, '$1\\$2').replace(/^[-+=]/, '\\$&');

/**
 * A source as Markdown lines: its name, kind and mentions, then what it is
 * reported as saying, each passage a paragraph of a quote inside its item.
 */
const source = (report) => (s) => [
  `- ${inline(s.name)} (${s.kind}, ${plural(s.mentions, 'mention')})`,
  ...(s.says ?? []).flatMap((span, j) => [...(j ? ['  >'] : []), `  > ${leading(report.text.slice(span.start, span.end))}`]),
];

/**
 * The report as a Markdown summary: metadata, summary, flags, sources, with
 * the page's figures (figures.js). `categories` is the core's table
 * (categories.js), for the flags' labels.
 */
export function markdown(report, categories) {
  const m = report.metadata ?? {};
  const st = report.stats ?? {};
  const fig = figures(report);
  const row = (label, value) => (value == null || value === '' ? [] : [`- **${label}:** ${value}`]);
  const flag = (f, i) => `${i + 1}. **${categories.label(f.category)}** — “${inline(f.text)}”`
    + `${f.in_quotation ? ' (in a quotation)' : ''}: ${inline(f.message)}`
    + `${f.alternative ? ` Neutral alternative: ${inline(f.alternative).replace(/\.$/, '')}.` : ''}`
    + `${f.confidence != null ? ` (${sureness(f.confidence)})` : ''}`;
  const summary = isEnglish(report)
    ? [
      `- **Loaded language:** ${inline(loadedSentence(fig, categories))}`,
      `- **Unsourced assertions:** ${formatNumber(fig.unsourced)}`,
      `- **Sourcing:** ${inline(sourcingSentence(fig))}`,
      `- **Density:** ${formatNumber(fig.density, 1)} loaded terms per 1,000 words`,
    ]
    : [`- **Language:** ${languageName(report)}. Slant analyses English: only your own terms were looked for.`];
  return [
    `# ${inline(m.title) || 'Untitled article'}`, '',
    ...row('Authors', m.authors?.map(inline).join(', ')),
    ...row('Published', m.published && inline(m.published)),
    ...row('Publisher', inline(m.publisher)),
    ...row('Section', inline(m.section)),
    ...row('Tags', m.tags?.map(inline).join(', ')),
    ...row('Words', st.words != null ? formatNumber(st.words) : null),
    ...row('Sentences', st.sentences != null ? formatNumber(st.sentences) : null),
    ...row('Reading time', readingTime(st.reading_minutes)),
    '', '## Summary', '',
    ...summary,
    '', `## Flags (${formatNumber(report.flags.length)})`, '',
    ...(report.flags.length ? report.flags.map(flag) : ['Nothing flagged.']),
    '', '## Sources', '',
    ...(report.sources?.length ? [`Voices: ${voicesSentence(voices(report))}.`, '', ...report.sources.flatMap(source(report))] : ['No sources found.']),
    '', `Analysed by Slant ${report.version ?? ''} in the browser; it flags wording for a closer look and does not judge whether an article is true.`, '',
  ].join('\n');
}
