//! Issuing, accepting, settling and cancelling obligations.

use super::*;

#[test]
fn issue_accept_settle() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five.
		circle_of_five(false);
		// When 2 issues an obligation of 50 on 1, due at block 30.
		assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 50, 30));
		// Then it is issued, and cannot be settled before the debtor accepts it.
		assert_eq!(
			last_event(),
			Event::ObligationIssued {
				circle: 0,
				id: 0,
				debtor: 1,
				creditor: 2,
				amount: 50,
				due: 30
			}
		);
		assert_noop!(
			CircularCredit::settle_obligation(signed(1), 0, 0, 10),
			Error::<Test>::NotAccepted
		);
		// When the creditor accepts it, then it is refused: only the debtor accepts.
		assert_noop!(CircularCredit::accept_obligation(signed(2), 0, 0), Error::<Test>::NotDebtor);
		// When the debtor accepts it, then it is accepted, once.
		assert_ok!(CircularCredit::accept_obligation(signed(1), 0, 0));
		assert_eq!(last_event(), Event::ObligationAccepted { circle: 0, id: 0 });
		assert_noop!(
			CircularCredit::accept_obligation(signed(1), 0, 0),
			Error::<Test>::AlreadyAccepted
		);
		// When the debtor settles 20, then 30 is outstanding; settling more than that, or
		// settling as the creditor, is refused.
		assert_ok!(CircularCredit::settle_obligation(signed(1), 0, 0, 20));
		assert_eq!(
			last_event(),
			Event::ObligationSettled { circle: 0, id: 0, amount: 20, outstanding: 30 }
		);
		assert_noop!(
			CircularCredit::settle_obligation(signed(1), 0, 0, 31),
			Error::<Test>::AboveOutstanding
		);
		assert_noop!(
			CircularCredit::settle_obligation(signed(2), 0, 0, 1),
			Error::<Test>::NotDebtor
		);
		// When the debtor settles the last 30, then the obligation is closed and 50 of credit
		// has moved from 1 to 2.
		assert_ok!(CircularCredit::settle_obligation(signed(1), 0, 0, 30));
		assert!(Obligations::<Test>::get(0, 0).is_none());
		assert_eq!((balance(1), balance(2)), (-50, 50));
	});
}

#[test]
fn issue_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five.
		circle_of_five(false);
		// When 2 issues an obligation of nothing, on itself, on a non-participant, or in a
		// circle that does not exist, then each is refused.
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 0, 1, 0, 30),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 0, 2, 5, 30),
			Error::<Test>::SelfDealing
		);
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 0, 9, 5, 30),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 1, 1, 5, 30),
			Error::<Test>::CircleNotFound
		);
		// When 2 has `MaxPendingPerIssuer` (3) obligations waiting for their debtors, then the
		// next is refused.
		for _ in 0..3 {
			assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30));
		}
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 0, 3, 5, 30),
			Error::<Test>::TooManyPending
		);
	});
}

#[test]
fn accepting_beyond_max_obligations_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle holding `MaxObligations` (40) accepted obligations.
		circle_of_five(false);
		for _ in 0..40 {
			owe(1, 2, 5);
		}
		// When another is issued, then it waits; when its debtor accepts it, then that is
		// refused: the circle's clearing is bounded.
		let id = Circles::<Test>::get(0).expect("circle").next_obligation;
		assert_ok!(CircularCredit::issue_obligation(signed(3), 0, 4, 5, 30));
		assert_noop!(
			CircularCredit::accept_obligation(signed(4), 0, id),
			Error::<Test>::TooManyObligations
		);
	});
}

#[test]
fn spam_obligations_can_neither_fill_a_circle_nor_trap_a_debtor() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle of five where 3, 4 and 5 each issue as many obligations on 1 as they
		// may (3 each) and 1 accepts none of them.
		circle_of_five(false);
		let first = Circles::<Test>::get(0).expect("circle").next_obligation;
		for creditor in 3..=5 {
			for _ in 0..3 {
				assert_ok!(CircularCredit::issue_obligation(signed(creditor), 0, 1, 5, 30));
			}
			assert_noop!(
				CircularCredit::issue_obligation(signed(creditor), 0, 1, 5, 30),
				Error::<Test>::TooManyPending
			);
		}
		// Then none of the 9 counts against the circle's `MaxObligations`: the others can
		// still owe each other up to the bound.
		assert_eq!(Circles::<Test>::get(0).map(|c| c.open_obligations), Some(0));
		for _ in 0..40 {
			owe(3, 2, 1);
		}
		// When 1 wants to leave, then it cannot while they wait; it rejects each (only it
		// may), and then it leaves.
		assert_noop!(CircularCredit::leave(signed(1), 0), Error::<Test>::CannotLeave);
		assert_noop!(
			CircularCredit::reject_obligation(signed(3), 0, first),
			Error::<Test>::NotDebtor
		);
		for id in first..first + 9 {
			assert_ok!(CircularCredit::reject_obligation(signed(1), 0, id));
			assert_eq!(last_event(), Event::ObligationRejected { circle: 0, id });
		}
		assert_ok!(CircularCredit::leave(signed(1), 0));
		// And the creditors may issue again.
		assert_eq!(PendingIssued::<Test>::iter_prefix(0).count(), 0);
	});
}

#[test]
fn an_unaccepted_obligation_expires_after_its_due_block() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 2 issued an obligation on 1 due at block 30 that 1 has not accepted, and an
		// accepted one due at block 30 too.
		circle_of_five(false);
		let id = Circles::<Test>::get(0).expect("circle").next_obligation;
		assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30));
		let accepted = owe(1, 2, 5);
		// When anyone expires it at its due block, then it is not expired yet.
		frame_system::Pallet::<Test>::set_block_number(30);
		assert_noop!(
			CircularCredit::expire_obligation(signed(9), 0, id),
			Error::<Test>::NotExpired
		);
		// When anyone expires it after, then it is gone; an accepted obligation never expires.
		frame_system::Pallet::<Test>::set_block_number(101);
		assert_ok!(CircularCredit::expire_obligation(signed(9), 0, id));
		assert_eq!(last_event(), Event::ObligationExpired { circle: 0, id });
		assert!(PendingObligations::<Test>::get(0, id).is_none());
		assert_noop!(
			CircularCredit::expire_obligation(signed(9), 0, accepted),
			Error::<Test>::AlreadyAccepted
		);
		assert_noop!(
			CircularCredit::reject_obligation(signed(1), 0, accepted),
			Error::<Test>::AlreadyAccepted
		);
		assert_noop!(
			CircularCredit::expire_obligation(signed(9), 0, 77),
			Error::<Test>::ObligationNotFound
		);
	});
}

#[test]
fn the_creditor_cancels() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 owes 2 50 in an accepted obligation.
		circle_of_five(false);
		let id = owe(1, 2, 50);
		// When the debtor cancels it, then it is refused: only the creditor may.
		assert_noop!(
			CircularCredit::cancel_obligation(signed(1), 0, id),
			Error::<Test>::NotCreditor
		);
		// When the creditor cancels it and one 1 has not accepted yet, then both are gone,
		// and cannot be cancelled again.
		let pending = Circles::<Test>::get(0).expect("circle").next_obligation;
		assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 20, 30));
		assert_ok!(CircularCredit::cancel_obligation(signed(2), 0, pending));
		assert_eq!(last_event(), Event::ObligationCancelled { circle: 0, id: pending });
		assert_ok!(CircularCredit::cancel_obligation(signed(2), 0, id));
		assert_eq!(last_event(), Event::ObligationCancelled { circle: 0, id });
		assert_noop!(
			CircularCredit::cancel_obligation(signed(2), 0, id),
			Error::<Test>::ObligationNotFound
		);
		// Then the debtor, owing nothing, may leave the circle.
		assert_ok!(CircularCredit::leave(signed(1), 0));
	});
}

#[test]
fn an_obligation_above_the_largest_credit_line_is_refused_so_clearing_never_overflows() {
	ExtBuilder::default().build_and_execute(|| {
		circle_of_five(true);
		// Given two members who would owe each other 2¹²⁷ − 1 each way (which overflowed the
		// circle's totals and stalled every clearing),
		let huge = i128::MAX as Credit;
		// when they issue it, it is refused, as is anything above `MaxCreditLimit`;
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 0, 1, huge, 30),
			Error::<Test>::ObligationTooLarge
		);
		let max: Credit = <<Test as Config>::MaxCreditLimit as Get<Credit>>::get();
		assert_noop!(
			CircularCredit::issue_obligation(signed(2), 0, 1, max + 1, 30),
			Error::<Test>::ObligationTooLarge
		);
		// then at the bound, each way, the clearing sets both off in full.
		let a = owe(1, 2, max);
		let b = owe(2, 1, max);
		let (list, p) = proposal();
		assert_eq!(list, vec![(a, max), (b, max)]);
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		assert_eq!(Obligations::<Test>::iter_prefix(0).count(), 0);
	});
}

/// What account `who` holds for obligation deposits, and its free balance.
fn funds(who: AccountId) -> (Balance, Balance) {
	let reason = RuntimeHoldReason::CircularCredit(HoldReason::ObligationDeposit);
	(Balances::balance_on_hold(&reason, &who), Balances::free_balance(who))
}

#[test]
fn a_waiting_obligation_holds_a_deposit_that_follows_the_debtors_answer() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 2 issues three obligations on 1 that 1 has not answered.
		circle_of_five(false);
		let first = Circles::<Test>::get(0).expect("circle").next_obligation;
		for _ in 0..3 {
			assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30));
		}
		// Then each holds the deposit from the creditor.
		assert_eq!(funds(2), (3 * DEPOSIT, ENDOWMENT - 3 * DEPOSIT));
		assert_eq!(PendingDeposits::<Test>::get(0, first), Some(DEPOSIT));
		// When 1 accepts the first, 2 cancels the second and 1 rejects the third, then the
		// creditor has the first two deposits back and the debtor is paid the third.
		assert_ok!(CircularCredit::accept_obligation(signed(1), 0, first));
		assert_eq!(funds(2), (2 * DEPOSIT, ENDOWMENT - 2 * DEPOSIT));
		assert_ok!(CircularCredit::cancel_obligation(signed(2), 0, first + 1));
		assert_eq!(funds(2), (DEPOSIT, ENDOWMENT - DEPOSIT));
		assert_ok!(CircularCredit::reject_obligation(signed(1), 0, first + 2));
		assert_eq!(funds(2), (0, ENDOWMENT - DEPOSIT));
		assert_eq!(funds(1), (0, ENDOWMENT + DEPOSIT));
		assert_eq!(PendingDeposits::<Test>::iter_prefix(0).count(), 0);
		// When 2 issues one more and it expires unanswered, then its deposit comes back.
		let late = first + 3;
		assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30));
		assert_eq!(funds(2), (DEPOSIT, ENDOWMENT - 2 * DEPOSIT));
		frame_system::Pallet::<Test>::set_block_number(31);
		assert_ok!(CircularCredit::expire_obligation(signed(9), 0, late));
		assert_eq!(funds(2), (0, ENDOWMENT - DEPOSIT));
		// And no COOP was made or lost: what 2 lost, 1 gained.
		assert_eq!(<Balances as Inspect<AccountId>>::total_issuance(), 1101 * ENDOWMENT);
	});
}

#[test]
fn a_creditor_that_cannot_pay_the_deposit_cannot_issue() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a participant with less than the deposit.
		circle_of_five(false);
		assert_ok!(Balances::transfer_allow_death(signed(3), 9, ENDOWMENT - DEPOSIT + 1));
		// When it issues an obligation, then it is refused and nothing is recorded.
		assert_noop!(
			CircularCredit::issue_obligation(signed(3), 0, 1, 5, 30),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn an_obligation_without_a_deposit_closes_like_any_other() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a runtime that asks no deposit (or an obligation migrated from version 1).
		TestDeposit::set(0);
		circle_of_five(false);
		let id = Circles::<Test>::get(0).expect("circle").next_obligation;
		assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 1, 5, 30));
		assert_eq!(PendingDeposits::<Test>::get(0, id), None);
		// When the deposit is raised and the debtor rejects the old obligation, then nothing
		// moves: only what was held is ever paid out.
		TestDeposit::set(DEPOSIT);
		assert_ok!(CircularCredit::reject_obligation(signed(1), 0, id));
		assert_eq!((funds(1), funds(2)), ((0, ENDOWMENT), (0, ENDOWMENT)));
	});
}
