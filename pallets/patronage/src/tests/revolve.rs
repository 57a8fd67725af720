//! `revolve`: matured retained equity paid back from the treasury, oldest first, as far as the
//! treasury can pay.

use super::*;
use frame_support::{assert_noop, assert_ok};

/// Member 1 has a 3 570 tranche from period 0, maturing after period 2.
fn member_one_with_equity() {
	two_members_period();
	close(10_000);
	claim(0, 1);
}

#[test]
fn pays_matured_equity() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's tranche has matured (periods 1 and 2 closed),
		member_one_with_equity();
		close(0);
		close(0);
		let before = balance(1);
		// when anyone revolves it,
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		// then member 1 is paid all of it and the co-op owes nothing more.
		assert_eq!(balance(1), before + 3_570);
		assert!(!CapitalAccounts::<Test>::contains_key(0, 1));
		assert_eq!(EquityOwed::<Test>::get(0), 0);
		assert_eq!(
			last_event(),
			Event::EquityRevolved { coop: 0, member: 1, paid: 3_570, still_owed: 0 }
		);
	});
}

#[test]
fn fails_before_maturity() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's tranche has not matured (only period 1 closed since), when they
		// revolve, or a member without equity does, then nothing has matured.
		member_one_with_equity();
		close(0);
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(1), 0, 1),
			Error::<Test>::NothingMatured
		);
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(1), 0, 3),
			Error::<Test>::NothingMatured
		);
	});
}

#[test]
fn fails_without_a_policy() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no policy, when anyone revolves, then it is refused.
		assert_noop!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1), Error::<Test>::NoPolicy);
	});
}

#[test]
fn a_poor_treasury_pays_what_it_can_and_owes_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's 3 570 has matured and the treasury can spend only 1 000,
		member_one_with_equity();
		close(0);
		close(0);
		Balances::set_balance(&TREASURY, ED + 1_000);
		let before = balance(1);
		// when they revolve, then 1 000 is paid and 2 570 stays owed;
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1));
		assert_eq!(balance(1), before + 1_000);
		assert_eq!(balance(TREASURY), ED);
		assert_eq!(EquityOwed::<Test>::get(0), 2_570);
		assert_eq!(
			last_event(),
			Event::EquityRevolved { coop: 0, member: 1, paid: 1_000, still_owed: 2_570 }
		);
		// when they revolve again with the treasury empty, then it cannot pay;
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(1), 0, 1),
			Error::<Test>::TreasuryCannotPay
		);
		// and once it has funds again, the rest is paid.
		Balances::set_balance(&TREASURY, 10_000);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1));
		assert_eq!(balance(1), before + 3_570);
		assert_eq!(EquityOwed::<Test>::get(0), 0);
	});
}

#[test]
fn pays_only_matured_tranches_oldest_first() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a matured tranche from period 0 (3 570, matures after 2) and an unmatured one
		// from period 1 (850 for 100 units → 255 cash, 595 retained, matures after 3),
		member_one_with_equity();
		record(1, PURCHASES, 100);
		close(1_000);
		claim(1, 1);
		close(0); // period 2 closed: the period 0 tranche matures
		let before = balance(1);
		// when member 1 revolves,
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1));
		// then only the period 0 tranche is paid.
		assert_eq!(balance(1), before + 3_570);
		assert_eq!(
			CapitalAccounts::<Test>::get(0, 1).into_inner(),
			vec![EquityTranche { period: 1, matures_after: 3, amount: 595 }]
		);
	});
}

/// Member 1's 3 570 from period 0 (matures after 2) and member 2's equity from period 1
/// (matures after 3), both matured (periods 2 and 3 closed); returns member 2's.
fn two_members_matured() -> Balance {
	member_one_with_equity();
	record(2, PURCHASES, 100);
	close(1_000);
	claim(1, 2);
	let second = CapitalAccounts::<Test>::get(0, 2)[0].amount;
	close(0);
	close(0);
	assert_eq!(Matured::<Test>::get(0).into_inner(), vec![(2, 3_570), (3, second)]);
	second
}

#[test]
fn the_coops_oldest_matured_equity_is_paid_first_whoever_asks_first() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's older and member 2's newer matured equity, and a treasury that can
		// pay only member 1's,
		let second = two_members_matured();
		Balances::set_balance(&TREASURY, ED + 3_570);
		// when member 2 asks first, then nothing is paid: the treasury keeps what the older
		// equity is owed;
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(2), 0, 2),
			Error::<Test>::TreasuryCannotPay
		);
		// when member 1 asks, then they are paid in full;
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		assert!(!CapitalAccounts::<Test>::contains_key(0, 1));
		assert_eq!(Matured::<Test>::get(0).into_inner(), vec![(3, second)]);
		// and once the treasury has funds again, member 2 is.
		Balances::set_balance(&TREASURY, 10_000);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 2));
		assert_eq!(EquityOwed::<Test>::get(0), 0);
		assert!(!Matured::<Test>::contains_key(0));
	});
}

#[test]
fn closing_a_period_never_spends_what_matured_equity_is_owed() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's 3 570 that matures when period 2 closes, and a treasury of 5 000,
		member_one_with_equity();
		close(0);
		Balances::set_balance(&TREASURY, ED + 5_000);
		// when period 2 closes with a surplus of 2 000, then it is refused: 3 570 would be owed
		// and only 3 000 left;
		assert_noop!(
			Patronage::close_period(coop_origin(), 0, 2_000),
			Error::<Test>::MaturedEquityUnpaid
		);
		// with 1 430 it closes, and the equity is owed in full from what is left.
		assert_ok!(Patronage::close_period(coop_origin(), 0, 1_430));
		assert_eq!(Matured::<Test>::get(0).into_inner(), vec![(2, 3_570)]);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!(EquityOwed::<Test>::get(0), 0);
	});
}

#[test]
fn past_the_bound_the_newest_matured_equity_shares_the_last_bucket() {
	ExtBuilder::default().build_and_execute(|| {
		// Given matured equity of three maturities (2, 3 and 4) and room for two buckets,
		let second = two_members_matured();
		record(1, PURCHASES, 100);
		close(1_000); // period 4: member 1's equity from it matures after period 6
		claim(4, 1);
		let third = CapitalAccounts::<Test>::get(0, 1)[1].amount;
		close(0);
		close(0);
		// then the newest two share the last bucket, keyed by the newest maturity, and nothing
		// is lost;
		assert_eq!(Matured::<Test>::get(0).into_inner(), vec![(2, 3_570), (6, second + third)]);
		// member 1's oldest equity still comes first, then the rest in turn.
		Balances::set_balance(&TREASURY, ED + 3_570);
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(2), 0, 2),
			Error::<Test>::TreasuryCannotPay
		);
		Balances::set_balance(&TREASURY, 100_000);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 2));
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!(EquityOwed::<Test>::get(0), 0);
		assert!(!Matured::<Test>::contains_key(0));
	});
}

#[test]
fn a_dissolved_coops_equity_all_matures_and_is_revolved() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's 3 570 that would mature after period 2, when only period 0 closed,
		member_one_with_equity();
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(9), 0, 1),
			Error::<Test>::NothingMatured
		);
		// when the co-op dissolves (no period of it will ever close again),
		MockCoops::dissolve(0);
		<Patronage as coop_primitives::OnCoopDissolved>::on_coop_dissolved(0);
		// then the equity has matured, and is paid back from the treasury.
		assert!(Maturing::<Test>::iter_prefix(0).next().is_none());
		assert_eq!(Matured::<Test>::get(0).into_inner(), vec![(2, 3_570)]);
		let before = balance(1);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!(balance(1), before + 3_570);
		assert_eq!(EquityOwed::<Test>::get(0), 0);
	});
}

#[test]
fn a_period_closes_without_surplus_even_when_matured_equity_is_unpaid() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's 3 570 matured and unpaid, and a treasury short of it,
		member_one_with_equity();
		close(0);
		close(0);
		Balances::set_balance(&TREASURY, ED + 1_000);
		// when the co-op closes a period with no surplus, then it closes (claims and the
		// maturing of equity go on), and with any surplus it is refused.
		assert_ok!(Patronage::close_period(coop_origin(), 0, 0));
		assert_noop!(
			Patronage::close_period(coop_origin(), 0, 1),
			Error::<Test>::MaturedEquityUnpaid
		);
	});
}
