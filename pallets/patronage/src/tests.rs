//! Tests of every call and error, stories over several periods, and a reference model.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// Members 1 (600 purchases) and 2 (300 purchases + 10 labour hours = 400 units) in period 0.
fn two_members_period() {
	with_policy();
	record(1, PURCHASES, 600);
	record(2, PURCHASES, 300);
	record(2, LABOUR, 10);
}

mod set_policy {
	use super::*;

	#[test]
	fn first_policy_opens_period_zero_and_seeds_accounts() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			assert_eq!(Policies::<Test>::get(0), Some(policy()));
			assert_eq!(OpenPeriods::<Test>::get(0).map(|o| o.index), Some(0));
			for account in [
				Patronage::pot_account(0),
				Patronage::reserve_account(0),
				Patronage::fund_account(0),
			] {
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
			with_policy();
			record(1, PURCHASES, 5);
			let mut changed = policy();
			changed.cash_share = Perbill::from_percent(100);
			assert_ok!(Patronage::set_policy(coop_origin(), 0, changed.clone()));
			assert_eq!(
				OpenPeriods::<Test>::get(0).map(|o| (o.index, o.member_units)),
				Some((0, 5))
			);
			assert_eq!(last_event(), Event::PolicySet { coop: 0, policy: changed });
			assert_eq!(balance(TREASURY), TREASURY_FUNDS - 3 * ED, "seeded once");
		});
	}

	#[test]
	fn fails_for_another_origin() {
		ExtBuilder::default().build_and_execute(|| {
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
			assert_noop!(
				Patronage::set_policy(RuntimeOrigin::signed(1007), 7, policy()),
				Error::<Test>::CoopNotFound
			);
		});
	}

	#[test]
	fn fails_for_invalid_policies() {
		ExtBuilder::default().build_and_execute(|| {
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
			Balances::set_balance(&TREASURY, ED + 2 * ED);
			assert_noop!(
				Patronage::set_policy(coop_origin(), 0, policy()),
				Error::<Test>::TreasuryTooPoor
			);
		});
	}
}

mod record_patronage {
	use super::*;

	#[test]
	fn members_accrue_weighted_units() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			assert_eq!(MemberPatronage::<Test>::get((0, 0), 1), Some(600));
			assert_eq!(MemberPatronage::<Test>::get((0, 0), 2), Some(400));
			assert_eq!(OpenPeriods::<Test>::get(0).map(|o| o.member_units), Some(1_000));
			assert_eq!(
				last_event(),
				Event::PatronageRecorded {
					coop: 0,
					period: 0,
					member: 2,
					category: LABOUR,
					amount: 10,
					units: 100
				}
			);
		});
	}

	#[test]
	fn non_members_count_as_non_member_volume() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			record(CUSTOMER, LABOUR, 3);
			assert_eq!(MemberPatronage::<Test>::get((0, 0), CUSTOMER), None);
			let open = OpenPeriods::<Test>::get(0).expect("open");
			assert_eq!((open.member_units, open.non_member_units), (0, 30));
			assert_eq!(
				last_event(),
				Event::NonMemberBusinessRecorded {
					coop: 0,
					period: 0,
					patron: CUSTOMER,
					category: LABOUR,
					amount: 3,
					units: 30
				}
			);
		});
	}

	#[test]
	fn fails_for_a_non_operator() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			assert_noop!(
				Patronage::record_patronage(RuntimeOrigin::signed(1), 0, 1, PURCHASES, 5),
				Error::<Test>::NotCoopOperator
			);
			// The till is co-op 0's, not co-op 1's.
			assert_noop!(
				Patronage::record_patronage(RuntimeOrigin::signed(TILL), 1, 1, PURCHASES, 5),
				Error::<Test>::NotCoopOperator
			);
		});
	}

	#[test]
	fn fails_without_a_policy() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(
				Patronage::record_patronage(RuntimeOrigin::signed(TILL), 0, 1, PURCHASES, 5),
				Error::<Test>::NoPolicy
			);
		});
	}

	#[test]
	fn fails_for_bad_records() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			let till = || RuntimeOrigin::signed(TILL);
			assert_noop!(
				Patronage::record_patronage(till(), 0, 1, 2, 5),
				Error::<Test>::UnknownCategory
			);
			assert_noop!(
				Patronage::record_patronage(till(), 0, 1, PURCHASES, 0),
				Error::<Test>::ZeroAmount
			);
			assert_noop!(
				Patronage::record_patronage(till(), 0, 1, LABOUR, u128::MAX),
				Error::<Test>::Overflow
			);
			record(1, PURCHASES, u128::MAX - 1);
			assert_noop!(
				Patronage::record_patronage(till(), 0, 1, PURCHASES, 2),
				Error::<Test>::Overflow
			);
		});
	}
}

mod record_patronage_batch {
	use super::*;

	fn entry(patron: AccountId, category: CategoryIndex, amount: u128) -> PatronageRecordOf<Test> {
		PatronageRecord { patron, category, amount }
	}

	#[test]
	fn records_every_entry() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			let batch = vec![entry(1, PURCHASES, 600), entry(2, LABOUR, 40), entry(CUSTOMER, 0, 9)];
			assert_ok!(Patronage::record_patronage_batch(
				RuntimeOrigin::signed(TILL),
				0,
				BoundedVec::truncate_from(batch)
			));
			let open = OpenPeriods::<Test>::get(0).expect("open");
			assert_eq!((open.member_units, open.non_member_units), (1_000, 9));
			assert_eq!(events().len(), 2 + 3);
		});
	}

	#[test]
	fn is_all_or_nothing() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			let batch = vec![entry(1, PURCHASES, 600), entry(2, 3, 40)];
			assert_noop!(
				Patronage::record_patronage_batch(
					RuntimeOrigin::signed(TILL),
					0,
					BoundedVec::truncate_from(batch)
				),
				Error::<Test>::UnknownCategory
			);
		});
	}

	#[test]
	fn fails_for_a_non_operator() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			assert_noop!(
				Patronage::record_patronage_batch(
					RuntimeOrigin::signed(2),
					0,
					BoundedVec::truncate_from(vec![entry(2, 0, 1)])
				),
				Error::<Test>::NotCoopOperator
			);
		});
	}
}

mod close_period {
	use super::*;

	#[test]
	fn splits_the_surplus_and_opens_the_next_period() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			System::set_block_number(7);
			close(10_000);
			// 10 % reserve, 5 % fund, 8 500 for 1 000 member units: 8.5 per unit.
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
			two_members_period();
			record(CUSTOMER, PURCHASES, 250);
			close(10_000);
			// 8 500 × 250 / 1 250 to the reserve, 6 800 to members: 6.8 per unit.
			let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
			assert_eq!((closed.non_member_share, closed.allocatable), (1_700, 6_800));
			assert_eq!(balance(Patronage::reserve_account(0)), ED + 1_000 + 1_700);
		});
	}

	#[test]
	fn a_period_without_member_patronage_goes_to_the_reserve() {
		ExtBuilder::default().build_and_execute(|| {
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
			assert_noop!(Patronage::close_period(coop_origin(), 0, 10), Error::<Test>::NoPolicy);
		});
	}

	#[test]
	fn fails_when_the_treasury_cannot_pay() {
		ExtBuilder::default().build_and_execute(|| {
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
			with_policy();
			// A fixed-point rate holds at most ~3.4 × 10^20 per unit.
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
}

mod claim {
	use super::*;

	#[test]
	fn pays_cash_and_retains_equity() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			close(10_000);
			let treasury = balance(TREASURY);
			claim(0, 1);
			// 600 × 8.5 = 5 100: 1 530 in cash, 3 570 retained, maturing after period 2.
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
			two_members_period();
			close(10_000);
			assert_ok!(Patronage::claim(RuntimeOrigin::signed(TILL), 0, 0, 2));
			// 400 × 8.5 = 3 400: 1 020 in cash.
			assert_eq!(balance(2), ENDOWMENT + 1_020);
		});
	}

	#[test]
	fn cash_is_rounded_up() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			record(1, PURCHASES, 1);
			// 10 % and 5 % of 9 round down to nothing: all 9 are allocatable.
			close(9);
			let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
			assert_eq!(closed.allocatable, 9);
			claim(0, 1);
			// 9 × 30 % = 2.7 → 3 in cash, 6 retained.
			assert_eq!(balance(1), ENDOWMENT + 3);
			assert_eq!(EquityOwed::<Test>::get(0), 6);
		});
	}

	#[test]
	fn fails_twice() {
		ExtBuilder::default().build_and_execute(|| {
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
			two_members_period();
			close(10_000);
			run_to_block(21);
			claim(0, 2);
			run_to_block(22);
			assert_noop!(
				Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
				Error::<Test>::ClaimWindowClosed
			);
		});
	}

	#[test]
	fn fails_unsigned() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			close(10_000);
			assert_noop!(
				Patronage::claim(RuntimeOrigin::none(), 0, 0, 1),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_full_capital_account_merges_its_matured_tranches() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			let mut p = policy();
			p.revolving_periods = 0;
			assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
			// Five periods, each claimed: five tranches, each matured at once.
			for period in 0..5 {
				record(1, PURCHASES, 100);
				close(1_000);
				claim(period, 1);
			}
			assert_eq!(CapitalAccounts::<Test>::get(0, 1).len(), 5);
			let owed = EquityOwed::<Test>::get(0);
			record(1, PURCHASES, 100);
			close(1_000);
			claim(5, 1);
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
			with_policy();
			// Fill member 1's account by hand with unmatured tranches (a state the policy bound
			// prevents), to check the defensive error.
			let unmatured: Vec<_> = (0..5)
				.map(|i| EquityTranche { period: 90 + i, matures_after: 100, amount: 1 })
				.collect();
			CapitalAccounts::<Test>::insert(0, 1, BoundedVec::truncate_from(unmatured));
			EquityOwed::<Test>::insert(0, 5);
			record(1, PURCHASES, 100);
			close(1_000);
			assert_noop!(
				Patronage::claim(RuntimeOrigin::signed(1), 0, 0, 1),
				Error::<Test>::CapitalAccountFull
			);
		});
	}
}

mod revolve {
	use super::*;

	/// Member 1 has a 3 570 tranche from period 0, maturing after period 2.
	fn member_one_with_equity() {
		two_members_period();
		close(10_000);
		claim(0, 1);
	}

	#[test]
	fn pays_matured_equity() {
		ExtBuilder::default().build_and_execute(|| {
			member_one_with_equity();
			close(0);
			close(0);
			let before = balance(1);
			assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
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
			assert_noop!(
				Patronage::revolve(RuntimeOrigin::signed(1), 0, 1),
				Error::<Test>::NoPolicy
			);
		});
	}

	#[test]
	fn a_poor_treasury_pays_what_it_can_and_owes_the_rest() {
		ExtBuilder::default().build_and_execute(|| {
			member_one_with_equity();
			close(0);
			close(0);
			Balances::set_balance(&TREASURY, ED + 1_000);
			let before = balance(1);
			assert_ok!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1));
			assert_eq!(balance(1), before + 1_000);
			assert_eq!(balance(TREASURY), ED);
			assert_eq!(EquityOwed::<Test>::get(0), 2_570);
			assert_eq!(
				last_event(),
				Event::EquityRevolved { coop: 0, member: 1, paid: 1_000, still_owed: 2_570 }
			);
			assert_noop!(
				Patronage::revolve(RuntimeOrigin::signed(1), 0, 1),
				Error::<Test>::TreasuryCannotPay
			);
			Balances::set_balance(&TREASURY, 10_000);
			assert_ok!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1));
			assert_eq!(balance(1), before + 3_570);
			assert_eq!(EquityOwed::<Test>::get(0), 0);
		});
	}

	#[test]
	fn pays_only_matured_tranches_oldest_first() {
		ExtBuilder::default().build_and_execute(|| {
			member_one_with_equity(); // period 0 tranche 3 570, matures after 2
			record(1, PURCHASES, 100);
			close(1_000); // period 1: 850 for 100 units → 255 cash, 595 retained
			claim(1, 1);
			close(0); // period 2 closed: the period 0 tranche matures
			let before = balance(1);
			assert_ok!(Patronage::revolve(RuntimeOrigin::signed(1), 0, 1));
			assert_eq!(balance(1), before + 3_570);
			assert_eq!(
				CapitalAccounts::<Test>::get(0, 1).into_inner(),
				vec![EquityTranche { period: 1, matures_after: 3, amount: 595 }]
			);
		});
	}
}

mod sweep_unclaimed {
	use super::*;

	#[test]
	fn moves_unclaimed_allocations_and_remainders_to_the_reserve() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			record(1, PURCHASES, 1);
			record(2, PURCHASES, 1);
			record(3, PURCHASES, 1);
			// 100 allocatable over 3 units: 33 each, 1 left over by rounding.
			let mut p = policy();
			p.reserve_share = Perbill::zero();
			p.fund_share = Perbill::zero();
			assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
			close(100);
			claim(0, 1);
			claim(0, 2);
			run_to_block(22);
			let reserve = balance(Patronage::reserve_account(0));
			assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
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
			assert_noop!(
				Patronage::claim(RuntimeOrigin::signed(3), 0, 0, 3),
				Error::<Test>::ClaimWindowClosed
			);
		});
	}

	#[test]
	fn fails_during_the_claim_window() {
		ExtBuilder::default().build_and_execute(|| {
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
			two_members_period();
			assert_noop!(
				Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0),
				Error::<Test>::PeriodNotClosed
			);
			close(10_000);
			run_to_block(22);
			assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
			assert_noop!(
				Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0),
				Error::<Test>::AlreadySwept
			);
		});
	}
}

mod spend_fund {
	use super::*;

	#[test]
	fn pays_from_the_fund() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			close(10_000);
			assert_ok!(Patronage::spend_fund(coop_origin(), 0, 7, 500));
			assert_eq!(balance(7), ENDOWMENT + 500);
			assert_eq!(balance(Patronage::fund_account(0)), ED);
			assert_eq!(last_event(), Event::FundSpent { coop: 0, to: 7, amount: 500 });
		});
	}

	#[test]
	fn fails_beyond_the_fund() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			close(10_000);
			assert_noop!(
				Patronage::spend_fund(coop_origin(), 0, 7, 501),
				Error::<Test>::FundTooPoor
			);
		});
	}

	#[test]
	fn fails_for_another_origin_or_without_a_policy() {
		ExtBuilder::default().build_and_execute(|| {
			assert_noop!(Patronage::spend_fund(coop_origin(), 0, 7, 1), Error::<Test>::NoPolicy);
			with_policy();
			assert_noop!(
				Patronage::spend_fund(RuntimeOrigin::signed(1), 0, 7, 1),
				DispatchError::BadOrigin
			);
		});
	}
}

mod queries {
	use super::*;

	#[test]
	fn report_claimable_allocations_capital_accounts_and_periods() {
		ExtBuilder::default().build_and_execute(|| {
			two_members_period();
			assert!(matches!(
				Patronage::period_summary(0, 0),
				Some(PeriodSummary::Open(OpenPeriod { index: 0, member_units: 1_000, .. }))
			));
			assert_eq!(Patronage::claimable(0, 0, &1), None);
			close(10_000);
			assert_eq!(
				Patronage::claimable(0, 0, &1),
				Some(Allocation { units: 600, total: 5_100, cash: 1_530, retained: 3_570 })
			);
			assert!(matches!(Patronage::period_summary(0, 0), Some(PeriodSummary::Closed(_))));
			assert_eq!(Patronage::period_summary(0, 5), None);
			claim(0, 1);
			assert_eq!(Patronage::claimable(0, 0, &1), None);
			let account = Patronage::capital_account(0, &1);
			assert_eq!((account.owed, account.matured), (3_570, 0));
			close(0);
			close(0);
			assert_eq!(Patronage::capital_account(0, &1).matured, 3_570);
		});
	}
}

mod stories {
	use super::*;

	#[test]
	fn a_year_of_quarters_with_revolving_retirement() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			let mut cash = [0u128; 3];
			let mut retained = [0u128; 3];
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
			// Quarters 0 and 1 have matured (after periods 2 and 3); 2 and 3 have not.
			for member in [1, 2, 3] {
				let account = Patronage::capital_account(0, &member);
				assert_eq!(account.tranches.len(), 4);
				assert_eq!(
					account.matured,
					account.tranches[0].amount + account.tranches[1].amount
				);
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
			two_members_period();
			close(10_000);
			// Member 2 leaves before claiming, and buys again as a non-member.
			MockCoops::remove_member(2u128);
			record(2, PURCHASES, 500);
			assert_eq!(OpenPeriods::<Test>::get(0).map(|o| o.non_member_units), Some(500));
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
			with_policy();
			record(1, PURCHASES, 1);
			close(4); // 4 allocatable: 2 cash (30 % of 4 = 1.2 → 2), 2 retained
			claim(0, 1);
			close(0);
			close(0);
			Balances::set_balance(&1, 0);
			// 2 is below the existential deposit: it cannot open the account, so it stays owed.
			assert_noop!(
				Patronage::revolve(RuntimeOrigin::signed(9), 0, 1),
				Error::<Test>::PaymentBelowMinimum
			);
			Balances::set_balance(&1, ENDOWMENT);
			assert_ok!(Patronage::revolve(RuntimeOrigin::signed(9), 0, 1));
		});
	}

	#[test]
	fn a_reaped_member_cannot_receive_dust_cash() {
		ExtBuilder::default().build_and_execute(|| {
			with_policy();
			record(1, PURCHASES, 1);
			close(4);
			Balances::set_balance(&1, 0);
			assert_noop!(
				Patronage::claim(RuntimeOrigin::signed(9), 0, 0, 1),
				Error::<Test>::PaymentBelowMinimum
			);
		});
	}
}

/// The pallet's payouts against an independent computation of the rules in exact integer
/// arithmetic (256-bit), for random members, patronage, policies and surpluses.
mod reference_model {
	use super::*;
	use proptest::prelude::*;
	use sp_core::U256;

	/// `⌊a × b / c⌋` in 256 bits.
	fn mul_div(a: u128, b: u128, c: u128) -> u128 {
		(U256::from(a) * U256::from(b) / U256::from(c)).as_u128()
	}

	/// What the rules say each member gets: `(totals, cash)`, and the split of the surplus.
	fn model(
		surplus: u128,
		reserve_ppb: u32,
		fund_ppb: u32,
		cash_ppb: u32,
		units: &[u128],
		non_member: u128,
	) -> (Vec<u128>, Vec<u128>, [u128; 4]) {
		let s = surplus;
		let reserve = mul_div(s, reserve_ppb as u128, 1_000_000_000);
		let fund = mul_div(s, fund_ppb as u128, 1_000_000_000);
		let rest = s - reserve - fund;
		let m: u128 = units.iter().sum();
		let nm_share = if m == 0 { rest } else { mul_div(rest, non_member, m + non_member) };
		let allocatable = rest - nm_share;
		let rate_inner = if m == 0 { 0 } else { mul_div(allocatable, 10u128.pow(18), m) };
		let totals: Vec<u128> =
			units.iter().map(|u| mul_div(*u, rate_inner, 10u128.pow(18))).collect();
		let cash = totals.iter().map(|t| (t * cash_ppb as u128).div_ceil(1_000_000_000)).collect();
		(totals, cash, [reserve, fund, nm_share, allocatable])
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn payouts_match_the_model_and_settle_to_the_unit(
			units in proptest::collection::vec(1u128..1_000_000_000_000, 1..8),
			non_member in 0u128..1_000_000_000_000,
			surplus in 0u128..900_000,
			reserve_pct in 0u32..=60,
			fund_pct in 0u32..=40,
			cash_pct in 20u32..=100,
			claimers in proptest::collection::vec(any::<bool>(), 8),
		) {
			ExtBuilder::default().build_and_execute(|| {
				let members: Vec<AccountId> = (1..=units.len() as u128).collect();
				MockCoops::set_members(members.clone());
				let mut p = policy();
				p.reserve_share = Perbill::from_percent(reserve_pct);
				p.fund_share = Perbill::from_percent(fund_pct);
				p.cash_share = Perbill::from_percent(cash_pct);
				assert_ok!(Patronage::set_policy(coop_origin(), 0, p));
				for (who, u) in members.iter().zip(&units) {
					record(*who, PURCHASES, *u);
				}
				if non_member > 0 {
					record(CUSTOMER, PURCHASES, non_member);
				}
				close(surplus);

				let (totals, cash, [reserve, fund, nm_share, allocatable]) = model(
					surplus,
					reserve_pct * 10_000_000,
					fund_pct * 10_000_000,
					cash_pct * 10_000_000,
					&units,
					non_member,
				);
				let closed = ClosedPeriods::<Test>::get(0, 0).expect("closed");
				assert_eq!(
					(closed.reserve, closed.fund, closed.non_member_share, closed.allocatable),
					(reserve, fund, nm_share, allocatable)
				);

				let mut claimed = 0u128;
				for (i, who) in members.iter().enumerate() {
					if !claimers[i] {
						continue;
					}
					let before = balance(*who);
					let result = Patronage::claim(RuntimeOrigin::signed(*who), 0, 0, *who);
					if totals[i] == 0 {
						assert_eq!(result, Err(Error::<Test>::NothingToClaim.into()));
						continue;
					}
					assert_ok!(result);
					assert_eq!(balance(*who) - before, cash[i], "cash of member {}", who);
					let retained = CapitalAccounts::<Test>::get(0, who)
						.first()
						.map(|t| t.amount)
						.unwrap_or(0);
					assert_eq!(retained, totals[i] - cash[i], "retained of member {}", who);
					claimed += totals[i];
				}
				run_to_block(22);
				assert_ok!(Patronage::sweep_unclaimed(RuntimeOrigin::signed(9), 0, 0));
				let sweep = ClosedPeriods::<Test>::get(0, 0).and_then(|c| c.swept).expect("swept");
				let unclaimed: u128 = (0..units.len())
					.filter(|i| !claimers[*i])
					.map(|i| totals[i])
					.sum();
				// Every unit of the surplus is accounted for.
				assert_eq!(claimed + sweep.unclaimed + sweep.remainder, allocatable);
				assert_eq!(reserve + fund + nm_share + claimed + sweep.unclaimed + sweep.remainder, surplus);
				// The sweep counts at least the unclaimed allocations (rounding the unclaimed
				// units' total down can only add to what the members' own roundings left).
				assert!(sweep.unclaimed >= unclaimed);
				// Rounding loses less than one unit per member plus one per 10^18 units.
				let m: u128 = units.iter().sum();
				let loss = allocatable - totals.iter().sum::<u128>();
				assert!(loss <= units.len() as u128 + m / 10u128.pow(18) + 1);
				assert_eq!(balance(Patronage::pot_account(0)), ED);
			});
		}
	}
}
