#!/usr/bin/env bash
# The npm package as a user gets it: scripts/build-wasm.sh, `npm pack` of wasm/, then a FRESH
# project in a temp dir (the sources of examples/npm-consumer/) that installs the tarball and
#   1. checks the tarball holds only what `files` lists (pkg-node/, pkg-web/, README.md),
#   2. compiles src/node.ts with tsc under `strict` (ESM, NodeNext: resolved through `exports`)
#      and runs it in Node,
#   3. type-checks src/browser.ts, bundles it with esbuild (the .wasm imported through the
#      package's `exports`) and loads the page in headless Chromium (browser-test.mjs).
# Version: the package's version must be the workspace's (scripts/workspace-version.sh).
# AVALO_SKIP_WASM_BUILD=1 packs the existing wasm/pkg-* as they are.
# Ends with `N passed, N failed`; fails on any failure or when nothing ran.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
# shellcheck disable=SC1091
[ -f "$TOOLS/env.sh" ] && source "$TOOLS/env.sh"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
VERSION=$(scripts/workspace-version.sh)
passed=0 failed=0
step() { # step NAME CMD...: run one check, count it
  local name=$1; shift
  echo "--- $name"
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
finish() { echo "npm consumer: $passed passed, $failed failed"; echo "$passed passed, $failed failed"; }

if [ "${AVALO_SKIP_WASM_BUILD:-0}" != 1 ]; then
  echo "--- scripts/build-wasm.sh"
  scripts/build-wasm.sh
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/avalo-npm-consumer.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "--- npm pack (wasm/) into $WORK"
TARBALL=$WORK/$(cd wasm && npm pack --silent --pack-destination "$WORK" --cache "$TOOLS/npm" | tail -n 1)
ls -l "$TARBALL"

package_version() {
  local v
  v=$(tar -xOzf "$TARBALL" package/package.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).version))')
  [ "$v" = "$VERSION" ] || { echo "packed package.json version $v, workspace $VERSION"; return 1; }
}
step "tarball version = workspace version ($VERSION)" package_version

tarball_files() { # only package.json + what `files` lists, and the entry points of `exports`
  local list bad
  list=$(tar -tzf "$TARBALL")
  bad=$(grep -vE '^package/(package\.json|README\.md|pkg-(node|web)/([^/]+|snippets/[^/]+/js/[^/]+\.js))$' <<<"$list" || true)
  [ -z "$bad" ] || { echo "files outside \`files\`:"; echo "$bad"; return 1; }
  for f in pkg-node/index.js pkg-node/index.d.ts pkg-node/index_bg.wasm pkg-node/package.json \
    pkg-web/index.js pkg-web/index.d.ts pkg-web/index_bg.wasm pkg-web/package.json; do
    grep -qx "package/$f" <<<"$list" || { echo "missing from the tarball: $f"; return 1; }
  done
}
step "tarball holds only the listed files" tarball_files

echo "--- fresh project: copy examples/npm-consumer, npm install the tarball"
APP=$WORK/app
mkdir -p "$APP"
cp -R examples/npm-consumer/. "$APP/"
rm -rf "$APP/node_modules" "$APP/dist"
(cd "$APP" && npm install --no-audit --no-fund --cache "$TOOLS/npm" --prefer-offline "$TARBALL")

node_consumer() {
  (cd "$APP" && node node_modules/typescript/bin/tsc -p tsconfig.json \
    && AVALO_EXPECTED_VERSION=$VERSION node dist/node/node.js)
}
step "Node: tsc --strict (ESM, NodeNext) + run" node_consumer

browser_consumer() {
  [ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install -y chromium)"; return 1; }
  (cd "$APP" && node node_modules/typescript/bin/tsc -p tsconfig.browser.json \
    && mkdir -p dist/web && cp index.html dist/web/ \
    && node_modules/.bin/esbuild src/browser.ts --bundle --format=esm --platform=browser \
      --target=es2022 --loader:.wasm=file --outfile=dist/web/bundle.js --log-level=warning \
    && ls -l dist/web \
    && node browser-test.mjs "$TOOLS/node_modules/playwright-core" "$CHROMIUM")
}
step "browser: tsc + esbuild bundle in headless Chromium" browser_consumer

finish
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
