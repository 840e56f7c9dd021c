#!/usr/bin/env bash
# Build the avalo-ffi cdylib and (re)generate the Kotlin and Swift bindings from it with the
# in-workspace uniffi-bindgen (same uniffi version as the library, by construction).
#
# Usage:
#   scripts/build-bindings.sh           regenerate ffi-kotlin/ and ffi-swift/ sources
#   scripts/build-bindings.sh --check   regenerate into a temp dir and fail if the committed
#                                       generated files differ (the CI drift check)
#
# The library holds two UniFFI namespaces: `avalo_core` (the core's own types, feature `uniffi`;
# configured by core/uniffi.toml) and `avalo_ffi` (the exported functions; bindings/uniffi.toml).
# Generated files (committed):
#   ffi-kotlin/src/main/kotlin/com/avalo/core/avalo_ffi.kt          functions (com.avalo.core)
#   ffi-kotlin/src/main/kotlin/com/avalo/core/types/avalo_core.kt   types (com.avalo.core.types)
#   ffi-swift/Sources/AvaloCore/AvaloCore.swift                     functions  } one Swift module,
#   ffi-swift/Sources/AvaloCore/AvaloCoreTypes.swift                types      } `AvaloCore`
#   ffi-swift/Sources/AvaloCoreFFI/AvaloCoreFFI.h
#   ffi-swift/Sources/AvaloCoreFFI/AvaloCoreTypesFFI.h
#   ffi-swift/Sources/AvaloCoreFFI/module.modulemap   (one C module over both headers + `link "avalo_ffi"`)
# Prints the path of the built library as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CHECK=0
case ${1:-} in
  --check) CHECK=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
case $TARGET in /*) ;; *) TARGET=$ROOT/$TARGET ;; esac
LIB=$TARGET/debug/libavalo_ffi.so

# The library, with the same features as `cargo test --workspace` builds it (no rebuild).
cargo build -q -p avalo-ffi >&2

# The generator: this workspace's own `uniffi-bindgen` bin (feature `cli` = uniffi/cli), so its
# uniffi version is the library's by construction. Built in a target dir outside the clone
# (a cache, like the toolchains): uniffi_bindgen and its dependencies take minutes to compile
# on a fresh clone, and only once here. Override with AVALO_BINDGEN_TARGET.
BINDGEN_TARGET=${AVALO_BINDGEN_TARGET:-${AVALO_TOOLS:-$HOME/.cache/avalo-core}/bindgen-target}
cargo build -q -p avalo-ffi --features cli --bin uniffi-bindgen --target-dir "$BINDGEN_TARGET" >&2
BINDGEN=$BINDGEN_TARGET/debug/uniffi-bindgen

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BINDGEN" generate --library "$LIB" --language kotlin --language swift \
  --out-dir "$TMP/raw" --no-format >&2

# Lay the raw output out as the two packages expect it.
OUT=$TMP/out
mkdir -p "$OUT/ffi-kotlin/src/main/kotlin/com/avalo/core/types" \
         "$OUT/ffi-swift/Sources/AvaloCore" "$OUT/ffi-swift/Sources/AvaloCoreFFI"
cp "$TMP/raw/com/avalo/core/avalo_ffi.kt" "$OUT/ffi-kotlin/src/main/kotlin/com/avalo/core/"
cp "$TMP/raw/com/avalo/core/types/avalo_core.kt" "$OUT/ffi-kotlin/src/main/kotlin/com/avalo/core/types/"
cp "$TMP/raw/AvaloCore.swift" "$TMP/raw/AvaloCoreTypes.swift" "$OUT/ffi-swift/Sources/AvaloCore/"
cp "$TMP/raw/AvaloCoreFFI.h" "$TMP/raw/AvaloCoreTypesFFI.h" "$OUT/ffi-swift/Sources/AvaloCoreFFI/"
# SwiftPM's systemLibrary target needs `module.modulemap`: ONE C module `AvaloCoreFFI` over both
# namespaces' headers (both .swift files import it), with a `link` line so that every client
# links the Rust library (on iOS the XCFramework's own module map replaces this one).
sed -e 's/^\( *\)header "AvaloCoreFFI.h"$/&\n\1header "AvaloCoreTypesFFI.h"/' -e 's/^}$/    link "avalo_ffi"\n}/' \
  "$TMP/raw/AvaloCoreFFI.modulemap" > "$OUT/ffi-swift/Sources/AvaloCoreFFI/module.modulemap"
grep -q 'link "avalo_ffi"' "$OUT/ffi-swift/Sources/AvaloCoreFFI/module.modulemap"
grep -q 'header "AvaloCoreTypesFFI.h"' "$OUT/ffi-swift/Sources/AvaloCoreFFI/module.modulemap"

FILES="ffi-kotlin/src/main/kotlin/com/avalo/core/avalo_ffi.kt
ffi-kotlin/src/main/kotlin/com/avalo/core/types/avalo_core.kt
ffi-swift/Sources/AvaloCore/AvaloCore.swift
ffi-swift/Sources/AvaloCore/AvaloCoreTypes.swift
ffi-swift/Sources/AvaloCoreFFI/AvaloCoreFFI.h
ffi-swift/Sources/AvaloCoreFFI/AvaloCoreTypesFFI.h
ffi-swift/Sources/AvaloCoreFFI/module.modulemap"

if [ "$CHECK" = 1 ]; then
  drift=0
  for f in $FILES; do
    if ! cmp -s "$OUT/$f" "$ROOT/$f"; then
      echo "DRIFT: $f differs from what bindings/ generates" >&2
      diff -u "$ROOT/$f" "$OUT/$f" 2>&1 | head -20 >&2 || true
      drift=1
    fi
  done
  if [ "$drift" = 1 ]; then
    echo "generated bindings are out of date: run scripts/build-bindings.sh and commit" >&2
    exit 1
  fi
  echo "generated bindings are up to date" >&2
else
  for f in $FILES; do
    mkdir -p "$(dirname "$ROOT/$f")"
    cp "$OUT/$f" "$ROOT/$f"
  done
  echo "generated bindings written" >&2
fi
echo "$LIB"
