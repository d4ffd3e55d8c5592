// Slant in headless Chromium: (a) time from navigation to the first result on
// the real page, (b) the WASM `analyze` inside the page on the corpus.
// Serves a copy of ../www on 127.0.0.1; run `node make-corpus.mjs` first. Writes
// results/chromium.json (results/chromium-PART.json with --only PART).
//   node chromium.mjs --only first-result                 (a) alone, about 30 s
//   node chromium.mjs --only first-result --baseline DIR  (a), in turns with another www/

import http from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { CORPUS, HERE, fmtMs, median, snapshotWww } from './lib.mjs';

// Options: --only first-result | --only analyze (one part), --loads N,
// --www DIR to measure another copy of the page (an older commit's www/, with
// a pkg/ in it) instead of ../www, --baseline DIR and --cache (see below).
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const ONLY = arg('--only');
if (ONLY && !['first-result', 'analyze'].includes(ONLY)) throw new Error(`--only first-result or --only analyze, not ${ONLY}`);
// --cache: serve with "max-age=600", as GitHub Pages does, instead of
// "no-store". Every load still starts from an empty cache (a fresh context); the
// difference is whether the worker's fetches can be served from the cache
// entries the page's own preloads made.
const CACHE = process.argv.includes('--cache') ? 'max-age=600' : 'no-store';
const LOADS = Number(arg('--loads') ?? 5); // fresh page loads per first-result variant, after one discarded
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
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': CACHE });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ------------------------------------------------------------------ (a) time to first result

// Runs in the page before its own scripts. In a task of its own after
// DOMContentLoaded (when every module script of the page has run, so its
// listeners are in place), pastes `text` into the box the way a browser does:
// the value, then an input event with inputType insertFromPaste. Optionally
// presses Analyze too. The result counts as shown when the report is in the
// "result" state, the article text has been rendered completely (no
// progressive render still going), and the next frame has been produced.
// Times are ms since navigation start.
function recorder({ text, click }) {
  const marks = (window.__marks = {});
  document.addEventListener('DOMContentLoaded', () => {
    marks.domContentLoaded = performance.now();
    setTimeout(() => { // a task of its own, like a real paste
      marks.input = performance.now();
      const box = document.getElementById('source');
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      if (click) document.getElementById('analyze').click();
    });
  });
  const check = () => {
    if (marks.result || marks.input === undefined) return;
    const report = document.getElementById('report');
    const view = document.getElementById('text-view');
    if (report?.dataset.state !== 'result' || view.dataset.rendering || !view.firstElementChild || view.querySelector('.placeholder')) return;
    marks.result = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      marks.painted = performance.now();
      console.debug('slant-bench: shown'); // tells the harness, which stays out of the page until then
    }));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-rendering'] });
}

async function firstResult(browser, url, text, click) {
  const context = await browser.newContext(); // fresh: no cache, no saved text
  await context.addInitScript(recorder, { text, click });
  const page = await context.newPage();
  // Wait for the page's console message rather than polling it: Playwright's
  // waitForFunction would inject and compile its own script in the page while
  // it loads, on the same thread (measured at 60–200 ms here).
  const shown = page.waitForEvent('console', { predicate: (m) => m.text() === 'slant-bench: shown', timeout: 30_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await shown;
  const marks = await page.evaluate(() => {
    // The page's own User Timing marks ("slant:..."), for the breakdown.
    const page = Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('slant:')).map((m) => [m.name.slice(6), m.startTime]));
    const measures = Object.fromEntries(performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('slant:')).map((m) => [m.name.slice(6), m.duration]));
    // When each of the page's files had arrived (the worker's are not listed).
    const files = Object.fromEntries(performance.getEntriesByType('resource')
      .map((r) => [new URL(r.name).pathname.split('/').pop(), r.responseEnd]));
    // The page's status line tells how long the worker's analyze call took.
    const status = document.getElementById('status-text').textContent;
    return { ...window.__marks, page, measures, files, workerAnalyze: Number(/in (\d+) ms/.exec(status)?.[1]) };
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

const www = await snapshotWww(arg('--www') ? resolve(arg('--www')) : undefined);
writeFileSync(join(www.dir, '__blank.html'), '<!DOCTYPE html><title>blank</title>');
const server = await serve(www.dir);
const url = `http://127.0.0.1:${server.address().port}/`;
// --baseline DIR: another copy of the page (say, an older commit's www/ with
// a pkg/ in it), measured in turns with this one for the first result.
const base = arg('--baseline') ? await snapshotWww(resolve(arg('--baseline'))) : null;
const baseServer = base ? await serve(base.dir) : null;
const baseline = base ? { url: `http://127.0.0.1:${baseServer.address().port}/`, wasm: base.wasm } : null;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const out = { date: new Date().toISOString(), chromium: browser.version(), wasm: www.wasm, baseline_wasm: baseline?.wasm, loadavg_at_start: loadavg(), cache_control: CACHE, first_result: {}, analyze: [] };
console.log(`Chromium ${out.chromium}, serving a copy of www/ at ${url} (cache-control: ${CACHE})`);

try {
  if (!ONLY || ONLY === 'first-result') await measureFirstResult();
  if (!ONLY || ONLY === 'analyze') await measureAnalyze();
} finally {
  await browser.close();
  server.close();
  www.remove();
  baseServer?.close();
  base?.remove();
}

async function measureFirstResult() {
  const article = readFileSync(join(CORPUS, 'article-1000w.txt'), 'utf8');
  await blankLoad(browser, url);
  const blank = [];
  for (let i = 0; i < LOADS; i++) blank.push(await blankLoad(browser, url));
  out.first_result.blank_page_dom_content_loaded = median(blank);
  console.log(`an empty page, for comparison: DOMContentLoaded at ${median(blank).toFixed(0)} ms after navigation`);
  // With --baseline, the two pages take turns, load by load, so they share
  // whatever else the machine is doing.
  const pages = [['', url], ...(baseline ? [[' (baseline)', baseline.url]] : [])];
  for (const [name, click] of [['paste', false], ['paste + Analyze', true]]) {
    const loads = pages.map(() => []);
    for (let i = -1; i < LOADS; i++) {
      for (const [k, [, at]] of pages.entries()) {
        const marks = await firstResult(browser, at, article, click);
        if (i >= 0) loads[k].push(marks); // the first is discarded: the first start of a renderer is slower
      }
    }
    for (const [k, [label]] of pages.entries()) report(`${name}${label}`, loads[k]);
  }
}

function report(name, loads) {
  const pick = (get) => median(loads.map(get).filter((v) => Number.isFinite(v)));
  const summary = Object.fromEntries(['domContentLoaded', 'input', 'workerAnalyze', 'result', 'painted'].map((k) => [k, pick((l) => l[k])]));
  // The page's own marks and measures, median of each over the loads.
  const keys = (k) => [...new Set(loads.flatMap((l) => Object.keys(l[k])))];
  const pageMarks = Object.fromEntries(keys('page').map((m) => [m, pick((l) => l.page[m])]).sort((x, y) => x[1] - y[1]));
  const measures = Object.fromEntries(keys('measures').map((m) => [m, pick((l) => l.measures[m])]));
  const files = Object.fromEntries(keys('files').map((m) => [m, pick((l) => l.files[m])]).sort((x, y) => x[1] - y[1]));
  out.first_result[name] = { median: summary, page_marks: pageMarks, page_measures: measures, files_arrived: files, loads };
  const range = `${Math.min(...loads.map((l) => l.painted)).toFixed(0)}–${Math.max(...loads.map((l) => l.painted)).toFixed(0)}`;
  console.log(`first result, ${name}: shown at ${summary.painted.toFixed(0)} ms after navigation (median of ${loads.length}, range ${range})`);
  console.log(`  DOMContentLoaded ${summary.domContentLoaded.toFixed(0)}, text pasted ${summary.input.toFixed(0)}, ` +
    `report rendered ${summary.result.toFixed(0)}, next frame ${summary.painted.toFixed(0)}; analyze in the worker ${summary.workerAnalyze} ms`);
  if (Object.keys(pageMarks).length) {
    console.log(`  page marks: ${Object.entries(pageMarks).map(([m, t]) => `${m} ${t.toFixed(0)}`).join(', ')}`);
  }
  console.log(`  files arrived: ${Object.entries(files).map(([m, t]) => `${m} ${t.toFixed(0)}`).join(', ')}`);
  if (Object.keys(measures).length) {
    console.log(`  durations: ${Object.entries(measures).map(([m, t]) => `${m} ${t.toFixed(1)} ms`).join(', ')}`);
  }
}

async function measureAnalyze() {
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
}

mkdirSync(join(HERE, 'results'), { recursive: true });
writeFileSync(join(HERE, 'results', ONLY ? `chromium-${ONLY}.json` : 'chromium.json'), `${JSON.stringify(out, null, 2)}\n`);
