# Sourced by the other scripts: puts the pinned node tools (binaryen's wasm-opt) first on PATH,
# so that trunk finds the wasm-opt version Trunk.toml pins.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export GECKODRIVER="$HOME/.cargo/bin/geckodriver"
