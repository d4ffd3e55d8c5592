// The analysis runs here, off the main thread. Messages in:
//   { id, text, options }
// Messages out:
//   { type: 'ready', version }            the WASM core is loaded
//   { type: 'fatal', error }              the core could not be loaded at all
//   { type: 'result', id, report, ms }    an analysis
//   { type: 'error', id, error }          the core refused the input (readable message)
//   { type: 'crash', id, error }          the core itself failed; the page starts a fresh worker

import init, { analyze, version } from './pkg/slant.js';

const ready = init().then(
  () => {
    self.postMessage({ type: 'ready', version: version() });
    return true;
  },
  (err) => {
    self.postMessage({ type: 'fatal', error: message(err) });
    return false;
  },
);

function message(err) {
  return (err && typeof err === 'object' && 'message' in err ? err.message : String(err)) || 'unknown error';
}

self.onmessage = async (event) => {
  const { id, text, options } = event.data ?? {};
  if (!(await ready)) return;
  const t0 = performance.now();
  let report;
  try {
    report = analyze(String(text ?? ''), options ?? null);
  } catch (err) {
    // A panic in the Rust core surfaces as a WebAssembly.RuntimeError
    // ("unreachable"); after that the instance cannot be trusted.
    const crashed = err instanceof WebAssembly.RuntimeError || !(err instanceof Error);
    self.postMessage({ type: crashed ? 'crash' : 'error', id, error: message(err) });
    return;
  }
  self.postMessage({ type: 'result', id, report, ms: performance.now() - t0 });
};
