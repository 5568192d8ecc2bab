#!/usr/bin/env bash
# Builds the release and writes what is published, with its checksums, into one folder,
# target/release-artifacts/:
#   feedback_widget-<version>.crate      the crate, as `cargo publish` would upload it (cargo
#                                        package builds it from the packaged sources first)
#   feedback-widget-<version>.tar.gz     the CDN folder feedback-widget/<version>/: loaders, glue,
#                                        wasm, stylesheet, types and integrity.json, each file a
#                                        browser loads with its .br and .gz beside it
#   feedback-widget-<version>.tgz        the npm package (npm pack): loaders, ES modules, glue,
#                                        wasm, stylesheet, types, integrity.json, README, licences
#   SHA256SUMS                           `sha256sum -c SHA256SUMS` checks them
# --allow-dirty packages the crate from uncommitted sources (the test command does); a release is
# made from a clean checkout without it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

package_flags=()
case "${1:-}" in
  "") ;;
  --allow-dirty) package_flags+=(--allow-dirty) ;;
  *) echo "usage: scripts/release.sh [--allow-dirty]" >&2; exit 2 ;;
esac

scripts/build.sh
version=$(node --input-type=module -e 'import { VERSION } from "./scripts/builds.mjs"; console.log(VERSION)')
out=target/release-artifacts
rm -rf "$out"
mkdir -p "$out"

cargo package -p feedback_widget "${package_flags[@]}"
cp "target/package/feedback_widget-$version.crate" "$out/"
# What a user builds with, and none of the repository's tests, fixtures, demo or tools.
if tar --list --gzip --file "$out/feedback_widget-$version.crate" | grep -E '^[^/]+/(tests|sandbox|builds|examples|www|scripts|docs|bench)/'; then
  echo "the crate holds the files above, which no user builds with: see include in Cargo.toml" >&2
  exit 1
fi

# The same bytes from the same build: the files' order, owners and times come from the commit.
mtime=$(git log -1 --format=%ct)
tar --create --directory dist --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
  "feedback-widget/$version" | gzip -9 --no-name >"$out/feedback-widget-$version.tar.gz"

# The npm package, packed from the same folder; scripts/npm-package.mjs checks its file list.
node scripts/npm-package.mjs --dist=dist --out="$out"

(cd "$out" && sha256sum -- * >SHA256SUMS)
echo
echo "Release $version in $out:"
(cd "$out" && ls -l -- *)
