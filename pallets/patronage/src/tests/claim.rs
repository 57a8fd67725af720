//! `claim`: a member's allocation, cash now and a retained tranche, within the claim window.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn pays_cash_and_retains_equity() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 closed at 8.5 per unit,
		two_members_period();
		close(10_000);
		let treasury = balance(TREASURY);
		// when member 1 claims for their 600 units,
		claim(0, 1);
		// then 600 × 8.5 = 5 100: 1 530 in cash, 3 570 retained (back in the treasury),
		// maturing after period 2.
		assert_eq!(balance(1), ENDOWMENT + 1_530);
		assert_eq!(balance(TREASURY), treasury + 3_570);
		assert_eq!(balance(Patronage::pot_account(0)), ED + 8_500 - 5_100);
		assert_eq!(
			CapitalAccounts::<Test>::get(0, 1).into_inner(),
			vec![EquityTranche { period: 0, matures_after: 2, amount: 3_570 }]
		);
		assert_eq!(EquityOwed::<Test>::get(0), 3_570);
		assert_eq!(MemberPatronage::<Test>::get((0, 0), 1), None);
		assert_eq!(
			last_event(),
			Event::AllocationNotified {
				coop: 0,
				period: 0,
				member: 1,
				units: 600,
				total: 5_100,
				cash: 1_530,
				retained: 3_570,
				matures_after: 2,
			}
		);
	});
}

#[test]
fn anyone_may_claim_for_a_member() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 closed, when the till claims for member 2,
		two_members_period();
		close(10_000);
		assert_ok!(Patronage::claim(RuntimeOrigin::signed(TILL), 0, 0, 2));
		// then member 2 is paid 400 × 8.5 = 3 400: 1 020 in cash.
		assert_eq!(balance(2), ENDOWMENT + 1_020);
	});
}

#[test]
fn cash_is_rounded_up() {
	ExtBuilder::default().build_and_execute(|| {
		// Given one unit, and a surplus of 9 whose 10 % and 5 % round down to nothing,
		with_policy();
		record(1, PURCHASES, 1);
		close(9);
		let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
		assert_eq!(closed.allocatable, 9);
		// when member 1 claims,
		claim(0, 1);
		// then 9 × 30 % = 2.7 → 3 in cash, 6 retained.
		assert_eq!(balance(1), ENDOWMENT + 3);
		assert_eq!(EquityOwed::<Test>::get(0), 6);
	});
}

#[test]
fn fails_twice() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1 has claimed, when they claim again, then there is nothing to claim.
		two_members_period();
		close(10_000);
		claim(0, 1);
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn fails_without_patronage() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 3 did no business in period 0, when they claim, then there is nothing.
		two_members_period();
		close(10_000);
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(3), 0, 0, 3),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn fails_for_an_open_or_unknown_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 still open, when member 1 claims for it, or for a co-op without
		// periods, then the period has not closed.
		two_members_period();
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
			Error::<Test>::PeriodNotClosed
		);
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(1), 1, 0, 1),
			Error::<Test>::PeriodNotClosed
		);
	});
}

#[test]
fn fails_after_the_claim_window() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 closed at block 1 with a 20-block window, when member 2 claims at
		// block 21, then it is in time;
		two_members_period();
		close(10_000);
		run_to_block(21);
		claim(0, 2);
		// at block 22, the runtime API no longer reports member 1's allocation as claimable,
		assert!(Patronage::claimable(0, 0, &1).is_some());
		run_to_block(22);
		assert_eq!(Patronage::claimable(0, 0, &1), None);
		// and when member 1 claims, then it is too late.
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
			Error::<Test>::ClaimWindowClosed
		);
	});
}

#[test]
fn fails_unsigned() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 closed, when an unsigned claim comes, then it is refused.
		two_members_period();
		close(10_000);
		assert_noop!(Patronage::claim(RuntimeOrigin::none(), 0, 0, 1), DispatchError::BadOrigin);
	});
}

#[test]
fn a_full_capital_account_merges_its_matured_tranches() {
	ExtBuilder::default().build_and_execute(|| {
		// Given equity that matures at once, and five periods each claimed: five tranches,
		// each matured, fill member 1's account;
		with_policy();
		let mut p = policy();
		p.revolving_periods = 0;
		assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
		for period in 0..5 {
			record(1, PURCHASES, 100);
			close(1_000);
			claim(period, 1);
		}
		assert_eq!(CapitalAccounts::<Test>::get(0, 1).len(), 5);
		let owed = EquityOwed::<Test>::get(0);
		// when member 1 claims for a sixth period,
		record(1, PURCHASES, 100);
		close(1_000);
		claim(5, 1);
		// then the five are merged into one, first in line, and the new tranche follows.
		let account = CapitalAccounts::<Test>::get(0, 1);
		assert_eq!(account.len(), 2);
		assert_eq!(account[0].period, 0);
		assert_eq!(account[0].amount, owed);
		assert!(events().contains(&Event::TranchesMerged {
			coop: 0,
			member: 1,
			count: 5,
			amount: owed
		}));
	});
}

#[test]
fn fails_when_the_capital_account_is_full_of_unmatured_tranches() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's account filled by hand with unmatured tranches (a state the policy
		// bound prevents),
		with_policy();
		let unmatured: Vec<_> = (0..5)
			.map(|i| EquityTranche { period: 90 + i, matures_after: 100, amount: 1 })
			.collect();
		CapitalAccounts::<Test>::insert(0, 1, BoundedVec::truncate_from(unmatured));
		EquityOwed::<Test>::insert(0, 5);
		Maturing::<Test>::insert(0, 100, 5);
		record(1, PURCHASES, 100);
		close(1_000);
		// when member 1 claims, then there is no room for the new tranche.
		assert_noop!(
			Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
			Error::<Test>::CapitalAccountFull
		);
	});
}
