// Exports and copies, undoable Clear, the print stylesheet, and a big paste.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadCore, shot, waitForResult, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const { SAMPLE } = await import(new URL('../www/samples.js', import.meta.url));

const core = await loadCore();

const inline = (s) => String(s).replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#|~]/g, '\\$&');

test('export Markdown; copy JSON and Markdown to the clipboard', TIMEOUT, async () => {
  await withPage({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    const expected = core.analyze(SAMPLE.text, { input: null });
    assert.ok(expected.flags.length > 3 && expected.sources.length > 0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    assert.match(download.suggestedFilename(), /^slant-.*\.md$/);
    const markdown = await readFile(await download.path(), 'utf8');
    assert.ok(markdown.startsWith(`# ${inline(expected.metadata.title)}\n`), markdown.slice(0, 200));
    for (const heading of ['## Summary', `## Flags (${expected.flags.length})`, '## Sources']) {
      assert.ok(markdown.includes(`\n${heading}\n`), heading);
    }
    if (expected.metadata.authors.length) assert.ok(markdown.includes(`- **Authors:** ${expected.metadata.authors.map(inline).join(', ')}`));
    assert.ok(markdown.includes(`- **Words:** ${expected.stats.words}\n`));
    assert.ok(markdown.includes(`- **Loaded language:** ${inline(expected.summary.loaded_language)}\n`));
    assert.ok(markdown.includes(`- **Sourcing:** ${inline(expected.summary.sourcing)}\n`));
    expected.flags.forEach((f, i) => {
      const line = markdown.split('\n').find((l) => l.startsWith(`${i + 1}. `));
      assert.ok(line, `flag ${i}`);
      assert.ok(line.includes(`“${inline(f.text)}”`), line);
      assert.ok(line.includes(inline(f.message)), line);
      assert.match(line, /^\d+\. \*\*[A-Z][^*]+\*\* — /);
    });
    for (const src of expected.sources) assert.ok(markdown.includes(`\n- ${inline(src.name)} (${src.kind}, `), src.name);

    await page.click('#copy-json');
    await page.waitForSelector('#status-text:has-text("Copied the report as JSON")');
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(json.flags, expected.flags);
    assert.deepEqual(json.metadata, expected.metadata);

    await page.click('#copy-md');
    await page.waitForSelector('#status-text:has-text("Copied the report as Markdown")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), markdown);
  });
});

test('Clear asks nothing and can be undone', TIMEOUT, async () => {
  await withPage({}, async ({ page, rec }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    assert.ok(await page.isHidden('#undo'));

    await page.click('#clear');
    assert.equal(await page.inputValue('#source'), '');
    await page.waitForSelector('#report[data-state="empty"]');
    assert.ok(await page.isVisible('#undo'), 'an Undo action is offered');
    assert.equal(await page.textContent('#undo'), 'Undo clear');
    await shot(page, 'clear-undo.png', { clip: { x: 0, y: 60, width: 1280, height: 400 } });

    await page.click('#undo');
    assert.equal(await page.inputValue('#source'), SAMPLE.text);
    await waitForResult(page, 'Halbrook');
    assert.ok(await page.isHidden('#undo'));
    assert.deepEqual(rec.dialogs, []);

    // Typing after a clear withdraws the offer; clearing an empty box offers nothing.
    await page.click('#clear');
    await page.type('#source', 'New');
    assert.ok(await page.isHidden('#undo'));
    await page.fill('#source', '');
    await page.click('#clear');
    assert.ok(await page.isHidden('#undo'));

    // The offer has no time limit: it stays until the box is edited.
    await page.fill('#source', 'Short text that is cleared.');
    await page.clock.install();
    await page.click('#clear');
    assert.ok(await page.isVisible('#undo'));
    await page.clock.runFor(60_000);
    assert.ok(await page.isVisible('#undo'));
    await page.type('#source', 'x');
    assert.ok(await page.isHidden('#undo'));
  });
});

test('print: the text and panels in one column, without the input, settings or buttons', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    await page.hover('#text-view mark.flag-head');
    await page.waitForSelector('#tip', { state: 'visible' });
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['#input-panel', '#settings', '#tip', '.panel-actions', '#export', '#copy-md']) {
      assert.ok(await page.isHidden(sel), `${sel} hidden in print`);
    }
    for (const sel of ['#text-view', '#summary', '#meta', '#sources', '#flag-list']) {
      assert.ok(await page.isVisible(sel), `${sel} visible in print`);
    }
    // One column: the side panels come below the text, as wide as it.
    const text = await page.locator('#text-view').boundingBox();
    const side = await page.locator('#side').boundingBox();
    assert.ok(side.y >= text.y + text.height - 1 && Math.abs(side.width - text.width) < 2, JSON.stringify({ text, side }));
    // The underline styles carry the meaning without colour.
    const styles = await page.evaluate(() => {
      const get = (sel) => getComputedStyle(document.querySelector(sel));
      const ll = get('#text-view mark.flag.k-loaded_language');
      const ua = get('#text-view mark.flag.k-unsourced_assertion:not(.k-loaded_language)');
      return { ll: ll.textDecorationStyle, llBg: ll.backgroundColor, ua: ua.borderBottomStyle };
    });
    assert.deepEqual(styles, { ll: 'wavy', llBg: 'rgba(0, 0, 0, 0)', ua: 'dashed' });
    await shot(page, 'print.png', { fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await page.isVisible('#input-panel'));
  });
});

test('a 5 MB paste: busy at once, the old result stays until the new one, no long freeze', { timeout: 180_000 }, async (t) => {
  await withPage({}, async ({ page }) => {
    await page.click('#sample');
    await waitForResult(page, 'Halbrook');
    const before = await page.evaluate((sample) => {
      window.__long = [];
      window.__seen = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
      }).observe({ type: 'longtask' });
      const view = document.getElementById('text-view');
      const report = document.getElementById('report');
      const look = () => {
        const first = view.firstElementChild;
        window.__seen.push(report.dataset.state !== 'result' || !first || first.matches('.placeholder') ? 'empty'
          : first.textContent.includes('BIGPASTE') ? 'new' : first.textContent.includes('Halbrook') ? 'old' : 'other');
      };
      new MutationObserver(look).observe(view, { childList: true });
      new MutationObserver(look).observe(report, { attributes: true });
      // ~5 MB: the sample's body over and over under a new headline.
      const body = sample.split('\n\n').slice(2).join('\n\n');
      const parts = ['BIGPASTE: the county budget, again\n\n'];
      let size = parts[0].length;
      for (let i = 0; size < 5e6; i++) {
        const chunk = `Part ${i}.\n\n${body}\n\n`;
        parts.push(chunk);
        size += chunk.length;
      }
      const text = parts.join('').trimEnd();
      window.__t0 = performance.now();
      const box = document.getElementById('source');
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      return {
        size: text.length,
        last: text.slice(text.lastIndexOf('\n\n') + 2),
        busy: !document.getElementById('busy').hidden && document.documentElement.hasAttribute('data-busy'),
        old: view.firstElementChild?.textContent.includes('Halbrook'),
      };
    }, SAMPLE.text);
    assert.ok(before.size >= 5e6);
    assert.ok(before.busy, 'the busy indicator shows at once');
    assert.ok(before.old, 'the previous result is still shown');

    await page.waitForFunction(() => document.querySelector('#text-view > p')?.textContent.includes('BIGPASTE')
      && !document.documentElement.hasAttribute('data-busy'), null, { timeout: 120_000 });
    const shown = await page.evaluate(() => ({
      ms: performance.now() - window.__t0,
      long: [...window.__long],
      rendering: Boolean(document.getElementById('text-view').dataset.rendering),
    }));
    // The page is not frozen while 5 MB is drawn: the first part is shown and
    // the rest is still on its way, in slices between which the page responds.
    assert.ok(shown.rendering, 'the text is drawn progressively');
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.includes('new'));
    assert.deepEqual(seen.slice(0, seen.indexOf('new')).filter((s) => s !== 'old'), [], 'nothing but the old result until the new one');
    assert.ok(await page.isHidden('#busy'));

    // The rest of the text arrives progressively, every flag included.
    await page.waitForFunction(() => !document.getElementById('text-view').dataset.rendering, null, { timeout: 120_000 });
    const done = await page.evaluate(() => {
      const ids = new Set();
      for (const m of document.querySelectorAll('#text-view mark.flag')) for (const id of m.dataset.flags.split(' ')) ids.add(id);
      return {
        ms: performance.now() - window.__t0,
        long: [...window.__long],
        flags: ids.size,
        lastPara: document.querySelector('#text-view > p:last-child').textContent,
        status: document.getElementById('status-text').textContent,
      };
    });
    const expected = core.analyze(await page.inputValue('#source'), { input: null });
    assert.equal(done.flags, expected.flags.length);
    assert.equal(done.lastPara, before.last);

    const longest = (list) => Math.max(0, ...list.map((e) => e.ms));
    t.diagnostic(`5 MB: ${done.status}; shown after ${Math.round(shown.ms)} ms, fully rendered after ${Math.round(done.ms)} ms`);
    t.diagnostic(`longest main-thread task until shown: ${longest(shown.long)} ms; until fully rendered: ${longest(done.long)} ms; ${done.long.length} long tasks`);
    // Durations are reported, not asserted: they depend on the machine.
  });
});
