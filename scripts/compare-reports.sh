#!/usr/bin/env bash
# Compare the reports of this checkout with those of another commit, on every
# test and bench input under several option sets: the proof that a refactor
# or a speed trick changed no report.
#
#   scripts/compare-reports.sh BASE            # e.g. HEAD~3, a tag, a hash
#   IGNORE_KEYS=paragraphs,claim scripts/compare-reports.sh BASE
#
# IGNORE_KEYS drops the named object keys from both reports before comparing
# (for a change that only adds fields). The base's CLI is built once per
# commit in target/compare/<hash>. Exits 1 if any report differs.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(git rev-parse "${1:?usage: scripts/compare-reports.sh BASE}")
work=target/compare
mkdir -p "$work"

if [ ! -x "$work/$base/slant" ]; then
  tree=$(mktemp -d)
  git worktree add --detach "$tree" "$base" >/dev/null
  (cd "$tree" && CARGO_TARGET_DIR="$PWD/../$(basename "$tree")-target" cargo build --quiet --release --bin slant)
  mkdir -p "$work/$base"
  cp "$(dirname "$tree")/$(basename "$tree")-target/release/slant" "$work/$base/slant"
  git worktree remove --force "$tree"
  rm -rf "$(dirname "$tree")/$(basename "$tree")-target"
fi
cargo build --quiet --release --bin slant
new=target/release/slant
old="$work/$base/slant"

[ -d bench/corpus ] || node bench/make-corpus.mjs >/dev/null
# Files only: `ls bench/corpus/*` also listed the adversarial folder's
# contents as names without their folder, which neither CLI could read, and
# two equal errors counted as identical reports.
inputs=$(for f in tests/articles/*.txt tests/articles/*.html tests/annotated/*.txt \
  tests/annotated/*.html e2e/fixtures/* bench/corpus/*; do
  [ -f "$f" ] && echo "$f"
done | grep -v 10mb || true)

opts=$(mktemp -d)
trap 'rm -rf "$opts"' EXIT
echo '{}' > "$opts/default.json"
echo '{"disabled_categories": ["emotive", "doubt", "vague_attribution"]}' > "$opts/disabled.json"
echo '{"custom_terms": [{"term": "council", "category": "name_calling", "note": "watch"}, {"term": "said", "category": "emotive"}]}' > "$opts/custom.json"
echo '{"input": "text"}' > "$opts/as-text.json"

same=0
differ=0
for input in $inputs; do
  for o in "$opts"/*.json; do
    a=$("$old" analyze --json --options "$o" "$input" 2>&1 || true)
    b=$("$new" analyze --json --options "$o" "$input" 2>&1 || true)
    if [ -n "${IGNORE_KEYS:-}" ]; then
      a=$(IGNORE_KEYS="$IGNORE_KEYS" node scripts/drop-keys.mjs <<<"$a")
      b=$(IGNORE_KEYS="$IGNORE_KEYS" node scripts/drop-keys.mjs <<<"$b")
    fi
    if [ "$a" == "$b" ]; then
      same=$((same + 1))
    else
      differ=$((differ + 1))
      echo "differs: $input with $(basename "$o")"
    fi
  done
done
echo "reports compared with $(git rev-parse --short "$base"): $same identical, $differ different"
[ "$differ" -eq 0 ]
