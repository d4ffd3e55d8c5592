// The text view's blocks (render.js), without a browser: the core's
// paragraphs, with the text outside them (bylines, datelines, footers) laid
// out as it was typed, and nothing of the text left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { blocks } from '../www/render.js';
import { FIXTURES, ROOT, loadCore } from './helpers.mjs';

const core = await loadCore();
const shown = (text) => blocks(text, core.analyze(text, { input: 'text' }).paragraphs).map(([a, b]) => text.slice(a, b));

test('each of the core\'s paragraphs is a block; two are never one', () => {
  assert.deepEqual(shown('First paragraph, officials said.\n\nSecond one, he said.'),
    ['First paragraph, officials said.', 'Second one, he said.']);
  // One line break apart: the core's two paragraphs stay two.
  assert.deepEqual(shown('A sentence that ends here.\nAnother that ends there.'),
    ['A sentence that ends here.', 'Another that ends there.']);
  // Hard-wrapped lines the core joins are one block.
  const wrapped = 'This is a long line of an article that was wrapped at seventy characters\nby the sender, and it continues here.';
  assert.deepEqual(shown(wrapped), [wrapped]);
});

test('text outside the paragraphs joins its neighbour across one line break, not across a blank line', () => {
  const text = 'Harbour Strike Ends\nBy Anna Lindqvist\n\nMarch 3, 2025\n\nThe strike ended on Monday, the union said.\n© 2025 Example News';
  assert.deepEqual(shown(text), [
    'Harbour Strike Ends\nBy Anna Lindqvist',
    'March 3, 2025',
    'The strike ended on Monday, the union said.\n© 2025 Example News',
  ]);
  assert.deepEqual(blocks('  \n\n \u00a0\n', []), []);
  assert.deepEqual(blocks(' one\n two \n\n three ', []), [[1, 9], [13, 18]]);
});

test('the blocks of every test article hold all of its text, in order', () => {
  const files = [
    ...readdirSync(path.join(ROOT, 'tests', 'articles')).filter((f) => !f.endsWith('.json')).map((f) => path.join(ROOT, 'tests', 'articles', f)),
    ...readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f)),
  ];
  for (const file of files) {
    const report = core.analyze(readFileSync(file, 'utf8'));
    const list = blocks(report.text, report.paragraphs);
    list.forEach(([a, b], i) => assert.ok(a < b && (i === 0 || list[i - 1][1] < a), `${file}: block ${i}`));
    for (const p of report.paragraphs) {
      assert.ok(list.some(([a, b]) => a <= p.start && p.end <= b), `${file}: paragraph ${p.start}-${p.end} in a block`);
    }
    const nonBlank = (s) => s.replace(/\s+/g, '');
    assert.equal(list.map(([a, b]) => nonBlank(report.text.slice(a, b))).join(''), nonBlank(report.text), file);
  }
});
