// The analysis runs here, off the main thread. Messages in:
//   { type: 'init', module }              first: the WASM module the page compiled, or
//                                         null to fetch and compile it here (a worker
//                                         named 'slant-self-load' has begun that already)
//   { id, text, options }                 an analysis
// Messages out:
//   { type: 'ready', version, categories, tradeOffs, timing }
//                                         the WASM core is loaded and warmed up;
//                                         `categories` is its categories(): the
//                                         table the page lists categories from;
//                                         `tradeOffs` its tradeOffs(): what the
//                                         sensitivity trades, for the settings
//   { type: 'fatal', error }              the core could not be loaded at all
//   { type: 'result', id, report, ms }    an analysis
//   { type: 'error', id, error }          the core refused the input (readable message)
//   { type: 'crash', id, error }          the core itself failed; the page starts a fresh worker
// `timing` holds absolute times (timeOrigin + now) the page turns into marks.

import init, { analyze, categories, tradeOffs, version } from './pkg/slant.js';

// A short article that goes through most of the core: byline and date, loaded
// words, scare quotes, quotations with named and vague sources, an unsourced
// claim with a figure. Analysing it once, before the reader's text arrives,
// builds the core's lazily made matchers and gets its code compiled, so the
// first real analysis runs at full speed.
const WARM_UP = `Council Approves the So-Called Rescue Plan
By Jane Doe | 3 March 2024

The council's cronies rammed through a "modern" plan on Monday, a reckless and shocking move. "It is a disaster," said Mayor Ann Lee, who chairs the board. Critics say it will cost 4,000 jobs. Experts believe the figure is wrong, according to one official. Prices rose 12% last year.`;

const now = () => performance.timeOrigin + performance.now();

// The page's 'init' message: it carries the module the page compiled, or
// null. A worker that index.html's inline script started ("self-load") does
// not wait for it: it fetches and compiles the WASM itself at once, while the
// page is still loading. Either way 'ready' (or 'fatal') is posted only after
// 'init' has come, when the page is listening.
let gotInit;
const initMessage = new Promise((resolve) => { gotInit = resolve; });
const loading = self.name === 'slant-self-load' ? load(null) : initMessage.then(load);
const ready = Promise.all([loading, initMessage]).then(([outcome]) => {
  self.postMessage(outcome.message);
  return outcome.ok;
});

/** Loads the core and warms it up; `{ ok, message }` for the page. */
function load(module) {
  const timing = { start: now() };
  return init({ module_or_path: module ?? undefined }).then(
    () => {
      timing.loaded = now();
      try {
        analyze(WARM_UP, null);
      } catch (err) {
        // A panic: the instance cannot be trusted. Anything else, a real
        // request will report.
        if (err instanceof WebAssembly.RuntimeError) throw err;
      }
      timing.warm = now();
      return { ok: true, message: { type: 'ready', version: version(), categories: categories(), tradeOffs: tradeOffs(), timing } };
    },
  ).catch((err) => ({ ok: false, message: { type: 'fatal', error: message(err) } }));
}

function message(err) {
  return (err && typeof err === 'object' && 'message' in err ? err.message : String(err)) || 'unknown error';
}

self.onmessage = async (event) => {
  const data = event.data ?? {};
  if (data.type === 'init') {
    gotInit(data.module instanceof WebAssembly.Module ? data.module : null);
    return;
  }
  const { id, text, options } = data;
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
