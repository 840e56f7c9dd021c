#!/usr/bin/env bash
# Builds the Kotlin/JVM package of Avalo Core as a Maven artifact:
#   target/packages/maven/com/avalo/avalo-core/<version>/avalo-core-<version>.jar (+ .pom)
# (a Maven repository layout: point a `file:` repository at target/packages/maven).
# The jar holds the compiled generated bindings (ffi-kotlin/src/main only: no tests, no
# runner), the Rust library as a JNA resource (linux-x86-64/libavalo_ffi.so, found by JNA on
# the class path: no -Djna.library.path needed) and META-INF/maven/com.avalo/avalo-core/
# pom.xml + pom.properties. The pom declares JNA and kotlin-stdlib (the versions this build
# used). Version: the workspace's (scripts/workspace-version.sh).
# The library is the debug build scripts/test-kotlin.sh uses (no extra Rust build here); set
# AVALO_JAR_PROFILE=release for a shipping jar (an LTO build: minutes).
# Prints the jar's path as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS=${AVALO_TOOLS:-$HOME/.cache/avalo-core}
[ -f "$TOOLS/env.sh" ] || scripts/setup-toolchains.sh >&2
# shellcheck disable=SC1091
source "$TOOLS/env.sh"
VERSION=$(scripts/workspace-version.sh)
GROUP=com.avalo ARTIFACT=avalo-core

echo "--- drift check + build of libavalo_ffi" >&2
LIB=$(scripts/build-bindings.sh --check | tail -1)
if [ "${AVALO_JAR_PROFILE:-debug}" = release ]; then
  cargo build --release -q -p avalo-ffi >&2
  LIB=$(dirname "$(dirname "$LIB")")/release/libavalo_ffi.so
fi

# kotlinc costs a minute or more: compile the generated sources once per content (cached
# outside the clone, like scripts/test-kotlin.sh).
mapfile -t SOURCES < <(find ffi-kotlin/src/main -name '*.kt' | sort)
STAMP=$( (for f in "${SOURCES[@]}"; do echo "$f"; cat "$f"; done; "$KOTLINC" -version 2>&1) | sha256sum | cut -d' ' -f1)
CACHE=$TOOLS/kotlin-build
CLASSES=$CACHE/avalo-core-main-$STAMP.jar
if [ -f "$CLASSES" ]; then
  echo "--- kotlinc: sources unchanged, reusing $CLASSES" >&2
else
  echo "--- kotlinc (${#SOURCES[@]} generated files)" >&2
  mkdir -p "$CACHE"
  "$KOTLINC" -Werror -cp "$JNA_JAR" "${SOURCES[@]}" -d "$CACHE/tmp-main-$$.jar" >&2
  mv "$CACHE/tmp-main-$$.jar" "$CLASSES"
  ls -t "$CACHE"/avalo-core-main-*.jar | tail -n +4 | xargs -r rm -f
fi

# Versions of the run-time dependencies, as this build used them.
JNA_VERSION=$(unzip -p "$JNA_JAR" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: \([0-9.]*\).*/\1/p' | head -1)
[ -n "$JNA_VERSION" ] || JNA_VERSION=$(unzip -p "$JNA_JAR" META-INF/MANIFEST.MF | sed -n 's/^Bundle-Version: \([0-9.]*\).*/\1/p' | head -1)
KOTLIN_VERSION=$("$KOTLINC" -version 2>&1 | sed -n 's/.*kotlinc-jvm \([0-9][0-9.]*\).*/\1/p' | head -1)
[ -n "$JNA_VERSION" ] && [ -n "$KOTLIN_VERSION" ] || { echo "cannot read the JNA ($JNA_VERSION) or Kotlin ($KOTLIN_VERSION) version" >&2; exit 1; }

OUT=$ROOT/target/packages/maven/com/avalo/$ARTIFACT/$VERSION
STAGE=$ROOT/target/packages/jar-stage
rm -rf "$STAGE" "$OUT"
mkdir -p "$STAGE/linux-x86-64" "$STAGE/META-INF/maven/$GROUP/$ARTIFACT" "$OUT"
(cd "$STAGE" && unzip -q "$CLASSES" -x 'META-INF/MANIFEST.MF')
cp "$LIB" "$STAGE/linux-x86-64/libavalo_ffi.so"

POM=$STAGE/META-INF/maven/$GROUP/$ARTIFACT/pom.xml
cat >"$POM" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$GROUP</groupId>
  <artifactId>$ARTIFACT</artifactId>
  <version>$VERSION</version>
  <packaging>jar</packaging>
  <name>Avalo Core</name>
  <description>Avalo's money and safety rules (the pure Rust core) for the JVM: UniFFI Kotlin bindings over JNA, with the native library for linux-x86-64.</description>
  <licenses>
    <license>
      <name>UNLICENSED</name>
      <comments>Proprietary: not licensed for use outside Avalo.</comments>
    </license>
  </licenses>
  <dependencies>
    <dependency>
      <groupId>net.java.dev.jna</groupId>
      <artifactId>jna</artifactId>
      <version>$JNA_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-stdlib</artifactId>
      <version>$KOTLIN_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
printf 'groupId=%s\nartifactId=%s\nversion=%s\n' "$GROUP" "$ARTIFACT" "$VERSION" \
  >"$STAGE/META-INF/maven/$GROUP/$ARTIFACT/pom.properties"
cat >"$ROOT/target/packages/MANIFEST.MF" <<MF
Implementation-Title: $ARTIFACT
Implementation-Vendor: Avalo
Implementation-Version: $VERSION
MF

JAR=$OUT/$ARTIFACT-$VERSION.jar
jar --create --file "$JAR" --manifest "$ROOT/target/packages/MANIFEST.MF" -C "$STAGE" .
cp "$POM" "$OUT/$ARTIFACT-$VERSION.pom"
echo "--- $JAR ($(wc -c <"$JAR" | tr -d ' ') bytes; JNA $JNA_VERSION, kotlin-stdlib $KOTLIN_VERSION)" >&2
echo "$JAR"
