// End-to-end tests of the analysis settings: categories switched off and the
// reader's own terms, passed to the core; saved, exported, imported, reset.
// Run from the repository root:  node --test e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fixture, loadCore, luminance, paste, shot, waitForResult, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const ARTICLE = fixture('settings_article.txt');
const JUNTA = { term: 'junta', category: 'name_calling', note: 'House style: say military government' };
const DEFAULTS = { disabled_categories: [], custom_terms: [], sensitivity: 0.5, ignored_terms: [] };
/** Settings as stored: the defaults, with `changes`. */
const settingsWith = (changes) => ({ ...DEFAULTS, ...changes });

const core = await loadCore();

/** withPage(), with the settings article analysed first. */
function withArticle(contextOptions, fn) {
  return withPage(contextOptions, async (s) => {
    await paste(s.page, ARTICLE, { expect: 'Port Vell' });
    await fn(s);
  });
}

async function openSettings(page) {
  if (await page.getAttribute('#settings', 'open') === null) await page.click('#settings > summary');
  await page.waitForSelector('#term-text', { state: 'visible' });
}

async function addTerm(page, { term, category, note }) {
  await openSettings(page);
  await page.fill('#term-text', term);
  await page.selectOption('#term-category', category);
  await page.fill('#term-note', note ?? '');
  await page.click('#term-add');
}

/** Wait until the shown analysis satisfies `fn` (run in the page) and nothing is pending. */
async function settled(page, fn, arg) {
  await page.waitForFunction(fn, arg ?? null, { timeout: 20_000 });
  await waitForResult(page);
}

/** A screenshot of the settings panel, in page coordinates. */
async function panelShot(page, name) {
  const r = await page.$eval('#settings', (el) => {
    const b = el.getBoundingClientRect();
    return { x: b.left + window.scrollX, y: b.top + window.scrollY, width: b.width, height: b.height };
  });
  const m = Math.min(16, r.x);
  await shot(page, name, { fullPage: true, clip: { x: r.x - m, y: r.y - 12, width: r.width + 2 * m, height: r.height + 24 } });
}

const markTexts = (page) => page.$$eval('#text-view mark.flag', (ms) => ms.map((m) => m.textContent));
const hasMark = (text) => [...document.querySelectorAll('#text-view mark.flag')].some((m) => m.textContent === text);
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('slant.settings') ?? 'null'));
const legendCount = (page, cat) => page.textContent(`#legend [data-count="${cat}"]`);
const termList = (page) => page.$$eval('#term-list li.term', (lis) => lis.map((li) => li.textContent));

async function hoverMark(page, text) {
  await page.mouse.move(5, 5);
  await page.locator('#text-view mark.flag', { hasText: new RegExp(`^${text}$`) }).first().hover();
  await page.waitForSelector('#tip', { state: 'visible' });
  return page.textContent('#tip');
}

test('a custom term is flagged with its note; a switched-off category leaves the report; both persist', TIMEOUT, async () => {
  await withArticle({}, async (s) => {
    const { page } = s;
    const base = core.analyze(ARTICLE, null);
    assert.equal(base.summary.counts.name_calling, 1);
    assert.ok(base.summary.counts.emotive >= 2, 'the article has emotive flags');
    assert.ok(!base.flags.some((f) => f.text === 'junta'), 'junta is not in the lexicon');
    assert.equal(await legendCount(page, 'name_calling'), '1');
    assert.doesNotMatch(await page.textContent('#summary'), /null|undefined/);
    assert.equal(await page.locator('#summary [data-part="settings"]').count(), 0, 'no settings line by default');
    assert.equal(await page.getAttribute('#settings', 'open'), null, 'the panel starts closed');
    assert.match(await page.textContent('#settings-state'), /every category analysed/);
    // The switches and the choices for a term are the core's categories, with
    // its labels, grouped by kind in the table's order.
    const table = ['loaded_language', 'unsourced_assertion']
      .flatMap((kind) => core.categories.filter((c) => c.kind === kind).map((c) => [c.key, c.label]));
    assert.deepEqual(await page.$$eval('#category-switches .switch-row',
      (rows) => rows.map((r) => [r.querySelector('input').dataset.category, r.textContent.trim()])), table);
    assert.deepEqual(await page.$$eval('#term-category option', (os) => os.map((o) => [o.value, o.textContent])), table);

    // Validation: an empty term, then a duplicate, are refused inline.
    await addTerm(page, { term: '   ', category: 'name_calling' });
    assert.equal(await page.textContent('#term-msg'), 'Type a term first.');
    assert.equal(await page.getAttribute('#term-text', 'aria-invalid'), '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'term-text');
    assert.equal(await stored(page), null, 'nothing saved');

    // Add "junta": the core flags it, with the note as the explanation.
    await addTerm(page, JUNTA);
    await settled(page, hasMark, 'junta');
    const withTerm = core.analyze(ARTICLE, { custom_terms: [JUNTA] });
    assert.equal(await legendCount(page, 'name_calling'), String(base.summary.counts.name_calling + 1));
    assert.equal(withTerm.summary.counts.name_calling, base.summary.counts.name_calling + 1);
    assert.equal(await page.textContent('#summary [data-figure="loaded"] .figure-value'), String(withTerm.summary.loaded_terms));
    assert.match(await page.textContent('#term-msg'), /Added “junta”/);
    assert.equal(await page.inputValue('#term-text'), '', 'the form is cleared');
    assert.deepEqual(await stored(page), settingsWith({ custom_terms: [JUNTA] }));
    const list = await termList(page);
    assert.equal(list.length, 1);
    assert.ok(list[0].includes('junta') && list[0].includes('Name-calling') && list[0].includes(JUNTA.note), list[0]);
    assert.match(await page.textContent('#settings-state'), /1 term of your own/);
    assert.match(await page.textContent('#summary [data-part="settings"]'), /1 term of your own/);
    let tip = await hoverMark(page, 'junta');
    assert.ok(tip.includes(JUNTA.note), tip);
    assert.match(tip, /Name-calling/);

    await addTerm(page, { term: 'JUNTA', category: 'emotive' });
    assert.equal(await page.textContent('#term-msg'), '“junta” is already on your list.');
    assert.equal((await termList(page)).length, 1);
    await page.fill('#term-text', 'j');
    assert.equal(await page.textContent('#term-msg'), '', 'typing clears the message');
    assert.equal(await page.getAttribute('#term-text', 'aria-invalid'), null);
    await page.fill('#term-text', '');

    // The legend's checkbox only hides: the count stays.
    await page.uncheck('#show-emotive');
    assert.equal(await page.locator('#text-view mark.c-emotive').count(), 0);
    assert.equal(await legendCount(page, 'emotive'), String(base.summary.counts.emotive));
    await page.check('#show-emotive');

    // Switch "emotive" off in the settings: it leaves the report.
    assert.equal(await page.getAttribute('#analyse-emotive', 'role'), 'switch');
    assert.ok(await page.isChecked('#analyse-emotive'));
    await page.uncheck('#analyse-emotive');
    await settled(page, () => document.querySelector('#legend [data-off="emotive"]') !== null);
    const off = core.analyze(ARTICLE, { disabled_categories: ['emotive'], custom_terms: [JUNTA] });
    assert.equal(off.summary.counts.emotive, 0);
    assert.equal(await page.locator('#text-view mark.c-emotive').count(), 0, 'no emotive highlights');
    assert.equal(await page.locator('#legend [data-count="emotive"], #show-emotive').count(), 0, 'no emotive count in the legend');
    assert.match(await page.textContent('#legend'), /Switched off in Settings, not analysed: emotive/);
    assert.equal(await page.textContent('#summary [data-figure="loaded"] .figure-value'), String(off.summary.loaded_terms));
    assert.doesNotMatch(off.summary.loaded_language, /emotive/);
    assert.equal(await page.textContent('#summary [data-chart="density"] .chart-value'), String(off.stats.flags_per_1000_words));
    assert.notEqual(off.stats.flags_per_1000_words, withTerm.stats.flags_per_1000_words, 'the density changed');
    assert.match(await page.textContent('#summary [data-part="settings"]'), /emotive not analysed · 1 term of your own/);
    assert.equal(await page.$$eval('#flag-list [data-flag]', (b) => b.length), off.flags.length);
    assert.ok(await page.evaluate(hasMark, 'junta'), 'the custom term stays');
    assert.deepEqual(await stored(page), settingsWith({ disabled_categories: ['emotive'], custom_terms: [JUNTA] }));

    // Reload: both settings are restored and applied.
    await s.load({ reload: true });
    await waitForResult(page, 'Port Vell');
    assert.equal(await page.isChecked('#analyse-emotive'), false, 'emotive is still off');
    assert.equal(await page.locator('#text-view mark.c-emotive').count(), 0);
    assert.ok((await markTexts(page)).includes('junta'), 'junta is still highlighted');
    assert.equal(await legendCount(page, 'name_calling'), '2');
    assert.equal((await termList(page)).length, 1);
    tip = await hoverMark(page, 'junta');
    assert.ok(tip.includes(JUNTA.note), tip);

    // Switch it back on: the emotive flags return.
    await openSettings(page);
    await page.check('#analyse-emotive');
    await settled(page, () => document.querySelector('#text-view mark.c-emotive') !== null);
    assert.equal(await legendCount(page, 'emotive'), String(withTerm.summary.counts.emotive));
    assert.equal(await page.locator('#legend [data-off]').count(), 0);

    // Remove the term: "junta" is no longer flagged.
    await page.click('#term-list .term-remove');
    await settled(page, (t) => ![...document.querySelectorAll('#text-view mark.flag')].some((m) => m.textContent === t), 'junta');
    assert.equal(await legendCount(page, 'name_calling'), '1');
    assert.deepEqual(await stored(page), DEFAULTS);
    assert.equal(await page.locator('#summary [data-part="settings"]').count(), 0);
  });
});

test('settings export, reset, import; an invalid file changes nothing', TIMEOUT, async () => {
  await withArticle({ acceptDownloads: true }, async ({ page }) => {
    await addTerm(page, JUNTA);
    await settled(page, hasMark, 'junta');
    await page.uncheck('#analyse-emotive');
    await settled(page, () => document.querySelector('#legend [data-off="emotive"]') !== null);
    const settings = settingsWith({ disabled_categories: ['emotive'], custom_terms: [JUNTA] });

    // Export: exactly the options object minus `input`.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#settings-export')]);
    assert.equal(download.suggestedFilename(), 'slant-settings.json');
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(exported, settings);
    assert.deepEqual(exported, await stored(page));
    // The core accepts it as options.
    assert.equal(core.analyze(ARTICLE, exported).summary.counts.emotive, 0);

    // Reset: the defaults.
    await page.click('#settings-reset');
    await settled(page, () => document.querySelector('#text-view mark.c-emotive') !== null);
    assert.deepEqual(await stored(page), DEFAULTS);
    assert.equal(await page.isChecked('#analyse-emotive'), true);
    assert.equal(await page.locator('#category-switches input:not(:checked)').count(), 0);
    assert.equal((await termList(page)).length, 0);
    assert.ok(!(await markTexts(page)).includes('junta'));
    assert.match(await page.textContent('#settings-msg'), /reset/i);

    // Import the exported file: the settings are back.
    await page.setInputFiles('#settings-file', file);
    await page.waitForFunction(() => /Imported/.test(document.getElementById('settings-msg').textContent));
    await settled(page, () => document.querySelector('#legend [data-off="emotive"]') !== null);
    assert.deepEqual(await stored(page), settings);
    assert.equal(await page.isChecked('#analyse-emotive'), false);
    assert.ok((await markTexts(page)).includes('junta'));
    assert.equal((await termList(page)).length, 1);

    // Invalid files: a clear message, and nothing changes.
    const bad = [
      ['notes.json', 'this is not JSON', /not valid JSON/],
      ['rude.json', '{"disabled_categories":["rude"]}', /"rude" is not a category/],
      ['list.json', '[1, 2]', /not a settings object/],
      ['colour.json', '{"colour":"red"}', /“colour” is not a setting/],
      ['empty-term.json', '{"custom_terms":[{"term":" ","category":"emotive"}]}', /Type a term first/],
      ['twice.json', '{"custom_terms":[{"term":"Regime","category":"emotive"},{"term":"regime","category":"doubt"}]}', /already on your list/],
      ['no-category.json', '{"custom_terms":[{"term":"ploy"}]}', /“ploy” has no category/],
      ['bad-category.json', '{"custom_terms":[{"term":"ploy","category":"rude"}]}', /category of “ploy”, "rude", is not a category/],
    ];
    const before = await page.textContent('#text-view');
    for (const [name, body, why] of bad) {
      await page.setInputFiles('#settings-file', { name, mimeType: 'application/json', buffer: Buffer.from(body) });
      await page.waitForFunction((n) => document.getElementById('settings-msg').textContent.includes(n), name);
      const msg = await page.textContent('#settings-msg');
      assert.match(msg, new RegExp(`“${name.replace('.', '\\.')}” was not imported`), msg);
      assert.match(msg, why, msg);
      assert.match(msg, /Your settings are unchanged\./);
      assert.ok(await page.locator('#settings-msg.is-error').count(), 'shown as an error');
      assert.deepEqual(await stored(page), settings, `${name} changed nothing`);
      assert.equal(await page.isChecked('#analyse-emotive'), false);
      assert.equal((await termList(page)).length, 1);
    }
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-busy')), false, 'no new analysis');
    assert.equal(await page.textContent('#text-view'), before);
  });
});

test('stored settings the core refuses fall back to the defaults, with no error', TIMEOUT, async () => {
  await withArticle({}, async (s) => {
    const { page } = s;
    // A category that is no longer the core's (or never was) and one that is.
    await page.evaluate(() => {
      localStorage.setItem('slant.settings', JSON.stringify({ disabled_categories: ['rude', 'emotive'] }));
      localStorage.setItem('slant.hidden', JSON.stringify(['rude', 'name_calling']));
    });
    await s.load({ reload: true });
    await waitForResult(page, 'Port Vell');
    assert.equal((await page.textContent('#error')).trim(), '');
    assert.match(await page.textContent('#settings-state'), /every category analysed/);
    assert.ok(await page.locator('#text-view mark.c-emotive').count() > 0, 'emotive is analysed');
    assert.equal(await page.locator('#category-switches input:not(:checked)').count(), 0);
    assert.equal(await page.isChecked('#show-name_calling'), false, 'a hidden category stays hidden');
    assert.equal(await page.locator('#text-view mark.c-name_calling').count(), 0);
  });
});

test('markup in a custom note or term is shown literally, never run', TIMEOUT, async () => {
  await withArticle({}, async ({ page, rec }) => {
    const note = '<img src=x onerror=alert(1)>';
    await addTerm(page, { term: 'junta', category: 'name_calling', note });
    await settled(page, hasMark, 'junta');
    const tip = await hoverMark(page, 'junta');
    assert.ok(tip.includes(note), tip);
    assert.equal(await page.textContent('#tip .tip-message'), note);
    assert.ok((await termList(page))[0].includes(note));
    await addTerm(page, { term: '<b onmouseover=alert(2)>Port</b>', category: 'emotive', note: '<script>alert(3)</script>' });
    assert.ok((await termList(page)).some((t) => t.includes('<b onmouseover=alert(2)>Port</b>') && t.includes('<script>alert(3)</script>')));
    await settled(page, () => true);
    assert.equal(await page.locator('body img, #settings b, #settings script, #tip img').count(), 0);
    await page.hover('#term-list li.term >> nth=1');
    await page.waitForTimeout(400);
    assert.deepEqual(rec.dialogs, []);
  });
});

test('the settings panel: keyboard, legend link, light and dark, phone width', TIMEOUT, async () => {
  await withArticle({ viewport: { width: 1280, height: 900 } }, async ({ page }) => {
    // The legend explains the difference and opens the settings.
    assert.match(await page.textContent('#legend .legend-note'), /only hides its highlights/);
    await page.click('#legend .legend-note button');
    assert.notEqual(await page.getAttribute('#settings', 'open'), null);
    assert.equal(await page.evaluate(() => document.activeElement.matches('#settings > summary')), true);
    // Keyboard: Enter on the summary closes and opens it; Space toggles a switch.
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('#settings', 'open'), null);
    await page.keyboard.press('Enter');
    assert.notEqual(await page.getAttribute('#settings', 'open'), null);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'analyse-scare_quotes');
    await page.keyboard.press('Space');
    await settled(page, () => document.querySelector('#legend [data-off="scare_quotes"]') !== null);
    await page.keyboard.press('Space');
    await settled(page, () => !document.querySelector('#legend [data-off]'));
    // Enter in the term field adds the term.
    await page.focus('#term-text');
    await page.keyboard.type('military council');
    await page.selectOption('#term-category', 'distancing');
    await page.focus('#term-text');
    await page.keyboard.press('Enter');
    await settled(page, hasMark, 'military council');
    await addTerm(page, JUNTA);
    await settled(page, hasMark, 'junta');
    await page.uncheck('#analyse-emotive');
    await settled(page, () => document.querySelector('#legend [data-off="emotive"]') !== null);
    await page.fill('#term-text', 'Junta');
    await page.click('#term-add');
    await panelShot(page, 'settings.png');
  });

  await withArticle({ colorScheme: 'dark' }, async ({ page }) => {
    await addTerm(page, JUNTA);
    await settled(page, hasMark, 'junta');
    const c = await page.evaluate(() => {
      const cs = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return {
        panel: cs('#settings', 'backgroundColor'),
        text: cs('#settings .switch-row', 'color'),
        input: cs('#term-text', 'backgroundColor'),
        inputText: cs('#term-text', 'color'),
        on: cs('#analyse-emotive', 'backgroundColor'),
      };
    });
    assert.ok(luminance(c.panel) < 0.05, `dark panel ${c.panel}`);
    assert.ok(luminance(c.text) > 0.5, `light text ${c.text}`);
    assert.ok(luminance(c.input) < 0.05 && luminance(c.inputText) > 0.5, `dark input ${c.input} / ${c.inputText}`);
    assert.ok(luminance(c.on) > 0.3, `a visible “on” switch ${c.on}`);
    await panelShot(page, 'settings-dark.png');
  });

  await withArticle({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, async ({ page }) => {
    await addTerm(page, { ...JUNTA, note: `${JUNTA.note}, and a rather long note that has to wrap on a phone screen` });
    await settled(page, hasMark, 'junta');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling with the settings open (scrollWidth ${width})`);
    for (const sel of ['#term-text', '#term-category', '#term-note', '#term-add', '#settings-reset', '#term-list .term-remove']) {
      const b = await page.locator(sel).boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 390, `${sel} fits the screen`);
    }
    await panelShot(page, 'settings-phone.png');
  });
});
