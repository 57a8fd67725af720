//! `transfer_dissolved_reserve`: a dissolved co-op's reserve and fund are passed on.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::fungible::Mutate};

#[test]
fn a_dissolved_coops_reserve_and_fund_go_to_the_development_fund() {
	ExtBuilder::default().build_and_execute(|| {
		// Given co-op 2, which no longer exists, with 300 in its reserve and 40 in its fund,
		assert_ok!(Balances::mint_into(&Patronage::reserve_account(2), 300));
		assert_ok!(Balances::mint_into(&Patronage::fund_account(2), 40));
		// when anyone passes them on,
		assert_ok!(Patronage::transfer_dissolved_reserve(RuntimeOrigin::signed(9), 2));
		// then both are in the development fund, but for the seeds that keep the accounts
		// alive (later sweeps of unclaimed allocations still land in a living reserve).
		assert_eq!(balance(DEVELOPMENT_FUND), 300 + 40 - 2 * ED);
		assert_eq!(balance(Patronage::reserve_account(2)), ED);
		assert_eq!(balance(Patronage::fund_account(2)), ED);
		assert_eq!(
			last_event(),
			Event::DissolvedReserveTransferred {
				coop: 2,
				to: DEVELOPMENT_FUND,
				reserve: 300 - ED,
				fund: 40 - ED
			}
		);
		// Again, there is nothing left to pass on.
		assert_noop!(
			Patronage::transfer_dissolved_reserve(RuntimeOrigin::signed(9), 2),
			Error::<Test>::NothingToTransfer
		);
	});
}

#[test]
fn a_living_coops_reserve_stays_with_it() {
	ExtBuilder::default().build_and_execute(|| {
		// Given co-op 0, which exists, with a reserve from a closed period,
		two_members_period();
		close(10_000);
		// when someone tries to pass it on, then it is refused, and the reserve stays.
		let reserve = balance(Patronage::reserve_account(0));
		assert_noop!(
			Patronage::transfer_dissolved_reserve(RuntimeOrigin::signed(9), 0),
			Error::<Test>::CoopNotDissolved
		);
		assert_noop!(
			Patronage::transfer_dissolved_reserve(RuntimeOrigin::signed(9), 1),
			Error::<Test>::CoopNotDissolved
		);
		assert_eq!(balance(Patronage::reserve_account(0)), reserve);
	});
}
