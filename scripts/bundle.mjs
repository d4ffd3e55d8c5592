// Bundles and minifies the page's scripts and styles with esbuild, after a
// WASM build. The readable sources stay in www/ (app.js and the modules it
// imports, worker.js, style.css); the page loads only what this writes:
//
//   www/pkg/app.js     app.js and its imports, one module (one request
//                      instead of six)
//   www/pkg/worker.js  worker.js with the wasm-bindgen glue and its snippets:
//                      the worker starts after one request, not two in series
//   www/pkg/style.css  style.css, its one image (the logo) inlined
//
// Minified, the three are 10 KB smaller gzipped than their sources.
// See BENCHMARKS.md#t-bundle and BENCHMARKS.md#t-worker-bundle.
//
//   node scripts/bundle.mjs

import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WWW = fileURLToPath(new URL('../www', import.meta.url));

/**
 * esbuild options shared by every bundle; `overrides` may add plugins or
 * change the format. Browsers the page supports run the sources' syntax as
 * written, so nothing is lowered.
 */
export const bundleOptions = (overrides = {}) => ({
  bundle: true,
  minify: true,
  format: 'esm',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  ...overrides,
});

/** The stylesheet's one image, the logo, goes inline. */
export const STYLE_OPTIONS = { loader: { '.svg': 'dataurl' } };

/** Build the page's three bundles into www/pkg. */
export async function bundlePage(www = WWW) {
  const pkg = join(www, 'pkg');
  await Promise.all([
    build(bundleOptions({ entryPoints: [join(www, 'app.js')], outfile: join(pkg, 'app.js') })),
    // Beside the glue, so its default path to slant_bg.wasm (used when the
    // worker loads the WASM itself) still holds.
    build(bundleOptions({ entryPoints: [join(www, 'worker.js')], outfile: join(pkg, 'worker.js') })),
    build(bundleOptions({ entryPoints: [join(www, 'style.css')], outfile: join(pkg, 'style.css'), ...STYLE_OPTIONS })),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundlePage();
}
