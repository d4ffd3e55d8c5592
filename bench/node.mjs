// Slant's WASM core in Node against three other prose checkers on the same
// texts. Every (engine, file) pair runs in its own child process, so each has
// a clean heap, its own peak RSS, and can be stopped when one run takes longer
// than the cap. Run `node make-corpus.mjs` first; writes results/node.json.
//
//   node node.mjs                       everything
//   node node.mjs --only slant          one engine (slant, write-good, retext, harper)

import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CORPUS, HERE, fmtMs, median, snapshotWww } from './lib.mjs';

const CAP_MS = 60_000; // a competitor run longer than this is stopped and reported as skipped
const BUDGET_MS = 3_000; // timed runs per (engine, file) stop after about this long
const SIZES = ['article-1000w', '1kb', '10kb', '100kb', '1mb', '10mb'];

// ------------------------------------------------------------------ engines
// Each returns an async function text -> number of findings.

const ENGINES = {
  async slant(www) {
    const pkg = join(www, 'pkg');
    const { default: init, analyze } = await import(join(pkg, 'slant.js'));
    console.debug = () => {}; // the core says hello on the console when it loads
    await init({ module_or_path: readFileSync(join(pkg, 'slant_bg.wasm')) });
    return (text) => analyze(text, null).flags.length;
  },
  async 'write-good'() {
    const { default: writeGood } = await import('write-good');
    return (text) => writeGood(text).length;
  },
  async retext() {
    const { retext } = await import('retext'); // retext() includes the English parser
    const { default: intensify } = await import('retext-intensify');
    const { default: passive } = await import('retext-passive');
    const { default: equality } = await import('retext-equality');
    const processor = retext().use(intensify).use(passive).use(equality);
    return async (text) => (await processor.process(text)).messages.length;
  },
  async harper() {
    const { LocalLinter } = await import('harper.js');
    const { binary } = await import('harper.js/binary');
    const linter = new LocalLinter({ binary });
    await linter.setup();
    return async (text) => (await linter.lint(text)).length;
  },
};

// ------------------------------------------------------------------ child: measure one pair

async function child(engine, file, www) {
  const run = await ENGINES[engine](www);
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const baseRss = process.memoryUsage().rss;
  const once = async () => {
    const t0 = performance.now();
    const findings = await run(text);
    const ms = performance.now() - t0;
    process.send({ type: 'tick' }); // the parent's cap restarts at every finished run
    return { ms, findings };
  };
  // Warm-up: at least one run, more for short inputs so the JIT settles.
  let warm = 0, warmMs = 0, first, last;
  // Two runs unless one is very slow: a linter's first run may load its dictionary.
  while (warm < (warm && first.ms > 20_000 ? 1 : 2) || (warmMs < 500 && warm < 100)) {
    last = await once();
    first ??= last;
    warmMs += last.ms;
    warm++;
  }
  const per = last.ms; // the settled speed sets how many timed runs fit the budget
  const n = Math.max(per > 20_000 ? 1 : 3, Math.min(1000, Math.round(BUDGET_MS / per)));
  const times = [];
  for (let i = 0; i < n; i++) times.push((await once()).ms);
  process.send({
    type: 'done', times, warm, findings: first.findings,
    baseRssMb: baseRss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024,
  }, () => process.exit(0));
}

function measure(engine, file, www) {
  return new Promise((resolve) => {
    const proc = fork(new URL(import.meta.url).pathname, ['--child', engine, file, www], { stdio: 'inherit' });
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { proc.kill('SIGKILL'); resolve({ skipped: `skipped (>${CAP_MS / 1000} s)` }); }, CAP_MS);
    };
    arm();
    proc.on('message', (m) => {
      if (m.type === 'tick') arm();
      if (m.type === 'done') { clearTimeout(timer); resolve(m); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); resolve({ skipped: `failed (exit ${code})` }); });
  });
}

// ------------------------------------------------------------------ parent: the table

async function main() {
  if (!existsSync(join(CORPUS, '10mb.txt'))) throw new Error('no corpus: run `node make-corpus.mjs` first');
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const engines = Object.keys(ENGINES).filter((e) => !only || e === only);
  const jobs = [];
  for (const engine of engines) {
    for (const size of SIZES) {
      jobs.push([engine, `${size}.txt`]);
      if (engine === 'slant' && size !== 'article-1000w') jobs.push([engine, `${size}.html`]);
    }
  }
  const www = await snapshotWww();
  const loadavg0 = loadavg();
  const results = [];
  for (const [engine, file] of jobs) {
    const bytes = readFileSync(join(CORPUS, file)).length;
    const m = await measure(engine, file, www.dir);
    const r = { engine, file, bytes };
    if (m.skipped) r.skipped = m.skipped;
    else {
      r.median_ms = median(m.times);
      r.min_ms = Math.min(...m.times);
      r.runs = m.times.length;
      r.warmup_runs = m.warm;
      r.mb_per_s = bytes / 1e6 / (r.median_ms / 1e3);
      r.findings = m.findings;
      r.base_rss_mb = m.baseRssMb;
      r.max_rss_mb = m.maxRssMb;
    }
    results.push(r);
    console.log(`${engine.padEnd(10)} ${file.padEnd(18)} ${r.skipped ?? `${fmtMs(r.median_ms).padStart(8)} ms  ${r.mb_per_s.toFixed(2).padStart(7)} MB/s  ${String(r.runs).padStart(4)} runs  ${String(r.findings).padStart(6)} findings  peak RSS ${r.max_rss_mb.toFixed(0)} MB`}`);
  }

  www.remove();

  const get = (engine, file) => results.find((r) => r.engine === engine && r.file === file);
  const ratios = {};
  const others = engines.filter((e) => e !== 'slant');
  if (others.length) console.log('\nTime of each competitor / time of Slant, same .txt (higher = Slant faster)');
  if (others.length) console.log(`${'file'.padEnd(18)} ${others.map((e) => e.padStart(12)).join('')}`);
  for (const size of SIZES) {
    const file = `${size}.txt`;
    const slant = get('slant', file);
    if (!slant?.median_ms) continue;
    ratios[file] = {};
    const cells = others.map((e) => {
      const other = get(e, file);
      const ratio = other?.median_ms ? other.median_ms / slant.median_ms : null;
      ratios[file][e] = ratio;
      return (ratio ? `${ratio.toFixed(1)}×` : 'skipped').padStart(12);
    });
    if (others.length) console.log(`${file.padEnd(18)} ${cells.join('')}`);
  }

  const linearity = {};
  for (const ext of ['txt', 'html']) {
    const a = get('slant', `1mb.${ext}`), b = get('slant', `10mb.${ext}`);
    if (a?.median_ms && b?.median_ms) {
      linearity[ext] = b.median_ms / a.median_ms;
      console.log(`Slant linearity (.${ext}): 10 MB time / 1 MB time = ${linearity[ext].toFixed(2)} (target ≤ 11)`);
    }
  }
  const big = get('slant', '10mb.txt');
  if (big?.max_rss_mb) console.log(`Slant peak RSS on 10 MB text: ${big.max_rss_mb.toFixed(0)} MB (${big.base_rss_mb.toFixed(0)} MB before the first run)`);

  mkdirSync(join(HERE, 'results'), { recursive: true });
  const out = {
    date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length,
    wasm: www.wasm, loadavg_at_start: loadavg0, cap_ms: CAP_MS, results, ratios, linearity,
  };
  writeFileSync(join(HERE, 'results', only ? `node-${only}.json` : 'node.json'), `${JSON.stringify(out, null, 2)}\n`);
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], process.argv[5]);
else await main();
