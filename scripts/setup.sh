# Shared by the scripts: install what is missing, quickly when it is all there.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_wasm_toolchain() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  # wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock exactly.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "=$want"
  fi
}

ensure_node_modules() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing the build and test tools from npm"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# Build the WASM package into www/pkg (release: LTO, then wasm-opt -Os).
build_wasm() {
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
  wasm-opt -Os -ocimfs 0 --skip-pass=memory-packing --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    www/pkg/slant_bg.wasm -o www/pkg/slant_bg.wasm
  # The page's scripts and styles, bundled and minified into www/pkg.
  node scripts/bundle.mjs
  # One self-contained file (WASM and scripts inlined) that works from disk.
  node scripts/single-file.mjs
}
