//! `pay`: moving credit within the payer's limit and the payee's ceiling, and the freeze of a
//! participant who left the co-op.

use super::*;

#[test]
fn moves_credit_and_keeps_the_sum_at_zero() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five, each with a credit limit of 100.
		circle_of_five(false);
		// When 1 pays 2 60, and 2 pays 3 100.
		assert_ok!(CircularCredit::pay(signed(1), 0, 2, 60, memo()));
		assert_ok!(CircularCredit::pay(signed(2), 0, 3, 100, memo()));
		// Then 1 is at −60, 2 at −40 and 3 at 100: the balances still sum to zero.
		assert_eq!((balance(1), balance(2), balance(3)), (-60, -40, 100));
		assert_eq!(
			last_event(),
			Event::Paid { circle: 0, from: 2, to: 3, amount: 100, memo: memo() }
		);
	});
}

#[test]
fn enforces_the_credit_limit_and_ceiling() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five, each with a credit limit of 100.
		circle_of_five(false);
		// When 1 pays its whole credit limit, then one more is refused.
		assert_ok!(CircularCredit::pay(signed(1), 0, 2, 100, memo()));
		assert_noop!(
			CircularCredit::pay(signed(1), 0, 2, 1, memo()),
			Error::<Test>::CreditLimitExceeded
		);
		// When the co-op caps 3's balance at 10, then a payment of 11 to 3 is refused.
		assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 3, 100, Some(10)));
		assert_noop!(
			CircularCredit::pay(signed(4), 0, 3, 11, memo()),
			Error::<Test>::CeilingExceeded
		);
	});
}

#[test]
fn fails_for_bad_payments() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five.
		circle_of_five(false);
		// When a payment is of nothing, to the payer itself, or from or to an account outside
		// the circle.
		// Then each is refused.
		assert_noop!(CircularCredit::pay(signed(1), 0, 2, 0, memo()), Error::<Test>::ZeroAmount);
		assert_noop!(CircularCredit::pay(signed(1), 0, 1, 5, memo()), Error::<Test>::SelfDealing);
		assert_noop!(
			CircularCredit::pay(signed(9), 0, 1, 5, memo()),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			CircularCredit::pay(signed(1), 0, 9, 5, memo()),
			Error::<Test>::NotParticipant
		);
	});
}

#[test]
fn a_member_who_left_the_coop_is_frozen_but_may_settle() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 owes 2 40 in an accepted obligation.
		circle_of_five(false);
		let id = owe(1, 2, 40);
		// When 1 leaves the co-op (the co-op's registry tells this pallet).
		MockCoops::remove_member(1u64);
		<CircularCredit as OnMemberRemoved<AccountId>>::on_member_removed(0, &1);
		// Then 1 is frozen: it can neither pay nor be paid, nor issue an obligation,
		assert_eq!(last_event(), Event::ParticipantFrozen { circle: 0, who: 1 });
		assert_noop!(CircularCredit::pay(signed(1), 0, 2, 5, memo()), Error::<Test>::Frozen);
		assert_noop!(CircularCredit::pay(signed(2), 0, 1, 5, memo()), Error::<Test>::Frozen);
		assert_noop!(
			CircularCredit::issue_obligation(signed(1), 0, 3, 5, 10),
			Error::<Test>::Frozen
		);
		// but it may still settle what it owes.
		assert_ok!(CircularCredit::settle_obligation(signed(1), 0, id, 40));
		assert_eq!(balance(1), -40);
	});
}
