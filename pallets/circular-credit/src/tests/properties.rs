//! Property tests: whatever the obligations, the solver's clearing passes the chain's check
//! and keeps every net position; with liquidity, it keeps every balance plus net position and
//! clears at least as much.

use super::*;
use proptest::prelude::*;

/// Each of participants 1..=5's net position in open accepted obligations (owed to it minus
/// owed by it), counted from the obligations in storage.
fn nets_from_obligations() -> Vec<CreditBalance> {
	let mut nets = vec![0 as CreditBalance; 6];
	for (_, o) in Obligations::<Test>::iter_prefix(0).filter(|(_, o)| o.accepted) {
		nets[o.creditor as usize] += o.amount as CreditBalance;
		nets[o.debtor as usize] -= o.amount as CreditBalance;
	}
	nets.split_off(1)
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]
	#[test]
	fn the_solvers_clearing_passes_and_keeps_every_net_position(
		edges in proptest::collection::vec((1u64..=5, 1u64..=5, 1u128..200), 0..16)
	) {
		ExtBuilder::default().build_and_execute(|| {
			// Given a circle that requires maximal clearings, with random accepted obligations
			// among its five participants.
			circle_of_five(true);
			for (d, c, amount) in &edges {
				if d != c {
					owe(*d, *c, *amount);
				}
			}
			let nets = nets_from_obligations();
			let balances: Vec<_> = (1..=5).map(balance).collect();
			// When anyone submits the solver's clearing with its certificate.
			let (list, p) = proposal();
			let result = CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p));
			// Then it is accepted, or, when there is no cycle, refused as clearing nothing;
			if list.is_empty() {
				assert_eq!(result, Err(Error::<Test>::NothingCleared.into()));
			} else {
				assert_ok!(result);
			}
			// and no net position changed, counted afresh from the obligations left (the
			// recorded `obligation_net` is not written by a clearing, so it cannot show a
			// change); no balance moved.
			assert_eq!(nets, nets_from_obligations());
			assert_eq!(balances, (1..=5).map(balance).collect::<Vec<_>>());
		});
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]
	#[test]
	fn the_solvers_clearing_with_liquidity_passes_and_keeps_every_position(
		edges in proptest::collection::vec((1u64..=5, 1u64..=5, 1u128..200), 0..16),
		consents in proptest::collection::vec(any::<bool>(), 5),
		spent in proptest::collection::vec(0u128..=100, 5),
		ceilings in proptest::collection::vec(proptest::option::of(0u128..100), 5),
	) {
		ExtBuilder::default().build_and_execute(|| {
			// Given a circle that requires maximal clearings and clears with liquidity, where
			// some participants lend their lines, each has spent part of its limit of 100 (to
			// the treasury, which joins to be paid) and some have ceilings, with random accepted
			// obligations among the five.
			circle_of_five(true);
			assert_ok!(CircularCredit::set_liquidity(signed(TREASURY), 0, true));
			MockCoops::set_members([1, 2, 3, 4, 5, TREASURY]);
			assert_ok!(CircularCredit::join(signed(TREASURY), 0));
			for who in 1..=5u64 {
				let i = who as usize - 1;
				if spent[i] > 0 {
					assert_ok!(CircularCredit::pay(signed(who), 0, TREASURY, spent[i], memo()));
				}
				let ceiling = ceilings[i];
				assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, who, 100, ceiling));
				if consents[i] {
					assert_ok!(CircularCredit::allow_liquidity(signed(who), 0, true));
				}
			}
			for (d, c, amount) in &edges {
				if d != c {
					owe(*d, *c, *amount);
				}
			}
			let graph = CircularCredit::clearing_graph(0);
			let alone = coop_clearing::solve(graph.participants, &graph.obligations)
				.expect("bounded").cleared;
			let positions: Vec<_> = (1..=5)
				.map(|who| balance(who) + nets_from_obligations()[who as usize - 1])
				.collect();
			// When anyone submits the solver's clearing with its certificate.
			let (list, p) = proposal();
			let cleared: Credit = list.iter().map(|(_, x)| x).sum();
			let result = CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p));
			// Then it is accepted (or refused as clearing nothing), clears at least what
			// clearing alone would, keeps every balance plus net position (nets counted afresh
			// from the obligations), and the circle still sums to zero.
			if list.is_empty() {
				assert_eq!(result, Err(Error::<Test>::NothingCleared.into()));
			} else {
				assert_ok!(result);
			}
			assert!(cleared >= alone);
			let nets = nets_from_obligations();
			let after: Vec<_> = (1..=5).map(|who| balance(who) + nets[who as usize - 1]).collect();
			assert_eq!(positions, after);
			for who in 1..=5u64 {
				let p = Participants::<Test>::get(0, who).expect("a participant");
				assert_eq!(p.obligation_net, nets[who as usize - 1]);
				if !consents[who as usize - 1] {
					assert_eq!(p.balance, -(spent[who as usize - 1] as CreditBalance));
				}
			}
		});
	}
}
