#!/usr/bin/env bash
# The fuzz stage of the test command (scripts/test-all.sh): every cargo-fuzz target of fuzz/
# for a short, bounded time, from a committed seed corpus, replaying committed crash inputs.
#   scripts/fuzz.sh                              # every target, FUZZ_SECONDS (default 8) each
#   FUZZ_SECONDS=600 scripts/fuzz.sh sniff words # chosen targets, 10 minutes each
#   FUZZ_SANITIZER=address scripts/fuzz.sh       # with AddressSanitizer (slower build and runs)
#
# - cargo-fuzz is installed once into the tools cache ($AVALO_TOOLS/bin, default
#   ~/.cache/avalo-core/bin) with `cargo install --locked`; it runs on the stable toolchain with
#   RUSTC_BOOTSTRAP=1 (it needs -Z flags). Every target is built in one cargo call, in release
#   mode with debug assertions and overflow checks on, then each binary is run directly.
# - Inputs: fuzz/corpus/<target>/ (committed seeds, read only) and fuzz/regressions/<target>/
#   (committed inputs that once crashed: libFuzzer runs every one of them first, so each run
#   replays them). New interesting inputs go to fuzz/target/corpus/<target>/ (not committed).
#   fuzz/regressions-pending/<target>/ holds crash inputs whose core fix has not landed: kept,
#   not replayed (move them to regressions/ with the fix).
# - A crash, panic, timeout (-timeout, s per input) or memory blow-up (-rss_limit_mb) fails the
#   target; libFuzzer saves the input under fuzz/artifacts/<target>/ and the script prints its
#   path. To keep it as a regression: move it to fuzz/regressions/<target>/ once fixed.
# Closing line: `N passed, N failed` (targets). Exit status 1 if any target failed or none ran.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT/fuzz"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-8}"
SANITIZER="${FUZZ_SANITIZER:-none}"
TOOLS="${AVALO_TOOLS:-$HOME/.cache/avalo-core}"
ALL_TARGETS=(sanitise sniff validate verify policy money words signed_url)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")
export RUSTC_BOOTSTRAP=1 CARGO_TERM_COLOR=never
export PATH="$TOOLS/bin:$PATH"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz into $TOOLS (once)"
  cargo install cargo-fuzz --locked --root "$TOOLS"
fi

start=$SECONDS
mkdir -p target
cargo fuzz build --release --debug-assertions --sanitizer "$SANITIZER" >target/build.log 2>&1 || {
  tail -30 target/build.log
  echo "0 passed, ${#TARGETS[@]} failed"
  exit 1
}
BIN="target/$(rustc -vV | sed -n 's/^host: //p')/release"
echo "built ${#ALL_TARGETS[@]} targets in $((SECONDS - start)) s (sanitizer: $SANITIZER)"

passed=0 failed=0
for t in "${TARGETS[@]}"; do
  if [ ! -d "corpus/$t" ] || [ ! -x "$BIN/$t" ]; then
    echo "$t: FAILED: no such target or no seed corpus fuzz/corpus/$t"
    failed=$((failed + 1))
    continue
  fi
  mkdir -p "target/corpus/$t" "artifacts/$t" target/logs
  dirs=("target/corpus/$t" "corpus/$t")
  [ -d "regressions/$t" ] && dirs+=("regressions/$t")
  log="target/logs/$t.log"
  # libFuzzer runs every input of every directory first (so the seeds and the committed
  # regressions are replayed), then mutates for the time budget; new inputs go to the first one.
  if "$BIN/$t" -artifact_prefix="artifacts/$t/" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 "${dirs[@]}" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    replayed=$(find "${dirs[@]:1}" -type f | wc -l)
    echo "$t: ok, $runs executions in $SECONDS_PER_TARGET s, $replayed committed inputs replayed first"
    passed=$((passed + 1))
  else
    echo "$t: FAILED (log: fuzz/$log)"
    grep -m5 -E 'panicked|ERROR: libFuzzer|SUMMARY|deadly signal|out-of-memory|timeout' "$log" || tail -5 "$log"
    grep -o 'Test unit written to .*' "$log" | sed 's|Test unit written to |  crash input: fuzz/|' || true
    echo "  replay: fuzz/$BIN/$t <input>; once fixed, commit the input under fuzz/regressions/$t/"
    failed=$((failed + 1))
  fi
done
echo "fuzz stage: $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
