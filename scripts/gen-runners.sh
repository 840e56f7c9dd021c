#!/usr/bin/env bash
# Generate the per-operation glue of the Kotlin and Swift conformance runners from the UniFFI
# metadata of the built libavalo_ffi (every namespace in it) with tools/runner-gen:
#   ffi-kotlin/src/test/kotlin/com/avalo/conformance/Generated.kt
#   ffi-swift/Sources/AvaloConformance/Generated.swift
# The declared exceptions (input keys that differ from parameter names, result keys, serde
# renames and tagging, hand-written ops) are in tools/runner-gen/src/overrides.rs.
#
# Usage:
#   scripts/gen-runners.sh           regenerate the two files (after changing bindings/ or core/)
#   scripts/gen-runners.sh --check   fail if the committed files differ (the drift check)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
case ${1:-} in
  --check | "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
case $TARGET in /*) ;; *) TARGET=$ROOT/$TARGET ;; esac
LIB=$TARGET/debug/libavalo_ffi.so
cargo build -q -p avalo-ffi >&2

# The generator links uniffi_bindgen (minutes to compile once): its own workspace, built in the
# same cache as scripts/build-bindings.sh's uniffi-bindgen (shared dependencies).
GEN_TARGET=${AVALO_BINDGEN_TARGET:-${AVALO_TOOLS:-$HOME/.cache/avalo-core}/bindgen-target}
cargo build -q --locked --manifest-path tools/runner-gen/Cargo.toml --target-dir "$GEN_TARGET" >&2
RUST_LIB_BACKTRACE=0 "$GEN_TARGET/debug/avalo-runner-gen" "$LIB" ${1:+"$1"}
