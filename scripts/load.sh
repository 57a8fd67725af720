#!/usr/bin/env bash
# The load benchmark (a benchmark, not a test): spawns a fresh four-validator network (zombienet,
# alice's RPC on port 9990 unless COOPCHAIN_RPC_PORT says otherwise), then scripts/load.js loads
# it with balance transfers and circular-credit payments, all signed before the load starts, for
# a fixed number of blocks each, and writes tests/load/report.md (figures) and tests/load/load.svg
# (transactions per block and finality lag over time).
#
#   scripts/load.sh                         256 accounts, 20 blocks per workload
#   COOPCHAIN_LOAD_BLOCKS=40 COOPCHAIN_LOAD_SENDERS=400 scripts/load.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_prerequisites
build_node

port=${COOPCHAIN_RPC_PORT:-9990}
# A pool large enough for three blocks' worth of transfers waiting (load.js keeps 6,144) and as
# many in blocks not yet final, which the fork-aware pool keeps until finality.
export COOPCHAIN_POOL_LIMIT=${COOPCHAIN_POOL_LIMIT:-16384}
if curl -s -o /dev/null -m 2 "http://127.0.0.1:$port"; then
	die "something already listens on 127.0.0.1:$port: stop it, or set COOPCHAIN_RPC_PORT"
fi
dir=$(mktemp -d /tmp/coopchain-load.XXXXXX)
say "spawning a four-validator network (logs in $dir/zombie)"
(cd "$ROOT/zombienet" && COOPCHAIN_RPC_PORT=$port COOPCHAIN_POOL_LIMIT=$COOPCHAIN_POOL_LIMIT exec zombienet -p native -l silent -f \
	-d "$dir/zombie" spawn local.toml) >"$dir/spawn.log" 2>&1 &
zombie=$!
trap 'kill $zombie 2>/dev/null || true; pkill -f -- "$dir/zombie" 2>/dev/null || true' EXIT
wait_for_finality "$port" 2 400 || die "the network did not finalise block 2 within 400 s ($dir)"

say "loading it (report in ${COOPCHAIN_LOAD_OUT:-$ROOT/tests/load})"
COOPCHAIN_WS="ws://127.0.0.1:$port" COOPCHAIN_SIGNER_LOCKS="$dir/locks" node "$ROOT/scripts/load.js"
