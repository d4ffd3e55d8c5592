// Build dist/slant.html: the whole page in one file that works opened
// straight from disk (file://), no server. Run after a WASM build:
//   node scripts/single-file.mjs
// The CSS is inlined, the ES modules are bundled into one inline module, and
// the analysis worker (its code, the wasm-bindgen glue and the WASM as base64)
// sits in a non-executed data block that the page turns into a Blob worker.
// The CSP stays strict: the inline script and style are allowed by their
// sha256 hashes, and blob: only for worker-src.

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleOptions, STYLE_OPTIONS, WWW as www } from './bundle.mjs';

const root = join(www, '..');
const read = (rel) => readFileSync(join(www, rel), 'utf8');

function fail(message) {
  throw new Error(`single-file: ${message}`);
}

/**
 * Bundle `entry` (a path in www) as the page's bundles are, after rewriting
 * the sources named in `edits` (path in www -> function of its text).
 */
async function bundle(entry, format, edits = {}, options = {}) {
  const edited = new Set();
  const rewrite = {
    name: 'single-file-edits',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        const rel = relative(www, args.path);
        if (!edits[rel]) return undefined;
        edited.add(rel);
        return { contents: edits[rel](readFileSync(args.path, 'utf8')), loader: 'js' };
      });
    },
  };
  const result = await build(bundleOptions({ entryPoints: [join(www, entry)], format, write: false, plugins: [rewrite], ...options }));
  for (const rel of Object.keys(edits)) if (!edited.has(rel)) fail(`${entry} no longer bundles ${rel}`);
  return result.outputFiles[0].text;
}

/** Text that must not end or confuse the <script>/<style> element holding it. */
function checkInline(name, text, tag) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) fail(`${name} contains "</${tag}" or "<!--"`);
  return text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// ------------------------------------------------------------ the worker

const wasm = readFileSync(join(www, 'pkg', 'slant_bg.wasm')).toString('base64');
// A classic script: Chromium refuses module workers from blob: on file://.
const workerCode = checkInline('worker', await bundle('worker.js', 'iife', {
  // A classic script has no import.meta; the WASM is always passed in anyway.
  'pkg/slant.js': (s) => s.replaceAll('import.meta.url', 'self.location.href'),
  'worker.js': (s) => {
    const old = 'init({ module_or_path: module ?? undefined })';
    if (!s.includes(old)) fail(`worker.js no longer calls ${old}`);
    return s.replace(old, 'init({ module_or_path: module ?? __slant_wasm() })');
  },
}).then((code) => `const __slant_wasm = () => Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0));\n${code}`), 'script');

// ------------------------------------------------------------ the page

const appCode = checkInline('app', await bundle('app.js', 'esm', {
  'start.js': (s) => {
    const old = [
      "export const wasmModule = booted ? Promise.resolve(null) : compileWasm(new URL('pkg/slant_bg.wasm', document.baseURI));",
      "export const newWorker = () => new Worker(new URL('pkg/worker.js', document.baseURI), { type: 'module' });",
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
// The page's stylesheet, which has its one image inlined already.
const css = checkInline('style.css', await bundle('style.css', 'esm', {}, STYLE_OPTIONS), 'style');
if (/url\((?!["']?data:)/.test(css)) fail('style.css refers to another file');

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
swap(/^<!-- Built by scripts\/bundle.mjs[^>]*-->\n/m, '');
swap(/<link rel="stylesheet" href="pkg\/style.css">/, `<style>${css}</style>`);
// The inline script that starts the worker early: here the worker is a Blob
// made by start.js, and the CSP allows only the one inline module by hash.
swap(/^<script>\n\/\/ Starts the analysis worker[^]*?<\/script>\n/m, '');
swap(/<script type="module" src="pkg\/app.js"><\/script>/,
  `<script type="text/x-slant-worker" id="slant-worker">${workerCode}</script>\n<script type="module">${appCode}</script>`);
if (/\b(src|href)="(?!data:|#)[^"]*"/.test(html)) fail('index.html still refers to another file');

mkdirSync(join(root, 'dist'), { recursive: true });
const out = join(root, 'dist', 'slant.html');
writeFileSync(out, html);
console.log(`wrote ${out} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
