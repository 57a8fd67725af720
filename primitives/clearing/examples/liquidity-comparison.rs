//! How much more debt clears when the participants lend their credit lines to the clearing:
//! on random circles at the runtime's bounds and on a Sardex-like trade network, prints the
//! share of debt cleared without and with liquidity, the credit moved, and the solve times.
//! A measurement, not a test: every solution is checked with the chain's check.
//!
//! `cargo run --release -p coop-clearing --example liquidity-comparison`

use std::time::{Duration, Instant};

use coop_clearing::{
	check_clearing, check_clearing_with_liquidity, solve, solve_with_liquidity, Liquidity,
	Obligation,
};

mod common;
use common::Rng;

/// One network: obligations among `n` participants and each participant's credit line.
struct Network {
	name: String,
	n: u32,
	obligations: Vec<Obligation>,
	lines: Vec<Liquidity>,
}

/// A credit line from a limit, a balance within it, and an optional ceiling.
fn line(limit: u128, balance: i128, ceiling: Option<u128>) -> Liquidity {
	Liquidity {
		pay: (limit as i128 + balance).max(0) as u128,
		receive: ceiling.map(|c| (c as i128 - balance).max(0) as u128),
	}
}

/// `n` participants, `m` obligations between random pairs of amounts up to 1,000.00 (in
/// cents); credit limits up to 5,000.00, balances uniform within ±limit, ceilings at the limit.
fn random_circle(n: u32, m: u32, seed: u64) -> Network {
	let mut rng = Rng(seed);
	let obligations = (0..m)
		.map(|_| {
			let debtor = rng.below(n as u64) as u32;
			let creditor = (debtor + 1 + rng.below(n as u64 - 1) as u32) % n;
			Obligation { debtor, creditor, amount: 1 + rng.below(100_000) as u128 }
		})
		.collect();
	let lines = (0..n)
		.map(|_| {
			let limit = 1 + rng.below(500_000) as u128;
			let balance = ((2.0 * rng.unit() - 1.0) * limit as f64) as i128;
			line(limit, balance, Some(limit))
		})
		.collect();
	Network {
		name: format!("random circle, {n} participants, {m} obligations"),
		n,
		obligations,
		lines,
	}
}

/// A Sardex-like network: a scale-free trade graph of `n` firms grown by preferential
/// attachment (each new firm trades with 2 earlier ones, chosen in proportion to how many
/// partners they have), one to three invoices per trading pair, mostly in one direction,
/// heavy-tailed amounts (Pareto, α = 1.5, from 100.00); each firm's credit limit is a quarter
/// of what it buys plus 500.00, its balance uniform within 90 % of ±limit, and no ceiling.
fn sardex_like(n: u32, seed: u64) -> Network {
	let mut rng = Rng(seed);
	// Each endpoint of every edge, so that a uniform pick is proportional to degree.
	let mut ends: Vec<u32> = vec![0, 1, 1, 2, 2, 0];
	let mut pairs: Vec<(u32, u32)> = vec![(0, 1), (1, 2), (2, 0)];
	for v in 3..n {
		for _ in 0..2 {
			let u = ends[rng.below(ends.len() as u64) as usize];
			if u != v {
				pairs.push((v, u));
				ends.extend([u, v]);
			}
		}
	}
	let mut obligations = Vec::new();
	let mut bought = vec![0u128; n as usize];
	for (a, b) in pairs {
		let (buyer, seller) = if rng.below(2) == 0 { (a, b) } else { (b, a) };
		for _ in 0..1 + rng.below(3) {
			let (debtor, creditor) =
				if rng.below(10) < 8 { (buyer, seller) } else { (seller, buyer) };
			let amount = (10_000.0 * (1.0 - rng.unit()).powf(-1.0 / 1.5)).min(1e8) as u128;
			bought[debtor as usize] += amount;
			obligations.push(Obligation { debtor, creditor, amount });
		}
	}
	let lines = bought
		.iter()
		.map(|b| {
			let limit = b / 4 + 50_000;
			let balance = ((2.0 * rng.unit() - 1.0) * 0.9 * limit as f64) as i128;
			line(limit, balance, None)
		})
		.collect();
	Network {
		name: format!("Sardex-like, {n} firms, {} invoices", obligations.len()),
		n,
		obligations,
		lines,
	}
}

fn percent(part: u128, whole: u128) -> f64 {
	100.0 * part as f64 / whole.max(1) as f64
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
	let start = Instant::now();
	let out = f();
	(out, start.elapsed())
}

fn main() {
	let networks = vec![
		random_circle(100, 400, 0x5eed_0001),
		random_circle(512, 1_024, 0x5eed_0002),
		random_circle(1_000, 10_000, 0x5eed_0003),
		sardex_like(3_000, 0x5eed_0004),
		sardex_like(10_000, 0x5eed_0005),
	];
	println!("| network | debt | cleared alone | cleared with liquidity | credit moved | solve alone | solve with liquidity |");
	println!("|---|---|---|---|---|---|---|");
	for net in networks {
		let (alone, t_alone) = timed(|| solve(net.n, &net.obligations).expect("bounded amounts"));
		let (liquid, t_liquid) = timed(|| {
			solve_with_liquidity(net.n, &net.obligations, &net.lines).expect("bounded amounts")
		});
		let all =
			|x: &[u128]| x.iter().enumerate().map(|(i, a)| (i as u32, *a)).collect::<Vec<_>>();
		check_clearing(net.n, &net.obligations, &all(&alone.setoffs), Some(&alone.potentials))
			.expect("the clearing passes the chain's check");
		check_clearing_with_liquidity(
			net.n,
			&net.obligations,
			&net.lines,
			&all(&liquid.setoffs),
			Some(&liquid.potentials),
		)
		.expect("the clearing with liquidity passes the chain's check");
		println!(
			"| {} | {} | {:.1} % | {:.1} % | {:.1} % of the debt | {:.3} s | {:.3} s |",
			net.name,
			alone.total,
			percent(alone.cleared, alone.total),
			percent(liquid.cleared, liquid.total),
			percent(liquid.liquidity, liquid.total),
			t_alone.as_secs_f64(),
			t_liquid.as_secs_f64(),
		);
	}
}
