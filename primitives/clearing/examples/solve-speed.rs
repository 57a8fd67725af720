//! Prints how long the solver takes on random obligation graphs of 1k, 10k and 100k
//! obligations (ten per participant), and checks each solution.
//!
//! `cargo run --release -p coop-clearing --example solve-speed`

use std::time::Instant;

use coop_clearing::{check_clearing, solve, Obligation};

mod common;
use common::Rng;

fn main() {
	for m in [1_000u32, 10_000, 100_000] {
		let n = m / 10;
		let mut rng = Rng(0x5eed_0000 + m as u64);
		let obligations: Vec<Obligation> = (0..m)
			.map(|_| {
				let debtor = rng.below(n as u64) as u32;
				let mut creditor = rng.below(n as u64) as u32;
				if creditor == debtor {
					creditor = (creditor + 1) % n;
				}
				Obligation { debtor, creditor, amount: 1 + rng.below(1_000_000) as u128 }
			})
			.collect();
		let start = Instant::now();
		let solution = solve(n, &obligations).expect("amounts below a million");
		let elapsed = start.elapsed();
		let setoffs: Vec<(u32, u128)> =
			solution.setoffs.iter().enumerate().map(|(i, x)| (i as u32, *x)).collect();
		let summary = check_clearing(n, &obligations, &setoffs, Some(&solution.potentials))
			.expect("the solution passes the chain's check");
		println!(
			"{m:>7} obligations, {n:>6} participants: solved in {:>8.3} s; cleared {} of {} ({:.1} %), {} obligations reduced",
			elapsed.as_secs_f64(),
			summary.cleared,
			summary.total,
			100.0 * summary.cleared as f64 / summary.total as f64,
			summary.obligations_reduced,
		);
	}
}
