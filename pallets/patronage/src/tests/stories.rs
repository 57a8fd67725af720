//! Stories over several periods: a year of quarters, members who leave, accounts reaped.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[docify::export]
#[test]
fn a_year_of_quarters_with_revolving_retirement() {
	ExtBuilder::default().build_and_execute(|| {
		// Given co-op 0's policy: purchases ×1 and labour hours ×10, 10 % to the reserve, 5 %
		// to the fund, 30 % of each allocation in cash, equity revolving after 2 periods;
		with_policy();
		let mut cash = [0u128; 3];
		let mut retained = [0u128; 3];
		// when, four quarters running, the till records the members' business, the co-op
		// closes the quarter with 20 000 of surplus, and each member claims,
		for quarter in 0..4u32 {
			record(1, PURCHASES, 1_000);
			record(2, LABOUR, 50);
			record(3, PURCHASES, 200 + 100 * quarter as u128);
			close(20_000);
			for (i, member) in [1, 2, 3].into_iter().enumerate() {
				claim(quarter, member);
				if let Event::AllocationNotified { cash: c, retained: r, .. } = last_event() {
					cash[i] += c;
					retained[i] += r;
				}
			}
		}
		// then quarters 0 and 1 have matured (after periods 2 and 3), 2 and 3 have not, and
		// `revolve` pays each member the matured two.
		for member in [1, 2, 3] {
			let account = Patronage::capital_account(0, &member);
			assert_eq!(account.tranches.len(), 4);
			assert_eq!(account.matured, account.tranches[0].amount + account.tranches[1].amount);
			let before = balance(member);
			assert_ok!(Patronage::revolve(RuntimeOrigin::signed(member), 0, member));
			assert_eq!(balance(member), before + account.matured);
			assert_eq!(CapitalAccounts::<Test>::get(0, member).len(), 2);
		}
		// Cash is at least 30 % of each member's allocations in the year.
		for i in 0..3 {
			assert!(cash[i] * 10 >= (cash[i] + retained[i]) * 3);
		}
		// Everyone claimed: only rounding remainders are left in the pot.
		let allocatable: u128 = (0..4)
			.map(|p| ClosedPeriods::<Test>::get(0, p).map(|c| c.allocatable).unwrap_or(0))
			.sum();
		assert!(allocatable - (cash.iter().sum::<u128>() + retained.iter().sum::<u128>()) < 12);
	});
}

#[test]
fn a_member_who_leaves_is_still_paid() {
	ExtBuilder::default().build_and_execute(|| {
		// Given period 0 closed, when member 2 leaves before claiming and buys again as a
		// non-member,
		two_members_period();
		close(10_000);
		MockCoops::remove_member(2u128);
		record(2, PURCHASES, 500);
		// then the new business counts as non-member volume,
		assert_eq!(OpenPeriods::<Test>::get(0).map(|o| o.non_member_units), Some(500));
		// and they still claim period 0 and are paid their retained equity once it matures.
		claim(0, 2);
		close(0);
		close(0);
		let before = balance(2);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 2));
		assert_eq!(balance(2), before + 2_380);
	});
}

#[test]
fn a_member_whose_account_was_reaped_waits_until_they_can_receive() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1 retained 2 (4 allocatable: 30 % of 4 = 1.2 → 2 cash, 2 retained),
		// matured,
		with_policy();
		record(1, PURCHASES, 1);
		close(4);
		claim(0, 1);
		close(0);
		close(0);
		// when their account has been reaped, then 2 is below the existential deposit: it
		// cannot open the account, so it stays owed;
		Balances::set_balance(&1, 0);
		assert_noop!(
			Patronage::revolve(RuntimeOrigin::signed(9), 0, 1),
			Error::<Test>::PaymentBelowMinimum
		);
		// once the account exists again, it is paid.
		Balances::set_balance(&1, ENDOWMENT);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
	});
}

#[test]
fn a_reaped_members_dust_cash_is_retained_as_equity_not_lost() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's allocation of 4 pays 2 in cash, and their account has been reaped
		// (before, the claim failed until the window closed and the sweep took it all),
		with_policy();
		record(1, PURCHASES, 1);
		close(4);
		Balances::set_balance(&1, 0);
		// when it is claimed, all 4 are retained as equity (no dust payment to open an account),
		assert_ok!(Patronage::claim(RuntimeOrigin::signed(9), 0, 0, 1));
		assert!(events().iter().any(|e| matches!(
			e,
			Event::AllocationNotified { member: 1, total: 4, cash: 0, retained: 4, .. }
		)));
		assert_eq!(balance(1), 0);
		// then, once it matures and the account exists again, all 4 are paid.
		close(0);
		close(0);
		Balances::set_balance(&1, ENDOWMENT);
		assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		assert_eq!(balance(1), ENDOWMENT + 4);
	});
}
