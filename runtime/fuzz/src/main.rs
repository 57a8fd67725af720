//! The coverage-guided fuzzer of the whole runtime: AFL++ gives bytes, and
//! [`coopchain_runtime::fuzzing::run`] plays them as a sequence of signed calls, co-op motions,
//! clearings and blocks on the real runtime, checking every pallet's `try_state`, the issuance
//! and the weights after every block. A broken check panics, which AFL++ records as a crash.
//!
//! Built and run by `scripts/fuzz.sh --afl <minutes>`; an input replays with
//! `<this program> < <input>` (outside afl-fuzz it runs the one input from standard input).

use coopchain_runtime::fuzzing::{genesis, run, Stats};

fn main() {
	let genesis = genesis();
	afl::fuzz!(|data: &[u8]| {
		if let Err(broken) = run(&genesis, data, &mut Stats::default()) {
			panic!("{broken}");
		}
	});
}
