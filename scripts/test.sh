#!/usr/bin/env bash
# Runs every test of coopchain, each printing its runner's summary; exits non-zero on any failure:
#   1. unit tests of the pallets, primitives and runtime (cargo test, debug, no wasm);
#   2. the release node build (which builds the runtime wasm once);
#   3. the zombienet network tests (zombienet/*.zndsl), each on a fresh network: blocks and
#      finality, a validator down, validator rotation through motions, a runtime upgrade by
#      federation motion;
#   4. the client tests (tests/, node's test runner) against a freshly spawned network: the six
#      co-op journeys through @polkadot/api, journey 1 again through polkadot-api with
#      descriptors generated from the runtime, the demo seeding, and the chain foundation.
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_prerequisites

# ---- 1. unit tests: every workspace crate but the node and the node's RPC crates (client code,
# built in release with the node; no debug build of the client stack) ----
# With `runtime-benchmarks` on wherever a crate has it, so the benchmarks run as tests too, and
# `try-runtime`, so the runtime's upgrade test runs every pallet's `try_state` (runtime/src/tests/upgrade.rs).
mapfile -t crates < <(cd "$ROOT" && cargo metadata --no-deps --format-version 1 --locked |
	node -e 'const m=JSON.parse(require("fs").readFileSync(0));
	         for (const p of m.packages)
	           if (p.name !== "coopchain-node" && !p.name.endsWith("-rpc"))
	           console.log(p.name + " " + (p.features["runtime-benchmarks"] ? "bench" : "-") + " " + (p.features["try-runtime"] ? "try" : "-"))')
pkgs=()
features=()
for line in "${crates[@]}"; do
	read -r name bench try <<<"$line"
	pkgs+=(-p "$name")
	[ "$bench" = bench ] && features+=("$name/runtime-benchmarks")
	[ "$try" = try ] && features+=("$name/try-runtime")
done
say "unit tests (cargo test ${pkgs[*]})"
(cd "$ROOT" && SKIP_WASM_BUILD=1 cargo test --locked "${pkgs[@]}" \
	--features "$(IFS=,; echo "${features[*]}")") || die "unit tests failed"

# The crate docs of our pallets and primitives (each pallet's README is its crate doc, and call
# docs link their errors and events): a broken link or a missing doc fails the run.
doc_pkgs=()
for ((i = 1; i < ${#pkgs[@]}; i += 2)); do
	case ${pkgs[i]} in pallet-* | coop-*) doc_pkgs+=(-p "${pkgs[i]}") ;; esac
done
say "crate docs (cargo doc --no-deps ${doc_pkgs[*]})"
(cd "$ROOT" && RUSTDOCFLAGS=-Dwarnings SKIP_WASM_BUILD=1 cargo doc --locked --no-deps \
	"${doc_pkgs[@]}") || die "the crate docs have warnings"

# ---- 2. the release node, the typed client's descriptors from its runtime, and the test
# upgrade's wasm ----
build_node
papi_descriptors
build_upgrade_wasm

# ---- 2b. chain specs: coopchain from the example founders file, and no node without --chain ----
say "chain specs (coopchain from node/coopchain-founders.example.json; --chain required)"
spec_dir=$(mktemp -d /tmp/coopchain-spec.XXXXXX)
example="$ROOT/node/coopchain-founders.example.json"
"$NODE_BIN" export-chain-spec --chain "coopchain:$example" --output "$spec_dir/plain.json" \
	>/dev/null || die "export-chain-spec of the example founders file failed"
"$NODE_BIN" build-spec --chain "coopchain:$example" --raw --disable-default-bootnode \
	--base-path "$spec_dir/base" >"$spec_dir/raw.json" 2>"$spec_dir/build-spec.log" \
	|| die "build-spec --raw of the example founders file failed (log: $spec_dir/build-spec.log)"
node "$ROOT/scripts/check-chain-spec.js" "$example" "$spec_dir/plain.json" "$spec_dir/raw.json" \
	|| die "the coopchain chain spec is not what the founders file says"
# A founders file naming //Alice is refused, and the error says which entry.
node -e 'const fs = require("fs"); const f = JSON.parse(fs.readFileSync(process.argv[1]));
	f.founders[1].member = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
	fs.writeFileSync(process.argv[2], JSON.stringify(f))' "$example" "$spec_dir/alice.json"
if out=$("$NODE_BIN" export-chain-spec --chain "coopchain:$spec_dir/alice.json" 2>&1); then
	die "a founders file naming //Alice founded a chain"
fi
grep -qF 'founders[1].member: the well-known development key //Alice' <<<"$out" \
	|| die "the refusal of //Alice does not say why: $out"
# Without --chain the node does not start (no silent development chain); --dev still means dev.
if out=$(timeout 60 "$NODE_BIN" --tmp 2>&1); then die "the node started without --chain"; fi
grep -qF 'no chain given' <<<"$out" || die "the node without --chain did not say why: $out"
if out=$("$NODE_BIN" export-chain-spec --chain coopchain 2>&1); then
	die "--chain coopchain without its founders file built a chain spec"
fi
grep -qF 'coopchain:<founders.json>' <<<"$out" || die "--chain coopchain did not say why: $out"
"$NODE_BIN" build-spec --dev --disable-default-bootnode 2>/dev/null |
	node -e 'process.exit(JSON.parse(require("fs").readFileSync(0)).id === "coopchain_dev" ? 0 : 1)' \
	|| die "--dev no longer selects the development chain"
rm -rf "$spec_dir"
echo "chain specs: passed"

failures=0
run_dir=$(mktemp -d /tmp/coopchain-test.XXXXXX)
cleanup() { pkill -f -- "$run_dir" 2>/dev/null || true; }
trap cleanup EXIT

# ---- 3. zombienet network tests ----
for zndsl in "$ROOT"/zombienet/*.zndsl; do
	name=$(basename "$zndsl" .zndsl)
	say "zombienet test $name"
	if (cd "$ROOT/zombienet" && timeout 1200 zombienet -p native -l text -f -d "$run_dir/$name" \
		test "$zndsl"); then
		echo "zombienet $name: passed"
	else
		echo "zombienet $name: FAILED (logs in $run_dir/$name)"
		failures=$((failures + 1))
	fi
	pkill -f -- "$run_dir/$name" 2>/dev/null || true
done

# ---- 4. client tests against a live network ----
say "client tests (tests/) against a fresh local network"
(cd "$ROOT/zombienet" && exec zombienet -p native -l silent -f -d "$run_dir/client" spawn local.toml) \
	>"$run_dir/client-spawn.log" 2>&1 &
if wait_for_finality 9944 2 400; then
	# The journeys and the foundation test are independent: they run side by side, each file its
	# own process (each signer's nonces ordered by a lock, tests/lib/chain.js). The demo runs
	# after them: the journey of trade clears every maximal cycle of the federation's circle, and
	# the demo leaves its cycle for newcomers to clear. --test-timeout bounds each file as a
	# whole too.
	if (cd "$ROOT/tests" && rm -rf "${TMPDIR:-/tmp}/coopchain-signer-locks" &&
		mapfile -t journeys < <(ls 0*.test.js 0*.test.mjs foundation.test.js) &&
		timeout 3000 node --test --test-concurrency="${#journeys[@]}" --test-timeout=1500000 \
			"${journeys[@]}" &&
		timeout 1500 node --test --test-timeout=1500000 demo.test.js); then
		echo "client tests: passed"
	else
		echo "client tests: FAILED (network logs in $run_dir/client)"
		failures=$((failures + 1))
	fi
else
	echo "client tests: the network did not finalise block 2 within 400 s (logs in $run_dir)"
	tail -n 30 "$run_dir/client-spawn.log" || true
	failures=$((failures + 1))
fi
cleanup

if [ "$failures" -gt 0 ]; then
	die "$failures network test suite(s) failed"
fi
say "all tests passed"
