// The WASM boundary as the page's scripts see it, in Node: categories() is
// the core's table, and the TypeScript types wasm-bindgen wrote beside it
// (www/pkg/slant.d.ts) take their Category union from the same table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WWW, loadCore } from './helpers.mjs';

const core = await loadCore();

test('categories(): every category once, as plain objects, with a label and a kind', () => {
  const keys = core.categories.map((c) => c.key);
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(keys.length >= 12);
  for (const c of core.categories) {
    assert.deepEqual(Object.keys(c), ['key', 'label', 'kind', 'default_severity']);
    assert.match(c.key, /^[a-z_]+$/);
    assert.ok(c.label.length > 2 && c.label[0] === c.label[0].toUpperCase(), c.label);
    assert.ok(['loaded_language', 'unsourced_assertion'].includes(c.kind), c.kind);
    assert.ok([1, 2, 3].includes(c.default_severity));
  }
  // The report counts exactly these categories.
  assert.deepEqual(Object.keys(core.analyze('').summary.counts).sort(), [...keys].sort());
});

test('slant.d.ts: the Category type lists the table\'s keys, in its order', () => {
  const types = readFileSync(path.join(WWW, 'pkg', 'slant.d.ts'), 'utf8');
  const union = /export type Category =([^;]*);/.exec(types)?.[1];
  assert.ok(union, 'a Category type');
  assert.deepEqual(union.split('|').map((k) => k.trim()), core.categories.map((c) => JSON.stringify(c.key)));
  assert.match(types, /export function categories\(\): CategoryInfo\[\];/);
  assert.match(types, /paragraphs: Span\[\];/);
});
