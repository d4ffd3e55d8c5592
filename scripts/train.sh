#!/usr/bin/env bash
# Retrains the learned detector: models/learned.tsv from the training split
# of the Propaganda Techniques Corpus, with VADER's sentiment word list for
# the valence features. Deterministic: the same data gives the same file,
# byte for byte (`git diff models/learned.tsv` after a run shows nothing).
#
#   scripts/train.sh [PTC_TRAIN_FOLDER]   (default ../shared/data/ptc-train)
#
# VADER's word list comes from PyPI (see ensure_vader_lexicon in setup.sh).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env

data=${1:-../shared/data/ptc-train}
[ -d "$data" ] || { echo "train.sh: no corpus at $data" >&2; exit 2; }

ensure_vader_lexicon

say "training on $data"
cargo run --release --quiet -- train --data "$data" --valence target/vader/vader_lexicon.txt --out models/learned.tsv
