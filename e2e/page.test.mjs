// End-to-end tests of Slant's page in headless Chromium.
// Run from the repository root:  node --test e2e/
// Needs the WASM package in www/pkg (scripts/build.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WWW, fixture, loadCore, luminance, paste, shot, waitForResult, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const { SAMPLE } = await import(new URL('../www/samples.js', import.meta.url));

const core = await loadCore();

/** For each flag index, the text of the marks that carry it, in order. */
function markTextsByFlag(page) {
  return page.$$eval('#text-view mark.flag', (marks) => {
    const out = {};
    for (const m of marks) {
      for (const id of m.dataset.flags.split(' ')) (out[id] ??= []).push(m.textContent);
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('')]));
  });
}

const metaText = (page, field) => page.textContent(`#meta [data-field="${field}"] dd`);
const hasAstral = (s) => /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(s);

test('a) plain text with emoji: metadata, highlights, tooltips', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    // The empty page shows the placeholder, not an error.
    assert.equal(await page.getAttribute('#report', 'data-state'), 'empty');

    const text = fixture('emoji_article.txt');
    const expected = core.analyze(text, { input: null });
    await paste(page, text, { expect: 'Dana Whitfield' });

    // Metadata panel shows what the core reports.
    assert.ok(expected.metadata.title, 'the core found a title');
    assert.equal((await metaText(page, 'title')).trim(), expected.metadata.title);
    assert.ok(expected.metadata.authors.length, 'the core found an author');
    assert.equal((await metaText(page, 'authors')).trim(), expected.metadata.authors.join(', '));
    assert.ok(expected.metadata.published, 'the core found a date');
    assert.equal(await page.getAttribute('#meta [data-field="published"] time', 'datetime'), expected.metadata.published);
    assert.match(await metaText(page, 'published'), new RegExp(expected.metadata.published.slice(0, 4)));
    assert.equal((await metaText(page, 'words')).trim(), expected.stats.words.toLocaleString('en-US'));
    assert.equal((await metaText(page, 'sentences')).trim(), String(expected.stats.sentences));
    assert.equal((await metaText(page, 'reading')).trim(), `${expected.stats.reading_minutes} min`);
    assert.match(await metaText(page, 'input'), /Plain text/);

    // The summary's figures and the legend's counts come from the report.
    const figure = async (name) => Number(await page.textContent(`#summary [data-figure="${name}"] .figure-value`));
    assert.equal(await figure('flags'), expected.flags.length);
    assert.equal(await figure('loaded'), expected.summary.loaded_terms);
    assert.equal(await figure('unsourced'), expected.summary.unsourced_assertions);
    assert.equal(await page.textContent('[data-chart="density"] .chart-value'), String(expected.stats.flags_per_1000_words));
    for (const [cat, n] of Object.entries(expected.summary.counts)) {
      if (n > 0) assert.equal(await page.textContent(`#legend [data-count="${cat}"]`), String(n), `legend count for ${cat}`);
      else assert.equal(await page.locator(`#show-${cat}`).count(), 0, `no switch for ${cat}, which has no flags`);
    }

    // The text view is report.text, exactly, with each flag highlighted over
    // exactly its UTF-16 slice — including after emoji (surrogate pairs).
    // (Blank lines between paragraphs become <p> elements, so compare without whitespace.)
    assert.equal(await page.$eval('#text-view', (el) => el.textContent.replace(/\s+/g, '')),
      expected.text.replace(/\s+/g, ''));
    assert.equal(await page.locator('#text-view > p').count(), expected.text.split(/\n\s*\n/).filter((p) => p.trim()).length);
    assert.ok(expected.flags.length >= 2, 'the article has flags');
    const byFlag = await markTextsByFlag(page);
    expected.flags.forEach((f, i) => {
      const slice = expected.text.slice(f.start, f.end);
      assert.equal(f.text, slice, `core flag ${i} text equals its slice`);
      assert.equal(byFlag[i], slice, `highlight for flag ${i} (${f.category})`);
    });
    const alone = (f) => !expected.flags.some((g) => g !== f && g.start < f.end && f.start < g.end);
    const afterEmoji = expected.flags.filter((f) => alone(f) && hasAstral(expected.text.slice(0, f.start)));
    assert.ok(afterEmoji.length, 'some flag comes after an emoji');
    const markTexts = await page.$$eval('#text-view mark.flag', (ms) => ms.map((m) => m.textContent));
    for (const f of afterEmoji) assert.ok(markTexts.includes(f.text), `a highlight reads exactly “${f.text}”`);

    // Sentence attribution marks, one per sentence.
    const marks = await page.$$eval('#text-view .sent-start', (ms) => ms.map((m) => m.className));
    assert.equal(marks.length, expected.sentences.length);
    for (const kind of ['named', 'vague', 'none']) {
      assert.equal(marks.filter((c) => c.includes(`s-${kind}`)).length,
        expected.sentences.filter((s) => s.attribution === kind).length, `${kind} sentences`);
    }

    // Sources panel lists the core's sources.
    const names = await page.$$eval('#sources .source-name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(names, expected.sources.map((s) => s.name));

    // Hover a highlight: a real tooltip with the explanation.
    const first = page.locator('#text-view mark.flag').first();
    const firstIds = (await first.getAttribute('data-flags')).split(' ').map(Number);
    assert.equal(await first.getAttribute('tabindex'), '0');
    assert.equal(await first.getAttribute('aria-describedby'), 'tip');
    assert.equal(await page.getAttribute('#tip', 'role'), 'tooltip');
    assert.equal(await page.isVisible('#tip'), false);
    await first.hover();
    await page.waitForSelector('#tip', { state: 'visible' });
    let tip = await page.textContent('#tip');
    for (const id of firstIds) assert.ok(tip.includes(expected.flags[id].message), `tooltip explains flag ${id}: ${tip}`);
    assert.ok(/scare quotes|distancing|name-calling|emotive|exaggeration|appeal to fear|flag-waving|cliché|doubt|attribution|certainty|claim/i.test(tip));
    const tipBox = await page.locator('#tip').boundingBox();
    const markBox = await first.boundingBox();
    assert.ok(tipBox.width > 50 && tipBox.height > 20, 'tooltip has a size');
    const x0 = Math.max(0, Math.min(tipBox.x, markBox.x) - 24);
    const y0 = Math.max(0, Math.min(tipBox.y, markBox.y) - 24);
    await shot(page, 'tooltip.png', {
      clip: {
        x: x0,
        y: y0,
        width: Math.max(tipBox.x + tipBox.width, markBox.x + markBox.width) + 24 - x0,
        height: Math.max(tipBox.y + tipBox.height, markBox.y + markBox.height) + 24 - y0,
      },
    });

    // Move away: the tooltip closes.
    await page.mouse.move(5, 5);
    await page.waitForSelector('#tip', { state: 'hidden' });

    // Keyboard: focus the first highlight, Tab to the next; its tooltip shows.
    await first.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.matches('#text-view mark.flag') ? el.dataset.flags : null;
    });
    assert.ok(focused, 'Tab moved the focus to the next highlight');
    assert.notEqual(focused, firstIds.join(' '));
    await page.waitForSelector('#tip', { state: 'visible' });
    tip = await page.textContent('#tip');
    for (const id of focused.split(' ').map(Number)) assert.ok(tip.includes(expected.flags[id].message), tip);
    // Escape dismisses it.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#tip', { state: 'hidden' });

    // j moves to the next flag, k back.
    const before = await page.evaluate(() => document.activeElement.dataset.flags);
    await page.keyboard.press('j');
    const afterJ = await page.evaluate(() => document.activeElement.dataset.flags ?? null);
    assert.ok(afterJ && afterJ !== before, 'j moved to another highlight');
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.flags), before);

    // Overlapping flags: the shared piece carries both and its tooltip lists both.
    const overlaps = [];
    expected.flags.forEach((f, i) => expected.flags.forEach((g, j) => {
      if (i < j && f.start < g.end && g.start < f.end) overlaps.push([i, j]);
    }));
    assert.ok(overlaps.length, 'the article has overlapping flags');
    // Hover only: a focused highlight keeps its own tooltip, which may cover the next one.
    await page.evaluate(() => document.activeElement?.blur());
    for (const [i, j] of overlaps) {
      const shared = page.locator(`#text-view mark.flag.multi[data-flags~="${i}"][data-flags~="${j}"]`).first();
      await page.mouse.move(5, 5);
      await shared.hover();
      await page.waitForSelector('#tip', { state: 'visible' });
      const both = await page.textContent('#tip');
      assert.ok(both.includes(expected.flags[i].message) && both.includes(expected.flags[j].message), both);
      assert.equal(await page.locator('#tip .tip-flag').count(), (await shared.getAttribute('data-flags')).split(' ').length);
    }

    // Clicking a source highlights its first mention.
    if (expected.sources.length) {
      await page.click('#sources button.source >> nth=0');
      const hl = await page.evaluate(() => {
        const h = CSS.highlights.get('slant-source');
        return h ? [...h].map((r) => r.toString()) : null;
      });
      const span = expected.sources[0].spans[0];
      assert.deepEqual(hl, [expected.text.slice(span.start, span.end)]);
    }

    await page.mouse.move(5, 5);
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    await page.waitForSelector('#tip', { state: 'hidden' });
    await shot(page, 'page-text.png', { fullPage: true });
  });
});

test('b) an HTML page with Auto input: metadata, no raw tags', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    assert.equal(await page.inputValue('#input-kind'), '');
    const html = fixture('news_page.html');
    const expected = core.analyze(html, { input: null });
    assert.equal(expected.input_kind, 'html');
    await paste(page, html, { expect: 'Colin Avery' });

    assert.equal((await metaText(page, 'title')).trim(), expected.metadata.title);
    assert.equal((await metaText(page, 'publisher')).trim(), expected.metadata.publisher ?? '—');
    assert.equal(expected.metadata.publisher, 'Westby Courier');
    assert.equal(await page.getAttribute('#meta [data-field="published"] time', 'datetime'), expected.metadata.published);
    assert.match(expected.metadata.published, /^2024-02-19/);
    assert.match(await metaText(page, 'input'), /HTML \(detected\)/);

    const view = await page.textContent('#text-view');
    assert.doesNotMatch(view, /<\/?[a-z!][^>]*>/i, 'no raw tags in the text view');
    for (const junk of ['og:site_name', 'inlineScriptRan', 'font-family', 'All rights reserved']) {
      assert.ok(!view.includes(junk), `no “${junk}” in the text view`);
    }
    assert.ok(view.includes('Repairs to Westby'));
    // The inline script in the pasted page never ran.
    assert.equal(await page.evaluate(() => window.inlineScriptRan), undefined);
    const byFlag = await markTextsByFlag(page);
    expected.flags.forEach((f, i) => assert.equal(byFlag[i], expected.text.slice(f.start, f.end)));

    await shot(page, 'page-html.png', { fullPage: true });
  });
});

test('c) markup in plain text is shown literally and never runs', TIMEOUT, async () => {
  await withPage({}, async ({ page, rec }) => {
    const text = 'Council "reform" row deepens\n\nA reader sent us this: <img src=x onerror=alert(1)> and also '
      + '<script>alert(2)</script> — both should appear as typed.\n\nThe so-called review ends in May.';
    for (const kind of ['text', '']) {
      await page.selectOption('#input-kind', kind);
      await paste(page, text + (kind ? '' : ' '), { expect: 'both should appear as typed' });
      const view = await page.textContent('#text-view');
      assert.ok(view.includes('<img src=x onerror=alert(1)>'), view);
      assert.ok(view.includes('<script>alert(2)</script>'), view);
      assert.equal(await page.locator('#text-view img, #text-view script, body img').count(), 0);
      assert.match(await metaText(page, 'input'), /Plain text/);
    }
    await page.waitForTimeout(400);
    assert.deepEqual(rec.dialogs, []);
  });
});

test('d) empty input shows the placeholder, not an error', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    assert.equal(await page.getAttribute('#report', 'data-state'), 'empty');
    assert.ok(await page.isVisible('#text-view .placeholder'));
    assert.equal((await page.textContent('#error')).trim(), '');
    assert.equal(await page.isVisible('#error'), false);

    await paste(page, 'The so-called plan was "approved" on Monday.', { expect: 'approved' });
    const marks = await page.locator('#text-view mark.flag').count();
    assert.ok(marks > 0);
    // While an edit waits for its analysis the page says so, and the previous
    // result stays on screen.
    await page.type('#source', ' More');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-busy')), true);
    assert.equal(await page.isVisible('#busy'), true);
    assert.equal(await page.locator('#text-view mark.flag').count(), marks);
    await waitForResult(page, 'Monday. More');
    assert.equal(await page.isVisible('#busy'), false);
    for (const blank of ['', '   \n\n  ']) {
      await page.fill('#source', blank);
      await page.waitForSelector('#report[data-state="empty"]');
      assert.ok(await page.isVisible('#text-view .placeholder'));
      assert.equal(await page.locator('#text-view mark').count(), 0);
      assert.equal((await page.textContent('#error')).trim(), '');
      assert.equal((await page.textContent('#summary')).trim(), '');
      assert.equal(await page.isVisible('#side'), false);
    }
  });
});

test('e) a reload restores the text from localStorage', TIMEOUT, async () => {
  await withPage({}, async (s) => {
    const { page } = s;
    const text = `${fixture('emoji_article.txt')}\nRestored marker 7391.`;
    await page.selectOption('#input-kind', 'text');
    await paste(page, text, { expect: 'Restored marker 7391' });
    await s.load({ reload: true });
    assert.equal(await page.inputValue('#source'), text);
    assert.equal(await page.inputValue('#input-kind'), 'text');
    await waitForResult(page, 'Restored marker 7391');
    assert.ok(await page.locator('#text-view mark.flag').count() > 0);
  });
});

test('f) a legend checkbox hides and shows its category', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    assert.equal(await page.inputValue('#source'), SAMPLE.text);
    const expected = core.analyze(SAMPLE.text, { input: null });
    const counts = Object.entries(expected.summary.counts).filter(([, n]) => n > 0);
    assert.ok(counts.length, 'the sample has flags');
    const [cat, n] = counts.sort((a, b) => b[1] - a[1])[0];
    const textBefore = await page.textContent('#text-view');
    const marked = () => page.locator(`#text-view mark.c-${cat}`).count();
    const listed = () => page.$$eval('#flag-list [data-flag]', (b) => b.length);
    assert.ok(await marked() >= 1);
    assert.equal(await listed(), expected.flags.length);
    const others = await page.locator(`#text-view mark.flag:not(.c-${cat})`).count();

    await page.uncheck(`#show-${cat}`);
    assert.equal(await marked(), 0, `no ${cat} highlights once unchecked`);
    assert.equal(await page.locator(`#text-view mark.flag:not(.c-${cat})`).count(), others, 'other categories stay');
    assert.equal(await listed(), expected.flags.length - n);
    assert.equal(await page.textContent('#text-view'), textBefore, 'the text itself is unchanged');
    assert.equal(await page.textContent(`#legend [data-count="${cat}"]`), String(n), 'the count stays');

    await page.check(`#show-${cat}`);
    assert.ok(await marked() >= 1);
    assert.equal(await listed(), expected.flags.length);

    // A category with no flags has no switch; it is listed as not found.
    const zero = Object.entries(expected.summary.counts).find(([, v]) => v === 0);
    if (zero) {
      assert.equal(await page.locator(`#show-${zero[0]}`).count(), 0);
      assert.equal(await page.locator(`#legend [data-count-zero="${zero[0]}"]`).count(), 1);
    }
  });
});

test('g) a strict CSP meta tag, enforced', TIMEOUT, async () => {
  const served = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  // One inline script, the one that starts the worker early, allowed by its hash.
  const inline = [...served.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([^]*?)<\/script>/gi)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'one inline script');
  const hash = `'sha256-${createHash('sha256').update(inline[0], 'utf8').digest('base64')}'`;
  assert.doesNotMatch(served, /\sstyle\s*=/i, 'no style attributes');
  assert.doesNotMatch(served, /<style/i, 'no style elements');
  assert.doesNotMatch(served, /\son[a-z]+\s*=/i, 'no inline event handlers');
  assert.doesNotMatch(served, /(href|src)="\//i, 'relative URLs only');

  await withPage({}, async (s) => {
    const { page } = s;
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(csp, 'CSP meta tag present');
    assert.ok(!csp.includes("'unsafe-inline'"), csp);
    assert.ok(!/'unsafe-eval'/.test(csp), csp);
    for (const part of ["default-src 'none'", `script-src 'self' ${hash} 'wasm-unsafe-eval'`, "worker-src 'self'",
      "style-src 'self'", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"]) {
      assert.ok(csp.includes(part), `CSP has ${part}`);
    }
    // The browser enforces it: an injected inline script does not run.
    s.allowError(/Content Security Policy/);
    const result = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve({ blocked: e.violatedDirective }), { once: true });
      const el = document.createElement('script');
      el.textContent = 'window.cspBroken = true;';
      document.body.append(el);
      setTimeout(() => resolve({ ran: window.cspBroken === true }), 1000);
    }));
    assert.match(result.blocked ?? '', /script-src/);
    assert.equal(await page.evaluate(() => window.cspBroken), undefined);
  });
});

test('h) dark mode and phone width', TIMEOUT, async () => {
  await withPage({ colorScheme: 'dark' }, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    const colours = await page.evaluate(() => {
      const cs = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return {
        body: cs('body', 'backgroundColor'),
        text: cs('#text-view', 'color'),
        view: cs('#text-view', 'backgroundColor'),
        mark: cs('#text-view mark.flag.k-loaded_language:not(.quoted), #text-view mark.flag', 'backgroundColor'),
        line: cs('#text-view mark.flag', 'textDecorationColor'),
      };
    });
    assert.ok(luminance(colours.body) < 0.05, `dark background ${colours.body}`);
    assert.ok(luminance(colours.text) > 0.6, `light text ${colours.text}`);
    assert.notEqual(colours.mark, colours.view, 'highlights have their own colour');
    assert.notEqual(colours.mark, 'rgba(0, 0, 0, 0)');
    await shot(page, 'page-dark.png', { fullPage: true });
    await readingView(page, 'page-dark-reading.png');
  });

  await withPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling at phone width (scrollWidth ${width})`);
    // One column: the Flags, folded, come before the text; the other panels below it.
    const view = await page.locator('#text-view').boundingBox();
    const flags = await page.locator('#flags-panel').boundingBox();
    const about = await page.locator('#meta-panel').boundingBox();
    assert.ok(flags.y + flags.height <= view.y, 'the Flags above the text');
    assert.equal(await page.getAttribute('#flags-panel', 'open'), null, 'folded');
    assert.ok(about.y >= view.y + view.height - 1, 'About below the text');
    assert.ok(view.width <= 390);
    // Tapping a highlight focuses it and shows its explanation.
    await page.tap('#text-view mark.flag >> nth=0');
    await page.waitForSelector('#tip', { state: 'visible' });
    const tip = await page.locator('#tip').boundingBox();
    assert.ok(tip.x >= 0 && tip.x + tip.width <= 390, 'tooltip fits the screen');
    await page.keyboard.press('Escape');
    await shot(page, 'page-phone.png', { fullPage: true });
    await readingView(page, 'page-phone-reading.png', '#summary');
  });
});

test('i) a crashed worker is replaced; the text and last result stay', TIMEOUT, async () => {
  await withPage({}, async (s) => {
    const { page } = s;
    await paste(page, fixture('emoji_article.txt'), { expect: 'Dana Whitfield' });
    const marksBefore = await page.locator('#text-view mark.flag').count();
    const worker = page.workers().find((w) => w.url().endsWith('/worker.js'));
    assert.ok(worker, 'analysis runs in a worker');
    s.allowError(/simulated crash/);
    s.rec.loaded = false; // the fresh worker loads its scripts again
    await worker.evaluate(() => setTimeout(() => { throw new Error('simulated crash'); }, 0));
    await page.waitForFunction(() => /stopped unexpectedly/.test(document.getElementById('error').textContent));
    assert.match(await page.textContent('#error'), /Your text is safe/);
    assert.match(await page.inputValue('#source'), /Dana Whitfield/);
    assert.equal(await page.locator('#text-view mark.flag').count(), marksBefore, 'the last result stays');
    await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready');
    await page.waitForLoadState('networkidle');
    s.rec.loaded = true;
    // The fresh worker analyses the next edit.
    await page.fill('#source', `${await page.inputValue('#source')}\nA fresh sentence after the crash.`);
    await waitForResult(page, 'A fresh sentence after the crash');
    assert.equal((await page.textContent('#error')).trim(), '', 'the message clears on the next result');
  });
});

test('j) input the core refuses shows a readable error and keeps the text', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    await paste(page, 'The so-called plan was "approved" on Monday.', { expect: 'approved' });
    const size = 16 * 1024 * 1024 + 1024;
    await page.evaluate((n) => {
      const box = document.getElementById('source');
      box.value = 'word '.repeat(Math.ceil(n / 5));
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, size);
    await page.waitForFunction(() => document.getElementById('error').textContent.trim() !== '', null, { timeout: 30_000 });
    const message = await page.textContent('#error');
    assert.match(message, /16 MB/);
    assert.equal(await page.getAttribute('#error', 'role'), 'alert');
    assert.ok((await page.evaluate(() => document.getElementById('source').value.length)) >= size);
    assert.ok(await page.isVisible('#text-view mark.flag'), 'the previous result stays');
  });
});

test('k) extras: flag list, export, rich paste, file drop and open', TIMEOUT, async () => {
  await withPage({ acceptDownloads: true }, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    const expected = core.analyze(SAMPLE.text, { input: null });

    // Flag list: clicking an entry focuses its highlight.
    const last = expected.flags.length - 1;
    await page.click(`#flag-list [data-flag="${last}"]`);
    const focusedIds = await page.evaluate(() => document.activeElement?.dataset.flags ?? '');
    assert.ok(focusedIds.split(' ').includes(String(last)));

    // Export: the downloaded JSON is the core's report.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.match(download.suggestedFilename(), /^slant-.*\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(exported.flags, expected.flags);
    assert.deepEqual(exported.metadata, expected.metadata);

    // Rich paste into an empty box analyses the HTML flavour; the box shows the plain one.
    await page.fill('#source', '');
    await page.waitForSelector('#report[data-state="empty"]');
    const html = fixture('news_page.html');
    await page.evaluate((markup) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Harbour wall repairs to begin in spring');
      data.setData('text/html', markup);
      const box = document.getElementById('source');
      box.focus();
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await waitForResult(page, 'Colin Avery');
    assert.equal(await page.inputValue('#input-kind'), '');
    assert.equal(await page.inputValue('#source'), 'Harbour wall repairs to begin in spring');
    assert.equal((await metaText(page, 'publisher')).trim(), 'Westby Courier');
    assert.equal((await metaText(page, 'input')).trim(), 'HTML (formatted copy)');

    // Dropping a Markdown file reads it locally as plain text.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped file headline\n\nThe so-called “audit” found nothing, officials said.'], 'story.md', { type: 'text/markdown' }));
      const box = document.getElementById('source');
      box.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      box.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitForResult(page, 'Dropped file headline');
    assert.equal(await page.inputValue('#input-kind'), 'text');

    // "Open file…" reads an HTML file locally and analyses it as HTML.
    const chooser = page.waitForEvent('filechooser');
    await page.click('#open-file');
    await (await chooser).setFiles({
      name: 'page.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<html><head><title>Opened page | Site</title><meta property="og:site_name" content="Site"></head><body><article><p>Opened file body, the mayor said.</p></article></body></html>'),
    });
    await waitForResult(page, 'Opened file body');
    assert.equal(await page.inputValue('#input-kind'), 'html');
  });
});

/** A viewport screenshot from the summary down, with one tooltip open. */
async function readingView(page, name, from = '#report') {
  await page.evaluate((sel) => {
    document.activeElement?.blur();
    const top = document.querySelector(sel).getBoundingClientRect().top + window.scrollY - 16;
    window.scrollTo(0, top);
  }, from);
  // Hover the highlight nearest the middle of the screen.
  const marks = page.locator('#text-view mark.flag-head');
  const viewH = page.viewportSize().height;
  let best = null;
  for (let i = 0; i < await marks.count(); i++) {
    const box = await marks.nth(i).boundingBox();
    const d = box ? Math.abs(box.y - viewH * 0.5) : Infinity;
    if (box && box.y > viewH * 0.2 && box.y < viewH * 0.7 && (!best || d < best.d)) best = { i, d };
  }
  if (best) {
    await marks.nth(best.i).hover();
    await page.waitForSelector('#tip', { state: 'visible' });
  }
  await shot(page, name);
}

test('l) light-mode reading view with a tooltip', TIMEOUT, async () => {
  await withPage({ viewport: { width: 1280, height: 960 } }, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    await readingView(page, 'page-light.png');
  });
});
