//! Opening a circle, joining and leaving it, and the credit limits the co-op sets.

use super::*;

mod open_circle {
	use super::*;

	#[test]
	fn works() {
		ExtBuilder::default().build_and_execute(|| {
			// Given co-op 0, which has no circle yet.
			// When its own decision opens one that requires maximal clearings.
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, true));
			// Then the circle exists, requiring maximality, and its opening is announced.
			assert!(Circles::<Test>::get(0).is_some_and(|c| c.require_maximal));
			assert_eq!(last_event(), Event::CircleOpened { circle: 0, require_maximal: true });
		});
	}

	#[test]
	fn fails_for_another_origin_an_unknown_coop_or_twice() {
		ExtBuilder::default().build_and_execute(|| {
			// Given co-op 0, and no co-op 7.
			// When a member opens co-op 0's circle, then it is refused.
			assert_noop!(
				CircularCredit::open_circle(signed(1), 0, false),
				DispatchError::BadOrigin
			);
			// When "its" treasury opens a circle for co-op 7, then there is no such co-op.
			assert_noop!(
				CircularCredit::open_circle(signed(1007), 7, false),
				Error::<Test>::CoopNotFound
			);
			// When co-op 0 opens its circle twice, then the second is refused.
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
			// Given co-op 0's open circle.
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			// When members 2 and 3 join, then they are numbered 0 and 1, in order of joining.
			assert_ok!(CircularCredit::join(signed(2), 0));
			assert_eq!(last_event(), Event::Joined { circle: 0, who: 2, index: 0 });
			assert_ok!(CircularCredit::join(signed(3), 0));
			assert_eq!(Participants::<Test>::get(0, 3).map(|p| p.index), Some(1));
			// When member 2 leaves, square, then one takes part, and no number is handed out
			// twice.
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
			// Given no circle, when a member joins, then there is no circle to join.
			assert_noop!(CircularCredit::join(signed(1), 0), Error::<Test>::CircleNotFound);
			// Given the circle open, when a non-member joins, then it is refused.
			assert_ok!(CircularCredit::open_circle(signed(TREASURY), 0, false));
			assert_noop!(CircularCredit::join(signed(9), 0), Error::<Test>::NotCoopMember);
			// When member 1 joins twice, then the second is refused.
			assert_ok!(CircularCredit::join(signed(1), 0));
			assert_noop!(CircularCredit::join(signed(1), 0), Error::<Test>::AlreadyParticipant);
			// When the circle is full (`MaxParticipants`: 20), then the next member is refused.
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
			// Given a circle of five, where 1 has paid 2 30 on credit.
			circle_of_five(false);
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 30, memo()));
			// When 1 (in debit) or 2 (in credit) leaves, then it is refused: neither is square.
			assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
			assert_noop!(CircularCredit::leave(signed(2), 0), Error::<Test>::CannotLeave);
			// When 2 pays it back but 1 owes 2 in an open obligation, then 1 still cannot leave.
			assert_ok!(CircularCredit::pay(signed(2), 0, 1, 30, memo()));
			owe(1, 2, 5);
			assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
			// When an account outside the circle leaves, then it is not a participant.
			assert_noop!(CircularCredit::leave(signed(9), 0), Error::<Test>::NotParticipant);
		});
	}
}

mod set_credit_limit {
	use super::*;

	#[test]
	fn works_and_cannot_cut_into_a_balance() {
		ExtBuilder::default().build_and_execute(|| {
			// Given a circle of five, each with a credit limit of 100.
			circle_of_five(false);
			// When the co-op gives 1 a credit limit of 500 and a ceiling of 50, then it is set.
			assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 1, 500, Some(50)));
			assert_eq!(
				last_event(),
				Event::CreditLimitSet { circle: 0, who: 1, credit_limit: 500, ceiling: Some(50) }
			);
			// When 1 pays 2 80 on credit.
			assert_ok!(CircularCredit::pay(signed(1), 0, 2, 80, memo()));
			// Then the co-op cannot cut 1's limit below its debt, nor 2's ceiling below its
			// balance, nor set a limit above `MaxCreditLimit` or for a non-participant; and a
			// member cannot set one at all.
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
