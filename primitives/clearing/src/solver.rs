//! The maximum-clearing solver: primal-dual minimum-cost flow on the remaining debt.

use std::{cmp::Reverse, collections::BinaryHeap, collections::VecDeque};

use crate::{Amount, Obligation, Potential};

/// A maximal clearing and its certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
	/// The set-off of each obligation, in input order (zero where nothing is set off).
	pub setoffs: Vec<Amount>,
	/// Debt set off in all.
	pub cleared: Amount,
	/// Debt outstanding before, in all.
	pub total: Amount,
	/// One potential per participant: the optimality certificate.
	pub potentials: Vec<Potential>,
}

const UNREACHED: i64 = i64::MAX;

/// Residual network: arc `2e` runs debtor → creditor (cost +1, residual `c − y`), arc `2e + 1`
/// runs creditor → debtor (cost −1, residual `y`), where `y` is the debt left on obligation `e`.
struct Network {
	from: Vec<u32>,
	to: Vec<u32>,
	residual: Vec<Amount>,
	/// Arcs leaving each node, as a compressed adjacency list.
	first: Vec<usize>,
	arcs: Vec<u32>,
}

impl Network {
	fn new(n: usize, obligations: &[Obligation]) -> Self {
		let m = obligations.len();
		let mut from = Vec::with_capacity(2 * m);
		let mut to = Vec::with_capacity(2 * m);
		let mut residual = Vec::with_capacity(2 * m);
		let mut degree = vec![0usize; n + 1];
		for o in obligations {
			from.extend([o.debtor, o.creditor]);
			to.extend([o.creditor, o.debtor]);
			residual.extend([o.amount, 0]);
			degree[o.debtor as usize] += 1;
			degree[o.creditor as usize] += 1;
		}
		let mut first = vec![0usize; n + 1];
		for v in 0..n {
			first[v + 1] = first[v] + degree[v];
		}
		let mut fill = first.clone();
		let mut arcs = vec![0u32; 2 * m];
		for a in 0..2 * m {
			let u = from[a] as usize;
			arcs[fill[u]] = a as u32;
			fill[u] += 1;
		}
		Network { from, to, residual, first, arcs }
	}

	fn cost(arc: usize) -> i64 {
		if arc % 2 == 0 {
			1
		} else {
			-1
		}
	}

	fn out(&self, v: usize) -> &[u32] {
		&self.arcs[self.first[v]..self.first[v + 1]]
	}
}

/// The obligations owe more in all than the solver can count (`i128::MAX`). On chain this cannot
/// happen: an obligation is at most the circle's `MaxCreditLimit` and a circle holds a bounded
/// number of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooMuchDebt;

/// Finds a maximal clearing of `obligations` among participants `0..participants`, with its
/// certificate, or [`TooMuchDebt`] if their amounts sum above `i128::MAX`. Panics if an
/// obligation names a participant outside the range (the callers build the numbering).
///
/// Every amount the solver computes is bounded by that sum, checked first: each participant's
/// excess lies between minus and plus the sum, and each arc's residual and each push between
/// zero and its obligation's amount, so no later addition can overflow.
pub fn solve(participants: u32, obligations: &[Obligation]) -> Result<Solution, TooMuchDebt> {
	let n = participants as usize;
	let total = obligations
		.iter()
		.try_fold(0u128, |sum, o| sum.checked_add(o.amount))
		.filter(|sum| *sum <= i128::MAX as u128)
		.ok_or(TooMuchDebt)?;
	let mut net = Network::new(n, obligations);

	// The remaining debt starts at zero: every net debtor must send its net position out.
	let mut excess = vec![0i128; n];
	for o in obligations {
		// Within ±total (checked above).
		excess[o.debtor as usize] += o.amount as i128;
		excess[o.creditor as usize] -= o.amount as i128;
	}

	let mut potential = vec![0i64; n];
	let mut dist = vec![UNREACHED; n];
	let mut level = vec![-1i64; n];
	let mut current = vec![0usize; n];
	let mut heap = BinaryHeap::new();
	let mut queue = VecDeque::new();
	let mut path: Vec<u32> = Vec::new();

	while excess.iter().any(|e| *e > 0) {
		// Dijkstra on reduced costs from every net debtor, stopped at the nearest net creditor.
		dist.iter_mut().for_each(|d| *d = UNREACHED);
		heap.clear();
		for v in 0..n {
			if excess[v] > 0 {
				dist[v] = 0;
				heap.push(Reverse((0i64, v as u32)));
			}
		}
		let mut nearest = UNREACHED;
		while let Some(Reverse((d, u))) = heap.pop() {
			let u = u as usize;
			if d > dist[u] {
				continue;
			}
			if d > nearest {
				break;
			}
			if excess[u] < 0 && nearest == UNREACHED {
				nearest = d;
			}
			for &a in net.out(u) {
				let a = a as usize;
				if net.residual[a] == 0 {
					continue;
				}
				let v = net.to[a] as usize;
				let reduced = Network::cost(a) + potential[u] - potential[v];
				debug_assert!(reduced >= 0, "reduced costs stay non-negative");
				let nd = d + reduced;
				if nd < dist[v] {
					dist[v] = nd;
					heap.push(Reverse((nd, v as u32)));
				}
			}
		}
		assert!(nearest != UNREACHED, "leaving every debt in place is feasible; qed");
		for v in 0..n {
			potential[v] += dist[v].min(nearest);
		}

		// Dinic: blocking flows along admissible arcs (residual, zero reduced cost).
		loop {
			level.iter_mut().for_each(|l| *l = -1);
			queue.clear();
			for v in 0..n {
				if excess[v] > 0 {
					level[v] = 0;
					queue.push_back(v);
				}
			}
			let mut reached = false;
			while let Some(u) = queue.pop_front() {
				if excess[u] < 0 {
					reached = true;
				}
				for &a in net.out(u) {
					let a = a as usize;
					let v = net.to[a] as usize;
					if level[v] < 0
						&& net.residual[a] > 0
						&& Network::cost(a) + potential[u] - potential[v] == 0
					{
						level[v] = level[u] + 1;
						queue.push_back(v);
					}
				}
			}
			if !reached {
				break;
			}
			for v in 0..n {
				current[v] = net.first[v];
			}
			for s in 0..n {
				while excess[s] > 0 {
					// Walk forward along the level graph until a net creditor, retreating from
					// dead ends.
					path.clear();
					let mut u = s;
					let found = loop {
						if excess[u] < 0 {
							break true;
						}
						let end = net.first[u + 1];
						while current[u] < end {
							let a = net.arcs[current[u]] as usize;
							let v = net.to[a] as usize;
							if net.residual[a] > 0
								&& level[v] == level[u] + 1
								&& Network::cost(a) + potential[u] - potential[v] == 0
							{
								break;
							}
							current[u] += 1;
						}
						if current[u] < end {
							let a = net.arcs[current[u]];
							path.push(a);
							u = net.to[a as usize] as usize;
						} else {
							level[u] = -1;
							match path.pop() {
								None => break false,
								Some(a) => {
									u = net.from[a as usize] as usize;
									current[u] += 1;
								},
							}
						}
					};
					if !found {
						break;
					}
					let t = u;
					let mut push = excess[s].min(-excess[t]) as Amount;
					for &a in &path {
						push = push.min(net.residual[a as usize]);
					}
					for &a in &path {
						let a = a as usize;
						net.residual[a] -= push;
						net.residual[a ^ 1] += push;
					}
					excess[s] -= push as i128;
					excess[t] += push as i128;
				}
			}
		}
	}

	let setoffs: Vec<Amount> =
		obligations.iter().enumerate().map(|(e, o)| o.amount - net.residual[2 * e + 1]).collect();
	// At most the total: each set-off is at most its obligation's amount.
	let cleared = setoffs.iter().sum();
	Ok(Solution { setoffs, cleared, total, potentials: potential })
}
