#!/usr/bin/env bash
# The Swift package as an app gets it: examples/swift-consumer is a separate SwiftPM package
# that depends on ffi-swift/ by path; it is built (with its tests) and tested inside the Debian 13
# Swift root (scripts/swift-run.sh), linked against the Rust library scripts/build-bindings.sh
# builds (as scripts/test-swift.sh does). Build products go to target/swift-consumer
# (git-ignored), so nothing is written into the examples or ffi-swift folders.
# Ends with `N passed, N failed` (the XCTest count); fails on any failure or when none ran.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
[ -f "$TOOLS/env.sh" ] || scripts/setup-toolchains.sh
# shellcheck disable=SC1091
source "$TOOLS/env.sh"

echo "--- drift check + build of libavalo_ffi"
LIB=$(scripts/build-bindings.sh --check | tail -1)

# Everything the Swift root sees must be inside the bind mount (the repo at /mnt/work).
STAGE=$ROOT/target/swift-consumer
INNER=/mnt/work/target/swift-consumer
mkdir -p "$STAGE/lib"
cp "$LIB" "$STAGE/lib/"
in_root() {
  scripts/swift-run.sh -b "$ROOT" -C /mnt/work/examples/swift-consumer env LD_LIBRARY_PATH="$INNER/lib" "$@"
}

echo "--- swift build --build-tests (examples/swift-consumer, ffi-swift by path)"
in_root swift build --build-tests --scratch-path "$INNER/build" -Xlinker -L"$INNER/lib"

echo "--- swift test"
LOG=$STAGE/xctest.log
status=0
in_root swift test --skip-build --scratch-path "$INNER/build" 2>&1 | tee "$LOG" || status=$?
line=$(grep -E 'Executed [0-9]+ tests?, with [0-9]+ failures?' "$LOG" | tail -n 1 || true)
if [[ $line =~ Executed\ ([0-9]+)\ tests?,\ with\ ([0-9]+)\ failure ]]; then
  total=${BASH_REMATCH[1]} failures=${BASH_REMATCH[2]}
else
  total=0 failures=1
fi
echo "Swift consumer: $((total - failures)) passed, $failures failed"
echo "$((total - failures)) passed, $failures failed"
[ "$status" -eq 0 ] && [ "$failures" -eq 0 ] && [ "$total" -gt 0 ]
