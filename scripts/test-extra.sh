#!/usr/bin/env bash
# Extra guards run by scripts/test-all.sh after the language suites:
# the instruction-count regression guard (benches/icount-baseline.json) and the WASM size
# guard (wasm/size-baseline.json; the module was built by the JS stage).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/icount.sh
scripts/wasm-size.sh
