#!/usr/bin/env bash
# Installs what building and testing the widget needs, and skips what is already there:
# the wasm32 target, std's source (rust-src) with its dependencies, trunk, wasm-bindgen-cli (the
# version in Cargo.lock), Chromium with its driver, Firefox ESR with geckodriver, WebKitGTK's
# WebKitWebDriver and MiniBrowser with Xvfb, and the node packages (binaryen's wasm-opt,
# esbuild, playwright-core, selenium-webdriver, axe-core, and the Vite example's vite and
# typescript).
# Only the package registries are used; no tool downloads anything at build time.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# The wasm-bindgen CLI must match the crate exactly; Cargo.lock says which it is.
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# The widget's and the Leptos example's builds both pin it.
for trunk_toml in Trunk.toml examples/leptos-app/Trunk.toml; do
  PINNED_BINDGEN=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' "$trunk_toml")
  if [ "$BINDGEN_VERSION" != "$PINNED_BINDGEN" ]; then
    echo "$trunk_toml pins wasm_bindgen = \"$PINNED_BINDGEN\" but Cargo.lock has $BINDGEN_VERSION; make them equal." >&2
    exit 1
  fi
done

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "Installing Debian packages: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
have xvfb-run || missing+=(xvfb xauth)
have node || missing+=(nodejs)
have npm || missing+=(npm)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $node_major is too old; the end-to-end tests need Node.js 20 or newer." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds std for size (scripts/env.sh, release_build): it needs std's source,
# and std's own dependencies from crates.io, fetched here since trunk runs cargo offline.
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "Adding the rust-src component"
  rustup component add rust-src
fi
RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# Firefox's WebDriver, from crates.io: Debian does not package it.
if [ "$(geckodriver --version 2>/dev/null | head -n1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
  say "Installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# npm ci when node_modules is missing or older than the lock file.
# (The Vite example's own dependency, the npm package, is packed and installed by the test
# command after the build, with --no-save: its lock file holds only what the registry gives.)
for dir in scripts tests/e2e examples/vite-app; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "Installing node packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
