#!/usr/bin/env bash
# Swift bindings: drift check of the generated sources (bindings and runner glue), one `swift build --build-tests` of the
# package (generated bindings + XCTest tests + conformance runner) inside the Debian 13 root
# (scripts/swift-run.sh), then the XCTest tests and the conformance runner over tests/vectors
# (and $AVALO_EXTRA_VECTORS). Fails if anything fails or no test/case ran.
# Works standalone (sources the toolchain env itself; installs toolchains if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
[ -f "$TOOLS/env.sh" ] || scripts/setup-toolchains.sh
# shellcheck disable=SC1091
source "$TOOLS/env.sh"

echo "--- drift check + build of libavalo_ffi"
LIB=$(scripts/build-bindings.sh --check | tail -1)

echo "--- drift check of the generated runner glue (tools/runner-gen)"
scripts/gen-runners.sh --check

# Everything the Swift root needs must be inside the bind mount (the repo at /mnt/work):
# stage the library and any extra vector dirs under ffi-swift/.build (git-ignored).
STAGE=$ROOT/ffi-swift/.build/avalo-stage
INNER=/mnt/work/ffi-swift/.build/avalo-stage
rm -rf "$STAGE"
mkdir -p "$STAGE/lib" "$STAGE/extra"
cp "$LIB" "$STAGE/lib/"
INNER_EXTRA=
n=0
IFS=: read -r -a EXTRA_DIRS <<< "${AVALO_EXTRA_VECTORS:-}"
for dir in "${EXTRA_DIRS[@]}"; do
  [ -n "$dir" ] || continue
  [ -d "$dir" ] || { echo "AVALO_EXTRA_VECTORS: $dir is not a directory" >&2; exit 1; }
  n=$((n + 1))
  mkdir -p "$STAGE/extra/$n"
  find "$dir" -maxdepth 1 -name '*.json' -exec cp {} "$STAGE/extra/$n/" \;
  INNER_EXTRA=${INNER_EXTRA:+$INNER_EXTRA:}$INNER/extra/$n
done

swift_in_root() { scripts/swift-run.sh -b "$ROOT" -C /mnt/work/ffi-swift env LD_LIBRARY_PATH="$INNER/lib" "$@"; }

echo "--- swift build --build-tests (one build for library, tests and runner)"
swift_in_root swift build --build-tests -Xlinker -L"$INNER/lib"

echo "--- Swift XCTest tests"
LOGS=$ROOT/ffi-swift/.build/logs
mkdir -p "$LOGS"
swift_in_root swift test --skip-build 2>&1 | tee "$LOGS/xctest.log"
grep -qE "Executed [1-9][0-9]* tests?, with 0 failures" "$LOGS/xctest.log"

echo "--- Swift conformance runner"
swift_in_root env AVALO_EXTRA_VECTORS="$INNER_EXTRA" .build/debug/AvaloConformance /mnt/work/tests/vectors \
  | tee "$LOGS/conformance.log"
last=$(tail -n 1 "$LOGS/conformance.log")
[[ $last =~ ^([0-9]+)\ passed,\ 0\ failed$ ]] && [ "${BASH_REMATCH[1]}" -gt 0 ]
