// The page never surprises its reader: one test per way it used to — an
// input kind that outlived its text, text replaced without undo, keys typed
// into the article after a paste, raw markup in the box after a rich paste,
// summaries that disagreed with the lists they count, a layout that lost the
// side column and buried the article on a phone, numbers that lost their
// separators at 2 MB, other languages read silently as English, and
// metadata a rich paste lost. Each ran against the page before these fixes
// and failed there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fixture, loadCore, shot, waitForResult, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 120_000 };
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const { SAMPLE } = await import(new URL('../www/samples.js', import.meta.url));
const article = (name) => readFileSync(path.join(ROOT, 'tests', 'articles', name), 'utf8');
const HIT_PIECE = article('hit_piece.txt');
const WIRE = article('wire_story.txt');
const HTML_FILE = {
  name: 'page.html',
  mimeType: 'text/html',
  buffer: Buffer.from('<html><head><title>Opened page | Site</title><meta property="og:site_name" content="Site"></head>'
    + '<body><article><h1>Opened page</h1><p>Opened file body, the mayor said.</p></article></body></html>'),
};

const core = await loadCore();

const metaText = async (page, field) => (await page.textContent(`#meta [data-field="${field}"] dd`)).trim();

/** Paste `text` the way a reader does: on the clipboard, then Ctrl+V in the box. */
async function realPaste(page, text, { expect, selectAll = false } = {}) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#source');
  if (selectAll) await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await waitForResult(page, expect);
}

/** A rich paste: the clipboard holds `html` as well as `plain`, as a browser's copy does. */
async function richPaste(page, html, plain) {
  await page.evaluate(([markup, text]) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    data.setData('text/html', markup);
    const box = document.getElementById('source');
    box.focus();
    box.select();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, plain]);
}

async function openFile(page, file) {
  const chooser = page.waitForEvent('filechooser');
  await page.click('#open-file');
  await (await chooser).setFiles(file);
}

/** The metadata a plain-text article shows when it is read as plain text. */
async function assertReadAsPlainText(page, text) {
  const expected = core.analyze(text, { input: 'text' });
  assert.match(await metaText(page, 'input'), /^Plain text/);
  assert.equal(await metaText(page, 'title'), expected.metadata.title);
  assert.equal(await metaText(page, 'authors'), expected.metadata.authors.join(', '));
}

test('1) an input kind belongs to its text: Clear, a new paste and a reload do not carry it to the next article', TIMEOUT, async () => {
  await withPage(CLIPBOARD, async (s) => {
    const { page } = s;
    // An .html file is read as HTML …
    await openFile(page, HTML_FILE);
    await waitForResult(page, 'Opened file body');
    assert.match(await metaText(page, 'input'), /^HTML/);
    // … and after Clear the next paste is read as what it is.
    await page.click('#clear');
    assert.equal(await page.inputValue('#input-kind'), '', 'Clear sets Input back to Auto');
    await realPaste(page, WIRE, { expect: WIRE.slice(0, 30) });
    await assertReadAsPlainText(page, WIRE);

    // The same after a reload, with a paste over the whole box.
    await openFile(page, HTML_FILE);
    await waitForResult(page, 'Opened file body');
    await s.load({ reload: true });
    await waitForResult(page, 'Opened file body');
    assert.match(await metaText(page, 'input'), /^HTML/, 'the file is still read as HTML after a reload');
    await realPaste(page, WIRE, { expect: WIRE.slice(0, 30), selectAll: true });
    await assertReadAsPlainText(page, WIRE);
    await s.load({ reload: true });
    await waitForResult(page, WIRE.slice(0, 30));
    await assertReadAsPlainText(page, WIRE);

    // A rich paste's HTML does not outlive it either.
    await page.click('#clear');
    await richPaste(page, fixture('news_page.html'), 'Harbour wall repairs to begin in spring');
    await waitForResult(page, 'Colin Avery');
    await page.click('#clear');
    await realPaste(page, WIRE, { expect: WIRE.slice(0, 30) });
    await assertReadAsPlainText(page, WIRE);

    // A kind the reader chooses for an empty box applies to the text pasted next.
    await page.click('#clear');
    await page.selectOption('#input-kind', 'text');
    const markup = '<p>A paragraph about the <b>so-called</b> plan, the mayor said.</p>';
    await realPaste(page, markup, { expect: 'so-called' });
    assert.match(await metaText(page, 'input'), /^Plain text/);
    assert.ok((await page.textContent('#text-view')).includes('<b>so-called</b>'));
  });
});

test('2) Load sample and Open file replace the text undoably: the Undo button and Ctrl+Z bring it back', TIMEOUT, async () => {
  await withPage(CLIPBOARD, async ({ page }) => {
    const mine = 'My own draft about the council, which I do not want to lose.';
    await realPaste(page, mine, { expect: 'My own draft' });

    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    assert.ok(await page.isVisible('#undo'), 'an Undo is offered after Load sample');
    await page.click('#undo');
    assert.equal(await page.inputValue('#source'), mine);
    await waitForResult(page, 'My own draft');

    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    await page.focus('#source');
    await page.keyboard.press('Control+Z');
    assert.equal(await page.inputValue('#source'), mine, 'Ctrl+Z undoes Load sample');
    await waitForResult(page, 'My own draft');

    await openFile(page, HTML_FILE);
    await waitForResult(page, 'Opened file body');
    assert.ok(await page.isVisible('#undo'), 'an Undo is offered after Open file');
    await page.keyboard.press('Control+Z');
    assert.equal(await page.inputValue('#source'), mine, 'Ctrl+Z undoes Open file');
    await waitForResult(page, 'My own draft');
    assert.match(await metaText(page, 'input'), /^Plain text/, 'and the kind goes back with the text');

    // Clear, as before, and Ctrl+Z now too.
    await page.click('#clear');
    await page.keyboard.press('Control+Z');
    assert.equal(await page.inputValue('#source'), mine, 'Ctrl+Z undoes Clear');
  });
});

test('3) after a paste, j and k move between highlights and type nothing into the article', TIMEOUT, async () => {
  await withPage(CLIPBOARD, async ({ page }) => {
    await realPaste(page, SAMPLE.text, { expect: 'Halbrook' });
    await page.keyboard.press('j');
    assert.equal(await page.inputValue('#source'), SAMPLE.text, 'no “j” typed into the article');
    const first = await page.evaluate(() => document.activeElement?.matches('mark.flag') && document.activeElement.dataset.flags);
    assert.ok(first, 'j focused a highlight');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.flags), first);
    assert.equal(await page.inputValue('#source'), SAMPLE.text);
    // The hint says where the keys work.
    assert.match(await page.textContent('#input-hint'), /outside the text box|Esc/);
  });
});

test('4) a rich paste shows what the reader copied, and still reads the page’s markup', TIMEOUT, async () => {
  await withPage({}, async (s) => {
    const { page } = s;
    const plain = 'Harbour wall repairs to begin in spring\n\nBy Colin Avery\n\nRepairs to Westby’s harbour wall will begin in April.';
    await richPaste(page, fixture('news_page.html'), plain);
    await waitForResult(page, 'Colin Avery');
    const box = await page.inputValue('#source');
    assert.equal(box, plain, 'the box holds the text as copied');
    assert.doesNotMatch(box, /<html|<body|StartFragment/);
    assert.equal(await metaText(page, 'publisher'), 'Westby Courier', 'metadata from the markup');
    assert.match(await metaText(page, 'input'), /HTML/);
    assert.match(await page.textContent('#input-panel'), /formatted copy/i, 'the page says it read the formatted copy');
    // After a reload the box and the metadata are the same.
    await s.load({ reload: true });
    await waitForResult(page, 'Colin Avery');
    assert.equal(await page.inputValue('#source'), plain);
    assert.equal(await metaText(page, 'publisher'), 'Westby Courier');
    // Editing the text reads the text as edited, and says so.
    await page.focus('#source');
    await page.keyboard.press('End');
    await page.keyboard.type(' Extra words.');
    await waitForResult(page, 'Extra words');
    assert.match(await metaText(page, 'input'), /^Plain text/);
  });
});

/** Numbers in `text` (with thousands separators), in order. */
const numbers = (text) => [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));

test('5) one summary: what was found, how much and where to look first; every count matches its list', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    await page.fill('#source', HIT_PIECE);
    await waitForResult(page, 'Weaver');
    const expected = core.analyze(HIT_PIECE);
    const items = await page.$$eval('#flag-list [data-flag]', (bs) => bs.map((b) => ({
      kind: b.classList.contains('k-loaded_language') ? 'loaded_language' : 'unsourced_assertion',
      category: [...b.querySelector('.swatch').classList].find((c) => c.startsWith('c-')).slice(2),
    })));
    assert.equal(items.length, expected.flags.length);
    const loaded = items.filter((i) => i.kind === 'loaded_language').length;
    const unsourced = items.length - loaded;
    assert.ok(loaded && unsourced, 'the article has both kinds');

    // The summary's totals are the list's.
    const total = page.locator('#summary [data-figure="flags"] .figure-value');
    assert.equal(Number(await total.textContent()), items.length);
    assert.equal(Number(await page.textContent('#summary [data-figure="loaded"] .figure-value')), loaded);
    assert.equal(Number(await page.textContent('#summary [data-figure="unsourced"] .figure-value')), unsourced);
    // The Flags heading counts the list, and so does the Sources heading.
    assert.equal(numbers(await page.textContent('#flags-title'))[0], items.length);
    const sources = await page.locator('#sources .source').count();
    assert.equal(numbers(await page.textContent('#sources-title'))[0], sources);
    // Each category's count is the number of its flags in the list.
    for (const [cat, n] of Object.entries(expected.summary.counts).filter(([, v]) => v)) {
      assert.equal(Number(await page.textContent(`#legend [data-count="${cat}"]`)), n);
      assert.equal(items.filter((i) => i.category === cat).length, n, cat);
    }
    // Hiding a category: the heading says how many of how many are listed.
    const [hideCat, hideN] = Object.entries(expected.summary.counts).find(([, v]) => v);
    await page.uncheck(`#show-${hideCat}`);
    const listed = await page.locator('#flag-list [data-flag]').count();
    assert.equal(listed, items.length - hideN);
    assert.deepEqual(numbers(await page.textContent('#flags-title')).slice(0, 2), [listed, items.length]);
    await page.check(`#show-${hideCat}`);

    // Each figure once: density and sourcing are not repeated elsewhere.
    const report = await page.textContent('#report');
    assert.equal(report.split('per 1,000 words').length - 1, 1, 'the density is shown once');
    const s = expected.summary;
    const share = Math.round((s.named_sentences / (s.named_sentences + s.vague_sentences + s.unattributed_sentences)) * 100);
    assert.equal(report.split(`${share}%`).length - 1, 1, 'the share of named sources is shown once');
    // Where to look first: flags to jump to.
    const first = page.locator('#summary [data-look] button').first();
    const id = await first.getAttribute('data-flag');
    await first.click();
    assert.ok((await page.evaluate(() => document.activeElement?.dataset.flags ?? '')).split(' ').includes(id));
    // Nothing looks like a toggle that is not one.
    const fakeToggles = await page.$$eval('#report .chip', (chips) => chips.filter((c) => !c.querySelector('input')).length);
    assert.equal(fakeToggles, 0, 'every pill is a checkbox');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'summary.png');
  });
});

test('6) layout: the side column stays beside a long article; flags are readable; on a phone the article and the flags come early', TIMEOUT, async () => {
  const LONG = `${HIT_PIECE}\n\n${HIT_PIECE.split('\n').slice(2).join('\n').repeat(5)}`;
  await withPage({}, async ({ page }) => {
    await page.fill('#source', LONG);
    await waitForResult(page, 'Weaver');
    const viewH = page.viewportSize().height;
    // Scrolled to the end of the article, the side column is still in view.
    await page.evaluate(() => {
      const view = document.getElementById('text-view').getBoundingClientRect();
      window.scrollTo(0, view.bottom + window.scrollY - window.innerHeight + 40);
    });
    const side = await page.locator('#side').boundingBox();
    assert.ok(side.y < viewH && side.y + side.height > viewH / 2, `side column in view: ${JSON.stringify(side)}`);
    // The flag list is not a small scroll box, and no label is cut off.
    assert.equal(await page.$eval('#flag-list', (el) => getComputedStyle(el).overflowY), 'visible');
    const cut = await page.$$eval('#flag-list .flag-text', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    assert.deepEqual(cut, []);
    await shot(page, 'long-article.png');
  });
  await withPage(PHONE, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    const viewH = PHONE.viewport.height;
    const where = (sel) => page.$eval(sel, (el) => ({ page: el.getBoundingClientRect().top + window.scrollY, screen: el.getBoundingClientRect().top }));
    const [summary, text, flags] = [await where('#summary'), await where('#text-view'), await where('#flags-title')];
    // The first screen after the analysis is its summary, with the flags and
    // the start of the article below it.
    assert.ok(summary.screen >= 0 && summary.screen < 40, `the summary is at the top of the screen: ${JSON.stringify(summary)}`);
    assert.ok(text.screen < viewH - 60, `the article starts on the first screen: ${JSON.stringify(text)}`);
    assert.ok(flags.screen < viewH - 60, `the flags start on the first screen: ${JSON.stringify(flags)}`);
    // And from the top of the page, within a screen and a half.
    assert.ok(text.page < 1.5 * viewH && flags.page < 1.5 * viewH, `article at ${text.page}px, flags at ${flags.page}px`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling (scrollWidth ${width})`);
    await shot(page, 'phone-first-screen.png');
  });
});

test('7) at 2 MB every count keeps its separators, the reading time reads in hours, and export names keep their letters', { timeout: 240_000 }, async () => {
  await withPage({ acceptDownloads: true }, async ({ page }) => {
    const body = HIT_PIECE.split('\n').slice(2).join('\n');
    let text = HIT_PIECE;
    while (text.length < 2 * 1024 * 1024) text += `\n\n${body}`;
    await page.evaluate((t) => {
      const box = document.getElementById('source');
      box.value = t;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
    await page.waitForFunction(() => document.getElementById('report').dataset.state === 'result'
      && !document.documentElement.hasAttribute('data-busy')
      && Number(document.querySelector('#meta [data-field="words"] dd')?.textContent.replace(/,/g, '')) > 100_000, null, { timeout: 180_000 });
    const seen = await page.evaluate(() => {
      const parts = ['#summary', '#legend', '#flags-title', '#sources-title', '#status-text', '#flag-list li.empty'];
      const rows = [...document.querySelectorAll('#meta .meta-row:not([data-field="published"]):not([data-field="title"]) dd')];
      // Each text node on its own: the gauge's labels 0, 5, 15 are three numbers.
      const words = (el) => {
        const out = [];
        const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) out.push(walk.currentNode.data);
        return out.join(' ');
      };
      return [...parts.flatMap((sel) => [...document.querySelectorAll(sel)]), ...rows].map(words).join(' | ');
    });
    const bare = seen.match(/(?<![\d,.])\d{4,}(?![\d,])/g);
    assert.equal(bare, null, `numbers without separators: ${bare} in ${seen.slice(0, 600)}`);
    assert.match(await metaText(page, 'reading'), /^\d+ h( \d+ min)?$/);
  });
  await withPage({ acceptDownloads: true }, async ({ page }) => {
    await page.fill('#source', fixture('german_article.txt'));
    await waitForResult(page, 'Elbmünde');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    assert.equal(download.suggestedFilename(), 'slant-stadtrat-beschliesst-neue-regeln-fur-den-hafen.md');
  });
});

test('8) a Spanish and a German article: the page says Slant reads English, and flags nothing that needs English', TIMEOUT, async () => {
  const KOMPROMISS = { disabled_categories: [], custom_terms: [{ term: 'Kompromiss', category: 'emotive', note: null }] };
  await withPage({}, async ({ page }) => {
    await page.fill('#source', fixture('spanish_article.txt'));
    await waitForResult(page, 'Valdeluna');
    const summary = await page.textContent('#summary');
    assert.match(summary, /Spanish/);
    assert.match(summary, /analyses English/);
    assert.equal(await page.locator('#text-view mark.flag').count(), 0, 'no English-only flags');
    assert.equal(await page.locator('#sources .source').count(), 0, 'no sources read with English grammar');
    assert.equal(await page.$eval('#text-view', (el) => el.classList.contains('no-sentence-marks')), true, 'no sourcing marks');
    await shot(page, 'spanish.png');
  });
  await withPage({ init: `localStorage.setItem('slant.settings', ${JSON.stringify(JSON.stringify(KOMPROMISS))})` }, async ({ page }) => {
    await page.fill('#source', fixture('german_article.txt'));
    await waitForResult(page, 'Elbmünde');
    assert.match(await page.textContent('#summary'), /German/);
    // The reader's own terms still apply: they are in the text's language.
    assert.deepEqual(await page.$$eval('#text-view mark.flag', (ms) => ms.map((m) => m.textContent)), ['Kompromiss']);
    // "8. September" is a date, not the end of a sentence.
    const starts = await page.$$eval('#text-view .sent-start', (els) => els.map((e) => e.textContent.trim()));
    assert.ok(starts.length > 5);
    assert.equal(starts.filter((t) => /^(September|Januar|Oktober)/.test(t)).length, 0, starts.join(' / '));
  });
  // English stays English, with a quotation in another language in it.
  await withPage({}, async ({ page }) => {
    await page.fill('#source', article('multilingual_emoji.txt'));
    await waitForResult(page, 'Ellery');
    assert.doesNotMatch(await page.textContent('#summary'), /analyses English/);
    assert.ok(await page.locator('#text-view mark.flag').count() > 0);
  });
});

test('9) a rich paste reads the byline’s date and name as the plain text does', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    const plain = 'Tide gauges to be replaced along the coast\nBy Maren Okafor, Coastal Affairs Correspondent | June 3, 2025\n\n'
      + 'The harbour authority will replace its four tide gauges this summer, its director said on Monday.';
    const html = '<meta charset="utf-8"><header><h1>Tide gauges to be replaced along the coast</h1>'
      + '<p class="standfirst">Four new gauges, the first since 1998.</p></header>'
      + '<p>By Maren Okafor, Coastal Affairs Correspondent | June 3, 2025</p>'
      + '<p>The harbour authority will replace its four tide gauges this summer, its director said on Monday.</p>';
    await page.fill('#source', plain);
    await waitForResult(page, 'tide gauges');
    assert.equal(await metaText(page, 'authors'), 'Maren Okafor');
    assert.equal(await page.getAttribute('#meta [data-field="published"] time', 'datetime'), '2025-06-03');
    await page.click('#clear');
    await richPaste(page, html, plain);
    await waitForResult(page, 'tide gauges');
    assert.equal(await metaText(page, 'authors'), 'Maren Okafor');
    assert.equal(await page.getAttribute('#meta [data-field="published"] time', 'datetime'), '2025-06-03');
    assert.ok((await page.textContent('#text-view')).includes('the first since 1998'), 'the standfirst is part of the text');
  });
});
