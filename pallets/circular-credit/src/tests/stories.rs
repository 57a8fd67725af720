//! Whole stories of a circle, told from start to end.

use super::*;

#[docify::export]
#[test]
fn a_three_coop_cycle_is_cleared_fully() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle that requires maximal clearing, where 1 owes 2, 2 owes 3 and 3 owes 1
		// 100 each, in accepted obligations.
		circle_of_five(true);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);

		// When the solver proposes a clearing, then it sets all three off in full.
		let (list, p) = proposal();
		assert_eq!(list, vec![(a, 100), (b, 100), (c, 100)]);

		// When anyone submits it with the solver's certificate, then the chain accepts it as
		// maximal: one cycle of 300 cleared among three participants.
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		assert_eq!(
			last_event(),
			Event::Cleared {
				circle: 0,
				total: 300,
				cleared: 300,
				obligations: 3,
				participants: 3,
				cycles: 1,
				maximal: true,
				liquidity: 0,
			}
		);

		// Then no obligation is left, and each of the three may leave the circle square.
		assert_eq!(Obligations::<Test>::iter_prefix(0).count(), 0);
		for who in 1..=3 {
			assert_ok!(CircularCredit::leave(signed(who), 0));
		}
	});
}
