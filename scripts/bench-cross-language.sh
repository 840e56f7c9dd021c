#!/usr/bin/env bash
# Cross-language call costs (not part of CI; results in BENCHMARKS.md):
#   JavaScript  benches/cross-language/js/bench.js       the WASM build (scripts/build-wasm.sh) in Node
#   Kotlin      benches/cross-language/kotlin/Bench.kt   UniFFI over JNA, JVM warmed up
#   Swift       benches/cross-language/swift/main.swift  UniFFI, swiftc -O -wmo in the Debian 13 root
#   kotlin-profile  benches/cross-language/kotlin/Profile.kt under JDK Flight Recorder (one call in
#                   a loop; top frames by benches/cross-language/kotlin/jfr_top.py)
# Kotlin and Swift load the *release* libavalo_ffi.so (LTO, codegen-units = 1).
# Usage: scripts/bench-cross-language.sh [js] [kotlin] [swift] [kotlin-profile]   (default: js kotlin swift)
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
SW_FFI_INNER=/mnt/work/ffi-swift/Sources/AvaloCoreFFI

# extra files whose first line is `// needs: <symbol>` and whose symbol the bindings export
extras() { # dir ext generated-file
  for f in "$1"/extra_*."$2"; do
    [ -f "$f" ] || continue
    sym=$(sed -n '1s|^// needs: ||p' "$f")
    [ -n "$sym" ] && grep -q "$sym" "$3" && echo "$f"
  done
  return 0
}

if [[ " $LANGS " == *" kotlin"* || " $LANGS " == *" swift "* ]]; then
  echo "--- cargo build --release -p avalo-ffi"
  cargo build -q --release -p avalo-ffi
  LIB=$ROOT/target/release/libavalo_ffi.so
  # The bindings the harnesses compile are generated from the very library they load (into
  # target/bench-gen): committed bindings that lag the core (a record field added since) would
  # make the foreign side misread every record. AVALO_BENCH_COMMITTED_BINDINGS=1 uses ffi-*/.
  if [ "${AVALO_BENCH_COMMITTED_BINDINGS:-0}" != 1 ]; then
    BINDGEN_TARGET=${AVALO_BINDGEN_TARGET:-$TOOLS/bindgen-target}
    # The generator depends on the uniffi version only (it reads the library's metadata), so a
    # cached binary (scripts/build-bindings.sh builds it) is reused.
    [ -x "$BINDGEN_TARGET/debug/uniffi-bindgen" ] ||
      cargo build -q -p avalo-ffi --features cli --bin uniffi-bindgen --target-dir "$BINDGEN_TARGET"
    GEN=$ROOT/target/bench-gen
    # Generated aside, then only changed files moved in: another run may be compiling from GEN.
    NEW=$(mktemp -d "$ROOT/target/bench-gen.XXXXXX")
    "$BINDGEN_TARGET/debug/uniffi-bindgen" generate --library "$LIB" --language kotlin --language swift \
      --out-dir "$NEW" --no-format >/dev/null
    sed -e 's/^\( *\)header "AvaloCoreFFI.h"$/&\n\1header "AvaloCoreTypesFFI.h"/' -e 's/^}$/    link "avalo_ffi"\n}/' \
      "$NEW/AvaloCoreFFI.modulemap" > "$NEW/module.modulemap"
    (cd "$NEW" && find . -type f) | while read -r f; do
      if ! cmp -s "$NEW/$f" "$GEN/$f"; then mkdir -p "$(dirname "$GEN/$f")"; mv "$NEW/$f" "$GEN/$f"; fi
    done
    rm -rf "$NEW"
    KT_GEN=$GEN/com/avalo/core/avalo_ffi.kt
    KT_GEN_TYPES=$GEN/com/avalo/core/types/avalo_core.kt
    SW_GEN=$GEN/AvaloCore.swift
    SW_GEN_TYPES=$GEN/AvaloCoreTypes.swift
    SW_FFI_INNER=/mnt/work/target/bench-gen
    echo "(bindings generated from $LIB into target/bench-gen)"
  fi
fi

if [[ " $LANGS " == *" js "* ]]; then
  echo "--- JavaScript (WASM in Node)"
  [ "${AVALO_SKIP_WASM_BUILD:-0}" = 1 ] || scripts/build-wasm.sh >/dev/null
  node "$HERE/js/bench.js"
fi

# The Kotlin harness jar (cached by the hash of its sources and the compiler's version).
kotlin_jar() {
  mapfile -t KX < <(extras "$HERE/kotlin" kt "$KT_GEN")
  KSTAGE=$ROOT/target/bench-kotlin; mkdir -p "$KSTAGE"
  { echo "package com.avalo.bench"; echo "fun extraBenches(policy: com.avalo.core.types.Policy) {"
    for f in "${KX[@]}"; do n=$(basename "$f" .kt); echo "    ${n#extra_}Benches(policy)"; done
    echo "}"; } > "$KSTAGE/ExtraAll.kt"
  SOURCES=("$KT_GEN" "$KT_GEN_TYPES" "$HERE/kotlin/Bench.kt" "$HERE/kotlin/Profile.kt" "$KSTAGE/ExtraAll.kt" "${KX[@]}")
  STAMP=$( (for f in "${SOURCES[@]}"; do echo "$f"; cat "$f"; done; "$KOTLINC" -version 2>&1) | sha256sum | cut -d' ' -f1)
  JAR=$TOOLS/kotlin-build/bench-$STAMP.jar
  mkdir -p "$TOOLS/kotlin-build"
  if [ ! -f "$JAR" ]; then
    "$KOTLINC" -nowarn -cp "$JNA_JAR" "${SOURCES[@]}" -d "$JAR.tmp.jar"
    mv "$JAR.tmp.jar" "$JAR"
  fi
}
# JNA system properties for every run.
JAVA_OPTS=(-Djna.library.path="${LIB:+$(dirname "$LIB")}")

if [[ " $LANGS " == *" kotlin "* ]]; then
  echo "--- Kotlin (JNA)"
  kotlin_jar
  java "${JAVA_OPTS[@]}" -cp "$JAR:$JNA_JAR:$KOTLIN_STDLIB" com.avalo.bench.BenchKt
fi

# Profile of one call with JDK Flight Recorder (benches/cross-language/kotlin/Profile.kt): the
# calls named in AVALO_PROFILE_CALLS (default: version splitAmount splitRevenue), 10 s each,
# Java stacks sampled every 1 ms; prints the CPU per call and the top frames (self and inclusive).
if [[ " $LANGS " == *" kotlin-profile "* ]]; then
  echo "--- Kotlin (JNA) profile, JFR"
  kotlin_jar
  # JFR's "profile" settings with Java samples every 1 ms instead of 10 ms.
  JAVA_HOME_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  JFC=$ROOT/target/bench-kotlin/sample-1ms.jfc
  sed '/<event name="jdk.ExecutionSample">/,/<\/event>/s|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
    "$JAVA_HOME_DIR/lib/jfr/profile.jfc" > "$JFC"
  for call in ${AVALO_PROFILE_CALLS:-version splitAmount splitRevenue}; do
    REC=$ROOT/target/bench-kotlin/$call.jfr
    java "${JAVA_OPTS[@]}" -XX:StartFlightRecording=filename="$REC",settings="$JFC" \
      -cp "$JAR:$JNA_JAR:$KOTLIN_STDLIB" com.avalo.bench.ProfileKt "$call" "${AVALO_PROFILE_SECONDS:-10}" 2>/dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 96 "$REC" | python3 "$HERE/kotlin/jfr_top.py" 30
  done
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
      -Xcc -fmodule-map-file=$SW_FFI_INNER/module.modulemap \
      -I $SW_FFI_INNER -module-cache-path $INNER/cache \
      src/*.swift -L$INNER/lib -lavalo_ffi -o $INNER/bench && LD_LIBRARY_PATH=$INNER/lib $INNER/bench"
fi
