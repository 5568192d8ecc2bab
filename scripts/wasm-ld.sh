#!/usr/bin/env bash
# The release build's linker (scripts/env.sh, release_build): Rust's own wasm-ld, given the same
# arguments except the exports of wasm-streams' IntoUnderlying* types. leptos turns on
# server_fn's `browser` feature, whose streaming bodies bring in wasm-streams, and a
# #[wasm_bindgen] export of any crate is exported from the cdylib. The widget never makes a
# server-function call, so nothing reaches that code; left exported, it and the closures and
# vtables behind it stay in the wasm (wasm-opt can drop the exports later, but not what the
# function table still holds). Not exported, the linker drops it all.
set -euo pipefail
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    # rustc names the flavour for rust-lld; wasm-ld is that flavour already.
    -flavor) shift 2; continue ;;
    --export)
      if [[ "${2,,}" == *intounderlying* ]]; then shift 2; continue; fi ;;
  esac
  args+=("$1")
  shift
done
host=$(rustc -vV | sed -n 's/^host: //p')
exec "$(rustc --print sysroot)/lib/rustlib/$host/bin/gcc-ld/wasm-ld" "${args[@]}"
