#!/usr/bin/env bash
# Install what is missing, then run every test: formatting and lints, native
# unit and integration tests, the WASM boundary tests under node, a fuzz smoke
# run, the build, the page size budget, and the end-to-end tests in headless
# Chromium. Ends with the total count of tests that ran:
#
#   All tests: N passed, M failed (cargo …, wasm-bindgen-test …, node/chromium …, size budget …, fuzz targets …)
#
# Every step runs even when one before it failed (the end-to-end tests and
# the size budget need the build, and are skipped without it). The counts
# come from each runner's own summary lines: cargo's and
# wasm-bindgen-test-runner's "test result: ok. N passed; M failed", node
# --test's "# pass N" / "# fail N" / "# cancelled N", the size budget's
# "size budget: ok" and fuzz.sh's "fuzz TARGET: ok". A step that exits
# non-zero with no failed test in its summary (a build error, a lint, a
# crash) counts as one failure. Exits non-zero when anything failed or no
# test ran.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT

ensure_wasm_toolchain
ensure_node_modules
ensure_chromium
ensure_lints

failed_steps=()
skipped_steps=()

# step LOG TITLE COMMAND...: run COMMAND (an executable, not a function),
# showing its output and keeping it in $LOGS/LOG.log; note the step as
# failed if it exits non-zero.
step() {
  local log=$1 title=$2 status=0
  shift 2
  say "$title"
  "$@" 2>&1 | tee "$LOGS/$log.log" || status=$?
  if [ "$status" -ne 0 ]; then
    failed_steps+=("$title")
    echo "$title: exit code $status" >"$LOGS/$log.status"
  fi
}

# The sums of cargo-style "test result:" lines in LOG: "PASSED FAILED".
cargo_counts() {
  awk '/^test result: / {
         for (i = 3; i < NF; i++) {
           if ($(i + 1) ~ /^passed;?$/) p += $i
           if ($(i + 1) ~ /^failed;?$/) f += $i
         }
       }
       END { print p + 0, f + 0 }' "$LOGS/$1.log" 2>/dev/null || echo 0 0
}

# The sum of N over LOG's lines "# WORD N" (node --test's TAP summary, at
# the start of a line: indented lines belong to subtests).
tap_count() {
  awk -v word="$2" 'index($0, "# " word " ") == 1 && $3 ~ /^[0-9]+$/ { s += $3 } END { print s + 0 }' \
    "$LOGS/$1.log" 2>/dev/null || echo 0
}

# How many lines of LOG match PATTERN (0 when the step did not run).
lines() {
  local n
  n=$(grep -Ec "$2" "$LOGS/$1.log" 2>/dev/null || true)
  echo "${n:-0}"
}

step fmt "cargo fmt --check" cargo fmt --check
step clippy "cargo clippy (native)" cargo clippy --quiet --all-targets -- -D warnings
step clippy-wasm "cargo clippy (wasm32)" \
  cargo clippy --quiet --target wasm32-unknown-unknown --no-default-features --lib --test wasm -- -D warnings

step native "native tests" cargo test --quiet --no-fail-fast

# The annotated articles' scores, for reading (tests/annotated.rs is the
# test that fails below the targets; this step prints the table). Its log
# has no "test result:" lines, so it counts only if it fails to run.
step eval "annotated articles (slant eval tests/annotated)" \
  cargo run --release --quiet -- eval tests/annotated
# The held-out articles, written blind and never tuned to: read, not held
# to the targets (tests/annotated.rs checks only their neutral copy).
step eval-held-out "held-out annotated articles (slant eval tests/annotated-held-out)" \
  cargo run --release --quiet -- eval tests/annotated-held-out

# The learned detector on the public corpus, when it is beside the project
# (CI has it): 5-fold cross-validation against floors, and against the
# curated lexicon alone on the same folds. About two minutes.
PTC=../shared/data/ptc-train
if [ -d "$PTC" ]; then
  step corpus "PTC training split, 5-fold cross-validation (scripts/corpus-eval.mjs)" \
    node scripts/corpus-eval.mjs "$PTC"
else
  skipped_steps+=("corpus eval (no $PTC)")
fi

step wasm "WASM boundary tests (wasm-bindgen-test under node)" \
  env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm

step fuzz "fuzz smoke run (cargo-fuzz; longer runs: scripts/fuzz.sh 600)" \
  scripts/fuzz.sh "${FUZZ_SECONDS:-15}"

step build "build (scripts/build.sh)" scripts/build.sh
if [ ! -e "$LOGS/build.status" ]; then
  step size "page size budget" node scripts/size-budget.mjs
  step e2e "end-to-end tests in headless Chromium" node --test --test-reporter=tap e2e/
else
  skipped_steps+=("page size budget" "end-to-end tests")
fi

read -r cargo_pass cargo_fail < <(cargo_counts native)
read -r wasm_pass wasm_fail < <(cargo_counts wasm)
node_pass=$(tap_count e2e pass)
node_fail=$(( $(tap_count e2e fail) + $(tap_count e2e cancelled) ))
budget_pass=$(lines size '^size budget: ok')
budget_fail=$(lines size '^size budget: exceeded')
fuzz_pass=$(lines fuzz '^fuzz [a-z]+: ok')
fuzz_fail=$(lines fuzz '^fuzz [a-z]+: FAILED')
corpus_pass=$(lines corpus '^corpus eval: ok')
corpus_fail=$(lines corpus '^not ok: ')

# A failed step whose runner reported no failed test is one failure more.
failed_in() {
  case $1 in
    native) echo "$cargo_fail" ;;
    wasm) echo "$wasm_fail" ;;
    e2e) echo "$node_fail" ;;
    size) echo "$budget_fail" ;;
    fuzz) echo "$fuzz_fail" ;;
    corpus) echo "$corpus_fail" ;;
    *) echo 0 ;;
  esac
}
step_fail=0
for status in "$LOGS"/*.status; do
  [ -e "$status" ] || continue
  log=$(basename "$status" .status)
  if [ "$(failed_in "$log")" -eq 0 ]; then
    step_fail=$((step_fail + 1))
  fi
done

total_pass=$((cargo_pass + wasm_pass + node_pass + budget_pass + fuzz_pass + corpus_pass))
total_fail=$((cargo_fail + wasm_fail + node_fail + budget_fail + fuzz_fail + corpus_fail + step_fail))
details="cargo $cargo_pass, wasm-bindgen-test $wasm_pass, node/chromium $node_pass, size budget $budget_pass, fuzz targets $fuzz_pass, corpus eval $corpus_pass"
if [ "${#failed_steps[@]}" -gt 0 ]; then
  details+="; failed steps: $(IFS=,; echo "${failed_steps[*]}" | sed 's/,/, /g')"
fi
if [ "${#skipped_steps[@]}" -gt 0 ]; then
  details+="; skipped: $(IFS=,; echo "${skipped_steps[*]}" | sed 's/,/, /g')"
fi
echo
[ "$total_pass" -gt 0 ] || echo "No test ran: every runner's summary is missing."
echo "All tests: $total_pass passed, $total_fail failed ($details)"
[ "$total_fail" -eq 0 ] && [ "$total_pass" -gt 0 ]
