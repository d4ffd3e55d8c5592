// Slant in headless Chromium: (a) time from navigation to the first result on
// the real page, (b) the WASM `analyze` inside the page on the corpus.
// Serves a copy of ../www on 127.0.0.1; run `node make-corpus.mjs` first. Writes
// results/chromium.json.

import http from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { CORPUS, HERE, fmtMs, median, snapshotWww } from './lib.mjs';

const LOADS = 5; // fresh page loads per first-result variant, after one discarded
const BUDGET_MS = 3_000;
const FILES = ['article-1000w.txt', ...['1kb', '10kb', '100kb', '1mb', '10mb'].flatMap((s) => [`${s}.txt`, `${s}.html`])];

// playwright-core is the project's own test tool, installed at the repository root.
const { chromium } = createRequire(join(HERE, '..', 'package.json'))('playwright-core');

// ------------------------------------------------------------------ a static server for www/

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

function serve(root) {
  const server = http.createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, `.${path}`);
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside www');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ------------------------------------------------------------------ (a) time to first result

// Runs in the page before its own scripts. As soon as app.js has run (it
// marks <html data-engine>), pastes `text` into the box the way a browser
// does (value, then an input event), and optionally presses Analyze. Notes,
// in ms since navigation start, when the engine is ready, when the text
// arrives, and when the report is shown (DOM built, then the next frame).
function recorder({ text, click }) {
  const marks = (window.__marks = {});
  new MutationObserver(() => {
    const now = performance.now();
    const root = document.documentElement;
    if (!marks.appRan && root.dataset.engine) {
      marks.appRan = now;
      setTimeout(() => { // a task of its own, like a real paste
        marks.input = performance.now();
        const box = document.getElementById('source');
        box.value = text;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        if (click) document.getElementById('analyze').click();
      });
    }
    if (!marks.ready && root.dataset.engine === 'ready') marks.ready = now;
    if (!marks.result && document.getElementById('report')?.dataset.state === 'result') {
      marks.result = now;
      requestAnimationFrame(() => setTimeout(() => { marks.painted = performance.now(); }));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-engine', 'data-state'] });
}

async function firstResult(browser, url, text, click) {
  const context = await browser.newContext(); // fresh: no cache, no saved text
  await context.addInitScript(recorder, { text, click });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__marks?.painted, null, { timeout: 30_000 });
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    // The page's status line tells how long the worker's (cold) analyze call took.
    const status = document.getElementById('status-text').textContent;
    return { ...window.__marks, domContentLoaded: nav.domContentLoadedEventEnd, workerAnalyze: Number(/in (\d+) ms/.exec(status)?.[1]) };
  });
  await context.close();
  return marks;
}

// The floor under every page load here: a new context, a new renderer and an
// empty page from the same server.
async function blankLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}__blank.html`);
  const dcl = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  await context.close();
  return dcl;
}

// ------------------------------------------------------------------ (b) analyze inside the page

// Runs in the page: warm up, then time batches of calls (a batch lasts at
// least 5 ms, since the page's clock is coarsened) for about BUDGET_MS.
async function timeInPage({ budget }) {
  const { analyze } = window.__slant;
  const text = window.__text;
  let findings = 0, last = 0, spent = 0, warm = 0;
  while (warm < 1 || (spent < 500 && warm < 100)) {
    const t0 = performance.now();
    findings = analyze(text, null).flags.length;
    last = performance.now() - t0;
    spent += last;
    warm++;
  }
  const batch = Math.max(1, Math.ceil(5 / Math.max(last, 0.01)));
  const n = Math.max(3, Math.min(500, Math.round(budget / (last * batch))));
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) analyze(text, null);
    times.push((performance.now() - t0) / batch);
  }
  return { times, batch, findings };
}

// ------------------------------------------------------------------ main

const www = await snapshotWww();
writeFileSync(join(www.dir, '__blank.html'), '<!DOCTYPE html><title>blank</title>');
const server = await serve(www.dir);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const out = { date: new Date().toISOString(), chromium: browser.version(), wasm: www.wasm, loadavg_at_start: loadavg(), first_result: {}, analyze: [] };
console.log(`Chromium ${out.chromium}, serving a copy of www/ at ${url}`);

try {
  const article = readFileSync(join(CORPUS, 'article-1000w.txt'), 'utf8');
  await blankLoad(browser, url);
  const blank = [];
  for (let i = 0; i < LOADS; i++) blank.push(await blankLoad(browser, url));
  out.first_result.blank_page_dom_content_loaded = median(blank);
  console.log(`an empty page, for comparison: DOMContentLoaded at ${median(blank).toFixed(0)} ms after navigation`);
  for (const [name, click] of [['paste', false], ['paste + Analyze', true]]) {
    await firstResult(browser, url, article, click); // discarded: the first start of a renderer is slower
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstResult(browser, url, article, click));
    const pick = (k) => median(loads.map((l) => l[k]));
    const summary = Object.fromEntries(['domContentLoaded', 'input', 'ready', 'workerAnalyze', 'result', 'painted'].map((k) => [k, pick(k)]));
    out.first_result[name] = { median: summary, loads };
    console.log(`first result, ${name.padEnd(15)}: shown at ${summary.painted.toFixed(0)} ms after navigation ` +
      `(DOMContentLoaded ${summary.domContentLoaded.toFixed(0)}, text in ${summary.input.toFixed(0)}, ` +
      `engine ready ${summary.ready.toFixed(0)}, cold analyze ${summary.workerAnalyze} ms in the worker, ` +
      `report built ${summary.result.toFixed(0)}; median of ${LOADS}, range ${Math.min(...loads.map((l) => l.painted)).toFixed(0)}–${Math.max(...loads.map((l) => l.painted)).toFixed(0)})`);
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    const mod = await import(new URL('./pkg/slant.js', location.href).href);
    await mod.default();
    window.__slant = mod;
  });
  for (const file of FILES) {
    const bytes = readFileSync(join(CORPUS, file));
    await page.evaluate((text) => { window.__text = text; }, bytes.toString('utf8'));
    const { times, batch, findings } = await page.evaluate(timeInPage, { budget: BUDGET_MS });
    const ms = median(times);
    const r = { file, bytes: bytes.length, median_ms: ms, runs: times.length, batch, mb_per_s: bytes.length / 1e6 / (ms / 1e3), findings };
    out.analyze.push(r);
    console.log(`analyze ${file.padEnd(18)} ${fmtMs(ms).padStart(8)} ms  ${r.mb_per_s.toFixed(2).padStart(7)} MB/s  ${times.length} × ${batch} runs  ${findings} findings`);
  }
  await context.close();
  const at = (f) => out.analyze.find((r) => r.file === f)?.median_ms;
  out.linearity = { txt: at('10mb.txt') / at('1mb.txt'), html: at('10mb.html') / at('1mb.html') };
  console.log(`linearity: 10 MB / 1 MB = ${out.linearity.txt.toFixed(2)} (.txt), ${out.linearity.html.toFixed(2)} (.html)`);
} finally {
  await browser.close();
  server.close();
  www.remove();
}

mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(join(HERE, 'results', 'chromium.json'), `${JSON.stringify(out, null, 2)}\n`);
