//! `sweep_unclaimed`: after the claim window, what is left of a period's allocations goes to
//! the reserve.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn moves_unclaimed_allocations_and_remainders_to_the_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 100 allocatable over 3 units (33 each, 1 left over by rounding), of which
		// members 1 and 2 claimed theirs,
		with_policy();
		record(1, PURCHASES, 1);
		record(2, PURCHASES, 1);
		record(3, PURCHASES, 1);
		let mut p = policy();
		p.reserve_share = Perbill::zero();
		p.fund_share = Perbill::zero();
		assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
		close(100);
		claim(0, 1);
		claim(0, 2);
		run_to_block(22);
		let reserve = balance(Patronage::reserve_account(0));
		// when anyone sweeps after the window,
		assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
		// then member 3's 33 and the remainder 1 go to the reserve, the pot keeps its seed,
		assert_eq!(balance(Patronage::reserve_account(0)), reserve + 34);
		assert_eq!(balance(Patronage::pot_account(0)), ED);
		assert_eq!(
			last_event(),
			Event::UnclaimedSwept { coop: 0, period: 0, unclaimed: 33, remainder: 1 }
		);
		assert_eq!(
			ClosedPeriods::<Test>::get(0, 0).and_then(|c| c.swept),
			Some(Sweep { unclaimed: 33, remainder: 1 })
		);
		// and member 3 can no longer claim.
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(3), 0, 0, 3),
			Error::<Test>::ClaimWindowClosed
		);
	});
}

#[test]
fn fails_during_the_claim_window() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0's window ends at block 21, when anyone sweeps at block 21, then the
		// window is still open.
		two_members_period();
		close(10_000);
		run_to_block(21);
		assert_noop!(
			Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0),
			Error::<Test>::ClaimWindowOpen
		);
	});
}

#[test]
fn fails_twice_or_for_an_open_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 open, when anyone sweeps it, then it is refused;
		two_members_period();
		assert_noop!(
			Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0),
			Error::<Test>::PeriodNotClosed
		);
		// given it closed and swept after its window, when anyone sweeps again, then it is
		// refused.
		close(10_000);
		run_to_block(22);
		assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
		assert_noop!(
			Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0),
			Error::<Test>::AlreadySwept
		);
	});
}
