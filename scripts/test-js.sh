#!/usr/bin/env bash
# JavaScript half of the bindings (npm @avalo/core, crate avalo-wasm):
#   1. cargo test -p avalo-wasm          native unit tests of the conversions
#   2. scripts/build-wasm.sh             release .wasm + wasm-bindgen for Node and web (sizes)
#   3. tsc --noEmit                      the generated .d.ts and wasm/test/usage.ts
#   4. node --test wasm/test/            conformance vectors (tests/vectors + AVALO_EXTRA_VECTORS)
#                                        and the boundary, ESM and web-build tests
# Fails if any step fails, if a vector case fails, or if no vector case ran. Ends with the
# vector tally as a plain line: `N passed, N failed`.
# Run by scripts/test-all.sh; works standalone (it sources the toolchain env itself).
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="${AVALO_TOOLS:-$HOME/.cache/avalo-core}/env.sh"
# shellcheck disable=SC1090
[ -f "$ENV_FILE" ] && source "$ENV_FILE"
for tool in node tsc; do
  command -v "$tool" >/dev/null || { echo "$tool not found: run scripts/setup-toolchains.sh" >&2; exit 1; }
done

echo "=== cargo test -p avalo-wasm (native conversions)"
cargo test -q -p avalo-wasm

echo "=== build (scripts/build-wasm.sh)"
scripts/build-wasm.sh

echo "=== tsc --noEmit (generated .d.ts + wasm/test/usage.ts)"
tsc --noEmit -p wasm/test/tsconfig.json
echo "tsc: ok"

echo "=== node --test"
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
status=0
AVALO_JS_SUMMARY="$summary" node --test wasm/test/*.test.js wasm/test/*.test.mjs || status=$?
tally=$(cat "$summary")
echo
if [ "$status" -ne 0 ]; then
  echo "node --test failed (exit $status)" >&2
elif ! grep -qE '^[1-9][0-9]* passed, 0 failed$' <<<"$tally"; then
  echo "vector cases failed or none ran" >&2
  status=1
fi
echo "${tally:-0 passed, 0 failed}"
exit "$status"
