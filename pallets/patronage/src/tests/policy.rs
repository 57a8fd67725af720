//! `set_policy`: who may set a policy, what a valid one is, and what the first one opens.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn first_policy_opens_period_zero_and_seeds_accounts() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op without a policy; when it sets one:
		with_policy();
		// Then the policy is stored, period 0 is open, and the pot, reserve and fund accounts
		// hold the existential deposit from the treasury.
		assert_eq!(Policies::<Test>::get(0), Some(policy()));
		assert_eq!(OpenPeriods::<Test>::get(0).map(|o| o.index), Some(0));
		for account in
			[Patronage::pot_account(0), Patronage::reserve_account(0), Patronage::fund_account(0)]
		{
			assert_eq!(balance(account), ED);
		}
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - 3 * ED);
		assert_eq!(
			events(),
			vec![
				Event::PeriodOpened { coop: 0, period: 0 },
				Event::PolicySet { coop: 0, policy: policy() }
			]
		);
	});
}

#[test]
fn a_later_policy_keeps_the_open_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy and patronage recorded in period 0,
		with_policy();
		record(1, PURCHASES, 5);
		// when the co-op changes its policy,
		let mut changed = policy();
		changed.cash_share = Perbill::from_percent(100);
		assert_ok!(Patronage::set_policy(coop_origin(), 0, changed.clone()));
		// then period 0 stays open with its patronage, and the accounts are not seeded again.
		assert_eq!(OpenPeriods::<Test>::get(0).map(|o| (o.index, o.member_units)), Some((0, 5)));
		assert_eq!(last_event(), Event::PolicySet { coop: 0, policy: changed });
		assert_eq!(balance(TREASURY), TREASURY_FUNDS - 3 * ED, "seeded once");
	});
}

#[test]
fn fails_for_another_origin() {
	ExtBuilder::default().build_and_execute(|| {
		// Given co-op 0, when a member, or another co-op's decision, sets its policy, then it
		// is refused.
		assert_noop!(
			Patronage::set_policy(RuntimeOrigin::signed(1), 0, policy()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Patronage::set_policy(RuntimeOrigin::signed(1001), 0, policy()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn fails_for_an_unknown_coop() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no co-op 7, when "its" treasury sets a policy, then it is refused.
		assert_noop!(
			Patronage::set_policy(RuntimeOrigin::signed(1007), 7, policy()),
			Error::<Test>::CoopNotFound
		);
	});
}

#[test]
fn fails_for_invalid_policies() {
	ExtBuilder::default().build_and_execute(|| {
		// Given the fixture policy with one rule broken at a time,
		let cases: Vec<(fn(&mut PolicyOf<Test>), Error<Test>)> = vec![
			(|p| p.categories = Default::default(), Error::NoCategories),
			(|p| p.categories[1].weight = 0, Error::ZeroCategoryWeight),
			(|p| p.cash_share = Perbill::from_percent(19), Error::CashShareTooLow),
			(
				|p| {
					p.reserve_share = Perbill::from_percent(60);
					p.fund_share = Perbill::from_percent(41);
				},
				Error::SharesExceedSurplus,
			),
			(|p| p.revolving_periods = 4, Error::RevolvingPeriodTooLong),
			(|p| p.claim_window = 4, Error::ClaimWindowOutOfBounds),
			(|p| p.claim_window = 1_001, Error::ClaimWindowOutOfBounds),
		];
		// when the co-op sets it, then each is refused with the error naming the rule.
		for (change, error) in cases {
			let mut p = policy();
			change(&mut p);
			assert_noop!(Patronage::set_policy(coop_origin(), 0, p), error);
		}
	});
}

#[test]
fn accepts_the_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a policy at every bound (shares adding up to the whole, the least cash share,
		// the longest revolving period, the shortest claim window), when the co-op sets it,
		// then it is accepted.
		let mut p = policy();
		p.reserve_share = Perbill::from_percent(60);
		p.fund_share = Perbill::from_percent(40);
		p.cash_share = Perbill::from_percent(20);
		p.revolving_periods = 3;
		p.claim_window = 5;
		assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
	});
}

#[test]
fn fails_when_the_treasury_cannot_seed() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a treasury that cannot seed three accounts and stay alive, when the co-op sets
		// its first policy, then it is refused.
		Balances::set_balance(&TREASURY, ED + 2 * ED);
		assert_noop!(
			Patronage::set_policy(coop_origin(), 0, policy()),
			Error::<Test>::TreasuryTooPoor
		);
	});
}
