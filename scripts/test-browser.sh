#!/usr/bin/env bash
# Browser tests of the admin console (wasm/demo) in a real Chromium:
#   1. scripts/build-wasm.sh if wasm/pkg-web is missing or older than the Rust sources
#   2. npm install --no-save in wasm/demo (npm cache outside the clone: $AVALO_TOOLS/npm)
#   3. tsc --noEmit + vite build of the page
#   4. node wasm/demo/test/browser.test.mjs: vite preview on a free 127.0.0.1 port, Debian's
#      Chromium (/usr/bin/chromium, never a downloaded browser) via playwright-core; every
#      panel driven with tests/vectors, keyboard walk, phone viewport, no console errors.
# Screenshots go to artifacts/console/ (git-ignored); AVALO_UPDATE_DOCS=1 also refreshes the
# committed docs/console-<panel>.png. Ends with `N passed, N failed`; fails on any failure
# or when no test ran. Run by scripts/test-all.sh; works standalone.
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="${AVALO_TOOLS:-$HOME/.cache/avalo-core}/env.sh"
# shellcheck disable=SC1090
[ -f "$ENV_FILE" ] && source "$ENV_FILE"
TOOLS="${AVALO_TOOLS:-$HOME/.cache/avalo-core}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "$tool not found: run scripts/setup-toolchains.sh" >&2; exit 1; }
done
[ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install -y chromium)" >&2; exit 1; }

echo "=== @avalo/core web build"
wasm_js=wasm/pkg-web/index.js
if [ ! -f "$wasm_js" ] || [ -n "$(find core/src wasm/src Cargo.toml Cargo.lock -newer "$wasm_js" -print -quit)" ]; then
  scripts/build-wasm.sh
else
  echo "wasm/pkg-web is up to date"
fi

# `npm install --no-save` from the committed lock file rather than `npm ci`: the registry
# here lists only some of rollup's per-platform optional packages, which npm ci rejects as a
# lock file out of sync. --no-save leaves package.json and package-lock.json untouched.
echo "=== npm install from the lock file (wasm/demo)"
(cd wasm/demo && npm install --no-save --no-audit --no-fund --cache "$TOOLS/npm" --prefer-offline)

echo "=== tsc --noEmit + vite build (wasm/demo)"
(cd wasm/demo && node node_modules/typescript/bin/tsc --noEmit -p . && node node_modules/vite/bin/vite.js build --logLevel warn)

echo "=== browser tests (Chromium, playwright-core)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
(cd wasm/demo && node test/browser.test.mjs) | tee "$log" || status=$?
tally=$(tail -n 1 "$log")
if [ "$status" -eq 0 ] && ! grep -qE '^[1-9][0-9]* passed, 0 failed$' <<<"$tally"; then
  echo "browser tests failed or none ran" >&2
  status=1
fi
grep -qE '^[0-9]+ passed, [0-9]+ failed$' <<<"$tally" || echo "0 passed, 0 failed"
exit "$status"
