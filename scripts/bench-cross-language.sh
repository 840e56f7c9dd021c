#!/usr/bin/env bash
# Cross-language call costs (not part of CI; results in BENCHMARKS.md):
#   JavaScript  benches/cross-language/js/bench.js       the WASM build (scripts/build-wasm.sh) in Node
#   Kotlin      benches/cross-language/kotlin/Bench.kt   UniFFI over JNA, JVM warmed up
#   Swift       benches/cross-language/swift/main.swift  UniFFI, swiftc -O -wmo in the Debian 13 root
# Kotlin and Swift load the *release* libavalo_ffi.so (LTO, codegen-units = 1).
# Usage: scripts/bench-cross-language.sh [js] [kotlin] [swift]   (default: all three)
# Optional modules: a language directory may hold extra_<module>.{kt,swift} files; the script
# includes them only when the generated bindings export the function they call.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
[ -f "$TOOLS/env.sh" ] || scripts/setup-toolchains.sh
# shellcheck disable=SC1091
source "$TOOLS/env.sh"
LANGS=${*:-js kotlin swift}
HERE=benches/cross-language
# Two generated files per language: the functions (namespace avalo_ffi) and the core's types
# (namespace avalo_core); see docs/ARCHITECTURE.md.
KT_GEN=ffi-kotlin/src/main/kotlin/com/avalo/core/avalo_ffi.kt
KT_GEN_TYPES=ffi-kotlin/src/main/kotlin/com/avalo/core/types/avalo_core.kt
SW_GEN=ffi-swift/Sources/AvaloCore/AvaloCore.swift
SW_GEN_TYPES=ffi-swift/Sources/AvaloCore/AvaloCoreTypes.swift

# extra files whose first line is `// needs: <symbol>` and whose symbol the bindings export
extras() { # dir ext generated-file
  for f in "$1"/extra_*."$2"; do
    [ -f "$f" ] || continue
    sym=$(sed -n '1s|^// needs: ||p' "$f")
    [ -n "$sym" ] && grep -q "$sym" "$3" && echo "$f"
  done
  return 0
}

if [[ " $LANGS " == *" kotlin "* || " $LANGS " == *" swift "* ]]; then
  echo "--- cargo build --release -p avalo-ffi"
  cargo build -q --release -p avalo-ffi
  LIB=$ROOT/target/release/libavalo_ffi.so
fi

if [[ " $LANGS " == *" js "* ]]; then
  echo "--- JavaScript (WASM in Node)"
  [ "${AVALO_SKIP_WASM_BUILD:-0}" = 1 ] || scripts/build-wasm.sh >/dev/null
  node "$HERE/js/bench.js"
fi

if [[ " $LANGS " == *" kotlin "* ]]; then
  echo "--- Kotlin (JNA)"
  mapfile -t KX < <(extras "$HERE/kotlin" kt "$KT_GEN")
  KSTAGE=$ROOT/target/bench-kotlin; mkdir -p "$KSTAGE"
  { echo "package com.avalo.bench"; echo "fun extraBenches(policy: com.avalo.core.types.Policy) {"
    for f in "${KX[@]}"; do n=$(basename "$f" .kt); echo "    ${n#extra_}Benches(policy)"; done
    echo "}"; } > "$KSTAGE/ExtraAll.kt"
  SOURCES=("$KT_GEN" "$KT_GEN_TYPES" "$HERE/kotlin/Bench.kt" "$KSTAGE/ExtraAll.kt" "${KX[@]}")
  STAMP=$( (for f in "${SOURCES[@]}"; do echo "$f"; cat "$f"; done; "$KOTLINC" -version 2>&1) | sha256sum | cut -d' ' -f1)
  JAR=$TOOLS/kotlin-build/bench-$STAMP.jar
  mkdir -p "$TOOLS/kotlin-build"
  if [ ! -f "$JAR" ]; then
    "$KOTLINC" -nowarn -cp "$JNA_JAR" "${SOURCES[@]}" -d "$JAR.tmp.jar"
    mv "$JAR.tmp.jar" "$JAR"
  fi
  java -Djna.library.path="$(dirname "$LIB")" -cp "$JAR:$JNA_JAR:$KOTLIN_STDLIB" com.avalo.bench.BenchKt
fi

if [[ " $LANGS " == *" swift "* ]]; then
  echo "--- Swift (-O)"
  STAGE=$ROOT/ffi-swift/.build/bench-stage
  INNER=/mnt/work/ffi-swift/.build/bench-stage
  rm -rf "$STAGE"; mkdir -p "$STAGE/lib" "$STAGE/src"
  cp "$LIB" "$STAGE/lib/"
  cp "$SW_GEN" "$SW_GEN_TYPES" "$HERE/swift/main.swift" "$STAGE/src/"
  mapfile -t SX < <(extras "$HERE/swift" swift "$SW_GEN")
  if [ ${#SX[@]} -gt 0 ]; then
    cp "${SX[@]}" "$STAGE/src/"
    { echo "func extraBenches(_ policy: Policy) throws {"
      for f in "${SX[@]}"; do n=$(basename "$f" .swift); echo "    try ${n#extra_}Benches(policy)"; done
      echo "}"; } > "$STAGE/src/extra_all.swift"
  else
    cp "$HERE/swift/extra_none.swift" "$STAGE/src/"
  fi
  scripts/swift-run.sh -b "$ROOT" -C "$INNER" sh -c "swiftc -O -wmo -module-name AvaloBench \
      -Xcc -fmodule-map-file=/mnt/work/ffi-swift/Sources/AvaloCoreFFI/module.modulemap \
      -I /mnt/work/ffi-swift/Sources/AvaloCoreFFI -module-cache-path $INNER/cache \
      src/*.swift -L$INNER/lib -lavalo_ffi -o $INNER/bench && LD_LIBRARY_PATH=$INNER/lib $INNER/bench"
fi
