// "Who said what" in the Sources panel, in headless Chromium: the voices by
// kind against the core's sources, each source's passages against the text
// of its `says` spans, a jump to a passage by mouse and by keyboard, "N more",
// the exports, and screenshots in light, dark and at phone width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, loadCore, paste, shot, withPage } from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const core = await loadCore();
const article = (file) => readFileSync(path.join(ROOT, 'tests', file), 'utf8');

// Named people, organisations and vague sources, some saying more than the
// panel shows at first: six sources (two passages shown each, emoji in the
// text), seven with a document (one shown each: many sources), and ten with
// one that says nothing.
const ARTICLES = ['articles/multilingual_emoji.txt', 'annotated/a_science_salt.txt', 'annotated/b_landlord_fined_court.txt'];
const KINDS = ['person', 'organisation', 'document', 'vague'];
const MANY = { person: 'people', organisation: 'organisations', document: 'documents', vague: 'vague' };
const shownFor = (sources) => (sources > 6 ? 1 : 2); // passages a source shows before "N more"
const MAX = 160; // characters before a passage is cut with "…"

const spanText = (report, span) => report.text.slice(span.start, span.end);
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

/** The analysis of an article shown in the page, and the core's report of it. */
async function show(page, name) {
  const text = article(name);
  const expected = core.analyze(text, { input: null });
  const first = expected.sources.find((s) => s.says.length);
  await paste(page, text, { expect: spanText(expected, first.says[0]).trim() });
  return expected;
}

/** The passages the panel lists, per source (hidden ones too), and which are visible. */
const listed = (page) => page.$$eval('#sources > li.source-row', (rows) => rows.map((row) =>
  [...row.querySelectorAll('button.said')].map((b) => ({ text: b.textContent, visible: b.checkVisibility() }))));

/** What the `slant-source` highlight covers now. */
const highlighted = (page) => page.evaluate(() => {
  const hl = CSS.highlights.get('slant-source');
  return hl ? [...hl].map((r) => r.toString()) : [];
});

test('who said what: the voices by kind, each source\'s passages, a jump to each', TIMEOUT, async () => {
  await withPage({}, async ({ page }) => {
    for (const name of ARTICLES) {
      const expected = await show(page, name);
      const sources = expected.sources;
      const SHOWN = shownFor(sources.length);
      for (const kind of ['person', 'organisation', 'vague']) {
        assert.ok(sources.some((s) => s.kind === kind), `${name}: a ${kind} source`);
      }

      // The voices: each kind's count is the number of the listed sources of that kind.
      const voices = await page.$$eval('#voices [data-voices]', (els) => els.map((e) => [e.dataset.voices, e.textContent]));
      const count = (kind) => sources.filter((s) => s.kind === kind).length;
      assert.deepEqual(voices, KINDS.filter(count).map((k) => [k, `${count(k)} ${count(k) === 1 ? k : MANY[k]}`]), name);
      const kindsListed = await page.$$eval('#sources .source-kind', (els) => els.map((e) => e.textContent));
      for (const [kind, label] of voices) assert.equal(kindsListed.filter((k) => k === kind).length, parseInt(label, 10), `${name}: ${kind}`);
      assert.equal(voices.reduce((n, [, label]) => n + parseInt(label, 10), 0), sources.length);
      assert.equal(await page.textContent('#sources-count'), String(sources.length));

      // Each source's passages are the text of its `says` spans, in order:
      // on one line, cut with "…" past MAX characters; the first SHOWN visible.
      const rows = await listed(page);
      assert.equal(rows.length, sources.length, name);
      sources.forEach((src, i) => {
        assert.equal(rows[i].length, src.says.length, `${name}: ${src.name}`);
        src.says.forEach((span, j) => {
          const full = oneLine(spanText(expected, span));
          const { text, visible } = rows[i][j];
          if ([...full].length <= MAX) assert.equal(text, full, `${src.name} ${j}`);
          else {
            assert.ok(text.endsWith('…') && full.startsWith(text.slice(0, -1)), `${src.name} ${j}: ${text}`);
            assert.ok([...text].length <= MAX + 1, text);
          }
          assert.equal(visible, j < SHOWN, `${src.name} ${j}: visible`);
        });
      });
      if (name.includes('landlord')) assert.ok(sources.some((s) => !s.says.length), 'a source that says nothing');

      // "N more" shows the rest of a source's passages, and hides them again.
      const i = sources.findIndex((s) => s.says.length > SHOWN);
      assert.ok(i >= 0, `${name}: a source with more than ${SHOWN} passages`);
      const row = page.locator('#sources > li.source-row').nth(i);
      const more = row.locator('button.says-more');
      assert.equal(await more.textContent(), `${sources[i].says.length - SHOWN} more`);
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      assert.ok((await listed(page))[i].every((p) => p.visible));

      // A click on a passage highlights that passage in the article.
      const j = SHOWN; // the first that "N more" showed
      await row.locator('button.said').nth(j).click();
      assert.deepEqual(await highlighted(page), [spanText(expected, sources[i].says[j])]);
      assert.ok(await row.locator('button.said').nth(j).evaluate((b) => b.classList.contains('is-current')));
      // By keyboard too: Tab to the source's first passage, Enter.
      await row.locator('button.source').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.said), `${i}-0`);
      await page.keyboard.press('Enter');
      assert.deepEqual(await highlighted(page), [spanText(expected, sources[i].says[0])]);
      // The name still goes to the source's first mention.
      await row.locator('button.source').click();
      assert.deepEqual(await highlighted(page), [spanText(expected, sources[i].spans[0])]);

      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      assert.ok((await listed(page))[i].every((p, k) => p.visible === k < SHOWN));
    }

    // The exports carry it: the JSON's sources their `says`, the Markdown the passages.
    const expected = core.analyze(article(ARTICLES.at(-1)), { input: null });
    const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const exported = JSON.parse(await readFile(await jsonFile.path(), 'utf8'));
    assert.deepEqual(exported.sources.map((s) => s.says), expected.sources.map((s) => s.says));
    const [mdFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-md')]);
    const md = await readFile(await mdFile.path(), 'utf8');
    const count = (kind) => expected.sources.filter((s) => s.kind === kind).length;
    assert.ok(md.includes(`\nVoices: ${KINDS.filter(count).map((k) => `${count(k)} ${count(k) === 1 ? k : MANY[k]}`).join(' · ')}.\n`), md);
    for (const s of expected.sources) {
      for (const span of s.says) {
        const words = oneLine(spanText(expected, span)).split(' ').slice(0, 4).join(' ').replace(/[\\`*_[\]<>#|~]/g, '\\$&');
        assert.ok(md.includes(`  > ${words}`), `${s.name}: ${words}`);
      }
    }
  });
});

for (const [name, options] of [
  ['light', {}],
  ['dark', { colorScheme: 'dark' }],
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
]) {
  test(`who said what: screenshots (${name})`, TIMEOUT, async () => {
    // Reduced motion: the jump scrolls at once, so the shot shows where it lands.
    await withPage({ reducedMotion: 'reduce', ...options }, async ({ page }) => {
      const expected = await show(page, ARTICLES[1]);
      const i = expected.sources.findIndex((s) => s.says.length > shownFor(expected.sources.length));
      const row = page.locator('#sources > li.source-row').nth(i);
      await row.locator('button.says-more').click();
      await page.mouse.move(1, 1); // no hover left in the shot
      // The panel first, with one source's passages all shown…
      await page.locator('#sources-panel').evaluate((p) => p.scrollIntoView({ block: 'start' }));
      const panel = page.locator('#sources-panel');
      // Nothing in the panel is wider than the panel, at any width.
      const wider = await panel.evaluate((p) => [...p.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > p.getBoundingClientRect().right + 1).map((e) => e.className));
      assert.deepEqual(wider, [], 'wider than the panel');
      await shot(page, `who-said-${name}-panel.png`);
      // …then the article at the passage a click jumped to, highlighted.
      // A tap on a phone: a mouse click would leave the pointer hovering
      // over whatever flag scrolls under it, and its tooltip in the shot.
      const said = row.locator('button.said').nth(1);
      await (options.hasTouch ? said.tap() : said.click());
      assert.deepEqual(await highlighted(page), [spanText(expected, expected.sources[i].says[1])]);
      await shot(page, `who-said-${name}.png`);
    });
  });
}
