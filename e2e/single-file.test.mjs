// The self-contained page: scripts/single-file.mjs writes dist/slant.html,
// which must work opened straight from disk, with no server and no request
// beyond file:, blob: and data:.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, paste, shot, withPage } from './helpers.mjs';

const { SAMPLE } = await import(new URL('../www/samples.js', import.meta.url));
const FILE = path.join(ROOT, 'dist', 'slant.html');

before(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'single-file.mjs')], { stdio: 'pipe' });
});

test('single file: dist/slant.html works from file:// with a strict CSP', { timeout: 90_000 }, async () => {
  const html = readFileSync(FILE, 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval';/);
  assert.match(csp, /style-src 'sha256-[^']+';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.doesNotMatch(html, /<link rel="stylesheet"|<script[^>]+src=/);

  await withPage({ url: pathToFileURL(FILE).href }, async ({ page, rec }) => {
    await paste(page, SAMPLE.text, { expect: SAMPLE.text.slice(0, 20) });
    assert.ok(await page.locator('#text-view mark.flag').count() > 3, 'highlights');
    const title = await page.textContent('#meta [data-field="title"] dd');
    assert.ok(title.trim() && title.trim() !== '—', `a title: ${title}`);
    assert.match(await page.textContent('#meta [data-field="words"] dd'), /\d/);
    assert.ok(await page.locator('#sources li .source').count() > 0, 'sources');
    await shot(page, 'single-file.png', { fullPage: false });
    assert.deepEqual(rec.requests.filter((u) => !/^(file|blob|data):/.test(u)), [], 'only file:, blob: and data: requests');
    rec.late = rec.late.filter((u) => !u.startsWith('file:'));
  });
});
