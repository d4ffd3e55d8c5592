// The adversarial benchmark: for each pattern that once made a stage of
// Slant quadratic (and the worst case of each stage found by reading it),
// a generator that writes the pattern at any size; each is measured at
// doubling sizes, natively and in WASM, and the growth of the time from one
// size to twice it is the verdict (linear: about 2x; quadratic: about 4x).
//
//   cargo build --release --example adversarial   # the native runner
//   scripts/build.sh                              # www/pkg, the WASM
//   node bench/adversarial.mjs                    # everything
//   node bench/adversarial.mjs --only cjk,attr    # families whose name contains one of these
//   node bench/adversarial.mjs --native           # native only (or --wasm)
//   node bench/adversarial.mjs --write            # only write the inputs
//
// Sizes 62.5 kB, 125 kB, … 1 MB (10^3-byte kB, as make-corpus.mjs), each twice the last: a family
// stops climbing when one run takes longer than CLIMB_LIMIT_MS, and the last
// two sizes measured give the ratio. Each (family, size, engine) runs in its
// own process, killed after RUN_TIMEOUT_MS. Results go to
// results/adversarial.json and a Markdown table to stdout (BENCHMARKS.md's
// "Adversarial inputs"). Inputs go to corpus/adversarial/.

import { execFileSync, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CORPUS, HERE, fmtMs, median, snapshotWww } from './lib.mjs';

const SIZES = [62_500, 125_000, 250_000, 500_000, 1_000_000];
const CLIMB_LIMIT_MS = 10_000;
const RUN_TIMEOUT_MS = 120_000;
const DIR = join(CORPUS, 'adversarial');
const ROOT = join(HERE, '..');
const NATIVE = join(ROOT, 'target', 'release', 'examples', 'adversarial');

// ------------------------------------------------------------------ generators

/** `unit(i)` repeated until `size` bytes, between `head` and `tail`. */
function fill(size, unit, head = '', tail = '') {
  const parts = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; bytes < size; i++) {
    const u = unit(i);
    parts.push(u);
    bytes += Buffer.byteLength(u);
  }
  parts.push(tail);
  return parts.join('');
}

const ARTICLE = '<article><p>The council met on Tuesday. It approved the budget, officials said.</p></article>';
const page = (body, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
/** A letter name for `i`: a, b, …, z, ba, bb, … */
const word = (i) => {
  let s = '';
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
};

// owner: "linear" for the patterns this branch fixes; "sourcing" for those of
// attribution, figures and the report (fixed on the sourcing branch), shown
// here as they stand.
export const FAMILIES = [
  // --- HTML: the reader and html5ever behind it
  { name: 'html-menu-li-unclosed', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => `<li><a href="/s/${i}">Section ${i}</a>`, '<html><body><nav><ul>', `</ul></nav>${ARTICLE}</body></html>`) },
  { name: 'html-p-unclosed', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => `<p>Paragraph ${i} ends with a full stop.`, '<html><body><article>', '</article></body></html>') },
  { name: 'html-div-self-closing', kind: 'html', owner: 'linear',
    make: (n) => fill(n, () => '<div/>', '<html><body><p>Lead text.</p>', '<p>Tail text.</p></body></html>') },
  { name: 'html-stray-end-tags', kind: 'html', owner: 'linear',
    make: (n) => fill(n, () => '</b>', '<html><body><p>' + '<span>'.repeat(150) + 'text', '</body></html>') },
  { name: 'html-stray-end-p', kind: 'html', owner: 'linear',
    make: (n) => fill(n, () => '</p>', '<html><body>' + '<span>'.repeat(150) + 'text', '</body></html>') },
  { name: 'html-deep-nesting', kind: 'html', owner: 'linear',
    make: (n) => { const k = Math.floor((n - 40) / 11); return '<html><body>' + '<div>'.repeat(k) + '<p>deep text</p>' + '</div>'.repeat(k); } },
  { name: 'html-deep-scripts-styles', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => `<p>Text ${i}.</p><script>var s = "</div><div>${i}";</script><style>p{}</style><template><p>t</p></template>`,
      '<html><body>' + '<div>'.repeat(200), '</body></html>') },
  { name: 'html-attributes-one-element', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => ` a${i}="v"`, '<html><body><p', '>Text.</p></body></html>') },
  { name: 'html-body-attributes-merged', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => '<body' + Array.from({ length: 64 }, (_, j) => ` b${i}x${j}`).join('') + '>', '<html><body><p>Text.</p>', '</body></html>') },
  { name: 'html-formatting-reopened', kind: 'html', owner: 'linear',
    make: (n) => fill(n, () => '<p>x</p>', '<html><body><p>' + Array.from({ length: 50 }, (_, i) => `<b id=b${i}>`).join('') + '</p>', '</body></html>') },
  { name: 'html-inline-flood-deep', kind: 'html', owner: 'linear',
    make: (n) => fill(n, () => '<i>x</i>', '<html><body><p>' + '<span>'.repeat(150), '</body></html>') },
  { name: 'html-nested-containers', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => `<p>Text ${i} here.</p>`, '<html><body>' + '<article>'.repeat(100), '</body></html>') },
  { name: 'html-keywords-meta', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => `keyword ${word(i % Math.max(1, Math.floor(n / 24)))}, `, '<html><head><meta name="keywords" content="', `"></head><body>${ARTICLE}</body></html>`) },
  { name: 'html-byline-brackets', kind: 'html', owner: 'linear',
    make: (n) => fill(n, () => '[', '<html><head><meta name="author" content="By ', `"></head><body>${ARTICLE}</body></html>`) },
  { name: 'html-jsonld-authors', kind: 'html', owner: 'linear',
    make: (n) => fill(n, (i) => `{"@type":"Person","name":"Ann ${word(i % Math.max(1, Math.floor(n / 60)))}"},`,
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[', `{"name":"Z"}]}</script></head><body>${ARTICLE}</body></html>`) },
  // --- plain text: the text reader, segmentation, the lexicon
  { name: 'text-cjk-no-spaces', kind: 'text', owner: 'linear',
    make: (n) => fill(n, () => '東京は晴れ。大阪は雨。') },
  { name: 'text-tags-lines', kind: 'text', owner: 'linear',
    make: (n) => fill(n, (i) => `Tags: tag ${word(i % Math.max(1, Math.floor(n / 40)))}\n`, 'Headline\n\nThe council met.\n\n') },
  { name: 'text-markup-as-text', kind: 'text', owner: 'linear',
    make: (n) => fill(n, () => '<div>') },
  { name: 'text-one-word', kind: 'text', owner: 'linear',
    make: (n) => 'a'.repeat(n) },
  { name: 'text-no-sentence-end', kind: 'text', owner: 'linear',
    make: (n) => fill(n, () => 'word ') },
  { name: 'text-wrapped-lines', kind: 'text', owner: 'linear',
    make: (n) => fill(n, (i) => `this line of a hard-wrapped paragraph goes on without an end ${i}\n`) },
  { name: 'text-acronyms', kind: 'text', owner: 'linear',
    make: (n) => fill(n, () => 'U.S. ') },
  { name: 'text-lexicon-dense', kind: 'text', owner: 'linear',
    make: (n) => fill(n, () => 'The thug regime and its crony mob, experts say. ') },
  { name: 'text-custom-term-overlap', kind: 'text', owner: 'linear',
    options: { custom_terms: [{ term: 'say the so', category: 'emotive' }] },
    make: (n) => fill(n, () => 'Experts say the so-called plan failed. ') },
  // --- attribution, figures and the report (the sourcing branch)
  { name: 'text-figures', kind: 'text', owner: 'sourcing',
    make: (n) => fill(n, () => '1,') },
  { name: 'text-capitalised-before-verb', kind: 'text', owner: 'sourcing',
    make: (n) => fill(n, () => 'Said ', '', 'said it.') },
  { name: 'text-short-quotations', kind: 'text', owner: 'sourcing',
    make: (n) => fill(n, () => '"a" ', 'He said ', 'today.') },
  // Found by the linear fuzz target on its first run: quotation marks that
  // open and close many short quotations in one sentence.
  { name: 'text-quote-marks', kind: 'text', owner: 'sourcing',
    make: (n) => fill(n, () => '"‘a ') },
  { name: 'text-distinct-speakers', kind: 'text', owner: 'sourcing',
    make: (n) => fill(n, (i) => `Jo${word(i)} Mc${word(i)}son said it was fine. Mc${word(i)}son added more. `) },
  { name: 'text-long-name-then-he-said', kind: 'text', owner: 'sourcing',
    make: (n) => fill(n, () => 'He said it. ', 'Abc '.repeat(7500) + 'said it. ') },
];

// ------------------------------------------------------------------ files

function inputFile(family, size) {
  const ext = family.kind === 'html' ? 'html' : 'txt';
  const file = join(DIR, `${family.name}-${size / 1000}k.${ext}`);
  if (!existsSync(file)) writeFileSync(file, family.make(size));
  return file;
}

function optionsFile(family) {
  const options = { input: family.kind, ...(family.options ?? {}) };
  const file = join(DIR, `${family.name}.options.json`);
  writeFileSync(file, JSON.stringify(options));
  return file;
}

// ------------------------------------------------------------------ runners

function runNative(file, options) {
  const run = spawnSync(NATIVE, [file, options], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS });
  if (run.error || run.status !== 0) return { timeout: true };
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

function runWasm(www, file, options) {
  return new Promise((resolve) => {
    const child = fork(new URL(import.meta.url).pathname, ['--child', www, file, options], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve({ timeout: true }); }, RUN_TIMEOUT_MS);
    child.on('message', (m) => { clearTimeout(timer); resolve(m); child.kill(); });
    child.on('exit', () => { clearTimeout(timer); resolve({ timeout: true }); });
  });
}

async function child(www, file, optionsPath) {
  const pkg = join(www, 'pkg');
  const { default: init, analyze } = await import(join(pkg, 'slant.js'));
  console.debug = () => {};
  const exports = await init({ module_or_path: readFileSync(join(pkg, 'slant_bg.wasm')) });
  const text = readFileSync(file, 'utf8');
  const options = JSON.parse(readFileSync(optionsPath, 'utf8'));
  analyze('Warm up.', options);
  const before = exports.memory.buffer.byteLength;
  const times = [];
  let t0 = performance.now();
  const report = analyze(text, options);
  times.push(performance.now() - t0);
  const grown = exports.memory.buffer.byteLength - before;
  const words = report.stats.words;
  const began = performance.now();
  while (performance.now() - began < 1000 && times.length < 15 && times[0] < 500) {
    t0 = performance.now();
    analyze(text, options);
    times.push(performance.now() - t0);
  }
  process.send({ ms: median(times), runs: times.length, memory_grown: grown, words });
}

// ------------------------------------------------------------------ main

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], args[2], args[3]);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
  const engines = args.includes('--native') ? ['native'] : args.includes('--wasm') ? ['wasm'] : ['native', 'wasm'];
  mkdirSync(DIR, { recursive: true });
  const families = FAMILIES.filter((f) => !only || only.some((o) => f.name.includes(o)));
  if (args.includes('--write')) {
    for (const f of families) for (const size of SIZES) inputFile(f, size);
    return;
  }
  if (engines.includes('native') && !existsSync(NATIVE)) {
    execFileSync('cargo', ['build', '--quiet', '--release', '--example', 'adversarial'], { cwd: ROOT, stdio: 'inherit' });
  }
  const www = engines.includes('wasm') ? await snapshotWww() : null;
  const results = {
    date: new Date().toISOString(),
    load_average: loadavg()[0],
    cpus: cpus().length,
    wasm: www?.wasm ?? null,
    families: [],
  };
  for (const family of families) {
    const options = optionsFile(family);
    const row = { name: family.name, kind: family.kind, owner: family.owner };
    for (const engine of engines) {
      const runs = [];
      for (const size of SIZES) {
        const file = inputFile(family, size);
        const bytes = readFileSync(file).length;
        const r = engine === 'native' ? runNative(file, options) : await runWasm(www.dir, file, options);
        runs.push({ size, bytes, ...r });
        console.error(`${family.name} ${engine} ${size / 1000}k: ${r.timeout ? 'timeout' : fmtMs(r.ms) + ' ms'}`);
        if (r.timeout || r.ms > CLIMB_LIMIT_MS) break;
      }
      row[engine] = runs;
    }
    results.families.push(row);
  }
  www?.remove();
  mkdirSync(join(HERE, 'results'), { recursive: true });
  const out = join(HERE, 'results', only ? `adversarial-${only.join('-')}.json` : 'adversarial.json');
  writeFileSync(out, JSON.stringify(results, null, 2));
  console.log(table(results));
}

// ------------------------------------------------------------------ report

const kb = (bytes) => `${Math.round(bytes / 1000)}k`;
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** The last two finished runs of `runs`, and the size past them that timed out, if any. */
function lastTwo(runs) {
  const done = runs.filter((r) => !r.timeout);
  return { a: done.at(-2), b: done.at(-1), timedOut: runs.find((r) => r.timeout) };
}

export function table(results) {
  const engines = ['native', 'wasm'].filter((e) => results.families.some((f) => f[e]));
  const head = ['family', 'owner', ...engines.flatMap((e) => [`${e}: sizes`, `${e}: ms`, `${e}: ×`]), 'native peak heap (× input)', 'WASM memory grown'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  for (const f of results.families) {
    const cells = [`\`${f.name}\``, f.owner];
    for (const e of engines) {
      const { a, b, timedOut } = lastTwo(f[e] ?? []);
      if (!a || !b) {
        cells.push(b ? kb(b.bytes) : '—', b ? fmtMs(b.ms) : timedOut ? `> ${RUN_TIMEOUT_MS / 1000} s` : '—', '—');
        continue;
      }
      const ratio = b.ms / a.ms;
      const mark = ratio > 2.3 ? ' ✗' : '';
      cells.push(`${kb(a.bytes)} → ${kb(b.bytes)}${timedOut ? ` (${kb(timedOut.bytes)}: > ${RUN_TIMEOUT_MS / 1000} s)` : ''}`, `${fmtMs(a.ms)} → ${fmtMs(b.ms)}`, `${ratio.toFixed(2)}${mark}`);
    }
    const nb = lastTwo(f.native ?? []).b;
    cells.push(nb ? `${mb(nb.peak_bytes)} MB (${(nb.peak_bytes / nb.bytes).toFixed(1)}×)` : '—');
    const wb = lastTwo(f.wasm ?? []).b;
    cells.push(wb ? `${mb(wb.memory_grown)} MB` : '—');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
