# Sourced by the other scripts: puts the pinned node tools (binaryen's wasm-opt) first on PATH,
# so that trunk finds the wasm-opt version Trunk.toml pins.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export GECKODRIVER="$HOME/.cargo/bin/geckodriver"

# The release build of the widget (trunk build --release, with any further trunk arguments): std
# rebuilt for size from the rust-src component, panics that abort at once with no message or
# location (the crash guard in the glue, www/crash-guard.js, shows the crash panel), and Debug
# formatting left out. These need nightly features of the stable toolchain (RUSTC_BOOTSTRAP=1),
# so they are set for this build only: the sandbox and the native and browser tests build as
# usual. std's own dependencies are fetched by scripts/setup.sh, since trunk runs cargo offline.
# It links through scripts/wasm-ld.sh, which leaves out the exports of code the widget never calls.
release_build() {
  RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$ROOT/scripts/wasm-ld.sh" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    trunk build --release --offline "$@"
}
