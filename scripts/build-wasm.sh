#!/usr/bin/env bash
# Builds the npm package @avalo/core (wasm/):
#   1. # AVALO_WASM_SIMD=1 builds with WebAssembly SIMD (simd128). Off by default: under
# `opt-level = "s"` LLVM does not vectorise loops, so it measured no gain (issue 20,
# BENCHMARKS.md "JavaScript boundary"), and a runtime without SIMD (Safari < 16.4) could not
# compile the module. With opt-level 3 it makes countWords("a") 4.5x cheaper, at +16 % gzip.
if [ "${AVALO_WASM_SIMD:-0}" = "1" ]; then
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} -C target-feature=+simd128"
fi
cargo build --target wasm32-unknown-unknown --profile wasm-release -p avalo-wasm
#   2. wasm-bindgen (the CLI pinned to the crate's exact version) for Node into wasm/pkg-node
#      (CommonJS, loads the .wasm synchronously) and for browsers and bundlers into
#      wasm/pkg-web (ES module, `await init()` first). Both are git-ignored.
#   3. wasm/build/patch-glue.cjs on both glue files: the glue's own errors (an argument that
#      is not a Policy, a freed Policy) become AvaloErrors with code INVALID_INPUT.
#      The Node copies of the JS snippets (wasm/js/pack.js) become CommonJS (snippets-cjs.cjs).
#   4. wasm-opt -Oz on the .wasm (the same binary serves both targets), if wasm-opt is on PATH
#      (scripts/setup-toolchains.sh installs it; AVALO_WASM_OPT=0 skips it).
# Prints the .wasm size, raw and gzipped, at each step.
#
# Size notes (measured, BENCHMARKS.md "WASM size"): the name and producers sections are dropped
# (about 85 KB); [profile.wasm-release] uses `opt-level = "s"` for the whole profile (an opt-level
# for avalo-wasm alone does nothing under LTO): "z" is 8 % smaller but too slow for issue 5's
# ranking target from JS (Cargo.toml and BENCHMARKS.md say why).
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE="${AVALO_TOOLS:-$HOME/.cache/avalo-core}/env.sh"
# shellcheck disable=SC1090
[ -f "$ENV_FILE" ] && source "$ENV_FILE"

pinned=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)
command -v node >/dev/null || { echo "node not found (needed to patch the JS glue)" >&2; exit 1; }
if ! command -v wasm-bindgen >/dev/null; then
  echo "wasm-bindgen not found: run scripts/setup-toolchains.sh" >&2
  exit 1
fi
cli=$(wasm-bindgen --version | awk '{print $2}')
if [ "$cli" != "$pinned" ]; then
  echo "wasm-bindgen CLI is $cli but Cargo.toml pins =$pinned: run scripts/setup-toolchains.sh" >&2
  exit 1
fi

size() { # file -> "N bytes (gzip -9: N bytes)"
  echo "$(wc -c <"$1" | tr -d ' ') bytes (gzip -9: $(gzip -9c "$1" | wc -c | tr -d ' ') bytes)"
}

cargo build --target wasm32-unknown-unknown --profile wasm-release -p avalo-wasm
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
raw="$target_dir/wasm32-unknown-unknown/wasm-release/avalo_wasm.wasm"
echo "cargo output         $raw: $(size "$raw")"

rm -rf wasm/pkg-node wasm/pkg-web
flags=(--out-name index --remove-name-section --remove-producers-section)
wasm-bindgen --target nodejs --out-dir wasm/pkg-node "${flags[@]}" "$raw"
wasm-bindgen --target web --out-dir wasm/pkg-web "${flags[@]}" "$raw"
# Module type of each output, so Node and bundlers read the .js files correctly.
# The glue's own errors (wrong class, freed object) get a SPEC §11 code like every other error.
node wasm/build/patch-glue.cjs wasm/pkg-node/index.js wasm/pkg-web/index.js
echo '{ "type": "commonjs" }' >wasm/pkg-node/package.json
# The local JS snippets (wasm/js/, ES modules) are require()d by the Node glue: CommonJS there.
node wasm/build/snippets-cjs.cjs wasm/pkg-node/snippets
echo '{ "type": "module" }' >wasm/pkg-web/package.json
echo "after wasm-bindgen   $(size wasm/pkg-web/index_bg.wasm)"

if [ "${AVALO_WASM_OPT:-1}" != "0" ] && command -v wasm-opt >/dev/null; then
  # Both targets get the identical binary from wasm-bindgen: optimise once, copy.
  if ! cmp -s wasm/pkg-node/index_bg.wasm wasm/pkg-web/index_bg.wasm; then
    echo "wasm-bindgen produced different .wasm files for node and web" >&2
    exit 1
  fi
  wasm-opt -Oz wasm/pkg-web/index_bg.wasm -o wasm/pkg-web/index_bg.opt.wasm
  mv wasm/pkg-web/index_bg.opt.wasm wasm/pkg-web/index_bg.wasm
  cp wasm/pkg-web/index_bg.wasm wasm/pkg-node/index_bg.wasm
  echo "after wasm-opt -Oz   $(size wasm/pkg-web/index_bg.wasm)"
else
  echo "wasm-opt skipped (not found or AVALO_WASM_OPT=0)"
fi
echo "release .wasm size: $(size wasm/pkg-web/index_bg.wasm)"
