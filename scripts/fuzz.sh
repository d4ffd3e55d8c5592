#!/usr/bin/env bash
# Fuzz the text and HTML readers with cargo-fuzz (libFuzzer, nightly), seeded
# with the test articles. `scripts/fuzz.sh 600` runs each target ten minutes;
# the test command runs a short smoke run. Prints the executions per target.
source "$(dirname "$0")/setup.sh"
SECONDS_PER_TARGET="${1:-60}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
for target in text html; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  case $target in
    text) cp tests/articles/*.txt e2e/fixtures/*.txt "$corpus"/ 2>/dev/null || true ;;
    html) cp tests/articles/*.html e2e/fixtures/*.html "$corpus"/ 2>/dev/null || true ;;
  esac
  say "fuzzing $target for ${SECONDS_PER_TARGET}s"
  log=$(mktemp)
  (cd fuzz && cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096) 2>&1 | tee "$log" | grep -E 'Done|ERROR|panicked|SUMMARY' || true
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' || echo 0)
  if grep -qE '^==[0-9]+== ERROR|panicked|deadly signal' "$log"; then
    echo "fuzz $target: FAILED after $runs runs (see fuzz/artifacts/$target)"; rm -f "$log"; exit 1
  fi
  echo "fuzz $target: ok, $runs runs clean"
  rm -f "$log"
done
