#!/usr/bin/env bash
# A long fuzzing campaign of the whole runtime (runtime/src/tests/fuzz.rs; README, "Fuzzing"):
# the harness `cargo test` runs for 60 s in CI, here for as long as asked, with feedback: an input
# that reaches a call outcome never seen before joins runtime/fuzz/corpus/ (commit it: CI replays the
# corpus), and half the inputs are mutations of corpus inputs. A crash or a broken invariant
# stops the campaign with the input saved in runtime/fuzz/crashes/ and the command that replays it.
#
#   scripts/fuzz.sh 60              one hour (default 30 minutes)
#   COOPCHAIN_FUZZ_SEED=7 scripts/fuzz.sh 10
#   COOPCHAIN_FUZZ_REPLAY=runtime/fuzz/crashes/<file> scripts/fuzz.sh    replay one input
set -euo pipefail
source "$(dirname "$0")/common.sh"

minutes=${1:-30}
ensure_debian_packages
ensure_rust
ensure_node # unit_test_args reads cargo metadata with node
unit_test_args
say "fuzzing the runtime for $minutes min (corpus in runtime/fuzz/corpus, crashes in runtime/fuzz/crashes)"
started=$SECONDS
(cd "$ROOT" && SKIP_WASM_BUILD=1 COOPCHAIN_FUZZ_CAMPAIGN=1 COOPCHAIN_FUZZ_DIR="$ROOT/runtime/fuzz" \
	COOPCHAIN_FUZZ_SECONDS=$((minutes * 60)) COOPCHAIN_FUZZ_SEQUENCES=${COOPCHAIN_FUZZ_SEQUENCES:-1000000000} \
	COOPCHAIN_FUZZ_SEED=${COOPCHAIN_FUZZ_SEED:-$(date +%s)} \
	cargo test --locked "${pkgs[@]}" --features "$(IFS=,; echo "${features[*]}")" \
	-- --exact tests::fuzz::fuzz_the_runtime --nocapture) || die "the fuzzer found a failure (see above)"
echo "campaign: $((SECONDS - started)) s; corpus: $(ls "$ROOT/runtime/fuzz/corpus" 2>/dev/null | wc -l) inputs"
