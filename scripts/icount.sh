#!/usr/bin/env bash
# Instruction-count regression guard: runs each workload of benches/src/bin/icount.rs under
# callgrind (instructions are repeatable where wall time is not) and compares instructions per
# call with benches/icount-baseline.json. Fails when one grows by more than 10 %.
#   scripts/icount.sh            check against the baseline
#   scripts/icount.sh --update   rewrite the baseline (commit it, and say why)
# Workloads: benches/src/bin/icount.rs (`icount --list` prints `name` or `name:iterations` for
# heavy ones; the default is 2000 iterations). Figures are instructions per call.
#
# Machine kind: counts are exact for one binary on one kind of machine, but not portable.
# SHA-256 code (flag buckets, HMAC, upload hashes) goes through the `sha2` crate, which picks
# its implementation at run time from CPUID (SHA-NI, AVX2, or portable code), and valgrind
# passes through only the CPU features it emulates; other code can differ with the compiler
# version. The committed baseline was recorded on this project's CI machines (AMD EPYC, Zen 4,
# KVM, valgrind 3.19, rustc 1.95). On another kind of machine or toolchain, record a baseline
# first (`scripts/icount.sh --update`), then compare changes against it.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-check}
DEFAULT_ITERS=2000
BASELINE=benches/icount-baseline.json
cargo build -q --release -p avalo-benches --bin icount
BIN=target/release/icount
OUT=$(mktemp -d)
declare -A NOW
for entry in $($BIN --list); do
  w=${entry%%:*}; ITERS=$DEFAULT_ITERS
  [ "$entry" = "$w" ] || ITERS=${entry#*:}
  if ! valgrind --tool=callgrind --callgrind-out-file="$OUT/$w.out" --toggle-collect="*icount_$w*" \
    "$BIN" "$w" "$ITERS" >/dev/null 2>"$OUT/$w.err"; then
    echo "FAIL $w: valgrind failed; its output:" >&2
    cat "$OUT/$w.err" >&2
    exit 1
  fi
  total=$(grep -E '^summary:|^totals:' "$OUT/$w.out" | head -1 | awk '{print $2}')
  NOW[$w]=$(( total / ITERS ))
done
if [ "$MODE" = "--update" ]; then
  { echo "{"; first=1
    for w in $(printf '%s\n' "${!NOW[@]}" | sort); do
      [ $first = 1 ] || echo ","; first=0
      printf '  "%s": %s' "$w" "${NOW[$w]}"
    done; echo; echo "}"; } > "$BASELINE"
  echo "baseline written to $BASELINE"; cat "$BASELINE"; exit 0
fi
passed=0; failed=0
for w in $(printf '%s\n' "${!NOW[@]}" | sort); do
  base=$(python3 -c "import json,sys; print(json.load(open('$BASELINE')).get('$w', ''))")
  if [ -z "$base" ]; then
    echo "FAIL $w: ${NOW[$w]} instructions/call, no baseline (run scripts/icount.sh --update)"; failed=$((failed+1)); continue
  fi
  limit=$(( base + base / 10 ))
  if [ "${NOW[$w]}" -gt "$limit" ]; then
    echo "FAIL $w: ${NOW[$w]} instructions/call > baseline $base + 10 %"; failed=$((failed+1))
  else
    echo "ok   $w: ${NOW[$w]} instructions/call (baseline $base)"; passed=$((passed+1))
  fi
done
rm -rf "$OUT"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
