// The way to the first result: a paste is analysed at once (typing waits for
// a pause), the WASM is downloaded once, and pressing Analyze on a text that is
// already being analysed does not analyse it again. No timed assertions: the
// page's clock is stopped, so the typing pause can only end when a test says so.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, shot, waitForResult, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const ARTICLE = fixture('emoji_article.txt');

// Counts the analyses the page asks its worker for (messages with a text).
function countRequests() {
  window.__requests = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && typeof msg.text === 'string') window.__requests++;
    return post.call(this, msg, ...rest);
  };
}

// With the page's clock stopped: timers wait for runFor().
const STOPPED = { init: countRequests, clock: new Date('2030-01-01T00:00:00Z') };

/** Put `text` in the box as an `inputType` edit; the analyses requested at once. */
const edit = (page, text, inputType) => page.evaluate(([value, type]) => {
  const before = window.__requests;
  const box = document.getElementById('source');
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: type }));
  return window.__requests - before;
}, [text, inputType]);

test('a paste is analysed at once; typing waits for a pause', TIMEOUT, async () => {
  await withPage(STOPPED, async ({ page }) => {
    // Stopped clock: the typing debounce cannot end, yet the paste is shown.
    assert.equal(await edit(page, ARTICLE, 'insertFromPaste'), 1, 'a paste asks for its analysis at once');
    await waitForResult(page, 'Dana Whitfield');
    assert.ok(await page.locator('#text-view mark.flag').count() > 3, 'highlights');
    assert.match(await page.textContent('#status-text'), /^Analysed \d/);
    await shot(page, 'first-result-paste.png', { fullPage: false });

    // A typed edit waits for the pause, then is analysed.
    const typed = `${ARTICLE}\nA typed line about the so-called plan.`;
    assert.equal(await edit(page, typed, 'insertText'), 0, 'typing does not ask at once');
    assert.equal(await page.getAttribute('#report', 'aria-busy'), 'true');
    assert.doesNotMatch(await page.textContent('#text-view'), /A typed line/);
    await page.clock.runFor(300);
    await waitForResult(page, 'A typed line');

    // A dropped text is a whole edit too.
    assert.equal(await edit(page, 'Dropped: the so-called "reform" passed.', 'insertFromDrop'), 1);
    await waitForResult(page, 'Dropped: the so-called');
  });
});

test('paste, then Analyze at once: one analysis, one result', TIMEOUT, async () => {
  await withPage(STOPPED, async ({ page }) => {
    const asked = await page.evaluate((text) => {
      const before = window.__requests;
      const box = document.getElementById('source');
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      document.getElementById('analyze').click();
      return window.__requests - before;
    }, ARTICLE);
    assert.equal(asked, 1, 'Analyze on the text being analysed reuses that analysis');
    await waitForResult(page, 'Dana Whitfield');
    // Analyze on a result already shown analyses again, as before.
    await page.click('#analyze');
    await waitForResult(page, 'Dana Whitfield');
    assert.equal(await page.evaluate(() => window.__requests), 2);
  });
});

test('the WASM is downloaded once, by the worker the page starts first, before anything is pasted', TIMEOUT, async () => {
  // The fake clock would hide the page's performance marks.
  await withPage({ init: countRequests }, async ({ page, rec, url }) => {
    const wasm = rec.requests.filter((u) => u.endsWith('.wasm'));
    assert.deepEqual(wasm, [`${url}pkg/slant_bg.wasm`]);
    assert.equal(await page.evaluate(() => window.slantBootWorker instanceof Worker), true,
      "index.html's inline script started the worker");
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    assert.ok(!marks.includes('slant:wasm-compiled'), 'the page compiles nothing: the worker does');
    assert.ok(marks.includes('slant:engine-ready'));
  });
});
