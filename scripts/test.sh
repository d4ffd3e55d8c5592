#!/usr/bin/env bash
# Install what is missing, then run every test: formatting and lints, native
# unit and integration tests, the WASM boundary tests under node, the page
# size budget, and the end-to-end tests in headless Chromium. Ends with the
# total count of tests that ran.
source "$(dirname "$0")/setup.sh"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

ensure_wasm_toolchain
ensure_node_modules
ensure_chromium
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

say "cargo fmt --check"
cargo fmt --check
say "cargo clippy (native and wasm32)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --no-default-features --lib --test wasm -- -D warnings

say "native tests"
cargo test --quiet 2>&1 | tee -a "$LOG"

say "WASM boundary tests (wasm-bindgen-test under node)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm 2>&1 | tee -a "$LOG"

say "fuzz smoke run (cargo-fuzz; longer runs: scripts/fuzz.sh 600)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}" 2>&1 | tee -a "$LOG"

build_wasm
say "page size budget"
node scripts/size-budget.mjs 2>&1 | tee -a "$LOG"

say "end-to-end tests in headless Chromium"
node --test --test-reporter=tap e2e/ 2>&1 | tee -a "$LOG"

passed=$(grep -Eo '^test result: [a-zA-Z]+\. [0-9]+ passed' "$LOG" | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' "$LOG" | grep -Eo '^[0-9]+' | awk '{s+=$1} END {print s+0}')
node_pass=$(grep -E '^# pass [0-9]+' "$LOG" | awk '{s+=$3} END {print s+0}')
node_fail=$(grep -E '^# fail [0-9]+' "$LOG" | awk '{s+=$3} END {print s+0}')
budget=$(grep -c '^size budget: ok' "$LOG" || true)
fuzzed=$(grep -c '^fuzz [a-z]*: ok' "$LOG" || true)
total_pass=$((passed + node_pass + budget + fuzzed))
total_fail=$((failed + node_fail))
echo
echo "All tests: $total_pass passed, $total_fail failed (cargo $passed, node/chromium $node_pass, size budget $budget, fuzz targets $fuzzed)"
[ "$total_fail" -eq 0 ] && [ "$total_pass" -gt 0 ]
