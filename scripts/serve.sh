#!/usr/bin/env bash
# Build (scripts/build.sh, which installs what is missing), then serve www/
# on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
slant_env
scripts/build.sh
PORT="${PORT:-8080}"
say "Slant is at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
