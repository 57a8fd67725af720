//! A property test: whatever the obligations, the solver's clearing passes the chain's check
//! and keeps every net position.

use super::*;
use proptest::prelude::*;

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
			let nets: Vec<_> =
				(1..=5).map(|w| Participants::<Test>::get(0, w).map(|p| p.obligation_net)).collect();
			// When anyone submits the solver's clearing with its certificate.
			let (list, p) = proposal();
			let result = CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p));
			// Then it is accepted, or, when there is no cycle, refused as clearing nothing;
			if list.is_empty() {
				assert_eq!(result, Err(Error::<Test>::NothingCleared.into()));
			} else {
				assert_ok!(result);
			}
			// and no net position changed. try_state (run after the case) checks the nets
			// against the obligations left.
			let after: Vec<_> =
				(1..=5).map(|w| Participants::<Test>::get(0, w).map(|p| p.obligation_net)).collect();
			assert_eq!(nets, after);
		});
	}
}
