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
				cycles: 1
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
	let mut x: Vec<Amount> = vec![0; obligations.len()];
	loop {
		// Residual arcs (from, to, gain, obligation, forward?): forward while x < c, gain +1;
		// backward while x > 0, gain −1. Look for a positive-gain cycle as a negative cycle of
		// cost −gain.
		let mut arcs = Vec::new();
		for (e, o) in obligations.iter().enumerate() {
			if x[e] < o.amount {
				arcs.push((o.debtor as usize, o.creditor as usize, -1i64, e, true));
			}
			if x[e] > 0 {
				arcs.push((o.creditor as usize, o.debtor as usize, 1i64, e, false));
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
		let Some(mut v) = last else { return x.iter().sum() };
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
					obligations[e].amount - x[e]
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
		let mut x = s.setoffs.clone();
		let mut p = s.potentials.clone();
		for (at, delta, on_setoff) in changes {
			if on_setoff && !obligations.is_empty() {
				let e = at % obligations.len();
				let moved = x[e] as i128 + delta as i128;
				x[e] = moved.clamp(0, obligations[e].amount as i128) as Amount;
			} else {
				p[at % n as usize] += delta;
			}
		}
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
