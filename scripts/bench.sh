#!/usr/bin/env bash
# Regenerates the weights.rs of our pallets from their benchmarks, on this machine:
#   1. builds the node with `--features runtime-benchmarks` (slow: the whole node again);
#   2. runs `coopchain-node benchmark pallet` for each of our pallets, with the repo's template;
#   3. rebuilds the plain release node, so that the build cache stays warm for tests and CI.
# Usage: scripts/bench.sh [pallet ...]   (default: every pallet under pallets/)
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_debian_packages
ensure_rust

STEPS=${STEPS:-10}
REPEAT=${REPEAT:-5}
if [ $# -gt 0 ]; then pallets=("$@"); else
	mapfile -t pallets < <(for d in "$ROOT"/pallets/*/; do
		sed -n 's/^name = "\(pallet-[a-z-]*\)"/\1/p' "$d/Cargo.toml" | head -n1
	done)
fi

say "building the benchmarking node"
# frame-benchmarking-cli pulls in a test runtime (for `benchmark storage`, which we do not run)
# whose wasm build cannot find itself in this workspace's metadata under the lockfile hint of
# .cargo/config.toml (it is only in the resolve with `runtime-benchmarks`): skip that one wasm.
(cd "$ROOT" && SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
	cargo build --locked --release -p coopchain-node --features runtime-benchmarks)
bench_bin="$CARGO_TARGET_DIR/release/coopchain-node-bench"
cp "$NODE_BIN" "$bench_bin"

for crate in "${pallets[@]}"; do
	pallet=${crate//-/_}
	dir="$ROOT/pallets/${crate#pallet-}"
	say "benchmarking $pallet into ${dir#"$ROOT"/}/src/weights.rs"
	"$bench_bin" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template "$ROOT/scripts/weight-template.hbs" \
		--output "$dir/src/weights.rs"
done

say "rebuilding the plain release node (keeps the cache warm)"
build_node
