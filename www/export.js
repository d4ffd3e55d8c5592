// The report as files: JSON, and a Markdown summary. Pure functions of the
// report (no DOM), so Node tests them as they are (e2e/export.test.mjs).

import { formatNumber, plural } from './render.js';

/** A value as the exported JSON files hold it: indented, one final newline. */
export const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** "slant-<title>.<ext>", the title made safe for a file name. */
export function fileName(report, ext) {
  const slug = (report.metadata?.title ?? 'article').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
  return `slant-${slug}.${ext}`;
}

/** Article text as inert Markdown: one line, markup characters escaped. */
export const inline = (s) => String(s ?? '').replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#|~]/g, '\\$&');

/**
 * The report as a Markdown summary: metadata, summary, flags, sources.
 * `categories` is the core's table (categories.js), for the flags' labels.
 */
export function markdown(report, categories) {
  const m = report.metadata ?? {};
  const st = report.stats ?? {};
  const row = (label, value) => (value == null || value === '' ? [] : [`- **${label}:** ${value}`]);
  const per1000 = formatNumber(Number(st.flags_per_1000_words) || 0, 1);
  const flag = (f, i) => `${i + 1}. **${categories.label(f.category)}** — “${inline(f.text)}”`
    + `${f.in_quotation ? ' (in a quotation)' : ''}: ${inline(f.message)}`
    + `${f.alternative ? ` Neutral alternative: ${inline(f.alternative).replace(/\.$/, '')}.` : ''}`;
  return [
    `# ${inline(m.title) || 'Untitled article'}`, '',
    ...row('Authors', m.authors?.map(inline).join(', ')),
    ...row('Published', m.published && inline(m.published)),
    ...row('Publisher', inline(m.publisher)),
    ...row('Section', inline(m.section)),
    ...row('Tags', m.tags?.map(inline).join(', ')),
    ...row('Words', st.words),
    ...row('Sentences', st.sentences),
    ...row('Reading time', st.reading_minutes != null ? `${st.reading_minutes} min` : null),
    '', '## Summary', '',
    `- **Loaded language:** ${inline(report.summary.loaded_language)}`,
    `- **Sourcing:** ${inline(report.summary.sourcing)}`,
    `- **Density:** ${per1000} loaded terms per 1,000 words`,
    '', `## Flags (${report.flags.length})`, '',
    ...(report.flags.length ? report.flags.map(flag) : ['Nothing flagged.']),
    '', '## Sources', '',
    ...(report.sources?.length ? report.sources.map((s) => `- ${inline(s.name)} (${s.kind}, ${plural(s.mentions, 'mention')})`) : ['No sources found.']),
    '', `Analysed by Slant ${report.version ?? ''} in the browser; it flags wording for a closer look and does not judge whether an article is true.`, '',
  ].join('\n');
}
