#!/usr/bin/env bash
# The Rust crate as crates.io would get it: `cargo package -p avalo-core` (packs and builds the
# packed crate on its own, outside the workspace) and `cargo doc -p avalo-core --no-deps` with
# warnings denied (what docs.rs builds, [package.metadata.docs.rs] in core/Cargo.toml).
# --allow-dirty: the test command runs on working copies with uncommitted changes too.
# Ends with `N passed, N failed`; fails on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(scripts/workspace-version.sh)
passed=0 failed=0
step() {
  local name=$1; shift
  echo "--- $name"
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
crate_version() {
  local v
  v=$(cargo metadata --no-deps --format-version 1 \
    | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="avalo-core"))')
  [ "$v" = "$VERSION" ] || { echo "avalo-core is $v, the workspace says $VERSION"; return 1; }
}
step "avalo-core version = workspace version ($VERSION)" crate_version
step "cargo package -p avalo-core" cargo package -q -p avalo-core --allow-dirty
step "cargo doc -p avalo-core --no-deps (RUSTDOCFLAGS=-D warnings)" env RUSTDOCFLAGS="-D warnings" cargo doc -q -p avalo-core --no-deps
echo "Rust package: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
