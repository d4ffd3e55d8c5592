// The analysis engine: the worker that runs the WASM core, and the requests
// to it. start.js has already compiled the WASM and started the first worker;
// this takes it over, asks for one analysis at a time (the latest edit wins;
// a result for an older one is ignored), and starts a fresh worker when one
// crashes or hangs. The worker's messages are documented in worker.js.

import { mark, takeWorker, wasMarked, wasmModule } from './start.js';

const WATCHDOG_MS = 30_000;

/**
 * `handlers`: ready(version, categories), fatal(error), crash(reason, lost),
 * result(report, ms, options, tag), error(message), busy() — called when
 * `busy` may have changed. A request's `tag` comes back with its result.
 */
export class Engine {
  constructor(handlers) {
    this.handlers = handlers;
    this.seq = 0; // the id of the analysis whose result is wanted
    this.ids = 0;
    this.inFlight = null;
    this.pending = null;
    this.worker = null;
    this.ready = false;
    this.failedStarts = 0;
    this.dead = false;
    this.start();
  }

  start() {
    this.ready = false;
    document.documentElement.dataset.engine = 'starting';
    const { worker, error } = takeWorker();
    this.worker = worker;
    worker.onmessage = (e) => this.onMessage(worker, e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (worker !== this.worker) return;
      this.crash(e.message ? e.message.replace(/^Uncaught\s+/, '') : 'the analyser stopped');
    };
    if (error) queueMicrotask(() => worker.onerror(error));
    worker.onmessageerror = () => {
      if (worker === this.worker) this.crash('a message could not be read');
    };
    wasmModule.then((module) => {
      if (worker !== this.worker) return;
      try {
        worker.postMessage({ type: 'init', module });
      } catch {
        worker.postMessage({ type: 'init', module: null }); // a Module that cannot be sent
      }
    });
  }

  onMessage(worker, msg) {
    if (worker !== this.worker || !msg) return;
    switch (msg.type) {
      case 'ready':
        if (msg.timing && !wasMarked('engine-ready')) {
          const at = (t) => t - performance.timeOrigin;
          performance.measure('slant:worker-init', { start: at(msg.timing.start), end: at(msg.timing.loaded) });
          performance.measure('slant:warm-up', { start: at(msg.timing.loaded), end: at(msg.timing.warm) });
        }
        mark('engine-ready');
        this.ready = true;
        this.failedStarts = 0;
        this.handlers.ready(msg.version, msg.categories ?? [], msg.tradeOffs ?? []);
        this.pump();
        break;
      case 'fatal':
        this.dead = true;
        this.inFlight = this.pending = null;
        this.handlers.fatal(msg.error);
        break;
      case 'result':
      case 'error': {
        clearTimeout(this.watchdog);
        const current = msg.id === this.seq;
        const { options, tag } = this.inFlight ?? {};
        this.inFlight = null;
        if (current && msg.type === 'result') this.handlers.result(msg.report, msg.ms, options, tag);
        if (current && msg.type === 'error') this.handlers.error(msg.error);
        this.pump();
        this.handlers.busy(this.busy);
        break;
      }
      case 'crash':
        this.crash(msg.error);
        break;
    }
  }

  get busy() {
    return !this.dead && Boolean(this.inFlight || this.pending);
  }

  request(text, options, tag = null) {
    if (this.dead) return;
    // The same text and options as the analysis under way (a paste, then a
    // press of Analyze): its result will do.
    const running = this.inFlight;
    if (running && running.text === text && JSON.stringify(running.options) === JSON.stringify(options)) {
      this.seq = running.id;
      running.tag = tag;
      this.pending = null;
      this.handlers.busy(this.busy);
      return;
    }
    this.seq = ++this.ids;
    this.pending = { id: this.seq, text, options, tag };
    this.pump();
    this.handlers.busy(this.busy);
  }

  /** Forget queued work; a result already on its way is ignored. */
  cancel() {
    this.seq = ++this.ids; // matches no analysis
    this.pending = null;
    this.handlers.busy(this.busy);
  }

  pump() {
    if (this.inFlight || !this.pending || !this.worker || this.dead) return;
    this.inFlight = this.pending;
    this.pending = null;
    mark('request');
    const { id, text, options } = this.inFlight;
    this.worker.postMessage({ id, text, options });
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.crash('the analysis took too long'), WATCHDOG_MS);
  }

  /** The worker died: drop it and its work, start a fresh one. */
  crash(reason) {
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.worker = null;
    const lost = Boolean(this.inFlight || this.pending);
    this.inFlight = this.pending = null;
    if (!this.ready) this.failedStarts++;
    if (this.failedStarts >= 2) {
      this.dead = true;
      this.handlers.fatal(reason);
    } else {
      this.handlers.crash(reason, lost);
      this.start();
    }
    this.handlers.busy(this.busy);
  }
}
