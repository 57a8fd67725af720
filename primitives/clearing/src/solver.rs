//! The maximum-clearing solver: primal-dual minimum-cost flow on the remaining debt.

use std::{cmp::Reverse, collections::BinaryHeap, collections::VecDeque};

use crate::{Amount, Liquidity, Obligation, Potential};

/// A maximal clearing and its certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
	/// The set-off of each obligation, in input order (zero where nothing is set off).
	pub setoffs: Vec<Amount>,
	/// Debt set off in all.
	pub cleared: Amount,
	/// Debt outstanding before, in all.
	pub total: Amount,
	/// One potential per participant (and, last, one for the circle when clearing with
	/// liquidity): the optimality certificate.
	pub potentials: Vec<Potential>,
	/// Per participant, the change of its credit balance (all zero without liquidity).
	pub balance_changes: Vec<i128>,
	/// Credit moved between balances: the sum of the balance increases.
	pub liquidity: Amount,
}

const UNREACHED: i64 = i64::MAX;

/// Residual network: each arc `a` of the problem becomes arc `2a` (its cost, residual its
/// capacity less its flow) and arc `2a + 1` the other way (minus its cost, residual its
/// flow). Obligation `e` is problem arc `e`, debtor → creditor at cost 1, whose flow `y` is
/// the debt left on it; with liquidity, each participant's credit line adds the arcs
/// circle → participant (what it is paid in credit) and participant → circle (what it pays),
/// at cost 0.
struct Network {
	from: Vec<u32>,
	to: Vec<u32>,
	residual: Vec<Amount>,
	cost: Vec<i64>,
	/// Arcs leaving each node, as a compressed adjacency list.
	first: Vec<usize>,
	arcs: Vec<u32>,
}

impl Network {
	/// The network of `arcs` `(from, to, capacity, cost)` among `nodes` nodes.
	fn new(nodes: usize, problem: &[(u32, u32, Amount, i64)]) -> Self {
		let m = problem.len();
		let mut from = Vec::with_capacity(2 * m);
		let mut to = Vec::with_capacity(2 * m);
		let mut residual = Vec::with_capacity(2 * m);
		let mut cost = Vec::with_capacity(2 * m);
		let mut degree = vec![0usize; nodes + 1];
		for &(u, v, capacity, c) in problem {
			from.extend([u, v]);
			to.extend([v, u]);
			residual.extend([capacity, 0]);
			cost.extend([c, -c]);
			degree[u as usize] += 1;
			degree[v as usize] += 1;
		}
		let mut first = vec![0usize; nodes + 1];
		for v in 0..nodes {
			first[v + 1] = first[v] + degree[v];
		}
		let mut fill = first.clone();
		let mut arcs = vec![0u32; 2 * m];
		for a in 0..2 * m {
			let u = from[a] as usize;
			arcs[fill[u]] = a as u32;
			fill[u] += 1;
		}
		Network { from, to, residual, cost, first, arcs }
	}

	fn out(&self, v: usize) -> &[u32] {
		&self.arcs[self.first[v]..self.first[v + 1]]
	}

	/// The flow on problem arc `a`.
	fn flow(&self, a: usize) -> Amount {
		self.residual[2 * a + 1]
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
	solve_lines(participants, obligations, None)
}

/// Finds a maximal clearing with liquidity of `obligations` among participants
/// `0..participants`, each lending the credit line `liquidity[v]` (a participant without one is
/// [`Liquidity::NONE`]), with its certificate: one potential per participant and, last, one
/// for the circle. Otherwise as [`solve`].
pub fn solve_with_liquidity(
	participants: u32,
	obligations: &[Obligation],
	liquidity: &[Liquidity],
) -> Result<Solution, TooMuchDebt> {
	solve_lines(participants, obligations, Some(liquidity))
}

fn solve_lines(
	participants: u32,
	obligations: &[Obligation],
	liquidity: Option<&[Liquidity]>,
) -> Result<Solution, TooMuchDebt> {
	let n = participants as usize;
	let total = obligations
		.iter()
		.try_fold(0u128, |sum, o| sum.checked_add(o.amount))
		.filter(|sum| *sum <= i128::MAX as u128)
		.ok_or(TooMuchDebt)?;
	// The circle is node `n`. No flow exceeds the total, so a credit line without a ceiling is
	// an arc of capacity `total + 1`, which never saturates (the total is below 2¹²⁷).
	let nodes = if liquidity.is_some() { n + 1 } else { n };
	let mut problem: Vec<(u32, u32, Amount, i64)> =
		obligations.iter().map(|o| (o.debtor, o.creditor, o.amount, 1)).collect();
	// Per participant with a credit line: its arcs (circle → it: paid, it → circle: pays).
	let mut lines: Vec<(usize, Option<usize>, Option<usize>)> = Vec::new();
	if let Some(liquidity) = liquidity {
		let circle = n as u32;
		for v in 0..n {
			let line = liquidity.get(v).copied().unwrap_or(Liquidity::NONE);
			let receive = line.receive.unwrap_or(total + 1).min(total + 1);
			let pay = line.pay.min(total + 1);
			let mut arc = |from: u32, to: u32, capacity: Amount| {
				(capacity > 0).then(|| {
					problem.push((from, to, capacity, 0));
					problem.len() - 1
				})
			};
			let paid = arc(circle, v as u32, receive);
			let pays = arc(v as u32, circle, pay);
			if paid.is_some() || pays.is_some() {
				lines.push((v, paid, pays));
			}
		}
	}
	let mut net = Network::new(nodes, &problem);
	let n = nodes;

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
				let reduced = net.cost[a] + potential[u] - potential[v];
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
						&& net.cost[a] + potential[u] - potential[v] == 0
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
								&& net.cost[a] + potential[u] - potential[v] == 0
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
		obligations.iter().enumerate().map(|(e, o)| o.amount - net.flow(e)).collect();
	// At most the total: each set-off is at most its obligation's amount.
	let cleared = setoffs.iter().sum();
	// Each flow is at most the total, below 2¹²⁷.
	let mut balance_changes = vec![0i128; participants as usize];
	let mut liquidity = 0;
	for (v, paid, pays) in lines {
		let paid = paid.map_or(0, |a| net.flow(a));
		let pays = pays.map_or(0, |a| net.flow(a));
		balance_changes[v] = paid as i128 - pays as i128;
	}
	for change in &balance_changes {
		if *change > 0 {
			liquidity += *change as Amount;
		}
	}
	Ok(Solution { setoffs, cleared, total, potentials: potential, balance_changes, liquidity })
}
