// Shared by the end-to-end tests: withPage(), which gives a test a fresh,
// loaded page (from a tiny static server, in a browser each test file
// starts once) and then checks that it stayed clean — no console error, no
// dialog, no request after load; screenshots; and the WASM core loaded in
// Node as an independent oracle for what the page should show.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFile, mkdir, copyFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WWW = path.join(ROOT, 'www');
export const SHOTS = path.join(ROOT, 'e2e', 'screenshots');
export const FIXTURES = path.join(ROOT, 'e2e', 'fixtures');

export const fixture = (name) => readFileSync(path.join(FIXTURES, name), 'utf8');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
};

/**
 * Serve `root` under `prefix` (a sub-path, so the page must use relative
 * URLs) on a random free port of 127.0.0.1.
 */
async function startServer(root = WWW, prefix = '/slant/') {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let rel = decodeURIComponent(url.pathname);
      if (!rel.startsWith(prefix)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      rel = rel.slice(prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(base, rel);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// The browser, and the server of www/, that a test file's pages share: each
// started by the first withPage() that needs it, closed after the file's tests.
const shared = {};
const once = (name, start) => (shared[name] ??= start());
after(async () => {
  for (const handle of [shared.browser, shared.server]) await (await handle)?.close();
});

/**
 * Run `fn(session)` with a fresh page, loaded and with the analyser ready;
 * then require a clean console, no dialogs and no request after load (see
 * openSession). `options` are the browser context's, plus: `url`, to load
 * instead of www/ as served; `init`, a script to run in the page before its
 * own; `clock`, a Date: the page's clock is installed before the load and
 * paused at that time after it, so timers wait for clock.runFor().
 */
export async function withPage(options, fn) {
  const { url, init, clock, ...contextOptions } = options;
  const browser = await once('browser', launchBrowser);
  const base = url ?? (await once('server', () => startServer())).url;
  const session = await openSession(browser, base, contextOptions);
  try {
    if (init) await session.page.addInitScript(init);
    if (clock) await session.page.clock.install();
    await session.load();
    if (clock) await session.page.clock.pauseAt(clock);
    await fn(session);
    session.assertClean(assert);
  } finally {
    await session.close();
  }
}

/** The WASM core in Node: what the page must show for a given input. */
export async function loadCore() {
  const pkg = await import(pathToFileURL(path.join(WWW, 'pkg', 'slant.js')).href);
  const debug = console.debug;
  console.debug = () => {};
  try {
    await pkg.default({ module_or_path: readFileSync(path.join(WWW, 'pkg', 'slant_bg.wasm')) });
  } finally {
    console.debug = debug;
  }
  return {
    analyze: (text, options = null) => pkg.analyze(text, options),
    categories: pkg.categories(),
    tradeOffs: () => pkg.tradeOffs(),
    version: pkg.version(),
  };
}

/**
 * A fresh browser context and page that records console errors, page errors,
 * dialogs and every request. Requests made after `load()` finishes are "late":
 * the page must not touch the network while pasting and analysing.
 */
async function openSession(browser, baseUrl, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  const rec = { errors: [], requests: [], late: [], dialogs: [], loaded: false, allowedErrors: [] };

  const onConsole = (where) => (msg) => {
    if (msg.type() === 'error') rec.errors.push(`${where} console.error: ${msg.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (worker) => worker.on('console', onConsole('worker')));
  page.on('pageerror', (err) => rec.errors.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    rec.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return; // not network
    rec.requests.push(url);
    if (rec.loaded) rec.late.push(url);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) rec.errors.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  context.on('requestfailed', (req) => {
    rec.errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });

  const session = {
    context,
    page,
    rec,
    url: baseUrl,
    /** Load (or reload) the page and wait until the analyser is ready. */
    async load({ reload = false } = {}) {
      rec.loaded = false;
      if (reload) await page.reload();
      else await page.goto(baseUrl);
      await page.waitForSelector('html[data-engine="ready"]', { timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      rec.loaded = true;
    },
    /** Mark errors matching `pattern` as expected in this test. */
    allowError(pattern) {
      rec.allowedErrors.push(pattern);
    },
    /** No unexpected console/page errors, no dialogs, no late requests. */
    assertClean(assert) {
      const errors = rec.errors.filter((e) => !rec.allowedErrors.some((p) => p.test(e)));
      assert.deepEqual(errors, [], 'console or page errors');
      assert.deepEqual(rec.dialogs, [], 'dialogs');
      assert.deepEqual(rec.late, [], 'network requests after the initial load');
    },
    close: () => context.close(),
  };
  return session;
}

/** Fill the paste box and wait for the analysis of that text to be shown. */
export async function paste(page, text, { expect } = {}) {
  await page.fill('#source', text);
  await waitForResult(page, expect);
}

/** Wait until the report is shown, not busy, and contains `expect`. */
export async function waitForResult(page, expect) {
  await page.waitForFunction(
    (needle) => {
      const report = document.getElementById('report');
      const view = document.getElementById('text-view');
      return report.dataset.state === 'result'
        && !document.documentElement.hasAttribute('data-busy')
        && (!needle || view.textContent.includes(needle));
    },
    expect ?? null,
    { timeout: 20_000 },
  );
}

// The reading views double as the README's screenshots, so those stay current.
const README_SHOTS = {
  'page-light.png': 'README-light.png',
  'page-dark-reading.png': 'README-dark.png',
  'page-phone-reading.png': 'README-phone.png',
};

export async function shot(page, name, options = {}) {
  await mkdir(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file, ...options });
  if (README_SHOTS[name]) await copyFile(file, path.join(SHOTS, README_SHOTS[name]));
  return file;
}

/** Relative luminance of a CSS rgb()/rgba() colour string (alpha ignored). */
export function luminance(css) {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) return NaN;
  const [r, g, b] = m[1].split(/[ ,/]+/).filter(Boolean).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
