#!/usr/bin/env bash
# The whole build, installing what it needs if it is missing: the WASM core
# into www/pkg (release: LTO, then wasm-opt -Os), the page's scripts and
# styles bundled beside it, and the single-file page in dist/.
#
#   scripts/build.sh
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env
ensure_wasm_toolchain
ensure_node_modules

say "building the WASM core"
cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --lib
wasm-bindgen --target web --out-dir www/pkg --out-name slant \
  target/wasm32-unknown-unknown/release/slant.wasm
# npm's binaryen: Debian's older wasm-opt breaks wasm-bindgen output.
# memory-packing is skipped: it splits the data segment around zero runs,
# a few KB smaller raw but ~20 KB larger gzipped. Inlining functions that
# have one caller (-ocimfs 0 turns it off) builds a few huge functions that
# V8 runs 10-13% slower in Node, with no gain in gzipped size.
# --converge repeats the passes while they still shrink the module, and the
# producers and target-features sections are notes no browser reads: 0.8 KB
# of gzip together, no change in speed (BENCHMARKS.md#t-wasm-opt-converge).
# Speed and size: see BENCHMARKS.md#t-wasm-opt.
wasm-opt -Os -ocimfs 0 --converge --skip-pass=memory-packing \
  --strip-producers --strip-target-features --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/slant_bg.wasm -o www/pkg/slant_bg.wasm
# The page's scripts and styles, bundled and minified into www/pkg.
node scripts/bundle.mjs
# One self-contained file (WASM and scripts inlined) that works from disk.
node scripts/single-file.mjs
