//! `spend_fund`: the co-op spends from its education and social fund.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn pays_from_the_fund() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a fund of 500 from period 0, when the co-op spends it all,
		two_members_period();
		close(10_000);
		assert_ok!(Patronage::spend_fund(coop_origin(), 0, 7, 500));
		// then the payee has it and the fund keeps its seed.
		assert_eq!(balance(7), ENDOWMENT + 500);
		assert_eq!(balance(Patronage::fund_account(0)), ED);
		assert_eq!(last_event(), Event::FundSpent { coop: 0, to: 7, amount: 500 });
	});
}

#[test]
fn fails_beyond_the_fund() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a fund of 500, when the co-op spends 501, then it is refused.
		two_members_period();
		close(10_000);
		assert_noop!(Patronage::spend_fund(coop_origin(), 0, 7, 501), Error::<Test>::FundTooPoor);
	});
}

#[test]
fn fails_for_another_origin_or_without_a_policy() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no policy, when the co-op spends from its fund, then it is refused;
		assert_noop!(Patronage::spend_fund(coop_origin(), 0, 7, 1), Error::<Test>::NoPolicy);
		// given a policy, when a member spends from it, then it is refused.
		with_policy();
		assert_noop!(
			Patronage::spend_fund(RuntimeOrigin::signed(1), 0, 7, 1),
			DispatchError::BadOrigin
		);
	});
}
