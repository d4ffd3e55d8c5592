#!/usr/bin/env bash
# The README's quality table: Slant's detectors (the curated lexicon alone,
# the learned detector alone, both as shipped) and two public baselines
# (VADER's negative words; write-good), all scored by `slant eval` with the
# task's span metric on the same 5 folds of the PTC training split, loaded
# language and name-calling pooled. The learned rows train a model per fold
# on the other four. About four minutes.
#
#   scripts/quality.sh [PTC_TRAIN_FOLDER]   (default ../shared/data/ptc-train)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env

data=${1:-../shared/data/ptc-train}
[ -d "$data" ] || { echo "quality.sh: no corpus at $data" >&2; exit 2; }
ensure_vader_lexicon
if [ ! -d bench/node_modules/write-good ]; then
  say "installing the benchmarks' node modules (write-good)"
  (cd bench && npm ci --silent --no-audit --no-fund)
fi
cargo build --release --quiet

out=target/quality
mkdir -p "$out"
node bench/baselines.mjs "$data" target/vader/vader_lexicon.txt "$out" >&2
run() { # NAME, then slant eval's arguments
  local name=$1
  shift
  say "$name"
  target/release/slant eval "$data" --folds 5 --json "$@" 2>/dev/null >"$out/$name.json"
}
run curated --detectors curated
run learned --detectors learned
run both
run wordlist --pred "$out/wordlist.labels"
run write-good --pred "$out/write-good.labels"

node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const out = process.argv[2];
const rows = [
  ['curated', 'Slant: curated lexicon and rules alone'],
  ['learned', 'Slant: learned detector alone'],
  ['both', 'Slant: both (as shipped)'],
  ['wordlist', "Word list: VADER's negative words, whole words"],
  ['write-good', 'write-good 1.0.8, every suggestion'],
];
const f = (x) => x.toFixed(3);
console.log('| system | precision | recall | F1 (± sd over folds) |');
console.log('|---|---:|---:|---:|');
for (const [name, label] of rows) {
  const o = JSON.parse(readFileSync(`${out}/${name}.json`, 'utf8')).overall;
  console.log(`| ${label} | ${f(o.precision)} | ${f(o.recall)} | ${f(o.f1)} ± ${f(o.f1_std)} |`);
}
JS
