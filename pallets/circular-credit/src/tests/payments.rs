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
fn a_member_who_left_the_coop_is_frozen_but_may_settle_and_be_paid() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 owes 2 40 in an accepted obligation.
		circle_of_five(false);
		let id = owe(1, 2, 40);
		// When 1 leaves the co-op (the co-op's registry tells this pallet).
		MockCoops::remove_member(1u64);
		<CircularCredit as OnMemberRemoved<AccountId>>::on_member_removed(0, &1);
		// Then 1 is frozen: it can neither pay nor issue an obligation,
		assert_eq!(last_event(), Event::ParticipantFrozen { circle: 0, who: 1 });
		assert_noop!(CircularCredit::pay(signed(1), 0, 2, 5, memo()), Error::<Test>::Frozen);
		assert_noop!(
			CircularCredit::issue_obligation(signed(1), 0, 3, 5, 10),
			Error::<Test>::Frozen
		);
		// but it may still settle what it owes,
		assert_ok!(CircularCredit::settle_obligation(signed(1), 0, id, 40));
		assert_eq!(balance(1), -40);
		// and be paid, so that its debt can come back (a guarantor pays it 15).
		assert_ok!(CircularCredit::pay(signed(3), 0, 1, 15, memo()));
		assert_eq!(balance(1), -25);
	});
}

#[test]
fn the_coop_writes_off_what_a_departed_member_owes() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 spent its whole credit line (100) with 2, and 3 issued an obligation on 1
		// that 1 has not accepted.
		circle_of_five(false);
		assert_ok!(CircularCredit::pay(signed(1), 0, 2, 100, memo()));
		let pending = Circles::<Test>::get(0).expect("circle").next_obligation;
		assert_ok!(CircularCredit::issue_obligation(signed(3), 0, 1, 5, 10));
		// When the co-op writes off 1's debt while 1 is still a member, then it is refused:
		// only a member who left can default.
		assert_noop!(CircularCredit::write_off(signed(TREASURY), 0, 1), Error::<Test>::NotFrozen);
		// When 1 leaves the co-op owing 100, and anyone but the co-op writes it off, then that
		// is refused.
		MockCoops::remove_member(1u64);
		<CircularCredit as OnMemberRemoved<AccountId>>::on_member_removed(0, &1);
		assert_noop!(CircularCredit::write_off(signed(2), 0, 1), DispatchError::BadOrigin);
		// When the co-op writes it off, then 1's balance is zero and the loss, 100, is booked
		// to the circle's loss account: the balances (2 holds 100) sum to what was written off.
		assert_ok!(CircularCredit::write_off(signed(TREASURY), 0, 1));
		assert_eq!(last_event(), Event::WrittenOff { circle: 0, who: 1, amount: 100 });
		assert_eq!(balance(1), 0);
		assert_eq!(WrittenOff::<Test>::get(0), 100);
		// and 1 stays a participant while an obligation ties it; once that is gone, a second
		// write-off finds nothing to write off, and 1 can be let go.
		assert!(Participants::<Test>::contains_key(0, 1));
		assert_noop!(
			CircularCredit::write_off(signed(TREASURY), 0, 1),
			Error::<Test>::NothingToWriteOff
		);
		assert_ok!(CircularCredit::cancel_obligation(signed(3), 0, pending));
		assert_ok!(CircularCredit::leave(signed(1), 0));
	});
}

#[test]
fn a_write_off_of_a_square_member_lets_it_go() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 left the co-op owing 30 and no obligations.
		circle_of_five(false);
		assert_ok!(CircularCredit::pay(signed(1), 0, 2, 30, memo()));
		MockCoops::remove_member(1u64);
		<CircularCredit as OnMemberRemoved<AccountId>>::on_member_removed(0, &1);
		// When the co-op writes off its debt, then it leaves the circle too: its place is free.
		assert_ok!(CircularCredit::write_off(signed(TREASURY), 0, 1));
		assert_eq!(last_event(), Event::Left { circle: 0, who: 1 });
		assert!(!Participants::<Test>::contains_key(0, 1));
		assert_eq!((WrittenOff::<Test>::get(0), balance(2)), (30, 30));
		assert_noop!(
			CircularCredit::write_off(signed(TREASURY), 0, 1),
			Error::<Test>::NotParticipant
		);
	});
}
