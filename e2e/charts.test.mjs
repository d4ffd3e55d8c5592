// The summary's charts: a density gauge and a stacked sourcing bar, checked
// against the WASM core's own numbers; empty input hides them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, paste, loadCore, shot, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const article = readFileSync(path.join(ROOT, 'tests', 'articles', 'hit_piece.txt'), 'utf8');

const core = await loadCore();

async function checkCharts(page, text) {
  const expected = core.analyze(text);
  await paste(page, text);
  assert.equal(await page.isVisible('#summary .chart'), true);

  // Density gauge: the number the core reports, in the label, and the fill clamped to 0–30.
  const density = Number(expected.stats.flags_per_1000_words) || 0;
  const shown = density.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const gauge = page.locator('[data-chart="density"]');
  assert.equal(await gauge.getAttribute('role'), 'img');
  const label = await gauge.getAttribute('aria-label');
  assert.ok(label.includes(`${shown} loaded terms per 1,000 words`), label);
  assert.match(label, /scale of 0 to 30/);
  const g = await page.locator('.gauge').boundingBox();
  const fill = await page.locator('.gauge-fill').boundingBox();
  assert.ok(Math.abs(fill.width - g.width * Math.min(density, 30) / 30) <= 1, `gauge fill ${fill.width} of ${g.width} for ${density}`);
  assert.equal(await page.locator('.gauge-tick').count(), 2);

  // Sourcing bar: segment widths proportional to the counts, labels with the counts.
  const s = expected.summary;
  const counts = { named: s.named_sentences, vague: s.vague_sentences, none: s.unattributed_sentences };
  const total = counts.named + counts.vague + counts.none;
  assert.ok(total > 0);
  const bar = page.locator('[data-chart="sourcing"]');
  assert.equal(await bar.getAttribute('role'), 'img');
  const barLabel = await bar.getAttribute('aria-label');
  const stack = await page.locator('.stack').boundingBox();
  for (const [key, n] of Object.entries(counts)) {
    const seg = await page.locator(`.stack-seg[data-seg="${key}"]`).boundingBox();
    const want = (stack.width * n) / total;
    assert.ok(Math.abs((seg?.width ?? 0) - want) <= 1, `${key}: width ${seg?.width}, want ${want}`);
    const pct = Math.round((n / total) * 100);
    assert.equal(await page.textContent(`.stack-key[data-key="${key}"] .stack-count`), String(n));
    assert.ok(barLabel.includes(`${n} `) && barLabel.includes(`(${pct}%)`), barLabel);
  }
  const share = Math.round((counts.named / total) * 100);
  assert.ok(barLabel.includes(`${share}% have a named source`), barLabel);
  assert.equal(await page.textContent('[data-chart="sourcing"] .chart-value'), `${share}%`);
  return expected;
}

test('charts: density gauge and sourcing bar match the core; empty input hides them', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    await checkCharts(page, article);
    await page.locator('#summary').scrollIntoViewIfNeeded();
    await shot(page, 'charts.png', { clip: await clipFor(page) });

    // A second article: the charts keep their height.
    const heights = () => page.$$eval('#summary .chart .gauge, #summary .chart .stack', (els) => els.map((e) => e.getBoundingClientRect().height));
    const before = await heights();
    await checkCharts(page, readFileSync(path.join(ROOT, 'tests', 'articles', 'science_story.txt'), 'utf8'));
    assert.deepEqual(await heights(), before);

    for (const blank of ['', '  \n ']) {
      await page.fill('#source', blank);
      await page.waitForSelector('#report[data-state="empty"]');
      assert.equal(await page.isVisible('#summary'), false);
      assert.equal(await page.locator('#summary .chart').count(), 0);
    }
  });
});

test('charts: dark mode and phone width', TIMEOUT, async () => {
  await withPage({ colorScheme: 'dark' }, async ({ page }) => {
    await checkCharts(page, article);
    await page.locator('#summary').scrollIntoViewIfNeeded();
    await shot(page, 'charts-dark.png', { clip: await clipFor(page) });
  });
  await withPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, async ({ page }) => {
    await checkCharts(page, article);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no horizontal scrolling (scrollWidth ${width})`);
    for (const sel of ['[data-chart="density"]', '[data-chart="sourcing"]']) {
      const b = await page.locator(sel).boundingBox();
      assert.ok(b.x >= 0 && b.x + b.width <= 390, `${sel} fits the screen`);
    }
    await page.evaluate(() => document.getElementById('summary').scrollIntoView());
    await shot(page, 'charts-phone.png');
  });
});

/** The summary, in page coordinates. */
async function clipFor(page) {
  return page.evaluate(() => {
    const a = document.getElementById('summary').getBoundingClientRect();
    return { x: 0, y: a.top + window.scrollY - 8, width: document.documentElement.clientWidth, height: a.height + 16 };
  });
}
