#!/usr/bin/env bash
# Retrains the learned detector: models/learned.tsv from the training split
# of the Propaganda Techniques Corpus, with VADER's sentiment word list for
# the valence features. Deterministic: the same data gives the same file,
# byte for byte (`git diff models/learned.tsv` after a run shows nothing).
#
#   scripts/train.sh [PTC_TRAIN_FOLDER]   (default ../shared/data/ptc-train)
#
# VADER (C.J. Hutto and E. Gilbert, ICWSM 2014; MIT licence) is fetched from
# PyPI once (pip), its wheel checked against the digest below, and cached in
# target/vader.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env

data=${1:-../shared/data/ptc-train}
[ -d "$data" ] || { echo "train.sh: no corpus at $data" >&2; exit 2; }

lexicon=target/vader/vader_lexicon.txt
if [ ! -s "$lexicon" ]; then
  say "fetching VADER's word list (vaderSentiment 3.3.2, PyPI)"
  mkdir -p target/vader
  python3 -m pip --version > /dev/null 2>&1 || apt-get install -y -qq python3-pip > /dev/null
  python3 -m pip download --quiet --no-deps --dest target/vader vaderSentiment==3.3.2
  wheel=target/vader/vaderSentiment-3.3.2-py2.py3-none-any.whl
  echo "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311  $wheel" | sha256sum --check --quiet
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("vaderSentiment/vader_lexicon.txt"))' \
    "$wheel" > "$lexicon"
fi

say "training on $data"
cargo run --release --quiet -- train --data "$data" --valence "$lexicon" --out models/learned.tsv
