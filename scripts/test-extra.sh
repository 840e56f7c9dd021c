#!/usr/bin/env bash
# Extra guards run by scripts/test-all.sh after the language suites:
# the instruction-count regression guard (benches/icount-baseline.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/icount.sh
