#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time (not part of CI).
#   scripts/fuzz.sh            # 60 s per target
#   FUZZ_SECONDS=600 scripts/fuzz.sh sniff verify
# Needs the nightly toolchain and cargo-fuzz (installed from crates.io if missing).
# Prints one summary line per target; a crash stops the script with the reproducer path
# (fuzz/artifacts/<target>/crash-*).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(sanitise sniff validate verify)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

# Small seed corpora: real magic bytes for the sniffer and the validator, tricky names for the
# sanitiser, a well-formed header set for the verifier.
seed() { mkdir -p "corpus/$1"; printf "$3" > "corpus/$1/$2"; }
seed sniff jpeg '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x00\x48\x00\x48'
seed sniff mp4 '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom'
seed sniff svg '\xef\xbb\xbf  <svg xmlns="http://www.w3.org/2000/svg">'
seed sniff webm '\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm'
seed sanitise rlo '\xe2\x80\xaegnp.exe'
seed sanitise dots 'evil.exe. . '
seed sanitise con 'CON .tar.gz'
seed sanitise accents 'Cafe\xcc\x81\xe2\x80\x8e\xcc\x81.jpg'
seed validate jpeg '\x00\x01\x10\x00\x00\x08photo.jpg\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x00\x48\x00'
seed verify headers '1795176000000\n0123abcd\nPOST\n/v1/x?exp=1&sig=00\n{"a":1}'

for t in "${TARGETS[@]}"; do
    log="artifacts/$t.log"
    mkdir -p artifacts
    start=$(date +%s)
    if cargo +nightly fuzz run "$t" -- -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        echo "$t: $(( $(date +%s) - start )) s wall (incl. build), $runs executions, no crash"
    else
        echo "$t: FAILED after $(( $(date +%s) - start )) s, see fuzz/$log"; grep -m3 -E 'panicked|SUMMARY|crash-' "$log" || true
        exit 1
    fi
done
