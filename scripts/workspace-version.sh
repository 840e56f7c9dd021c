#!/usr/bin/env bash
# Prints the one version of every Avalo Core package: `version` of [workspace.package] in the
# workspace Cargo.toml (the crate, the npm package, the Maven jar and the Swift consumer's pin
# all take it from there; scripts/test-packages.sh checks that they agree).
set -euo pipefail
cd "$(dirname "$0")/.."
v=$(sed -n '/^\[workspace\.package\]/,/^\[/s/^version = "\([^"]*\)"$/\1/p' Cargo.toml)
[[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$ ]] || { echo "no semver version in [workspace.package] of Cargo.toml: '$v'" >&2; exit 1; }
echo "$v"
