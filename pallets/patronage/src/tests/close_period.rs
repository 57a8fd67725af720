//! `close_period`: the surplus split, the rate, and the next period.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn splits_the_surplus_and_opens_the_next_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 000 member units in period 0,
		two_members_period();
		// when the co-op closes it at block 7 with 10 000,
		System::set_block_number(7);
		close(10_000);
		// then 10 % goes to the reserve, 5 % to the fund, and 8 500 for 1 000 member units to
		// the pot: 8.5 per unit.
		let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
		assert_eq!(
			(closed.reserve, closed.fund, closed.non_member_share, closed.allocatable),
			(1_000, 500, 0, 8_500)
		);
		assert_eq!(closed.rate, FixedU128::from_rational(17, 2));
		assert_eq!((closed.matures_after, closed.claim_deadline), (2, 27));
		assert_eq!(balance(Patronage::pot_account(0)), ED + 8_500);
		assert_eq!(balance(Patronage::reserve_account(0)), ED + 1_000);
		assert_eq!(balance(Patronage::fund_account(0)), ED + 500);
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - 3 * ED - 10_000);
		// and period 1 is open.
		assert_eq!(
			OpenPeriods::<Test>::get(0),
			Some(OpenPeriod { index: 1, opened_at: 7, member_units: 0, non_member_units: 0 })
		);
		let evs = events();
		assert_eq!(
			evs[evs.len() - 2],
			Event::PeriodClosed {
				coop: 0,
				period: 0,
				surplus: 10_000,
				reserve: 1_000,
				fund: 500,
				non_member_share: 0,
				allocatable: 8_500,
				rate: FixedU128::from_rational(17, 2),
				claim_deadline: 27,
			}
		);
		assert_eq!(last_event(), Event::PeriodOpened { coop: 0, period: 1 });
	});
}

#[test]
fn non_member_business_earns_the_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 000 member units and 250 non-member units,
		two_members_period();
		record(CUSTOMER, PURCHASES, 250);
		// when the period closes with 10 000,
		close(10_000);
		// then 8 500 × 250 / 1 250 goes to the reserve, 6 800 to members: 6.8 per unit.
		let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
		assert_eq!((closed.non_member_share, closed.allocatable), (1_700, 6_800));
		assert_eq!(balance(Patronage::reserve_account(0)), ED + 1_000 + 1_700);
	});
}

#[test]
fn a_period_without_member_patronage_goes_to_the_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no patronage, when the period closes with 1 000, then all but the fund share
		// goes to the reserve.
		with_policy();
		close(1_000);
		let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
		assert_eq!((closed.non_member_share, closed.allocatable), (850, 0));
		assert_eq!(closed.rate, FixedU128::zero());
		assert_eq!(balance(Patronage::reserve_account(0)), ED + 950);
	});
}

#[test]
fn a_zero_surplus_closes_the_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Given patronage, when the period closes with nothing, then it closes and nobody has
		// anything to claim.
		two_members_period();
		close(0);
		assert_eq!(ClosedPeriods::<Test>::get(0, 0).map(|c| c.allocatable), Some(0));
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn fails_for_another_origin() {
	ExtBuilder::default().build_and_execute(|| {
		// Given patronage, when the till tries to close the period, then it is refused.
		two_members_period();
		assert_noop!(
			Patronage::close_period(RuntimeOrigin::signed(TILL), 0, 10),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn fails_without_a_policy() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no policy, when the co-op closes a period, then it is refused.
		assert_noop!(Patronage::close_period(coop_origin(), 0, 10), Error::<Test>::NoPolicy);
	});
}

#[test]
fn fails_when_the_treasury_cannot_pay() {
	ExtBuilder::default().build_and_execute(|| {
		// Given patronage, when the surplus is one more than the treasury can spend, then it
		// is refused; all the treasury can spend is accepted.
		two_members_period();
		let spendable = balance(TREASURY) - ED;
		assert_noop!(
			Patronage::close_period(coop_origin(), 0, spendable + 1),
			Error::<Test>::TreasuryTooPoor
		);
		assert_ok!(Patronage::close_period(coop_origin(), 0, spendable));
		assert_eq!(balance(TREASURY), ED);
	});
}

#[test]
fn fails_when_the_rate_cannot_be_expressed() {
	ExtBuilder::default().build_and_execute(|| {
		// Given one patronage unit, when the period closes with 10^21, then the rate cannot
		// be expressed: a fixed-point rate holds at most ~3.4 × 10^20 per unit.
		with_policy();
		record(1, PURCHASES, 1);
		Balances::set_balance(&TREASURY, 10u128.pow(22));
		assert_noop!(
			Patronage::close_period(coop_origin(), 0, 10u128.pow(21)),
			Error::<Test>::RateOverflow
		);
		// In smaller units it can.
		record(1, PURCHASES, 9);
		assert_ok!(Patronage::close_period(coop_origin(), 0, 10u128.pow(21)));
	});
}
