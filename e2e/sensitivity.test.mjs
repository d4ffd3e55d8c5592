// The learned detector as the reader meets it: the sensitivity slider in
// Settings (fewer, surer flags ↔ more flags), a learned flag's confidence in
// its tooltip, and "Don't flag this again" with the ignore list — each
// saved, exported and imported with the settings. The tests hold for any
// compiled-in model: where the model flags nothing at all (the placeholder
// before a real one is trained), the comparisons that need learned flags
// are said to be vacuous rather than skipped silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, loadCore, paste, shot, waitForResult, withPage } from './helpers.mjs';
import { sureness } from '../www/render.js';
import { tradeAt, tradeText } from '../www/settings.js';

const TIMEOUT = { timeout: 120_000 };
const ARTICLE = readFileSync(path.join(ROOT, 'tests', 'articles', 'hit_piece.txt'), 'utf8');
const core = await loadCore();

const flagCount = (page) => page.locator('#flag-list [data-flag]').count();
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('slant.settings') ?? 'null'));

async function openSettings(page) {
  if (await page.getAttribute('#settings', 'open') === null) await page.click('#settings > summary');
  await page.waitForSelector('#sensitivity', { state: 'visible' });
}

/** Move the slider to `value` and wait for the analysis with it. */
async function slide(page, value) {
  await openSettings(page);
  await page.locator('#sensitivity').fill(String(value));
  await page.waitForFunction((v) => JSON.parse(localStorage.getItem('slant.settings') ?? '{}').sensitivity === v, value);
  await waitForResult(page);
}

test('what a setting trades: read off the core’s measured points, straight lines between them', () => {
  const points = [{ sensitivity: 0, precision: 0.4, recall: 0.1 }, { sensitivity: 1, precision: 0.2, recall: 0.5 }];
  const near = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
  const mid = tradeAt(points, 0.25);
  near(mid.precision, 0.35);
  near(mid.recall, 0.2);
  assert.deepEqual(tradeAt(points, 1), { precision: 0.2, recall: 0.5 });
  assert.equal(tradeAt([], 0.5), null);
  assert.equal(tradeText(null), '');
  assert.match(tradeText({ precision: 0.336, recall: 0.373 }), /34% of the text flagged .* 37% of what they marked/);
});

test('beside the slider, what each setting trades, as training measured it, moving with the slider', TIMEOUT, async (t) => {
  const points = core.tradeOffs();
  if (!points.length) t.diagnostic('the compiled-in model carries no trade-offs: the line stays empty');
  else {
    assert.ok(points.every((p, i) => i === 0 || p.sensitivity > points[i - 1].sensitivity), 'rising sensitivities');
    assert.ok(points.at(-1).recall > points[0].recall, 'more flags find more');
  }
  await withPage({}, async (s) => {
    const { page } = s;
    await paste(page, ARTICLE, { expect: 'Weaver' });
    await openSettings(page);
    const said = () => page.textContent('#sensitivity-trade');
    const expected = (v) => tradeText(tradeAt(points, v));
    await page.waitForFunction((text) => document.getElementById('sensitivity-trade').textContent === text, expected(0.5));
    if (points.length) assert.match(await said(), /^Tried on annotated news the model had not seen/);
    await page.locator('#sensitivity').fill('0.25');
    await page.waitForFunction((text) => document.getElementById('sensitivity-trade').textContent === text, expected(0.25));
    if (points.length) assert.notEqual(await said(), expected(0.5));
    await waitForResult(page);
    await shot(page, 'settings-trade-off.png', { clip: await page.locator('#settings').boundingBox() });
  });
});

test('the sensitivity slider: fewer flags at the low end than at the high end, saved and exported', TIMEOUT, async (t) => {
  const low = core.analyze(ARTICLE, { sensitivity: 0 });
  const high = core.analyze(ARTICLE, { sensitivity: 1 });
  const learnedHigh = high.flags.filter((f) => f.confidence != null).length;
  assert.ok(low.flags.length <= high.flags.length);
  if (!learnedHigh) t.diagnostic('the compiled-in model flags nothing in this article: low and high can only be equal');

  await withPage({ acceptDownloads: true }, async (s) => {
    const { page } = s;
    await paste(page, ARTICLE, { expect: 'Weaver' });
    await openSettings(page);
    assert.equal(await page.inputValue('#sensitivity'), '0.5', 'the default');
    assert.match(await page.textContent('#sensitivity-value'), /default/i);

    await slide(page, 0);
    const fewer = await flagCount(page);
    assert.equal(fewer, low.flags.length, 'the page shows the core’s flags at sensitivity 0');
    assert.match(await page.getAttribute('#sensitivity', 'aria-valuetext'), /fewest, surest/);
    await slide(page, 1);
    const more = await flagCount(page);
    assert.equal(more, high.flags.length, 'the page shows the core’s flags at sensitivity 1');
    if (learnedHigh) assert.ok(fewer < more, `fewer flags at low sensitivity (${fewer}) than at high (${more})`);
    else assert.equal(fewer, more);
    assert.match(await page.textContent('#summary [data-part="settings"]'), /most flags/);

    // Saved: a reload keeps it; exported with the settings.
    assert.equal((await stored(page)).sensitivity, 1);
    await s.load({ reload: true });
    await waitForResult(page, 'Weaver');
    await openSettings(page);
    assert.equal(await page.inputValue('#sensitivity'), '1');
    assert.equal(await flagCount(page), more);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#settings-export')]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.sensitivity, 1);
    // Imported: a file with another sensitivity moves the slider.
    await page.setInputFiles('#settings-file', { name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ sensitivity: 0 })) });
    await page.waitForFunction(() => document.getElementById('sensitivity').value === '0');
    await waitForResult(page);
    assert.equal(await flagCount(page), low.flags.length);
    // A sensitivity outside 0–1 is refused with a message.
    await page.setInputFiles('#settings-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"sensitivity": 2}') });
    await page.waitForFunction(() => /not imported/.test(document.getElementById('settings-msg').textContent));
    assert.match(await page.textContent('#settings-msg'), /sensitivity, 2, is not a number from 0 to 1/);
    await shot(page, 'settings-sensitivity.png', { clip: await page.locator('#settings').boundingBox() });
  });
});

test('a learned flag’s tooltip says how sure the model is; a word list’s flag does not', TIMEOUT, async (t) => {
  const report = core.analyze(ARTICLE, { sensitivity: 1 });
  await withPage({ init: `localStorage.setItem('slant.settings', '{"sensitivity":1}')` }, async ({ page }) => {
    await paste(page, ARTICLE, { expect: 'Weaver' });
    const tipOf = async (i) => {
      const mark = page.locator(`#text-view mark.flag[data-flags~="${i}"]`).first();
      await page.mouse.move(2, 2);
      await mark.scrollIntoViewIfNeeded();
      await mark.hover();
      await page.waitForSelector('#tip', { state: 'visible' });
      return page.textContent('#tip');
    };
    // Alone under its highlight: the tooltip is about that flag only.
    const alone = (f) => !report.flags.some((g) => g !== f && g.start < f.end && f.start < g.end);
    const curated = report.flags.findIndex((f) => f.confidence == null && alone(f));
    assert.ok(curated >= 0);
    assert.doesNotMatch(await tipOf(curated), /% sure/);
    const learned = report.flags.findIndex((f) => f.confidence != null && alone(f));
    if (learned < 0) {
      t.diagnostic('the compiled-in model flags nothing in this article: no learned tooltip to check');
      return;
    }
    const tip = await tipOf(learned);
    assert.ok(tip.includes(`Learned from annotated news · ${sureness(report.flags[learned].confidence)}`), tip);
    await shot(page, 'tooltip-learned.png');
  });
});

test('“Don’t flag this again”: the term goes, stays gone after a reload, is exported, and comes back when removed', TIMEOUT, async () => {
  await withPage({ acceptDownloads: true }, async (s) => {
    const { page } = s;
    await paste(page, ARTICLE, { expect: 'Weaver' });
    const before = core.analyze(ARTICLE);
    const i = before.flags.findIndex((f) => f.text === 'cronies');
    assert.ok(i >= 0, 'the article calls someone cronies');
    const count = before.flags.filter((f) => f.text.toLowerCase() === 'cronies').length;
    const marks = () => page.$$eval('#text-view mark.flag', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok((await marks()).includes('cronies'));

    await page.click(`#flag-list [data-dismiss="${i}"]`);
    await page.waitForFunction(() => ![...document.querySelectorAll('#text-view mark.flag')].some((m) => m.textContent.toLowerCase() === 'cronies'));
    await waitForResult(page);
    assert.equal(await page.locator('#flag-list [data-flag]').count(), before.flags.length - count);
    assert.match(await page.textContent('#flags-msg'), /“cronies” will not be flagged again/);
    assert.deepEqual((await stored(page)).ignored_terms, ['cronies']);
    await page.click('#settings > summary');
    assert.deepEqual(await page.$$eval('#ignored-list .ignored-term', (els) => els.map((e) => e.textContent)), ['cronies']);
    assert.match(await page.textContent('#settings-state'), /1 term dismissed/);

    // After a reload it is still not flagged.
    await s.load({ reload: true });
    await waitForResult(page, 'Weaver');
    assert.ok(!(await marks()).includes('cronies'));
    // The export holds it.
    await openSettings(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#settings-export')]);
    assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')).ignored_terms, ['cronies']);

    // Removed from the list, it is flagged again.
    await page.click('#ignored-list .term-remove');
    await page.waitForFunction(() => [...document.querySelectorAll('#text-view mark.flag')].some((m) => m.textContent.toLowerCase() === 'cronies'));
    await waitForResult(page);
    assert.equal(await page.locator('#flag-list [data-flag]').count(), before.flags.length);
    assert.deepEqual((await stored(page)).ignored_terms, []);
    assert.match(await page.textContent('#ignored-msg'), /“cronies” is flagged again/);

    // Imported with the settings, it is dismissed again.
    await page.setInputFiles('#settings-file', { name: 'i.json', mimeType: 'application/json', buffer: Buffer.from('{"ignored_terms":["Cronies"]}') });
    await page.waitForFunction(() => ![...document.querySelectorAll('#text-view mark.flag')].some((m) => m.textContent.toLowerCase() === 'cronies'));
    assert.deepEqual((await stored(page)).ignored_terms, ['Cronies']);
  });
});
