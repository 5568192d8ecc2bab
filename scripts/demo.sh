#!/usr/bin/env bash
# The demo: installs what is missing, builds the widget and the sandbox, and serves the demo page
# with the widget, the sandbox API and its inbox on 127.0.0.1. PORT changes the port (8787).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
source scripts/env.sh
mkdir -p target/demo
echo
echo "Open the demo page below, press Feedback, send a ticket, then see it in the inbox."
echo "Tickets are kept in target/demo/tickets.sqlite. Stop with Ctrl-C."
echo
exec target/debug/sandbox --addr "127.0.0.1:${PORT:-8787}" --db target/demo/tickets.sqlite --site dist
