//! The check on hand-made clearings, and the solver against an independent optimum.

use super::*;
use proptest::prelude::*;

fn ob(debtor: u32, creditor: u32, amount: Amount) -> Obligation {
	Obligation { debtor, creditor, amount }
}

fn all(x: &[Amount]) -> Vec<(u32, Amount)> {
	x.iter().enumerate().map(|(i, a)| (i as u32, *a)).collect()
}

/// A owes B 100, B owes C 100, C owes A 60, and D owes A 10.
fn triangle() -> Vec<Obligation> {
	vec![ob(0, 1, 100), ob(1, 2, 100), ob(2, 0, 60), ob(3, 0, 10)]
}

mod check {
	use super::*;

	#[test]
	fn accepts_a_cycle_set_off_and_reports_it() {
		let summary = check_clearing(4, &triangle(), &[(0, 60), (1, 60), (2, 60)], None);
		assert_eq!(
			summary,
			Ok(ClearingSummary {
				total: 270,
				cleared: 180,
				obligations_reduced: 3,
				participants: 3,
				cycles: 1,
				liquidity: 0,
			})
		);
	}

	#[test]
	fn counts_independent_cycles() {
		// Two loops sharing participant 0 (0 → 1 → 0 and 0 → 2 → 0), and a separate one
		// (3 → 4 → 3): three independent cycles.
		let obligations =
			vec![ob(0, 1, 5), ob(1, 0, 5), ob(0, 2, 5), ob(2, 0, 5), ob(3, 4, 5), ob(4, 3, 5)];
		let summary =
			check_clearing(5, &obligations, &all(&[5, 5, 5, 5, 5, 5]), None).expect("valid");
		assert_eq!((summary.participants, summary.cycles), (5, 3));
	}

	#[test]
	fn refuses_a_changed_net_position() {
		assert_eq!(
			check_clearing(4, &triangle(), &[(0, 60), (1, 50), (2, 60)], None),
			Err(ClearingError::NetPositionChanged(1))
		);
	}

	#[test]
	fn refuses_bad_setoffs() {
		assert_eq!(
			check_clearing(4, &triangle(), &[(2, 61)], None),
			Err(ClearingError::SetoffExceedsObligation(2))
		);
		assert_eq!(
			check_clearing(4, &triangle(), &[(4, 1)], None),
			Err(ClearingError::UnknownObligation(4))
		);
		assert_eq!(
			check_clearing(4, &triangle(), &[(0, 1), (0, 1)], None),
			Err(ClearingError::DuplicateSetoff(0))
		);
		assert_eq!(
			check_clearing(3, &triangle(), &[], None),
			Err(ClearingError::UnknownParticipant(3))
		);
	}

	#[test]
	fn a_certificate_proves_maximality() {
		// A 0, B 1, C 2, D −1: δ(A→B) = δ(B→C) = 1 (partly set off), δ(C→A) = −2 (fully set
		// off), δ(D→A) = 1 (not set off).
		let p = [0, 1, 2, -1];
		assert!(check_clearing(4, &triangle(), &[(0, 60), (1, 60), (2, 60)], Some(&p)).is_ok());
	}

	#[test]
	fn a_clearing_that_is_not_maximal_fails_any_certificate() {
		// Setting off 50 around the cycle is valid but not maximal (60 is).
		let setoffs = [(0, 50), (1, 50), (2, 50)];
		assert!(check_clearing(4, &triangle(), &setoffs, None).is_ok());
		for p in [[0, 1, 1, 0], [0, 0, 0, 0], [0, 1, 2, 0], [3, -2, 7, 1]] {
			assert!(matches!(
				check_clearing(4, &triangle(), &setoffs, Some(&p)),
				Err(ClearingError::NotMaximal(_))
			));
		}
	}

	#[test]
	fn a_certificate_needs_one_potential_per_participant() {
		assert_eq!(
			check_clearing(4, &triangle(), &[], Some(&[0, 0, 0])),
			Err(ClearingError::CertificateLength)
		);
	}
}

mod solver {
	use super::*;

	#[test]
	fn clears_a_three_party_cycle_fully() {
		let obligations = vec![ob(0, 1, 100), ob(1, 2, 100), ob(2, 0, 100)];
		let s = solve(3, &obligations).expect("within i128");
		assert_eq!(s.setoffs, vec![100, 100, 100]);
		assert_eq!((s.cleared, s.total), (300, 300));
		assert!(check_clearing(3, &obligations, &all(&s.setoffs), Some(&s.potentials)).is_ok());
	}

	#[test]
	fn clears_the_triangle_up_to_its_smallest_edge() {
		let s = solve(4, &triangle()).expect("within i128");
		assert_eq!(s.setoffs, vec![60, 60, 60, 0]);
		assert!(check_clearing(4, &triangle(), &all(&s.setoffs), Some(&s.potentials)).is_ok());
	}

	#[test]
	fn clears_nothing_without_a_cycle() {
		let obligations = vec![ob(0, 1, 5), ob(1, 2, 7), ob(0, 2, 1)];
		let s = solve(3, &obligations).expect("within i128");
		assert_eq!(s.cleared, 0);
		assert!(check_clearing(3, &obligations, &all(&s.setoffs), Some(&s.potentials)).is_ok());
	}

	#[test]
	fn handles_amounts_up_to_two_to_the_sixty_four() {
		let big = 1u128 << 64;
		let obligations = vec![ob(0, 1, big), ob(1, 0, big), ob(1, 2, big), ob(2, 0, big - 1)];
		let s = solve(3, &obligations).expect("within i128");
		assert!(check_clearing(3, &obligations, &all(&s.setoffs), Some(&s.potentials)).is_ok());
		// All of 0 → 1, then 1 → 0 and 1 → 2 → 0 share it: 2·2⁶⁴ + (2⁶⁴ − 1).
		assert_eq!(s.cleared, 3 * big - 1);
	}

	#[test]
	fn refuses_debt_beyond_what_it_can_count_instead_of_wrapping() {
		// Two members owing each other 2¹²⁷ − 1 each way: the total is 2¹²⁸ − 2, above i128.
		let huge = i128::MAX as Amount;
		assert_eq!(solve(2, &[ob(0, 1, huge), ob(1, 0, huge)]), Err(TooMuchDebt));
		// Amounts whose sum overflows u128 itself.
		assert_eq!(solve(2, &[ob(0, 1, u128::MAX), ob(1, 0, 1)]), Err(TooMuchDebt));
		// Up to i128::MAX in all, it clears exactly.
		let half = huge / 2;
		let s = solve(2, &[ob(0, 1, half), ob(1, 0, half)]).expect("within i128");
		assert_eq!(s.cleared, 2 * half);
	}
}

/// An independent optimum: Klein's cycle cancelling. Starting from no set-off, it repeatedly
/// finds a cycle in the residual graph that sets off more (Bellman–Ford) and pushes along it.
fn cycle_cancelling_optimum(n: usize, obligations: &[Obligation]) -> Amount {
	let arcs: Vec<(u32, u32, Amount, i64)> =
		obligations.iter().map(|o| (o.debtor, o.creditor, o.amount, 1)).collect();
	max_weight_circulation(n, &arcs)
}

/// The same with liquidity: the circle is node `n`, with arcs v → circle (capacity `receive`,
/// or more than all the debt without a ceiling) and circle → v (capacity `pay`), of weight 0.
fn liquid_optimum(n: usize, obligations: &[Obligation], lines: &[Liquidity]) -> Amount {
	let unbounded = obligations.iter().map(|o| o.amount).sum::<Amount>() + 1;
	let mut arcs: Vec<(u32, u32, Amount, i64)> =
		obligations.iter().map(|o| (o.debtor, o.creditor, o.amount, 1)).collect();
	for (v, line) in lines.iter().enumerate() {
		arcs.push((v as u32, n as u32, line.receive.unwrap_or(unbounded), 0));
		arcs.push((n as u32, v as u32, line.pay, 0));
	}
	max_weight_circulation(n + 1, &arcs)
}

/// The largest `Σ weight · flow` over circulations within the arcs' capacities, by cycle
/// cancelling.
fn max_weight_circulation(n: usize, problem: &[(u32, u32, Amount, i64)]) -> Amount {
	let mut x: Vec<Amount> = vec![0; problem.len()];
	loop {
		// Residual arcs (from, to, cost, arc, forward?): forward while x < capacity, cost
		// −weight; backward while x > 0, cost +weight. A negative cycle gains.
		let mut arcs = Vec::new();
		for (e, (u, v, capacity, weight)) in problem.iter().enumerate() {
			if x[e] < *capacity {
				arcs.push((*u as usize, *v as usize, -*weight, e, true));
			}
			if x[e] > 0 {
				arcs.push((*v as usize, *u as usize, *weight, e, false));
			}
		}
		let mut dist = vec![0i64; n];
		let mut pred: Vec<Option<usize>> = vec![None; n];
		let mut last = None;
		for _ in 0..n {
			last = None;
			for (i, (u, v, cost, _, _)) in arcs.iter().enumerate() {
				if dist[*u] + cost < dist[*v] {
					dist[*v] = dist[*u] + cost;
					pred[*v] = Some(i);
					last = Some(*v);
				}
			}
		}
		let Some(mut v) = last else {
			return problem.iter().zip(&x).map(|((.., w), x)| *w as Amount * x).sum();
		};
		for _ in 0..n {
			v = arcs[pred[v].expect("on a cycle")].0;
		}
		let mut cycle = Vec::new();
		let start = v;
		loop {
			let i = pred[v].expect("on a cycle");
			cycle.push(i);
			v = arcs[i].0;
			if v == start {
				break;
			}
		}
		let push = cycle
			.iter()
			.map(|i| {
				let (_, _, _, e, forward) = arcs[*i];
				if forward {
					problem[e].2 - x[e]
				} else {
					x[e]
				}
			})
			.min()
			.expect("a cycle has arcs");
		for i in cycle {
			let (_, _, _, e, forward) = arcs[i];
			if forward {
				x[e] += push;
			} else {
				x[e] -= push;
			}
		}
	}
}

/// The solver's set-offs and potentials with `changes` applied: `(at, delta, on a set-off?)`
/// moves set-off `at` by `delta` within its obligation, or shifts potential `at` by `delta`.
fn perturb(
	s: &Solution,
	obligations: &[Obligation],
	changes: &[(usize, i64, bool)],
) -> (Vec<Amount>, Vec<Potential>) {
	let mut x = s.setoffs.clone();
	let mut p = s.potentials.clone();
	for &(at, delta, on_setoff) in changes {
		if on_setoff && !obligations.is_empty() {
			let e = at % obligations.len();
			let moved = x[e] as i128 + delta as i128;
			x[e] = moved.clamp(0, obligations[e].amount as i128) as Amount;
		} else {
			let k = at % p.len();
			p[k] += delta;
		}
	}
	(x, p)
}

/// Credit lines for `n` participants: some lend none, some have no ceiling.
fn lines(n: u32) -> impl Strategy<Value = Vec<Liquidity>> {
	let line = prop_oneof![
		1 => Just(Liquidity::NONE),
		3 => (0u128..60, proptest::option::of(0u128..60))
			.prop_map(|(pay, receive)| Liquidity { pay, receive }),
	];
	proptest::collection::vec(line, n as usize)
}

fn liquid_graph(
	max_n: u32,
	max_m: usize,
) -> impl Strategy<Value = (u32, Vec<Obligation>, Vec<Liquidity>)> {
	graph(max_n, max_m).prop_flat_map(|(n, obligations)| (Just(n), Just(obligations), lines(n)))
}

fn graph(max_n: u32, max_m: usize) -> impl Strategy<Value = (u32, Vec<Obligation>)> {
	(2..=max_n).prop_flat_map(move |n| {
		let edge = (0..n, 0..n, 0u128..50).prop_map(|(d, c, a)| ob(d, c, a));
		(Just(n), proptest::collection::vec(edge, 0..=max_m))
	})
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	#[test]
	fn the_solver_is_maximal_and_passes_the_check((n, obligations) in graph(6, 12)) {
		let s = solve(n, &obligations).expect("within i128");
		let summary = check_clearing(n, &obligations, &all(&s.setoffs), Some(&s.potentials));
		prop_assert!(summary.is_ok(), "{:?}", summary);
		prop_assert_eq!(s.cleared, cycle_cancelling_optimum(n as usize, &obligations));
		prop_assert_eq!(s.total, obligations.iter().map(|o| o.amount).sum::<Amount>());
	}

	#[test]
	fn clearing_nothing_is_refused_whenever_something_can_be_cleared(
		(n, obligations) in graph(6, 12)
	) {
		let s = solve(n, &obligations).expect("within i128");
		let zero = check_clearing(n, &obligations, &[], Some(&s.potentials));
		if s.cleared > 0 {
			prop_assert!(matches!(zero, Err(ClearingError::NotMaximal(_))));
		} else {
			prop_assert!(zero.is_ok());
		}
	}

	#[test]
	fn larger_graphs_pass_the_check((n, obligations) in graph(40, 200)) {
		let s = solve(n, &obligations).expect("within i128");
		prop_assert!(check_clearing(n, &obligations, &all(&s.setoffs), Some(&s.potentials)).is_ok());
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(512))]

	/// The solver's clearing and certificate, perturbed at random (set-offs moved within their
	/// obligations, potentials shifted): whatever the check accepts is a clearing as large as
	/// the independent optimum, so every pair that is wrong (not a circulation, not maximal, or
	/// a certificate that does not prove it) is refused.
	#[test]
	fn a_perturbed_clearing_or_certificate_passes_only_when_it_is_maximal(
		(n, obligations) in graph(6, 12),
		changes in proptest::collection::vec((0usize..64, -3i64..=3, any::<bool>()), 1..6),
	) {
		let s = solve(n, &obligations).expect("within i128");
		let optimum = cycle_cancelling_optimum(n as usize, &obligations);
		let (x, p) = perturb(&s, &obligations, &changes);
		match check_clearing(n, &obligations, &all(&x), Some(&p)) {
			Ok(summary) => prop_assert_eq!(summary.cleared, optimum),
			Err(e) => prop_assert!(
				x != s.setoffs || p != s.potentials,
				"the solver's own pair was refused: {:?}", e
			),
		}
	}

	/// A clearing with less than the optimum set off is refused with every certificate.
	#[test]
	fn a_smaller_clearing_fails_every_certificate(
		(n, obligations) in graph(5, 10),
		p in proptest::collection::vec(-4i64..=4, 5),
		keep in 0u32..4,
	) {
		let s = solve(n, &obligations).expect("within i128");
		prop_assume!(s.cleared > 0);
		// The solver's clearing scaled down to `keep`/4 of each set-off where that stays a
		// circulation (all set-offs divisible by 4), else nothing: less than the optimum.
		let smaller: Vec<Amount> = if s.setoffs.iter().all(|x| x % 4 == 0) {
			s.setoffs.iter().map(|x| x / 4 * keep as Amount).collect()
		} else {
			vec![0; obligations.len()]
		};
		let certificate = &p[..n as usize];
		prop_assert!(check_clearing(n, &obligations, &all(&smaller), Some(certificate)).is_err());
	}
}

mod liquidity {
	use super::*;

	/// C owes A 40 and A owes B 20: a chain, which clearing alone leaves as it is.
	fn chain() -> Vec<Obligation> {
		vec![ob(2, 0, 40), ob(0, 1, 20)]
	}

	fn line(pay: Amount, receive: Option<Amount>) -> Liquidity {
		Liquidity { pay, receive }
	}

	#[test]
	fn a_chain_clears_when_its_ends_lend_their_credit_lines() {
		// A and B lend their lines, C does not: A pays B 20 in credit for what it owes.
		let lines = [line(200, None), line(0, Some(100)), Liquidity::NONE];
		let s = solve_with_liquidity(3, &chain(), &lines).expect("within i128");
		assert_eq!((s.setoffs.clone(), s.cleared, s.liquidity), (vec![0, 20], 20, 20));
		assert_eq!(s.balance_changes, vec![-20, 20, 0]);
		assert_eq!(s.potentials.len(), 4);
		let checked = check_clearing_with_liquidity(
			3,
			&chain(),
			&lines,
			&all(&s.setoffs),
			Some(&s.potentials),
		)
		.expect("valid and maximal");
		assert_eq!(checked.balance_changes, s.balance_changes);
		assert_eq!((checked.summary.cleared, checked.summary.liquidity), (20, 20));
		// Without liquidity nothing clears, and the same set-off changes net positions.
		assert_eq!(solve(3, &chain()).expect("within i128").cleared, 0);
		assert_eq!(
			check_clearing(3, &chain(), &all(&s.setoffs), None),
			Err(ClearingError::NetPositionChanged(0))
		);
	}

	#[test]
	fn all_three_lending_clear_the_whole_chain() {
		let lines = [line(200, None), line(0, None), line(620, None)];
		let s = solve_with_liquidity(3, &chain(), &lines).expect("within i128");
		assert_eq!((s.cleared, s.liquidity), (60, 40));
		assert_eq!(s.balance_changes, vec![20, 20, -40]);
	}

	#[test]
	fn credit_lines_bound_what_moves() {
		// A may pay only 5 in credit, and B be paid only 8: 5 clears.
		let lines = [line(5, None), line(0, Some(8)), Liquidity::NONE];
		let s = solve_with_liquidity(3, &chain(), &lines).expect("within i128");
		assert_eq!(s.setoffs, vec![0, 5]);
		let lines = [line(50, None), line(0, Some(8)), Liquidity::NONE];
		assert_eq!(solve_with_liquidity(3, &chain(), &lines).expect("ok").setoffs, vec![0, 8]);
		// Beyond a line, the check refuses.
		assert_eq!(
			check_clearing_with_liquidity(3, &chain(), &lines, &[(1, 9)], None),
			Err(ClearingError::LiquidityExceeded(1))
		);
		let lines = [line(5, None), line(0, Some(80)), Liquidity::NONE];
		assert_eq!(
			check_clearing_with_liquidity(3, &chain(), &lines, &[(1, 9)], None),
			Err(ClearingError::LiquidityExceeded(0))
		);
		// One who lends nothing keeps its net position.
		let lines = [line(50, None), Liquidity::NONE, Liquidity::NONE];
		assert_eq!(
			check_clearing_with_liquidity(3, &chain(), &lines, &[(1, 9)], None),
			Err(ClearingError::NetPositionChanged(1))
		);
		assert_eq!(
			check_clearing_with_liquidity(3, &chain(), &lines[..2], &[], None),
			Err(ClearingError::LiquidityLength)
		);
	}

	#[test]
	fn the_certificate_covers_the_credit_lines() {
		let lines = [line(200, None), line(0, Some(100)), Liquidity::NONE];
		let s = solve_with_liquidity(3, &chain(), &lines).expect("within i128");
		// Clearing less than the lines allow is valid, but refused with the solver's
		// certificate (or any other)...
		assert!(check_clearing_with_liquidity(3, &chain(), &lines, &[(1, 10)], None).is_ok());
		for p in [s.potentials.clone(), vec![0, 0, 0, 0], vec![0, 1, 0, 0], vec![1, 0, 0, 0]] {
			assert!(matches!(
				check_clearing_with_liquidity(3, &chain(), &lines, &[(1, 10)], Some(&p)),
				Err(ClearingError::NotMaximal(_) | ClearingError::LiquidityNotMaximal(_))
			));
		}
		// ...and a certificate must have one potential more than participants.
		assert_eq!(
			check_clearing_with_liquidity(
				3,
				&chain(),
				&lines,
				&all(&s.setoffs),
				Some(&s.potentials[..3])
			),
			Err(ClearingError::CertificateLength)
		);
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(256))]

	/// With credit lines, the solver's clearing passes the check with its certificate, is as
	/// large as the independent optimum, never smaller than without liquidity, and moves each
	/// balance within its line, the moves summing to zero.
	#[test]
	fn the_liquid_solver_is_maximal_and_passes_the_check(
		(n, obligations, lines) in liquid_graph(6, 12)
	) {
		let s = solve_with_liquidity(n, &obligations, &lines).expect("within i128");
		let checked =
			check_clearing_with_liquidity(n, &obligations, &lines, &all(&s.setoffs), Some(&s.potentials));
		prop_assert!(checked.is_ok(), "{:?}", checked);
		let checked = checked.expect("checked");
		prop_assert_eq!(&checked.balance_changes, &s.balance_changes);
		prop_assert_eq!(checked.summary.liquidity, s.liquidity);
		prop_assert_eq!(s.cleared, liquid_optimum(n as usize, &obligations, &lines));
		prop_assert!(s.cleared >= solve(n, &obligations).expect("within i128").cleared);
		prop_assert_eq!(s.balance_changes.iter().sum::<i128>(), 0);
		for (change, line) in s.balance_changes.iter().zip(&lines) {
			prop_assert!(*change >= -(line.pay as i128));
			prop_assert!(line.receive.is_none_or(|r| *change <= r as i128));
		}
	}

	/// The solver's clearing with liquidity and its certificate, perturbed at random: whatever
	/// the check accepts is as large as the independent optimum.
	#[test]
	fn a_perturbed_liquid_clearing_passes_only_when_it_is_maximal(
		(n, obligations, lines) in liquid_graph(5, 10),
		changes in proptest::collection::vec((0usize..64, -3i64..=3, any::<bool>()), 1..6),
	) {
		let s = solve_with_liquidity(n, &obligations, &lines).expect("within i128");
		let optimum = liquid_optimum(n as usize, &obligations, &lines);
		let (x, p) = perturb(&s, &obligations, &changes);
		match check_clearing_with_liquidity(n, &obligations, &lines, &all(&x), Some(&p)) {
			Ok(c) => prop_assert_eq!(c.summary.cleared, optimum),
			Err(e) => prop_assert!(
				x != s.setoffs || p != s.potentials,
				"the solver's own pair was refused: {:?}", e
			),
		}
	}

	#[test]
	fn larger_liquid_graphs_pass_the_check((n, obligations, lines) in liquid_graph(40, 200)) {
		let s = solve_with_liquidity(n, &obligations, &lines).expect("within i128");
		prop_assert!(check_clearing_with_liquidity(
			n, &obligations, &lines, &all(&s.setoffs), Some(&s.potentials)
		).is_ok());
	}
}
