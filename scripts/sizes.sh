#!/usr/bin/env bash
# Prints the raw, gzip and brotli sizes of the files a host page loads, and of the CSS that the
# wasm carries inside it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

row() {
  local name=$1 file=$2
  printf '%-34s %9d %9d %9d\n' "$name" "$(wc -c <"$file")" "$(gzip -9 -c "$file" | wc -c)" \
    "$(brotli -q 11 -c "$file" | wc -c)"
}

css=$(mktemp)
trap 'rm -f "$css"' EXIT
cat src/ui/*.css >"$css"
printf '%-34s %9s %9s %9s\n' "file" "raw" "gzip" "brotli"
row "feedback-widget.js (loader)" dist/feedback-widget/feedback-widget.js
row "feedback_widget.js (glue)" dist/feedback-widget/feedback_widget.js
row "feedback_widget_bg.wasm" dist/feedback-widget/feedback_widget_bg.wasm
row "CSS (inside the wasm)" "$css"
