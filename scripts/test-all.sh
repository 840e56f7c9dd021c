#!/usr/bin/env bash
# The README test command: every test suite of the project, in every language.
# Stages print their time; the script fails if any stage fails or runs zero cases.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_TERM_COLOR=never
declare -a SUMMARY=()
stage() {
  local name=$1; shift
  local start=$SECONDS
  echo "=== stage: $name"
  if "$@"; then
    SUMMARY+=("ok    $name ($((SECONDS - start)) s)")
  else
    SUMMARY+=("FAIL  $name ($((SECONDS - start)) s)")
    printf '%s\n' "${SUMMARY[@]}"
    echo "stage $name failed"
    exit 1
  fi
}

rust_tests() {
  cargo test --workspace --exclude avalo-wasm
}
rust_vectors() {
  # The vector runner again, uncaptured, so its closing `N passed, N failed` line is printed;
  # it fails on any failed case and on zero cases.
  cargo test -q -p avalo-conformance --test vectors -- --nocapture 2>&1 | tee "$ROOT/target/rust-vectors.log"
  grep -qE '^[1-9][0-9]* passed, 0 failed$' "$ROOT/target/rust-vectors.log"
}
core_alone() {
  # Workspace builds unify features, so the core with default features is checked on its own:
  # it must depend on no FFI crate, and its own tests pass without the facades.
  local tree
  tree=$(cargo tree -p avalo-core -e normal --prefix none)
  if grep -E '^(uniffi|wasm-bindgen|tsify|js-sys)( |$)' <<<"$tree"; then
    echo "avalo-core with default features depends on an FFI crate (above)"
    return 1
  fi
  cargo test -p avalo-core
}
mkdir -p target
stage "format (cargo fmt --check)" cargo fmt --all --check
stage "toolchains (scripts/setup-toolchains.sh)" scripts/setup-toolchains.sh
# shellcheck disable=SC1091
source "${AVALO_TOOLS:-$HOME/.cache/avalo-core}/env.sh"
stage "core alone (default features, no FFI dependency)" core_alone
stage "rust (cargo test --workspace)" rust_tests
stage "rust vectors" rust_vectors
clippy_all() {
  # Lints over every crate and target, warnings denied (tests may unwrap: clippy.toml); the core
  # also with each facade feature, since workspace builds unify features.
  cargo clippy --workspace --all-targets -- -D warnings &&
    cargo clippy -p avalo-core --features uniffi -- -D warnings &&
    cargo clippy -p avalo-core --features wasm -- -D warnings
}
stage "clippy (-D warnings)" clippy_all
stage "quickstart example" cargo run -q -p avalo-examples --bin quickstart
stage "fuzz (scripts/fuzz.sh)" scripts/fuzz.sh

# Every stage script must exist and be executable: a missing one fails the run, never skips.
for extra in scripts/test-kotlin.sh scripts/test-swift.sh scripts/test-js.sh scripts/test-browser.sh scripts/test-extra.sh scripts/test-packages.sh; do
  if [ ! -x "$extra" ]; then
    SUMMARY+=("FAIL  $extra (missing or not executable)")
    printf '%s\n' "${SUMMARY[@]}"
    echo "stage script $extra is missing or not executable"
    exit 1
  fi
  stage "$(basename "$extra" .sh)" "$extra"
done

echo
echo "=== summary"
printf '%s\n' "${SUMMARY[@]}"
