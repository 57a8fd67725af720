#!/usr/bin/env bash
# Runs every test of coopchain, each printing its runner's summary; exits non-zero on any failure:
#   1. unit tests of the pallets, primitives and runtime (cargo test, debug, no wasm), with the
#      runtime fuzzer's bounded mode (60 s), then the crate docs;
#   2. the release node build (which builds the runtime wasm once) and the test upgrade's wasm;
#   3. the zombienet network tests (zombienet/*.zndsl), each on a fresh network, in four lanes
#      that run side by side on their own ports: blocks and finality, a validator down,
#      validator rotation through motions, a runtime upgrade by federation motion, keys purged,
#      and the fault tests (kill -9 and restart, whole-network restart, finality stall with two
#      of four down, a late joiner with full and warp sync);
#   4. at the same time, the client tests (tests/, node's test runner) against their own freshly
#      spawned network on 9944: the six co-op journeys through @polkadot/api, journey 1 again
#      through polkadot-api, the chain foundation, then the demo seeding.
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_prerequisites

# ---- 1. unit tests: every workspace crate but the node and the node's RPC crates (client code,
# built in release with the node; no debug build of the client stack), with `runtime-benchmarks`
# and `try-runtime` (common.sh, unit_test_args). They include the runtime fuzzer's bounded mode
# (runtime/src/tests/fuzz.rs: the committed corpus, then seeded sequences for 60 s).
unit_test_args
say "unit tests (cargo test ${pkgs[*]})"
(cd "$ROOT" && SKIP_WASM_BUILD=1 cargo test --locked "${pkgs[@]}" \
	--features "$(IFS=,; echo "${features[*]}")" -- --skip tests::fuzz::) || die "unit tests failed"
# The fuzzer's bounded mode on its own, its figures printed (the whole output when it fails).
say "runtime fuzzer, bounded mode (runtime/src/tests/fuzz.rs)"
fuzz_log=$(mktemp /tmp/coopchain-fuzz.XXXXXX)
if (cd "$ROOT" && SKIP_WASM_BUILD=1 cargo test --locked "${pkgs[@]}" \
	--features "$(IFS=,; echo "${features[*]}")" -- --exact tests::fuzz::fuzz_the_runtime \
	--nocapture) >"$fuzz_log" 2>&1; then
	grep -E '^fuzz:|^test tests::fuzz' "$fuzz_log"
	rm -f "$fuzz_log"
else
	tail -n 80 "$fuzz_log"
	die "the runtime fuzzer failed (whole output: $fuzz_log)"
fi

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

run_dir=$(mktemp -d /tmp/coopchain-test.XXXXXX)
pids=()
# Stops what this run started: the zombienet processes by their PIDs, then any node left under
# the run's own folder (a node a fault test restarted itself).
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	pkill -f -- "$run_dir" 2>/dev/null || true
}
trap cleanup EXIT
rm -rf "${TMPDIR:-/tmp}/coopchain-signer-locks"

# ---- 3 and 4. the network tests and the client tests, networks side by side ----
# Every network has its own ports (alice's RPC from COOPCHAIN_RPC_PORT, the others chosen free
# by zombienet), its own folder and its own signer locks, so lanes cannot see each other's
# chains. Each lane runs its tests one after another on fresh networks; the lanes run at once.
# A test's output goes to its log, printed when it fails.
lanes=(
	"9950 0003-validator-rotation 0001-blocks-and-finality"
	"9960 0005-keys-purged 0002-one-validator-down 0006-crash-restart"
	"9970 0004-runtime-upgrade 0008-finality-stall"
	"9980 0007-whole-restart 0009-late-joiner"
)
# Every zombienet test is in exactly one lane.
for zndsl in "$ROOT"/zombienet/*.zndsl; do
	name=$(basename "$zndsl" .zndsl)
	grep -qw -- "$name" <<<"${lanes[*]}" || die "zombienet/$name.zndsl is in no lane of scripts/test.sh"
done

run_lane() {
	local port=$1 name
	shift
	for name in "$@"; do
		local started=$SECONDS
		if (cd "$ROOT/zombienet" && COOPCHAIN_RPC_PORT=$port timeout 1500 zombienet -p native -l text \
			-f -d "$run_dir/$name" test "$name.zndsl") >"$run_dir/$name.out" 2>&1; then
			echo "zombienet $name: passed ($((SECONDS - started)) s)"
			touch "$run_dir/$name.passed"
		else
			echo "zombienet $name: FAILED ($((SECONDS - started)) s; logs in $run_dir/$name)"
			tail -n 60 "$run_dir/$name.out"
			touch "$run_dir/$name.failed"
		fi
		pkill -f -- "$run_dir/$name/" 2>/dev/null || true
	done
}

client_tests() {
	# The journeys and the foundation test are independent: they run side by side, each file its
	# own process (each signer's nonces ordered by a lock, tests/lib/chain.js). The demo runs
	# after them: the journey of trade clears every maximal cycle of the federation's circle, and
	# the demo leaves its cycle for newcomers to clear. --test-timeout bounds each file as a
	# whole too.
	local started=$SECONDS
	(cd "$ROOT/zombienet" && exec zombienet -p native -l silent -f -d "$run_dir/client" spawn local.toml) \
		>"$run_dir/client-spawn.log" 2>&1 &
	local zombie=$!
	if wait_for_finality 9944 2 400; then
		if (cd "$ROOT/tests" && mapfile -t journeys < <(ls 0*.test.js 0*.test.mjs foundation.test.js) &&
			timeout 3000 node --test --test-concurrency="${#journeys[@]}" --test-timeout=1500000 \
				"${journeys[@]}" &&
			timeout 1500 node --test --test-timeout=1500000 demo.test.js) >"$run_dir/client.out" 2>&1; then
			echo "client tests: passed ($((SECONDS - started)) s)"
			touch "$run_dir/client.passed"
			grep -E '^# (tests|pass|fail|duration_ms)' "$run_dir/client.out" || true
		else
			echo "client tests: FAILED ($((SECONDS - started)) s; network logs in $run_dir/client)"
			tail -n 120 "$run_dir/client.out"
			touch "$run_dir/client.failed"
		fi
	else
		echo "client tests: the network did not finalise block 2 within 400 s (logs in $run_dir)"
		tail -n 30 "$run_dir/client-spawn.log" || true
		touch "$run_dir/client.failed"
	fi
	kill "$zombie" 2>/dev/null || true
	pkill -f -- "$run_dir/client/" 2>/dev/null || true
}

say "network tests (zombienet/*.zndsl, ${#lanes[@]} lanes) and client tests (tests/), side by side"
# A network already on the client tests' port would be mistaken for ours.
if curl -s -o /dev/null -m 2 http://127.0.0.1:9944; then
	die "something already listens on 127.0.0.1:9944 (a network left running?): stop it first"
fi
network_started=$SECONDS
client_tests &
pids+=($!)
for lane in "${lanes[@]}"; do
	# shellcheck disable=SC2086
	run_lane $lane &
	pids+=($!)
	sleep 20 # the networks start one after another: each node compiles the runtime at start
done
wait "${pids[@]}" || true
echo "network and client tests: $((SECONDS - network_started)) s"
# A suite counts as passed only by its marker: a lane that died early fails its remaining tests.
failures=0
for name in client $(for lane in "${lanes[@]}"; do echo "${lane#* }"; done); do
	[ -e "$run_dir/$name.passed" ] || { echo "not passed: $name"; failures=$((failures + 1)); }
done
cleanup

if [ "$failures" -gt 0 ]; then
	die "$failures network test suite(s) failed"
fi
say "all tests passed"
