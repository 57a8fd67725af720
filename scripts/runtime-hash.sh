#!/usr/bin/env bash
# Prints the blake2-256 hash of a runtime wasm: the hash a federation's upgrade resolution names
# (`system.authorizeUpgrade(code_hash)`), which `system.applyAuthorizedUpgrade(code)` checks.
#
#   scripts/runtime-hash.sh [wasm]     (default: the release runtime the node embeds)
#
# To check a proposed upgrade, a co-op rebuilds the runtime from the proposal's commit, on a
# clean build cache (the wasm builds with the workspace's Cargo.lock, `.cargo/config.toml`):
#   git checkout <commit>
#   CARGO_TARGET_DIR=$(mktemp -d) cargo build --locked --release -p coopchain-runtime --features metadata-hash
#   scripts/runtime-hash.sh <that dir>/release/wbuild/coopchain-runtime/coopchain_runtime.compact.compressed.wasm
# and compares the hash with the one in the motion: the same source gives the same bytes.
set -euo pipefail
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/coopchain-target}
wasm=${1:-$CARGO_TARGET_DIR/release/wbuild/coopchain-runtime/coopchain_runtime.compact.compressed.wasm}
[ -f "$wasm" ] || { echo "no runtime wasm at $wasm: build the node (or the runtime) first" >&2; exit 1; }
# BLAKE2b with a 32-byte digest is Substrate's blake2_256.
hash=$(b2sum -l 256 "$wasm" | cut -d' ' -f1)
echo "0x$hash  $(stat -c %s "$wasm") bytes  $wasm"
