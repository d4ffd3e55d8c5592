// Accessibility: axe-core finds no serious or critical violations in the
// page as a person uses it — empty, with a result, with a tooltip open, with
// Settings open, with a source's passages shown, in dark mode and at phone
// width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { paste, fixture, withPage } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page) {
  // The page's CSP forbids injected scripts; this test context bypasses it
  // only to load the checker.
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, options] of [
  ['light', {}],
  ['dark', { colorScheme: 'dark' }],
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
]) {
  test(`axe: no serious or critical violations (${name})`, { timeout: 60_000 }, async () => {
    await withPage({ bypassCSP: true, ...options }, async ({ page }) => {
      assert.deepEqual(await seriousViolations(page), [], 'empty page');
      await paste(page, fixture('emoji_article.txt'));
      const mark = page.locator('#text-view mark.flag').first();
      await mark.focus();
      assert.deepEqual(await seriousViolations(page), [], 'with a result and a tooltip');
      await page.locator('#settings summary, details#settings > summary').first().click();
      assert.deepEqual(await seriousViolations(page), [], 'with settings open');
      // Who said what: many sources, one's passages all shown, one highlighted.
      await paste(page, readFileSync(new URL('../tests/annotated/a_science_salt.txt', import.meta.url), 'utf8'), { expect: 'potassium' });
      await page.locator('#sources button.says-more').first().click();
      await page.locator('#sources button.said').nth(2).click();
      assert.deepEqual(await seriousViolations(page), [], 'with the sources\' passages shown');
    });
  });
}
