#!/usr/bin/env bash
# Fuzz the text and HTML readers with cargo-fuzz (libFuzzer, nightly), seeded
# with the test articles. `scripts/fuzz.sh 600` runs each target ten minutes;
# the test command runs a short smoke run. Prints one verdict line per
# target, which scripts/test.sh counts:
#
#   fuzz text: ok, 123456 runs clean
#   fuzz html: FAILED after 789 runs (see fuzz/artifacts/html)
#
# A run that did not build, did not start or ended early is a failure too.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env
SECONDS_PER_TARGET="${1:-60}"
ensure_fuzzer
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in text html; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  case $target in
    text) cp tests/articles/*.txt e2e/fixtures/*.txt "$corpus"/ 2>/dev/null || true ;;
    html) cp tests/articles/*.html e2e/fixtures/*.html "$corpus"/ 2>/dev/null || true ;;
  esac
  say "fuzzing $target for ${SECONDS_PER_TARGET}s"
  status=0
  (cd fuzz && cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096) >"$log" 2>&1 \
    || status=$?
  grep -E 'Done|ERROR|panicked|SUMMARY|^error' "$log" || true
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -n 1 || true)
  runs=${runs:-0}
  if [ "$status" -ne 0 ] || [ "$runs" -eq 0 ] || grep -E '^==[0-9]+== ERROR|panicked|deadly signal' "$log" >/dev/null; then
    tail -n 20 "$log"
    echo "fuzz $target: FAILED after $runs runs (exit code $status; see fuzz/artifacts/$target)"
    exit 1
  fi
  echo "fuzz $target: ok, $runs runs clean"
done
