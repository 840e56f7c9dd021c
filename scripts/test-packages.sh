#!/usr/bin/env bash
# The four packages the way each ecosystem installs them, each used from the outside:
#   version   one version for all: the workspace's (scripts/workspace-version.sh) in the crate,
#             wasm/package.json and the Swift consumer's pin (the jar's pom is generated from it)
#   rust      scripts/test-rust-package.sh    cargo package + cargo doc -D warnings
#   npm       scripts/test-npm-consumer.sh    npm pack → fresh project: strict tsc in Node,
#                                             esbuild bundle in headless Chromium
#   kotlin    scripts/test-kotlin-consumer.sh jar + pom → consumer compiled against the jar alone
#   swift     scripts/test-swift-consumer.sh  examples/swift-consumer (ffi-swift by path)
# Each check runs even if an earlier one failed. Ends with `N passed, N failed` (one per
# check); fails if any failed. Run by scripts/test-all.sh; works standalone.
# Usage: scripts/test-packages.sh [version|rust|npm|kotlin|swift ...]   (default: all five)
set -uo pipefail
cd "$(dirname "$0")/.."
VERSION=$(scripts/workspace-version.sh) || exit 1
passed=0 failed=0
declare -a RESULTS=()
ONLY=" ${*:-version rust npm kotlin swift} "
check() {
  local key=$1 name=$2; shift 2
  [[ $ONLY == *" $key "* ]] || return 0
  local start=$SECONDS
  echo "=== packages: $name"
  if "$@"; then
    passed=$((passed + 1)); RESULTS+=("ok    $name ($((SECONDS - start)) s)")
  else
    failed=$((failed + 1)); RESULTS+=("FAIL  $name ($((SECONDS - start)) s)")
  fi
}

one_version() {
  local npm swift bad=0
  npm=$(node -p 'require("./wasm/package.json").version')
  swift=$(sed -n 's/^let avaloCoreVersion = "\([^"]*\)"$/\1/p' examples/swift-consumer/Package.swift)
  for pair in "wasm/package.json:$npm" "examples/swift-consumer/Package.swift avaloCoreVersion:$swift"; do
    if [ "${pair##*:}" != "$VERSION" ]; then
      echo "${pair%:*} says '${pair##*:}', the workspace Cargo.toml says $VERSION"; bad=1
    fi
  done
  [ "$bad" -eq 0 ] && echo "one version: $VERSION (Cargo.toml, wasm/package.json, Swift consumer; the pom is generated from it)"
}
check version "one version ($VERSION)" one_version
check rust "rust: cargo package + cargo doc" scripts/test-rust-package.sh
check npm "npm: packed tarball in a fresh project (Node + Chromium)" scripts/test-npm-consumer.sh
check kotlin "kotlin: jar + pom, consumer against the jar alone" scripts/test-kotlin-consumer.sh
check swift "swift: consumer package (ffi-swift by path)" scripts/test-swift-consumer.sh

echo
printf '%s\n' "${RESULTS[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
