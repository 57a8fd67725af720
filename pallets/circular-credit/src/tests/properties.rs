//! A property test: whatever the obligations, the solver's clearing passes the chain's check
//! and keeps every net position.

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
