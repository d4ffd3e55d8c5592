#!/usr/bin/env bash
# Build the WASM core and serve www/ on 127.0.0.1 (PORT, default 8080).
source "$(dirname "$0")/setup.sh"
build_wasm
PORT="${PORT:-8080}"
say "Slant is at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
