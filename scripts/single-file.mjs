// Build dist/slant.html: the whole page in one file that works opened
// straight from disk (file://), no server. Run after a WASM build:
//   node scripts/single-file.mjs
// The CSS is inlined, the ES modules are joined into one inline module, and
// the analysis worker (its code, the wasm-bindgen glue and the WASM as base64)
// sits in a non-executed data block that the page turns into a Blob worker.
// The CSP stays strict: the inline script and style are allowed by their
// sha256 hashes, and blob: only for worker-src. No dependencies.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleModules, workerModules } from './bundle.mjs';

const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const read = (rel) => readFileSync(join(www, rel), 'utf8');
const bundle = (order, transform) => bundleModules(www, order, transform);

function fail(message) {
  throw new Error(`single-file: ${message}`);
}

/** Text that must not end or confuse the <script>/<style> element holding it. */
function checkInline(name, text, tag) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) fail(`${name} contains "</${tag}" or "<!--"`);
  return text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// ------------------------------------------------------------ the worker

const wasm = readFileSync(join(www, 'pkg', 'slant_bg.wasm')).toString('base64');
const workerCode = checkInline('worker', bundle(workerModules(www), {
  // A classic script has no import.meta; the WASM is always passed in anyway.
  'pkg/slant.js': (s) => s.replaceAll('import.meta.url', 'self.location.href'),
  'worker.js': (s) => {
    const old = 'init({ module_or_path: module ?? undefined })';
    if (!s.includes(old)) fail(`worker.js no longer calls ${old}`);
    return s.replace(old, 'init({ module_or_path: module ?? __slant_wasm() })');
  },
}).replace(/^/, `const __slant_wasm = () => Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));\n`), 'script');

// ------------------------------------------------------------ the page

const appCode = checkInline('app', bundle(['start.js', 'render.js', 'tooltip.js', 'samples.js', 'settings.js', 'app.js'], {
  'start.js': (s) => {
    const old = [
      "export const wasmModule = booted ? Promise.resolve(null) : compileWasm(new URL('./pkg/slant_bg.wasm', import.meta.url));",
      "export const newWorker = () => new Worker(new URL('./pkg/worker.js', import.meta.url), { type: 'module' });",
    ].join('\n');
    if (!s.includes(old)) fail('start.js no longer defines wasmModule and newWorker as expected');
    // The worker has the WASM inlined, so the page compiles nothing: file://
    // allows no fetch. A classic worker: Chromium refuses module workers from
    // blob: on file://.
    return s.replace(old, [
      'export const wasmModule = Promise.resolve(null);',
      'let blobURL = null;',
      "export const newWorker = () => new Worker(blobURL ??= URL.createObjectURL(new Blob([document.getElementById('slant-worker').textContent], { type: 'text/javascript' })));",
    ].join('\n'));
  },
}), 'script');
const favicon = `data:image/svg+xml;base64,${readFileSync(join(www, 'favicon.svg')).toString('base64')}`;
const css = checkInline('style.css', read('style.css').replaceAll('url("favicon.svg")', `url("${favicon}")`), 'style');
if (/url\((?!"data:)/.test(css)) fail('style.css refers to a file other than favicon.svg');

const csp = [
  "default-src 'none'",
  `script-src ${sha256(appCode)} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  `style-src ${sha256(css)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('index.html');
const swap = (pattern, replacement) => {
  if (!pattern.test(html)) fail(`index.html has no ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
swap(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<link rel="icon" href="favicon.svg" type="image\/svg\+xml">/, `<link rel="icon" href="${favicon}" type="image/svg+xml">`);
swap(/<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`);
// Preloads of the separate files, and start.js: everything is inline here.
swap(/^<link rel="(?:preload|modulepreload)" [^>]*>\n/gm, '');
swap(/^<script type="module" async src="start.js"><\/script>\n/m, '');
// The inline script that starts the worker early: here the worker is a Blob
// made by start.js, and the CSP allows only the one inline module by hash.
swap(/^<script>\n\/\/ Starts the analysis worker[^]*?<\/script>\n/m, '');
swap(/<script type="module" src="app.js"><\/script>/,
  `<script type="text/x-slant-worker" id="slant-worker">${workerCode}</script>\n<script type="module">${appCode}</script>`);
if (/\b(src|href)="(?!data:|#)[^"]*"/.test(html)) fail('index.html still refers to another file');

mkdirSync(join(root, 'dist'), { recursive: true });
const out = join(root, 'dist', 'slant.html');
writeFileSync(out, html);
console.log(`wrote ${out} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
