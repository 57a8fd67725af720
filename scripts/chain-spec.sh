#!/usr/bin/env bash
# Builds the chain spec of the production chain, `coopchain`, from a founders file: the founding
# co-ops, each with its member (its delegate in the federation), the account of the validator it
# runs, that validator's Aura and GRANDPA public keys, and the endowments (node/
# coopchain-founders.example.json shows the form; its keys are placeholders nobody can use).
#
#   scripts/chain-spec.sh <founders.json> [output directory, default .]
#
# writes <dir>/coopchain.json (the readable spec, to review: the genesis patch as the runtime
# built it from the file) and <dir>/coopchain-raw.json (the raw spec that every node runs with
# `--chain`), and prints the raw spec's sha256. The same founders file and the same node release
# give the same raw spec: each founding co-op builds it itself and compares the hash before
# starting its validator. The runtime refuses a file that cannot found the chain (no founding
# co-op, a name, account or key used twice, a well-known development key such as //Alice, a
# member without COOP, a misspelt field) and says which entry is wrong.
#
# What each founding co-op does, with NODE=$CARGO_TARGET_DIR/release/coopchain-node:
#   1. Its member account (offline; keep the secret phrase safe) and its validator account:
#        $NODE key generate --scheme sr25519        # "SS58 Address" -> "member"
#        $NODE key generate --scheme sr25519        # "SS58 Address" -> "validator"
#   2. The validator's session keys (on the validator's machine):
#        $NODE key generate --scheme sr25519        # "Public key (SS58)" -> "aura"
#        $NODE key generate --scheme ed25519        # "Public key (SS58)" -> "grandpa"
#   3. Once the raw spec is built, the session keys go into the validator's keystore:
#        $NODE key insert --chain coopchain-raw.json --base-path <dir> --scheme sr25519 \
#          --key-type aura --suri "<aura secret phrase>"
#        $NODE key insert --chain coopchain-raw.json --base-path <dir> --scheme ed25519 \
#          --key-type gran --suri "<grandpa secret phrase>"
#      and the validator starts with
#        $NODE --chain coopchain-raw.json --validator --base-path <dir> --name <co-op> \
#          --bootnodes <another founder's address>
#
# The same spec without this script: $NODE export-chain-spec --chain coopchain:<founders.json>
# --raw --output coopchain-raw.json (or `build-spec ... --raw --disable-default-bootnode`).
set -euo pipefail
source "$(dirname "$0")/common.sh"

case "${1:-}" in
"" | -h | --help)
	sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
	[ -n "${1:-}" ] && exit 0 || exit 2
	;;
esac
founders=$1
out=${2:-.}
[ -f "$founders" ] || die "no founders file at $founders"
mkdir -p "$out"

if [ ! -x "$NODE_BIN" ]; then
	ensure_debian_packages
	ensure_rust
	build_node
fi

say "building the coopchain chain spec from $founders"
"$NODE_BIN" export-chain-spec --chain "coopchain:$founders" --output "$out/coopchain.json" \
	|| die "the founders file cannot found coopchain (the error above says which entry is wrong)"
"$NODE_BIN" export-chain-spec --chain "coopchain:$founders" --raw --output "$out/coopchain-raw.json" \
	|| die "the raw chain spec could not be built"

echo
echo "readable spec (review it): $out/coopchain.json"
echo "raw spec (nodes run it):   $out/coopchain-raw.json"
echo "sha256 of the raw spec:    $(sha256sum "$out/coopchain-raw.json" | cut -d' ' -f1)"
