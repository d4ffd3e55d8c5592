// The analyser's start. index.html's inline script has already started the
// first worker, which fetches and compiles the WASM by itself while the page
// is parsed and styled; this module takes that worker over for app.js.
// Should the inline script not have run, this module compiles the WASM and
// starts the worker itself. The worker's script is pkg/worker.js: worker.js
// with the wasm-bindgen glue joined in by scripts/bundle.mjs, so the worker
// waits for one request, not two in series.
// Measured: BENCHMARKS.md#t-early-worker.

/** User Timing marks of the first load ("slant:..."), for the benchmark. */
const marked = new Set();
export function mark(name) {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`slant:${name}`);
}
export const wasMarked = (name) => marked.has(name);
mark('start');

/**
 * The WASM module, compiled here while the worker starts, then handed to it.
 * Null if that fails: the worker then loads the WASM itself, and reports what
 * went wrong.
 */
async function compileWasm(url) {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const module = /^application\/wasm\b/.test(response.headers.get('content-type') ?? '')
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer()); // a server without the wasm MIME type
    mark('wasm-compiled');
    return module;
  } catch {
    return null;
  }
}

// The first worker, when index.html's inline script could start it: that
// worker fetches and compiles the WASM itself, so the page compiles nothing
// (later workers, after a crash, load it themselves too, from the cache).
const booted = globalThis.slantBootWorker ?? null;

// Paths are the page's, not this module's: the page loads it bundled into
// pkg/app.js. scripts/single-file.mjs replaces these two lines: its worker is
// a Blob of the inlined code, with the WASM inside.
export const wasmModule = booted ? Promise.resolve(null) : compileWasm(new URL('pkg/slant_bg.wasm', document.baseURI));
export const newWorker = () => new Worker(new URL('pkg/worker.js', document.baseURI), { type: 'module' });

// The first worker. Until app.js takes it, an error (its script failed to
// load) is kept for app.js to see; the worker itself waits for app.js's
// 'init' message before it reports anything.
let first = booted ?? newWorker();
let firstError = globalThis.slantBootError ?? null;
first.onerror = (e) => {
  e.preventDefault?.();
  firstError = e;
};

/** The worker started above, the first time; then a fresh one. */
export function takeWorker() {
  const worker = first ?? newWorker();
  const error = first ? firstError : null;
  first = null;
  return { worker, error };
}
