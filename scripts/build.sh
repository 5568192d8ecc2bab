#!/usr/bin/env bash
# Builds the release widget into dist/ (dist/feedback-widget/<version>/ is what a host page needs)
# and the sandbox, then reports the widget's sizes. The build prints the files' integrity hashes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

release_build
cargo build -p sandbox
node scripts/sizes.mjs
