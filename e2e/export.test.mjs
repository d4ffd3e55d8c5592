// The exports (export.js), without a browser: the JSON and Markdown files
// built from reports the WASM core makes in Node, with the core's category
// labels. (features.test.mjs checks the same files come out of the page.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { categoryTable } from '../www/categories.js';
import { fileName, inline, json, leading, markdown } from '../www/export.js';
import { sureness } from '../www/render.js';
import { ROOT, fixture, loadCore } from './helpers.mjs';

const core = await loadCore();
const categories = categoryTable(core.categories);
const article = (name) => readFileSync(path.join(ROOT, 'tests', 'articles', name), 'utf8');

test('JSON: the report itself, indented, with a final newline', () => {
  const report = core.analyze(fixture('emoji_article.txt'));
  const text = json(report);
  assert.ok(text.endsWith('}\n') && text.startsWith('{\n  "version"'));
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(report)));
});

test('file names: the title, made safe, or "article"', () => {
  assert.equal(fileName({ metadata: { title: 'Council “Reform” Row: 4 Deepens!' } }, 'md'), 'slant-council-reform-row-4-deepens.md');
  assert.equal(fileName({ metadata: { title: null } }, 'json'), 'slant-article.json');
  assert.equal(fileName({ metadata: { title: '東京' } }, 'json'), 'slant-東京.json');
  // Accents come off Latin letters; ß and friends are spelled out.
  assert.equal(fileName({ metadata: { title: 'Stadtrat beschließt: Ärger über Øresund-Brücke' } }, 'md'),
    'slant-stadtrat-beschliesst-arger-uber-oresund-brucke.md');
  assert.equal(fileName({ metadata: { title: 'Économie : l’été «brûlant»' } }, 'md'), 'slant-economie-l-ete-brulant.md');
  assert.equal(fileName({ metadata: { title: '!!!' } }, 'md'), 'slant-article.md');
  assert.equal(fileName({ metadata: { title: 'x'.repeat(100) } }, 'md').length, 'slant-.md'.length + 60);
});

test('Markdown: metadata, summary, every flag with its label, every source', () => {
  for (const name of ['hit_piece.txt', 'weasel_oped.txt', 'news_page.html', 'multilingual_emoji.txt']) {
    const report = core.analyze(article(name));
    const md = markdown(report, categories);
    const lines = md.split('\n');
    assert.equal(lines[0], `# ${inline(report.metadata.title) || 'Untitled article'}`, name);
    for (const heading of ['## Summary', `## Flags (${report.flags.length})`, '## Sources']) assert.ok(lines.includes(heading), `${name}: ${heading}`);
    assert.ok(lines.includes(`- **Words:** ${report.stats.words.toLocaleString('en-US')}`), name);
    // The page's figures, which are the core's for articles this size.
    assert.ok(lines.includes(`- **Sourcing:** ${inline(report.summary.sourcing)}`), name);
    assert.ok(lines.includes(`- **Loaded language:** ${inline(report.summary.loaded_language)}`), name);
    report.flags.forEach((f, i) => {
      const line = lines.find((l) => l.startsWith(`${i + 1}. `));
      const label = core.categories.find((c) => c.key === f.category).label;
      assert.ok(line.startsWith(`${i + 1}. **${label}** — “${inline(f.text)}”`), line);
      assert.ok(line.includes(inline(f.message)), line);
    });
    for (const s of report.sources) assert.ok(lines.some((l) => l.startsWith(`- ${inline(s.name)} (${s.kind}, `)), s.name);
    assert.ok(md.endsWith('does not judge whether an article is true.\n'));
  }
});

test('Markdown: article text is inert — one line, markup escaped', () => {
  assert.equal(inline('  a *b*\n\n_c_ [d](e) <f> #g |h| ~i~ `j` \\k  '), 'a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\#g \\|h\\| \\~i\\~ \\`j\\` \\\\k');
  const note = 'a <i>note</i>\n# with *stars*';
  const report = core.analyze('Council *Reform* Row\n\nThe so-called <b>plan</b> is bold, critics say.',
    { input: 'text', custom_terms: [{ term: 'plan', category: 'emotive', note }] });
  const md = markdown(report, categories);
  assert.match(md, /^# Council \\\*Reform\\\* Row\n/);
  assert.ok(md.includes('**Emotive** — “plan”: a \\<i\\>note\\</i\\> \\# with \\*stars\\*\n'), md);
  assert.ok(!md.includes('<i>') && !md.includes('\n# with'), md);
});

test('Markdown of an empty report: nothing flagged, no sources', () => {
  const md = markdown(core.analyze(''), categories);
  assert.match(md, /^# Untitled article\n/);
  assert.ok(md.includes('## Flags (0)\n\nNothing flagged.\n'));
  assert.ok(md.includes('## Sources\n\nNo sources found.\n'));
});

test('Markdown: who said what — the voices by kind, each source with what it says as quoted lines', () => {
  let several = false;
  for (const name of ['science_story.txt', 'news_page.html', 'weasel_oped.txt', 'hit_piece.txt']) {
    const report = core.analyze(article(name));
    const lines = markdown(report, categories).split('\n');
    const from = lines.indexOf('## Sources');
    const part = lines.slice(from + 2, lines.findIndex((l, k) => k > from && l.startsWith('Analysed by Slant')) - 1);
    // The voices: each kind's count is the number of sources of that kind.
    const count = (kind) => report.sources.filter((s) => s.kind === kind).length;
    const many = { person: 'people', organisation: 'organisations', document: 'documents', vague: 'vague' };
    const expected = ['person', 'organisation', 'document', 'vague'].filter((k) => count(k))
      .map((k) => `${count(k)} ${count(k) === 1 ? k : many[k]}`);
    assert.equal(part[0], `Voices: ${expected.join(' · ')}.`, name);
    assert.equal(part[1], '');
    // Then each source's line, and under it each passage of its `says`, in order.
    const want = report.sources.flatMap((s) => [
      `- ${inline(s.name)} (${s.kind}, ${s.mentions} mention${s.mentions === 1 ? '' : 's'})`,
      ...s.says.flatMap((span, j) => [...(j ? ['  >'] : []), `  > ${leading(report.text.slice(span.start, span.end))}`]),
    ]);
    assert.deepEqual(part.slice(2), want, name);
    several ||= report.sources.some((s) => s.says.length > 1);
  }
  assert.ok(several, 'a source says more than one thing');
});

test('Markdown: a quoted passage is inert — markup escaped, no list or heading at the start of a line', () => {
  assert.equal(leading('- not a list'), '\\- not a list');
  assert.equal(leading('2. not a list'), '2\\. not a list');
  assert.equal(leading('= not an underline'), '\\= not an underline');
  assert.equal(leading('# no heading'), '\\# no heading');
  const report = core.analyze('Harbour row\n\n"The plan <img src=x onerror=alert(1)> is *dead*," said Mayor Ann Holt.', { input: 'text' });
  const md = markdown(report, categories);
  const holt = report.sources.find((s) => s.name.includes('Holt'));
  assert.ok(holt?.says.length, JSON.stringify(report.sources));
  assert.ok(md.includes('  > "The plan \\<img src=x onerror=alert(1)\\> is \\*dead\\*,"\n'), md);
  assert.ok(!/(?<!\\)</.test(md), md);
});

test('JSON: every source carries what it says, as spans of the text', () => {
  const report = core.analyze(article('science_story.txt'));
  const parsed = JSON.parse(json(report));
  assert.equal(parsed.sources.length, report.sources.length);
  parsed.sources.forEach((s, i) => {
    assert.deepEqual(s.says, report.sources[i].says.map(({ start, end }) => ({ start, end })), s.name);
    for (const span of s.says) assert.ok(parsed.text.slice(span.start, span.end).trim(), `${s.name}: an empty passage`);
  });
  assert.ok(parsed.sources.some((s) => s.says.length), 'some source says something');
});

test('Markdown: a learned flag says how sure it is, never "0% sure" for a faint guess', () => {
  assert.equal(sureness(0.72), '72% sure');
  assert.equal(sureness(0.004), 'under 1% sure');
  assert.equal(sureness(0.996), 'over 99% sure');
  assert.equal(sureness(1), '100% sure');
  // At sensitivity 1 the learned detector flags words it gives well under
  // 1%; calibrated, such a flag says how often annotators marked flags that
  // faint in articles the model had not seen: a few percent, never nothing.
  const report = core.analyze(article('hit_piece.txt'), { sensitivity: 1 });
  const learned = report.flags.filter((f) => f.confidence != null);
  assert.ok(learned.length, 'learned flags at sensitivity 1');
  assert.ok(learned.every((f) => f.confidence > 0), learned.map((f) => f.confidence).join(' '));
  const md = markdown(report, categories);
  for (const f of learned) assert.ok(md.includes(`(${sureness(f.confidence)})`), md);
  assert.doesNotMatch(md, /\(0% sure\)/);
});
