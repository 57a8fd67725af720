//! Each invariant of `do_try_state`, broken on purpose: every check has a case here that
//! corrupts storage and sees exactly that check report it.

use super::*;

/// A sound state: a circle of five; 1 paid 2 50; 1 owes 2 30 (accepted, `owed`); 4 issued an
/// obligation of 20 on 3 that 3 has not accepted (`issued`); 2 has a ceiling of 80; 5 left
/// the co-op owing 10, written off.
struct World {
	owed: ObligationId,
	issued: ObligationId,
}

fn world() -> World {
	circle_of_five(false);
	assert_ok!(CircularCredit::pay(signed(1), 0, 2, 50, memo()));
	let owed = owe(1, 2, 30);
	let issued = Circles::<Test>::get(0).unwrap().next_obligation;
	assert_ok!(CircularCredit::issue_obligation(signed(4), 0, 3, 20, 100));
	assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, 2, 100, Some(80)));
	assert_ok!(CircularCredit::pay(signed(5), 0, 4, 10, memo()));
	<CircularCredit as OnMemberRemoved<AccountId>>::on_member_removed(0, &5);
	assert_ok!(CircularCredit::write_off(signed(TREASURY), 0, 5));
	assert_ok!(CircularCredit::do_try_state());
	World { owed, issued }
}

/// In a fresh `world()`, `corrupt` breaks storage and `try_state` reports `message`.
fn breaks(message: &'static str, corrupt: impl FnOnce(&World)) {
	ExtBuilder::default().build().execute_with(|| {
		let w = world();
		corrupt(&w);
		assert_eq!(CircularCredit::do_try_state(), Err(message.into()), "{message}");
	});
}

fn participant(who: AccountId, f: impl FnOnce(&mut Participant)) {
	Participants::<Test>::mutate(0, who, |p| f(p.as_mut().expect("takes part")));
}

fn obligation(id: ObligationId, f: impl FnOnce(&mut ObligationOf<Test>)) {
	Obligations::<Test>::mutate(0, id, |o| f(o.as_mut().expect("open")));
}

fn pending(id: ObligationId, f: impl FnOnce(&mut ObligationOf<Test>)) {
	PendingObligations::<Test>::mutate(0, id, |o| f(o.as_mut().expect("waiting")));
}

fn circle(f: impl FnOnce(&mut CircleInfo)) {
	Circles::<Test>::mutate(0, |c| f(c.as_mut().expect("the circle exists")));
}

#[test]
fn every_invariant_catches_its_corruption() {
	// 1, 2
	breaks("participant numbers are issued by the circle", |_| participant(1, |p| p.index = 99));
	breaks("no balance is below its credit limit", |_| participant(1, |p| p.credit_limit = 10));
	breaks("no balance is above its ceiling", |_| participant(2, |p| p.ceiling = Some(10)));
	breaks("the balances of a circle sum to what it wrote off", |_| {
		participant(3, |p| p.balance = 1)
	});
	breaks("the balances of a circle sum to what it wrote off", |_| {
		WrittenOff::<Test>::insert(0, 1)
	});
	breaks("written-off credit too large", |_| WrittenOff::<Test>::insert(0, u128::MAX));
	breaks("balance sum overflows", |_| {
		participant(3, |p| p.balance = i128::MAX);
		participant(4, |p| p.balance = i128::MAX);
	});
	breaks("participant count matches", |_| circle(|c| c.participants += 1));
	// 3
	breaks("open obligations are positive", |w| pending(w.issued, |o| o.amount = 0));
	breaks("obligation too large", |w| pending(w.issued, |o| o.amount = u128::MAX));
	breaks("an obligation's parties take part", |w| pending(w.issued, |o| o.debtor = 9));
	breaks("an obligation is kept where its acceptance says", |w| {
		pending(w.issued, |o| o.accepted = true)
	});
	breaks("an obligation is kept where its acceptance says", |w| {
		obligation(w.owed, |o| o.accepted = false)
	});
	breaks("net overflows", |w| {
		obligation(w.owed, |o| o.amount = i128::MAX as u128);
		let twin = Obligations::<Test>::get(0, w.owed).unwrap();
		Obligations::<Test>::insert(0, 99, twin);
	});
	// 5
	breaks("open obligation count matches", |_| circle(|c| c.open_obligations += 1));
	breaks("a creditor's pending count matches", |_| PendingIssued::<Test>::insert(0, 4, 2));
	breaks("a creditor's pending count matches", |_| PendingIssued::<Test>::remove(0, 4));
	breaks("a participant's obligation count matches", |_| {
		participant(1, |p| p.open_obligations += 1)
	});
	// 4
	breaks("clearing never changed a net position", |_| participant(1, |p| p.obligation_net += 1));
	// 7
	breaks("liquidity is set only for circles", |_| LiquidityCircles::<Test>::insert(7, ()));
	breaks("only participants consent to liquidity", |_| {
		LiquidityConsents::<Test>::insert(0, 9, ())
	});
	// 6
	breaks("a deposit belongs to an unaccepted obligation", |w| {
		PendingDeposits::<Test>::insert(0, w.owed, DEPOSIT)
	});
	breaks("what is held from a participant is the sum of its obligations' deposits", |w| {
		PendingDeposits::<Test>::insert(0, w.issued, DEPOSIT + 1)
	});
	breaks("what is held from a participant is the sum of its obligations' deposits", |_| {
		let reason = RuntimeHoldReason::CircularCredit(HoldReason::ObligationDeposit);
		assert_ok!(<Balances as MutateHold<AccountId>>::hold(&reason, &3, 1));
	});
}
