#!/usr/bin/env bash
# Kotlin bindings: drift check of the generated sources (bindings and runner glue), one kotlinc call for the generated
# bindings + tests + conformance runner, then the API tests and the conformance runner over
# tests/vectors (and $AVALO_EXTRA_VECTORS). Fails if anything fails or no case ran.
# Works standalone (sources the toolchain env itself; installs toolchains if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
[ -f "$TOOLS/env.sh" ] || scripts/setup-toolchains.sh
# shellcheck disable=SC1091
source "$TOOLS/env.sh"

echo "--- drift check + build of libavalo_ffi"
LIB=$(scripts/build-bindings.sh --check | tail -1)

echo "--- drift check of the generated runner glue (tools/runner-gen)"
scripts/gen-runners.sh --check
LIBDIR=$(dirname "$LIB")

OUT=$ROOT/ffi-kotlin/build
KOTLIN_TEST=$(dirname "$KOTLIN_STDLIB")/kotlin-test.jar
mkdir -p "$OUT"
mapfile -t SOURCES < <(find ffi-kotlin/src -name '*.kt' | sort)
# kotlinc costs a minute or more here: compile once per content of the sources (and compiler
# version), caching the jar outside the clone like the toolchains (CI runs on a fresh clone).
STAMP=$( (for f in "${SOURCES[@]}"; do echo "$f"; cat "$f"; done; "$KOTLINC" -version 2>&1) | sha256sum | cut -d' ' -f1)
CACHE=$TOOLS/kotlin-build
JAR=$CACHE/avalo-kotlin-$STAMP.jar
if [ -f "$JAR" ]; then
  echo "--- kotlinc: sources unchanged, reusing $JAR"
else
  echo "--- kotlinc (${#SOURCES[@]} files, one call)"
  mkdir -p "$CACHE"
  TMPJAR=$CACHE/tmp-$$.jar
  "$KOTLINC" -Werror -cp "$JNA_JAR:$KOTLIN_TEST" "${SOURCES[@]}" -d "$TMPJAR"
  mv "$TMPJAR" "$JAR"
  # keep the newest few jars (other worktrees may use them)
  ls -t "$CACHE"/avalo-kotlin-*.jar | tail -n +6 | xargs -r rm -f
fi

CP=$JAR:$JNA_JAR:$KOTLIN_STDLIB:$KOTLIN_TEST
run() { java -Djna.library.path="$LIBDIR" -cp "$CP" "$@"; }

check_summary() { # check_summary LOG: last line must be "N passed, 0 failed" with N > 0
  local last
  last=$(tail -n 1 "$1")
  [[ $last =~ ^([0-9]+)\ passed,\ 0\ failed$ ]] && [ "${BASH_REMATCH[1]}" -gt 0 ]
}

echo "--- Kotlin API tests"
run com.avalo.core.tests.ApiTestsKt | tee "$OUT/api-tests.log"
check_summary "$OUT/api-tests.log"

echo "--- Kotlin conformance runner"
run com.avalo.conformance.ConformanceKt "$ROOT/tests/vectors" | tee "$OUT/conformance.log"
check_summary "$OUT/conformance.log"
