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
#
# Coverage-guided, with AFL++ (afl.rs on stable Rust): the same harness in runtime/fuzz, built with
# AFL's edge coverage into its own target folder (~/.cache/coopchain-afl-target), two AFL++
# instances (one per core) starting from runtime/fuzz/corpus; findings in runtime/fuzz/afl
# (a second run resumes there), and a summary (executions, edges, paths, crashes) at the end.
#
#   scripts/fuzz.sh --afl 60
#   runtime/fuzz/afl/main/crashes/<file> replays with: <the fuzz program> < <file>
#
# After an AFL++ campaign, its queues are distilled into the corpus with the corpus itself: the
# corpus becomes a greedy cover of every call outcome they reach (what CI replays stays short).
#   scripts/fuzz.sh --distil [folder:folder...]      the corpus alone, or with those folders
set -euo pipefail
source "$(dirname "$0")/common.sh"

# The harness under `cargo test` (the unit tests' build), with the environment given.
harness() {
	(cd "$ROOT" && env SKIP_WASM_BUILD=1 COOPCHAIN_FUZZ_DIR="$ROOT/runtime/fuzz" "$@" \
		cargo test --locked "${pkgs[@]}" --features "$(IFS=,; echo "${features[*]}")" \
		-- --exact tests::fuzz::fuzz_the_runtime --nocapture)
}

if [ "${1:-}" = --distil ]; then
	ensure_debian_packages
	ensure_rust
	ensure_node
	unit_test_args
	# `cargo test` runs in runtime/: the folders are made absolute first.
	dirs=
	IFS=: read -ra parts <<<"${2:-}"
	for part in "${parts[@]}"; do
		[ -d "$part" ] || die "no folder $part"
		dirs+=${dirs:+:}$(realpath "$part")
	done
	say "distilling the corpus${dirs:+ with $dirs}"
	harness COOPCHAIN_FUZZ_DISTIL="$dirs" || die "distilling failed (see above)"
	exit 0
fi

if [ "${1:-}" = --afl ]; then
	minutes=${2:-30}
	ensure_debian_packages
	ensure_rust
	if ! command -v cargo-afl >/dev/null; then
		say "installing cargo-afl 0.18.2 (afl.rs)"
		cargo install --locked cargo-afl@0.18.2 || die "cargo install cargo-afl failed"
	fi
	# AFL++ itself, built once by cargo-afl into its data folder.
	built=$(cargo afl config --build 2>&1) || grep -q "already built" <<<"$built" || {
		echo "$built"
		die "AFL++ did not build"
	}
	afl_target=${COOPCHAIN_AFL_TARGET_DIR:-$HOME/.cache/coopchain-afl-target}
	say "building the runtime with AFL's instrumentation (runtime/fuzz, into $afl_target)"
	(cd "$ROOT/runtime/fuzz" && SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$afl_target \
		cargo afl build --release --locked) || die "the AFL build failed"
	program=$afl_target/release/coopchain-fuzz
	out=$ROOT/runtime/fuzz/afl
	say "fuzzing with AFL++ for $minutes min on 2 instances (findings in $out)"
	mkdir -p "$out"
	export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_FAST_CAL=1 \
		AFL_NO_AFFINITY=1
	started=$SECONDS
	# Crashes saved before (a resumed instance keeps its count): only new ones fail this run.
	saved_crashes() {
		local n=0 name c
		for name in main second; do
			c=$(awk '$1 == "saved_crashes" {print $3}' "$out/$name/fuzzer_stats" 2>/dev/null || true)
			n=$((n + ${c:-0}))
		done
		echo "$n"
	}
	before=$(saved_crashes)
	pids=()
	for role in "-M main" "-S second"; do
		name=${role#-? }
		inputs=$ROOT/runtime/fuzz/corpus
		[ -d "$out/$name/queue" ] && inputs=- # an instance resumes where it stopped
		# shellcheck disable=SC2086 # the role is two words
		cargo afl fuzz $role -i "$inputs" -o "$out" -V $((minutes * 60)) -t 20000 -- "$program" \
			>"$out.$name.log" 2>&1 &
		pids+=($!)
	done
	# cargo-afl waits for its afl-fuzz: both are stopped if this script is.
	trap 'kill "${pids[@]}" 2>/dev/null || true; pkill -f -- "afl-fuzz.*-o $out" 2>/dev/null || true' EXIT
	status=0
	for i in 0 1; do
		wait "${pids[$i]}" || { status=$?; failed=$([ $i = 0 ] && echo main || echo second); }
	done
	trap - EXIT
	[ $status -eq 0 ] || { tail -30 "$out.$failed.log"; die "AFL++ ($failed) stopped with status $status"; }
	for name in main second; do
		stats=$out/$name/fuzzer_stats
		[ -f "$stats" ] || continue
		grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|corpus_found|edges_found|total_edges|bitmap_cvg|stability|saved_crashes|saved_hangs) ' "$stats" | sed "s/^/$name: /"
	done
	crashes=$(($(saved_crashes) - before))
	echo "AFL campaign: $((SECONDS - started)) s; new crashes: $crashes (in $out/*/crashes)"
	[ "$crashes" -eq 0 ] || die "AFL++ found crashes: replay each with $program < <file>"
	echo "fold AFL's finds into the corpus: scripts/fuzz.sh --distil $out/main/queue:$out/second/queue"
	exit 0
fi

minutes=${1:-30}
ensure_debian_packages
ensure_rust
ensure_node # unit_test_args reads cargo metadata with node
unit_test_args
say "fuzzing the runtime for $minutes min (corpus in runtime/fuzz/corpus, crashes in runtime/fuzz/crashes)"
started=$SECONDS
harness COOPCHAIN_FUZZ_CAMPAIGN=1 COOPCHAIN_FUZZ_SECONDS=$((minutes * 60)) \
	COOPCHAIN_FUZZ_SEQUENCES=${COOPCHAIN_FUZZ_SEQUENCES:-1000000000} \
	COOPCHAIN_FUZZ_SEED=${COOPCHAIN_FUZZ_SEED:-$(date +%s)} \
	|| die "the fuzzer found a failure (see above)"
echo "campaign: $((SECONDS - started)) s; corpus: $(ls "$ROOT/runtime/fuzz/corpus" 2>/dev/null | wc -l) inputs"
