#!/usr/bin/env bash
# Fuzz the text and HTML readers with cargo-fuzz (libFuzzer, nightly), seeded
# with the test articles, and the `linear` target, whose oracle includes time:
# each input is a pattern grown to half and whole of 128 KB to 1 MB, which
# must be analysed at most 4 s per MB and take at most 3.2x as long for twice
# the input (see fuzz/fuzz_targets/linear.rs); libFuzzer's -timeout stops a
# hang. `scripts/fuzz.sh 600` runs each target ten minutes; the test command
# runs a short smoke run; FUZZ_TARGETS="linear" runs some only. Prints one
# verdict line per target, which scripts/test.sh counts:
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
# A seed of the linear target: kind (0 text, 1 HTML), size (0..3: 128 KB to
# 1 MB), then prefix, unit and suffix apart by 0xFF bytes.
seed() {
  printf '%b' "$2" >"fuzz/corpus/linear/$1"
}
for target in ${FUZZ_TARGETS:-text html linear}; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  flags=(-max_len=65536 -timeout=10)
  case $target in
    text) cp tests/articles/*.txt e2e/fixtures/*.txt "$corpus"/ 2>/dev/null || true ;;
    html) cp tests/articles/*.html e2e/fixtures/*.html "$corpus"/ 2>/dev/null || true ;;
    linear)
      # The patterns of bench/adversarial.mjs that this checkout makes linear.
      seed cjk '\x00\x00\xff\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c\xe3\x80\x82\xff'
      seed tags '\x00\x01Headline\n\n\xffTags: a, b, c\n\xff'
      seed words '\x00\x02\xffword \xff'
      seed li '\x01\x01<html><body><nav><ul>\xff<li><a href=/>Menu</a>\xff</ul></nav><p>Text.'
      seed p '\x01\x00<article>\xff<p>Paragraph here.\xff'
      seed divs '\x01\x02<p>a</p>\xff<div/>\xff<p>b</p>'
      seed stray '\x01\x00<p><span><span><span>\xff</b>\xff'
      seed attrs '\x01\x01<p\xff a=1\xff>x</p>'
      seed bold '\x01\x00<p><b><i><u><s>\xff<p>x</p>\xff'
      seed script '\x01\x00<div><div><div>\xff<script>a</script><style>b</style>\xff'
      seed keywords '\x01\x00<meta name=keywords content="\xffk, \xff">'
      seed figures '\x00\x00\xff1,\xff'
      seed capitalised '\x00\x00\xffSaid \xffsaid it.'
      seed short-quotations '\x00\x00He said \xff"a" \xfftoday.'
      seed quote-marks '\x00\x00\xff"\xe2\x80\x98a \xff'
      seed said-after-name '\x00\x00\xffHe said it. \xffAbc Abc Abc said it. '
      flags=(-max_len=8192 -timeout=60)
      ;;
  esac
  # Short (smoke) runs follow one fixed sequence of mutations, so the test
  # command sees the same inputs each time; longer runs a random one.
  if [ "$SECONDS_PER_TARGET" -le 60 ]; then
    flags+=(-seed=1)
  fi
  say "fuzzing $target for ${SECONDS_PER_TARGET}s"
  status=0
  (cd fuzz && cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" "${flags[@]}" -rss_limit_mb=4096) >"$log" 2>&1 \
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
