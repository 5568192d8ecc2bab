#!/usr/bin/env bash
# Every test tier, in order; stops at the first failure with a non-zero exit.
#   1. lint: rustfmt, the rooms of src/ (scripts/check-rooms.mjs) and clippy
#   2. native: the contract's tables and properties, the sandbox's handlers
#   3. browser: the components, in headless Chromium and Firefox ESR (wasm-bindgen-test)
#   4. end to end: the demo page in Chromium against a real sandbox (Playwright)
#   5. cross-engine end to end: the same specs of each engine's behaviours in Firefox ESR and
#      WebKitGTK (selenium-webdriver)
#   6. the release (scripts/release.sh): the builds with their sizes, the crate, the CDN archive,
#      the npm package
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

tier() { printf '\n\033[1m=== %s ===\033[0m\n' "$*"; }

tier "lint"
cargo fmt --all -- --check
# The rooms of src/ (README, Layout): the contract free of the browser and of Leptos, imports only
# from rooms below, and no import cycles between modules.
node scripts/check-rooms.mjs
# Each configuration the crate is built in: the contract with and without the other help desks,
# the two builds of the widget (feedback-widget.js, feedback-widget-helpdesks.js) with their
# tests, and the component a Leptos app uses, without the script tag's entry point.
cargo clippy -p feedback_widget --no-default-features --all-targets -- -D warnings
cargo clippy -p feedback_widget --no-default-features --features helpdesks --all-targets -- -D warnings
cargo clippy -p sandbox --all-targets -- -D warnings
cargo clippy -p feedback_widget --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p feedback_widget --target wasm32-unknown-unknown --features helpdesks --all-targets -- -D warnings
cargo clippy -p feedback_widget_embed --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p feedback_widget_helpdesks --target wasm32-unknown-unknown -- -D warnings
cargo clippy -p feedback_widget --target wasm32-unknown-unknown --no-default-features --features ui -- -D warnings
cargo clippy -p feedback_widget --target wasm32-unknown-unknown --no-default-features --features ui,helpdesks -- -D warnings
cargo clippy -p feedback_widget_leptos_app --target wasm32-unknown-unknown -- -D warnings

tier "native tests"
# With and without the other help desks, as each build has them.
cargo test -p feedback_widget --no-default-features --features helpdesks
cargo test -p feedback_widget --no-default-features
cargo test -p sandbox
# The Leptos component's rustdoc example compiles.
cargo test -p feedback_widget --doc

tier "browser tests (headless Chromium and Firefox ESR)"
[ -x "$CHROMEDRIVER" ] || { echo "chromedriver missing at $CHROMEDRIVER" >&2; exit 1; }
[ -x "$GECKODRIVER" ] || { echo "geckodriver missing at $GECKODRIVER" >&2; exit 1; }
# Each build's components: feedback-widget.js's, then feedback-widget-helpdesks.js's, in each
# browser. wasm-bindgen-test-runner takes the browser whose driver variable is set, with the
# options in webdriver.json.
for features in "" helpdesks; do
  for driver in CHROMEDRIVER GECKODRIVER; do
    # The runner gives the whole file 20 s by default; a slow or busy machine needs longer.
    env -u CHROMEDRIVER -u GECKODRIVER "$driver=${!driver}" \
      WASM_BINDGEN_TEST_TIMEOUT=600 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
      cargo test -p feedback_widget --target wasm32-unknown-unknown --features "$features" --test browser
  done
done

tier "end-to-end tests (Playwright, Chromium, sandbox)"
# The same release builds, plus the test-hooks feature (one export that panics on purpose, for
# the crash test), in their own folder.
release_build --features test-hooks --dist target/e2e-site
# The Leptos example app, which the sandbox serves for specs/leptos-app.test.js.
trunk --config examples/leptos-app/Trunk.toml build --release --offline
# The Vite example app on the npm package packed from the same site, which the sandbox serves
# for specs/vite-app.test.js: its types checked, then built into target/vite-app-site.
node scripts/npm-package.mjs --dist=target/e2e-site --out=target/e2e-npm
version=$(node --input-type=module -e 'import { VERSION } from "./scripts/builds.mjs"; console.log(VERSION)')
(cd examples/vite-app &&
  npm install --no-save --no-audit --no-fund --loglevel=error "$ROOT/target/e2e-npm/feedback-widget-$version.tgz" &&
  npm run check && npm run build)
cargo build -p sandbox
(cd tests/e2e && SITE_DIR="$ROOT/target/e2e-site" npm test)

tier "cross-engine end-to-end tests (Firefox ESR, WebKitGTK, sandbox)"
# The same site and sandbox binary; the specs that every engine must pass (tests/e2e/engines.js).
(cd tests/e2e && SITE_DIR="$ROOT/target/e2e-site" npm run test:engines)

tier "release: builds, size budget, crate, CDN archive and npm package"
scripts/release.sh --allow-dirty
node scripts/sizes.mjs --check
# The npm package holds exactly its files: nothing missing, no source map, test or stray file.
node scripts/npm-package.mjs --check="target/release-artifacts/feedback-widget-$version.tgz"
# The archive holds exactly the CDN folder the build wrote, and the checksums hold.
(cd target/release-artifacts && sha256sum --check --quiet SHA256SUMS)
unpacked=$(mktemp -d)
tar --extract --gzip --file target/release-artifacts/feedback-widget-*.tar.gz --directory "$unpacked"
diff --recursive --brief "$unpacked/feedback-widget" dist/feedback-widget
rm -rf "$unpacked"

tier "all tiers passed"
