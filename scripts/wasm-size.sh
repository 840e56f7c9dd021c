#!/usr/bin/env bash
# WASM size guard: compares the shipped module (wasm/pkg-web/index_bg.wasm, built by
# scripts/build-wasm.sh; built here if missing) with wasm/size-baseline.json and fails when its
# raw or gzip -9 size grows by more than 5 %. Also prints the gap to issue 10's budget
# (450 KB raw, 180 KB gzipped), which the full rule set does not meet (BENCHMARKS.md, "WASM size").
#   scripts/wasm-size.sh            check
#   scripts/wasm-size.sh --update   record the current sizes as the baseline (commit it, say why)
# Ends with `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
WASM=wasm/pkg-web/index_bg.wasm
BASELINE=wasm/size-baseline.json
[ -f "$WASM" ] || scripts/build-wasm.sh
raw=$(wc -c <"$WASM" | tr -d ' ')
gz=$(gzip -9c "$WASM" | wc -c | tr -d ' ')
echo "shipped .wasm: $raw bytes raw, $gz bytes gzip -9 (issue 10 budget: 450000 / 180000)"
if [ "${1:-}" = "--update" ]; then
  printf '{\n  "raw": %s,\n  "gzip": %s\n}\n' "$raw" "$gz" >"$BASELINE"
  echo "baseline written to $BASELINE"; exit 0
fi
passed=0; failed=0
for kind in raw gzip; do
  now=$raw; [ $kind = gzip ] && now=$gz
  base=$(python3 -c "import json; print(json.load(open('$BASELINE'))['$kind'])")
  limit=$(( base + base / 20 ))
  if [ "$now" -gt "$limit" ]; then
    echo "FAIL $kind: $now bytes > baseline $base + 5 %"; failed=$((failed+1))
  else
    echo "ok   $kind: $now bytes (baseline $base, limit $limit)"; passed=$((passed+1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
