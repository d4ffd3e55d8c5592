# Shared by the scripts in scripts/: functions only. Sourcing this file
# defines them and does nothing else (no shell options, no change of
# directory, no variables), so it is also safe in an interactive shell:
#
#   source scripts/setup.sh && slant_env && ensure_node_modules
#
# The scripts set their own `set -euo pipefail`, source this file and call
# `slant_env` first. The ensure_* functions install what is missing, quickly
# when it is all there; each returns non-zero if an install fails. The build
# itself is scripts/build.sh.

# Work from the checkout: ROOT is its folder, the current directory becomes
# ROOT, and cargo's and npm's tools come first on PATH.
slant_env() {
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return
  case ":$PATH:" in
    *":$ROOT/node_modules/.bin:"*) ;;
    *) export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH" ;;
  esac
  cd "$ROOT"
}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The lists below are read whole (`grep >/dev/null`, not `grep -q`): under
# pipefail, a `grep -q` that stops reading early can fail the pipe.

# The wasm32 target, and wasm-bindgen-cli at exactly the version of the
# wasm-bindgen crate in Cargo.lock.
ensure_wasm_toolchain() {
  if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown || return
  fi
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "=$want" || return
  fi
}

# The npm build and test tools: binaryen's wasm-opt, esbuild, playwright-core.
ensure_node_modules() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] \
     || [ ! -d node_modules/playwright-core ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing the build and test tools from npm"
    npm ci --no-audit --no-fund || return
  fi
}

# Debian's Chromium and ChromeDriver, for the end-to-end tests.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq || return
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null || return
  fi
}

# rustfmt and clippy, for the test command's first steps.
ensure_lints() {
  local installed
  installed=$(rustup component list --installed 2>/dev/null)
  if ! grep '^clippy' <<<"$installed" >/dev/null || ! grep '^rustfmt' <<<"$installed" >/dev/null; then
    say "adding clippy and rustfmt"
    rustup component add clippy rustfmt || return
  fi
}

# A nightly toolchain and cargo-fuzz, for scripts/fuzz.sh.
ensure_fuzzer() {
  if ! rustup toolchain list | grep '^nightly' >/dev/null; then
    say "installing a nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal || return
  fi
  if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz (a few minutes, once)"
    cargo install cargo-fuzz || return
  fi
}

# VADER's word list (C.J. Hutto and E. Gilbert, ICWSM 2014; MIT licence) at
# target/vader/vader_lexicon.txt: from PyPI's vaderSentiment 3.3.2 wheel,
# fetched once with pip and checked against the digest of the wheel the
# shipped model was trained with. Training reads its valences; the quality
# table's word-list baseline its negative words.
ensure_vader_lexicon() {
  local lexicon=target/vader/vader_lexicon.txt
  local wheel=target/vader/vaderSentiment-3.3.2-py2.py3-none-any.whl
  [ -s "$lexicon" ] && return
  say "fetching VADER's word list (vaderSentiment 3.3.2, PyPI)"
  mkdir -p target/vader || return
  python3 -m pip --version >/dev/null 2>&1 || apt-get install -y -qq python3-pip >/dev/null || return
  python3 -m pip download --quiet --no-deps --dest target/vader vaderSentiment==3.3.2 || return
  echo "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311  $wheel" |
    sha256sum --check --quiet || return
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("vaderSentiment/vader_lexicon.txt"))' \
    "$wheel" >"$lexicon.part" && mv "$lexicon.part" "$lexicon"
}
