#!/usr/bin/env bash
# The Kotlin/JVM package as a user gets it: scripts/package-jar.sh builds the avalo-core jar
# and its pom; then examples/kotlin-consumer is compiled against that jar alone (plus JNA; the
# Kotlin compiler adds kotlin-stdlib) and run with only the pom's dependencies on the class path
# (no -Djna.library.path: JNA loads the native library from the jar).
# Also checks the pom: coordinates com.avalo:avalo-core:<workspace version>, JNA dependency.
# Ends with `N passed, N failed`; fails on any failure or when nothing ran.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
[ -f "$TOOLS/env.sh" ] || scripts/setup-toolchains.sh
# shellcheck disable=SC1091
source "$TOOLS/env.sh"
VERSION=$(scripts/workspace-version.sh)
passed=0 failed=0
step() {
  local name=$1; shift
  echo "--- $name"
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}

JAR=$(scripts/package-jar.sh | tail -n 1)
POM=${JAR%.jar}.pom

pom_coordinates() { # the pom's own coordinates and the JNA dependency, read as XML
  python3 - "$POM" "$VERSION" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(sys.argv[1]).getroot()
got = tuple(root.findtext(f"m:{k}", namespaces=ns) for k in ("groupId", "artifactId", "version"))
want = ("com.avalo", "avalo-core", sys.argv[2])
deps = {(d.findtext("m:groupId", namespaces=ns), d.findtext("m:artifactId", namespaces=ns)): d.findtext("m:version", namespaces=ns)
        for d in root.iterfind("m:dependencies/m:dependency", ns)}
ok = got == want and deps.get(("net.java.dev.jna", "jna")) and deps.get(("org.jetbrains.kotlin", "kotlin-stdlib"))
print(f"pom {':'.join(map(str, got))}, dependencies {deps}")
sys.exit(0 if ok else f"expected {':'.join(want)} with jna and kotlin-stdlib")
PY
}
step "pom: com.avalo:avalo-core:$VERSION, JNA + kotlin-stdlib dependencies" pom_coordinates

jar_contents() { # classes of the bindings, the native library, the pom; no tests or runner
  local list
  list=$(unzip -Z1 "$JAR")
  for f in com/avalo/core/types/Policy.class com/avalo/core/Avalo_ffiKt.class linux-x86-64/libavalo_ffi.so META-INF/maven/com.avalo/avalo-core/pom.xml; do
    grep -qx "$f" <<<"$list" || { echo "missing from the jar: $f"; return 1; }
  done
  if grep -E '^com/avalo/(conformance|core/tests)/' <<<"$list" | head -3 | grep -q .; then
    echo "test classes in the jar"; return 1
  fi
}
step "jar: bindings + linux-x86-64/libavalo_ffi.so + pom, no test classes" jar_contents

OUT=$ROOT/target/packages/kotlin-consumer
rm -rf "$OUT" && mkdir -p "$OUT"
consumer() {
  mapfile -t SRC < <(find examples/kotlin-consumer/src -name '*.kt' | sort)
  # Against the jar alone: the class path is the package and its pom dependencies, nothing else.
  "$KOTLINC" -Werror -cp "$JAR:$JNA_JAR" "${SRC[@]}" -d "$OUT/consumer.jar" \
    && env -u LD_LIBRARY_PATH java -cp "$OUT/consumer.jar:$JAR:$JNA_JAR:$KOTLIN_STDLIB" com.avalo.consumer.MainKt "$VERSION" \
      | tee "$OUT/run.log" \
    && grep -qE '^[1-9][0-9]* passed, 0 failed$' <(tail -n 1 "$OUT/run.log")
}
step "consumer compiled against the jar alone and run" consumer

echo "Kotlin consumer: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
