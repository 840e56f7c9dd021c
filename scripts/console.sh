#!/usr/bin/env bash
# Opens the admin console locally: builds @avalo/core for the web (if needed), installs the
# page's npm dependencies, builds the page and serves it with `vite preview` on 127.0.0.1
# (default port 4173; pass another as the first argument). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="${AVALO_TOOLS:-$HOME/.cache/avalo-core}/env.sh"
# shellcheck disable=SC1090
[ -f "$ENV_FILE" ] && source "$ENV_FILE"
TOOLS="${AVALO_TOOLS:-$HOME/.cache/avalo-core}"
port="${1:-4173}"
wasm_js=wasm/pkg-web/index.js
if [ ! -f "$wasm_js" ] || [ -n "$(find core/src wasm/src Cargo.toml Cargo.lock -newer "$wasm_js" -print -quit)" ]; then
  scripts/build-wasm.sh
fi
cd wasm/demo
npm install --no-save --no-audit --no-fund --cache "$TOOLS/npm" --prefer-offline
node node_modules/vite/bin/vite.js build --logLevel warn
echo "Avalo admin console: http://127.0.0.1:$port/"
exec node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port "$port" --strictPort
