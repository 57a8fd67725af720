//! Opening a circle, joining and leaving it, and the credit limits the co-op sets.

use super::*;

mod open_circle {
	use super::*;

	#[test]
	fn works() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, true));
			assert!(Circles::<Test>::get(0).is_some_and(|c| c.require_maximal));
			assert_eq!(last_event(), Event::CircleOpened { circle: 0, require_maximal: true });
		});
	}

	#[test]
	fn fails_for_another_origin_an_unknown_coop_or_twice() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				CircularCredit::open_circle(signed(1), 0, false),
				DispatchError::BadOrigin
			);
			assert_noop!(
				CircularCredit::open_circle(signed(1007), 7, false),
				Error::<Test>::CoopNotFound
			);
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_noop!(
				CircularCredit::open_circle(signed(TREASURY), 0, false),
				Error::<Test>::CircleExists
			);
		});
	}
}

mod join_and_leave {
	use super::*;

	#[test]
	fn members_join_with_numbers_and_leave_when_square() {
		ExtBuilder::default().build_and_execute(|| {
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_ok!(CircularCredit::join(signed(2), 0));
			assert_eq!(last_event(), Event::Joined { circle: 0, who: 2, index: 0 });
			assert_ok!(CircularCredit::join(signed(3), 0));
			assert_eq!(Participants::<Test>::get(0, 3).map(|p| p.index), Some(1));
			assert_ok!(CircularCredit::leave(signed(2), 0));
			assert_eq!(last_event(), Event::Left { circle: 0, who: 2 });
			assert_eq!(
				Circles::<Test>::get(0).map(|c| (c.participants, c.next_index)),
				Some((1, 2))
			);
		});
	}

	#[test]
	fn join_fails() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(CircularCredit::join(signed(1), 0), Error::<Test>::CircleNotFound);
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_noop!(CircularCredit::join(signed(9), 0), Error::<Test>::NotCoopMember);
			assert_ok!(CircularCredit::join(signed(1), 0));
			assert_noop!(CircularCredit::join(signed(1), 0), Error::<Test>::AlreadyParticipant);
			(10u64..40).for_each(MockCoops::add_member);
			for who in 10..29 {
				assert_ok!(CircularCredit::join(signed(who), 0));
			}
			assert_noop!(CircularCredit::join(signed(29), 0), Error::<Test>::TooManyParticipants);
		});
	}

	#[test]
	fn leaving_with_a_debt_or_an_obligation_is_refused() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 30, memo()));
			assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
			assert_noop!(CircularCredit::leave(signed(2), 0), Error::<Test>::CannotLeave);
			assert_ok!(CircularCredit::pay(signed(2), 0, 1, 30, memo()));
			owe(1, 2, 5);
			assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
			assert_noop!(CircularCredit::leave(signed(9), 0), Error::<Test>::NotParticipant);
		});
	}
}

mod set_credit_limit {
	use super::*;

	#[test]
	fn works_and_cannot_cut_into_a_balance() {
		ExtBuilder::default().build_and_execute(|| {
			circle_of_five(false);
			assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 500, Some(50)));
			assert_eq!(
				last_event(),
				Event::CreditLimitSet { circle: 0, who: 1, credit_limit: 500, ceiling: Some(50) }
			);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 80, memo()));
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 79, None),
				Error::<Test>::LimitBelowDebt
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 2, 100, Some(79)),
				Error::<Test>::CeilingBelowBalance
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 1_001, None),
				Error::<Test>::CreditLimitTooHigh
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(TREASURY), 0, 9, 1, None),
				Error::<Test>::NotParticipant
			);
			assert_noop!(
				CircularCredit::set_credit_limit(signed(1), 0, 1, 1, None),
				DispatchError::BadOrigin
			);
		});
	}
}
