#!/usr/bin/env bash
# Launches the local coopchain network: four validators (alice, bob, charlie, dave) under
# zombienet's native provider. Installs what it needs, builds the release node, seeds the demo
# (three member co-ops, a live DAICO, patronage claims pending, a credit circle with obligations;
# skip it with --bare), prints the RPC endpoint and the Polkadot.js Apps link, and runs until
# Ctrl-C.
#
#   scripts/network.sh          the demo network
#   scripts/network.sh --bare   the genesis state only (federation and Riverside Bakery)
set -euo pipefail
source "$(dirname "$0")/common.sh"

demo=1
case "${1:-}" in
--bare) demo=0 ;;
"") ;;
*) die "usage: scripts/network.sh [--bare]" ;;
esac

ensure_prerequisites
build_node

# Another network on 9944 would be taken for this one (and this one could not bind its port).
if curl -s -o /dev/null -m 2 http://127.0.0.1:9944; then
	die "something already listens on 127.0.0.1:9944 (another network?): stop it first"
fi
dir=$(mktemp -d /tmp/coopchain-network.XXXXXX)
say "spawning the network (logs and node data in $dir)"
cd "$ROOT/zombienet"
zombienet -p native -l text -f -d "$dir/zombie" spawn local.toml &
zombie=$!
trap 'kill $zombie 2>/dev/null; pkill -f -- "$dir/zombie" 2>/dev/null; wait 2>/dev/null; exit 0' INT TERM

if wait_for_finality 9944 1 300; then
	cat <<MSG

coopchain is running: four co-op validators, producing and finalising blocks.
  RPC endpoint:      ws://127.0.0.1:9944  (alice)
  Polkadot.js Apps:  $APPS_LINK
  Node logs:         $dir/zombie/<name>.log
  Raw chain spec:    $dir/zombie/local-raw.json  (for a validator of your own: README, operator guide)
Press Ctrl-C to stop the network.
MSG
	if [ "$demo" = 1 ]; then
		say "seeding the demo (about 2.5 minutes; watch it in Polkadot.js Apps → Network → Explorer)"
		node "$ROOT/scripts/seed-demo.js" || echo "the demo could not be seeded; the network runs on" >&2
		echo "Polkadot.js Apps: $APPS_LINK   (Ctrl-C stops the network)"
	fi
else
	echo "the network did not finalise a block within 300 s; see the logs in $dir/zombie" >&2
fi
wait $zombie
