# Shared by the scripts: paths, the build cache, and idempotent installation of prerequisites.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# One persistent build cache for every clone on this machine (CI reuses it).
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/coopchain-target}
NODE_BIN="$CARGO_TARGET_DIR/release/coopchain-node"
export PATH="$CARGO_TARGET_DIR/release:$ROOT/zombienet/node_modules/.bin:$PATH"

say() { printf '\n==> [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root (directly when we are root, else through sudo).
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		die "need root to run: $* (install it by hand, or run as root)"
	fi
}

# Debian packages the build and the scripts need: protoc (litep2p's protobuf definitions), a C
# toolchain, git, and curl (the scripts ask the nodes over JSON-RPC). One `apt-get update`, only
# when something is missing.
ensure_debian_packages() {
	local missing=()
	command -v protoc >/dev/null || missing+=(protobuf-compiler)
	command -v cc >/dev/null || missing+=(build-essential)
	command -v git >/dev/null || missing+=(git)
	command -v curl >/dev/null || missing+=(curl)
	if [ ${#missing[@]} -gt 0 ]; then
		command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
		say "installing Debian packages: ${missing[*]}"
		as_root apt-get update -qq || die "apt-get update failed: cannot install ${missing[*]}"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" \
			|| die "could not install Debian packages: ${missing[*]}"
	fi
}

# The Rust toolchain and the wasm target that substrate-wasm-builder wants on rustc >= 1.84.
ensure_rust() {
	command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
	if command -v rustup >/dev/null; then
		if ! rustup target list --installed | grep -qx wasm32v1-none; then
			say "adding the wasm32v1-none target"
			rustup target add wasm32v1-none || die "rustup target add wasm32v1-none failed"
		fi
	else
		rustc --print target-list | grep -qx wasm32v1-none \
			|| die "no rustup, and this rustc lacks the wasm32v1-none target"
	fi
}

# Node.js 20 or later: the client tests use the test runner's `--test-timeout` and
# `--test-concurrency`, and zombienet 1.3 wants it.
ensure_node() {
	command -v node >/dev/null || die "node is missing: install Node.js 20+ and npm (Debian: nodejs npm)"
	node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
		|| die "Node.js 20 or later is needed, found $(node --version)"
}

# `npm ci` in a folder, only when its lockfile changed since the last install.
ensure_npm_folder() {
	local dir=$1
	ensure_node
	command -v npm >/dev/null || die "npm is missing: install Node.js 20+ and npm (Debian: nodejs npm)"
	local stamp="$dir/node_modules/.coopchain-lock.sha"
	local want
	want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
	if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
		say "npm ci in ${dir#"$ROOT"/}"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $dir"
		echo "$want" >"$stamp"
	fi
}

ensure_prerequisites() {
	ensure_debian_packages
	ensure_rust
	ensure_npm_folder "$ROOT/zombienet"
	ensure_npm_folder "$ROOT/tests"
}

# The packages and features of the unit tests, into the arrays `pkgs` (-p name ...) and
# `features`: every workspace crate but the node and the node's RPC crates (client code, built in
# release with the node), with `runtime-benchmarks` wherever a crate has it (the benchmarks run as
# tests too) and `try-runtime` (every pallet's `try_state` in the runtime's upgrade test and
# fuzzer). scripts/fuzz.sh builds the same, so that it shares the tests' build.
unit_test_args() {
	local crates line name bench try
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
	return 0
}

# The release node (and with it the runtime wasm, built once per change).
build_node() {
	say "building the release node (cargo build --release -p coopchain-node)"
	(cd "$ROOT" && cargo build --locked --release -p coopchain-node) || die "the node build failed"
	[ -x "$NODE_BIN" ] || die "no node binary at $NODE_BIN"
	# The hash a federation's upgrade resolution would name for this runtime.
	"$ROOT/scripts/runtime-hash.sh" || die "no runtime wasm"
}

# The test upgrade's runtime wasm for zombienet/0004-runtime-upgrade: the runtime with the
# `upgrade-test` feature (spec_version + 1, a migration) and, like the release runtime, the
# metadata hash (`metadata-hash`, for CheckMetadataHash). Built through `cargo check` in the
# debug profile, so that its wasm lands in debug/wbuild and never replaces the release runtime
# the node embeds; WASM_BUILD_TYPE=release makes the wasm builder compile, compact and compress
# it as for a release build (in the debug profile it would leave an uncompressed blob).
UPGRADE_WASM="$CARGO_TARGET_DIR/debug/wbuild/coopchain-runtime/coopchain_runtime.compact.compressed.wasm"
build_upgrade_wasm() {
	say "building the test upgrade's runtime wasm (feature upgrade-test)"
	(cd "$ROOT" && WASM_BUILD_TYPE=release cargo check --locked -p coopchain-runtime \
		--features upgrade-test,metadata-hash) || die "the upgrade wasm build failed"
	[ -f "$UPGRADE_WASM" ] || die "no upgrade wasm at $UPGRADE_WASM"
	"$ROOT/scripts/runtime-hash.sh" "$UPGRADE_WASM"
	export COOPCHAIN_UPGRADE_WASM="$UPGRADE_WASM"
}

# polkadot-api (PAPI) descriptors for the typed client test, generated offline from the
# metadata of the runtime wasm just built (`papi add --wasm`, then `papi generate`), into
# tests/.papi (git-ignored but for its config). Regenerated only when the wasm changed.
RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/coopchain-runtime/coopchain_runtime.compact.compressed.wasm"
papi_descriptors() {
	[ -f "$RUNTIME_WASM" ] || die "no runtime wasm at $RUNTIME_WASM: build the node first"
	local stamp="$ROOT/tests/.papi/descriptors/.coopchain-wasm.sha" want
	want=$(sha256sum "$RUNTIME_WASM" | cut -d' ' -f1)
	if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -f "$ROOT/tests/.papi/descriptors/dist/index.js" ]; then
		say "generating PAPI descriptors from the runtime's metadata"
		(cd "$ROOT/tests" &&
			./node_modules/.bin/papi add coopchain --wasm "$RUNTIME_WASM" --skip-codegen &&
			./node_modules/.bin/papi generate) || die "PAPI descriptor generation failed"
		echo "$want" >"$stamp"
	fi
}

# Blocks until the node at port $1 answers RPC as a node of the chain named $4 (default: the
# local testnet zombienet spawns) and has finalised block $2, or $3 seconds pass. The chain's
# name is checked so that another chain on the same port is never taken for ours.
rpc() {
	curl -s -m 5 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":[${3:-}]}" \
		"http://127.0.0.1:$1"
}
wait_for_finality() {
	local port=$1 height=$2 timeout=$3 chain=${4:-coopchain local testnet} start=$SECONDS
	while [ $((SECONDS - start)) -lt "$timeout" ]; do
		local name hex number
		name=$(rpc "$port" system_chain | sed -n 's/.*"result":"\([^"]*\)".*/\1/p')
		if [ -n "$name" ] && [ "$name" != "$chain" ]; then
			echo "the node on port $port runs chain \"$name\", not \"$chain\"" >&2
			return 1
		fi
		hex=$(rpc "$port" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
		if [ -n "$hex" ]; then
			number=$(rpc "$port" chain_getHeader "\"$hex\"" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
			if [ -n "$number" ] && [ $((number)) -ge "$height" ]; then return 0; fi
		fi
		sleep 3
	done
	return 1
}

APPS_LINK="https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer"
