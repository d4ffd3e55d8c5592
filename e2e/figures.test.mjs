// The page's figures (figures.js), without a browser: counted from the
// flags the WASM core reports in Node, they agree with the core's own
// counts and sentences wherever those are right, and stay right where the
// core's sentences are not (thousands written bare).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { categoryTable } from '../www/categories.js';
import { figures, isEnglish, languageName, lookFirst, loadedSentence, readingTime, sourcingSentence, voices, voicesSentence } from '../www/figures.js';
import { FIXTURES, ROOT, fixture, loadCore } from './helpers.mjs';

const core = await loadCore();
const categories = categoryTable(core.categories);
const inputs = [
  ...readdirSync(path.join(ROOT, 'tests', 'articles')).filter((f) => !f.endsWith('.json')).map((f) => path.join(ROOT, 'tests', 'articles', f)),
  ...readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)),
];

test('the figures are the core\'s counts, and its sentences with every number grouped', () => {
  for (const file of inputs) {
    const report = core.analyze(readFileSync(file, 'utf8'));
    const fig = figures(report);
    const s = report.summary;
    assert.equal(fig.flags, report.flags.length, file);
    assert.equal(fig.loaded, s.loaded_terms, file);
    assert.equal(fig.authorLoaded, s.author_loaded_terms, file);
    assert.equal(fig.unsourced, s.unsourced_assertions, file);
    assert.equal(fig.loaded + fig.unsourced, fig.flags, file);
    for (const [key, n] of Object.entries(s.counts)) assert.equal(fig.counts[key] ?? 0, n, `${file}: ${key}`);
    assert.equal(fig.claims, s.named_sentences + s.vague_sentences + s.unattributed_sentences, file);
    if (isEnglish(report)) {
      // Small articles: the core's sentences, word for word.
      assert.equal(loadedSentence(fig, categories), s.loaded_language, file);
      assert.equal(sourcingSentence(fig), s.sourcing, file);
    }
  }
});

test('at thousands, the page groups what the core writes bare', () => {
  const body = readFileSync(path.join(ROOT, 'tests', 'articles', 'hit_piece.txt'), 'utf8');
  const report = core.analyze(Array(80).fill(body).join('\n\n'));
  const fig = figures(report);
  assert.ok(fig.loaded >= 1000, `${fig.loaded} loaded terms`);
  assert.match(report.summary.loaded_language, /^\d{4,} loaded terms/, 'the core writes the count bare');
  assert.match(loadedSentence(fig, categories), /^\d{1,3}(,\d{3})+ loaded terms, \d{1,3}(,\d{3})* of them/);
  assert.match(sourcingSentence(fig), /^\d{1,3}(,\d{3})* of \d{1,3}(,\d{3})+ claim sentences/);
});

test('reading time: minutes up to an hour, then hours and minutes', () => {
  for (const [minutes, shown] of [[0, '0 min'], [1, '1 min'], [59, '59 min'], [60, '1 h'], [61, '1 h 1 min'], [1454, '24 h 14 min'], [60_000, '1,000 h']]) {
    assert.equal(readingTime(minutes), shown);
  }
  assert.equal(readingTime(null), null);
});

test('look first: the author\'s own before a quotation, sure before a guess, the most severe first, one per wording, in text order', () => {
  const flag = (text, severity, in_quotation = false, confidence = undefined) => ({ text, severity, in_quotation, confidence, category: 'emotive', kind: 'loaded_language' });
  const report = { flags: [flag('mild', 1), flag('quoted', 3, true), flag('Sham', 3), flag('strong', 2), flag('sham', 3), flag('worst', 3)] };
  assert.deepEqual(lookFirst(report), [2, 3, 5]);
  // A learned guess (confidence under 0.5) waits behind sure flags, even milder ones; a sure learned flag does not.
  const learned = { flags: [flag('four-lane', 3, false, 0.18), flag('mild', 1), flag('reckless', 3, false, 0.93), flag('cronies', 2)] };
  assert.deepEqual(lookFirst(learned), [1, 2, 3]);
  assert.deepEqual(lookFirst(learned, 4), [0, 1, 2, 3]);
  assert.deepEqual(lookFirst(report, 3, new Set(['emotive'])), []);
  assert.deepEqual(lookFirst({ flags: [] }), []);
  // On a real article: three, none in a quotation when the author has three.
  const real = core.analyze(readFileSync(path.join(ROOT, 'tests', 'articles', 'hit_piece.txt'), 'utf8'));
  const picks = lookFirst(real);
  assert.equal(picks.length, 3);
  assert.ok(picks.every((i) => !real.flags[i].in_quotation));
});

test('languages: the core\'s code, named', () => {
  const spanish = core.analyze(fixture('spanish_article.txt'));
  assert.equal(spanish.language, 'es');
  assert.equal(isEnglish(spanish), false);
  assert.equal(languageName(spanish), 'Spanish');
  assert.equal(languageName(core.analyze(fixture('german_article.txt'))), 'German');
  assert.equal(isEnglish(core.analyze(fixture('emoji_article.txt'))), true);
  assert.equal(isEnglish({}), true, 'a report without a language is English');
});

test('voices: a count per kind of source found, in the page\'s order of kinds, each that of its sources', () => {
  const report = { sources: ['vague', 'person', 'organisation', 'person', 'vague', 'document', 'person', 'chorus'].map((kind) => ({ kind })) };
  assert.deepEqual(voices(report), [['person', 3], ['organisation', 1], ['document', 1], ['vague', 2], ['chorus', 1]]);
  assert.equal(voicesSentence(voices(report)), '3 people · 1 organisation · 1 document · 2 vague · 1 chorus');
  assert.equal(voicesSentence(voices({ sources: [{ kind: 'person' }, { kind: 'document' }, { kind: 'document' }] })), '1 person · 2 documents');
  assert.deepEqual(voices({ sources: [] }), []);
  for (const name of ['hit_piece.txt', 'science_story.txt', 'wire_court.txt']) {
    const r = core.analyze(readFileSync(path.join(ROOT, 'tests', 'articles', name), 'utf8'));
    for (const [kind, n] of voices(r)) assert.equal(n, r.sources.filter((s) => s.kind === kind).length, `${name}: ${kind}`);
    assert.equal(voices(r).reduce((sum, [, n]) => sum + n, 0), r.sources.length, name);
  }
});
