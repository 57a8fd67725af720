//! Benchmarks of every call, at the worst case of its bounds. `close_period` and `claim` run
//! with 10 up to `MaxMembers - 1` members who did business in the period (the co-op's founder is
//! the last member), to show that their cost does not grow with the number of members.

use super::*;
use crate::Pallet as Patronage;
use alloc::vec::Vec;
use coop_primitives::{
	benchmarking::{assert_last_event, endow, unit},
	BenchmarkCoops,
};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, Zero};

coop_primitives::benchmark_fixtures!(endowment: 1_000_000_000);

/// A policy with every category slot used, some of the surplus to reserve and fund, equity
/// revolving after the longest period allowed.
fn bench_policy<T: Config>() -> PolicyOf<T> {
	let categories: Vec<PatronageCategory> = (0..T::MaxCategories::get())
		.map(|i| PatronageCategory {
			name: BoundedVec::truncate_from(alloc::vec![b'c'; 32]),
			weight: i.saturating_add(1),
		})
		.collect();
	PatronagePolicy {
		categories: BoundedVec::truncate_from(categories),
		reserve_share: Perbill::from_percent(10),
		fund_share: Perbill::from_percent(5),
		cash_share: T::MinCashShare::get().max(Perbill::from_percent(30)),
		revolving_periods: T::MaxTranches::get().saturating_sub(2),
		claim_window: T::MinClaimWindow::get(),
	}
}

/// A co-op with a funded treasury, the benchmark policy and an operator; returns both.
fn coop_with_policy<T: Config>() -> (CoopId, T::AccountId) {
	let coop = T::BenchmarkHelper::coop();
	endow::<T::Currency, _>(&T::Coops::treasury_account(coop), ENDOWMENT);
	let origin = T::CoopOrigin::try_successful_origin(&coop).expect("the co-op can decide");
	Patronage::<T>::set_policy(origin, coop, bench_policy::<T>()).expect("a valid policy");
	let operator: T::AccountId = account("till", 0, SEED);
	T::BenchmarkHelper::add_operator(coop, &operator);
	(coop, operator)
}

/// `m` new members of `coop`, each with patronage recorded in the open period, and some
/// non-member business; returns the members.
fn members_with_patronage<T: Config>(
	coop: CoopId,
	operator: &T::AccountId,
	m: u32,
) -> Vec<T::AccountId> {
	let mut members = Vec::new();
	for i in 0..m {
		let who: T::AccountId = account("member", i, SEED);
		endow::<T::Currency, _>(&who, ENDOWMENT);
		T::BenchmarkHelper::add_member(coop, &who);
		Patronage::<T>::record_patronage(
			RawOrigin::Signed(operator.clone()).into(),
			coop,
			who.clone(),
			0,
			1_000u128.saturating_add(i.into()),
		)
		.expect("the operator records");
		members.push(who);
	}
	let customer: T::AccountId = account("customer", 0, SEED);
	Patronage::<T>::record_patronage(
		RawOrigin::Signed(operator.clone()).into(),
		coop,
		customer,
		0,
		500,
	)
	.expect("the operator records");
	members
}

fn surplus<T: Config>() -> BalanceOf<T> {
	unit::<T::Currency, T::AccountId>().saturating_mul(1_000_000u32.into())
}

fn close<T: Config>(coop: CoopId) {
	let origin = T::CoopOrigin::try_successful_origin(&coop).expect("the co-op can decide");
	Patronage::<T>::close_period(origin, coop, surplus::<T>()).expect("the period closes");
}

/// Gives `member` a full capital account of matured tranches (so a claim must merge them).
fn full_matured_account<T: Config>(coop: CoopId, member: &T::AccountId) -> BalanceOf<T> {
	let tranches: Vec<_> = (0..T::MaxTranches::get())
		.map(|_| EquityTranche {
			period: 0,
			matures_after: 0,
			amount: unit::<T::Currency, T::AccountId>(),
		})
		.collect();
	let owed = unit::<T::Currency, T::AccountId>().saturating_mul(T::MaxTranches::get().into());
	CapitalAccounts::<T>::insert(coop, member, BoundedVec::truncate_from(tranches));
	EquityOwed::<T>::mutate(coop, |o| *o = o.saturating_add(owed));
	// Matured (period 0 is closed): in the co-op's maturity order too.
	Matured::<T>::mutate(coop, |buckets| Patronage::<T>::add_matured(buckets, 0, owed));
	owed
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_policy() -> Result<(), BenchmarkError> {
		let (coop, origin) = coop_deciding::<T>()?;
		let policy = bench_policy::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, policy.clone());

		assert_last_event::<T>(Event::PolicySet { coop, policy });
		Ok(())
	}

	#[benchmark]
	fn record_patronage() {
		let (coop, operator) = coop_with_policy::<T>();
		let member: T::AccountId = account("member", 0, SEED);
		T::BenchmarkHelper::add_member(coop, &member);
		let category = (T::MaxCategories::get().saturating_sub(1)) as CategoryIndex;

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), coop, member.clone(), category, 100);

		assert!(MemberPatronage::<T>::contains_key((coop, 0), &member));
	}

	#[benchmark]
	fn record_patronage_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		let (coop, operator) = coop_with_policy::<T>();
		let records: Vec<PatronageRecordOf<T>> = (0..n)
			.map(|i| {
				let patron: T::AccountId = account("member", i, SEED);
				T::BenchmarkHelper::add_member(coop, &patron);
				PatronageRecord { patron, category: 0, amount: 100 }
			})
			.collect();
		let records = BoundedVec::truncate_from(records);

		#[extrinsic_call]
		_(RawOrigin::Signed(operator), coop, records);

		let open = OpenPeriods::<T>::get(coop).expect("open");
		assert_eq!(open.member_units, u128::from(n) * 100);
	}

	#[benchmark]
	fn close_period(
		m: Linear<10, { T::MaxMembers::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		let (coop, operator) = coop_with_policy::<T>();
		members_with_patronage::<T>(coop, &operator, m);
		let origin =
			T::CoopOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, surplus::<T>());

		assert_last_event::<T>(Event::PeriodOpened { coop, period: 1 });
		Ok(())
	}

	#[benchmark]
	fn claim(m: Linear<10, { T::MaxMembers::get().saturating_sub(1) }>) {
		let (coop, operator) = coop_with_policy::<T>();
		let members = members_with_patronage::<T>(coop, &operator, m);
		close::<T>(coop);
		let member = members.last().cloned().expect("at least ten members");
		full_matured_account::<T>(coop, &member);
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop, 0, member.clone());

		assert_eq!(CapitalAccounts::<T>::get(coop, &member).len(), 2);
		assert!(!MemberPatronage::<T>::contains_key((coop, 0), &member));
	}

	#[benchmark]
	fn revolve(t: Linear<1, { T::MaxTranches::get() }>) {
		let (coop, _) = coop_with_policy::<T>();
		close::<T>(coop);
		let member: T::AccountId = account("member", 0, SEED);
		endow::<T::Currency, _>(&member, ENDOWMENT);
		let tranches: Vec<_> = (0..t)
			.map(|_| EquityTranche {
				period: 0,
				matures_after: 0,
				amount: unit::<T::Currency, T::AccountId>(),
			})
			.collect();
		let owed = unit::<T::Currency, T::AccountId>().saturating_mul(t.into());
		CapitalAccounts::<T>::insert(coop, &member, BoundedVec::truncate_from(tranches));
		EquityOwed::<T>::mutate(coop, |o| *o = o.saturating_add(owed));
		Matured::<T>::mutate(coop, |buckets| Patronage::<T>::add_matured(buckets, 0, owed));
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop, member.clone());

		assert_last_event::<T>(Event::EquityRevolved {
			coop,
			member,
			paid: owed,
			still_owed: Zero::zero(),
		});
	}

	#[benchmark]
	fn sweep_unclaimed() {
		let (coop, operator) = coop_with_policy::<T>();
		members_with_patronage::<T>(coop, &operator, 10);
		close::<T>(coop);
		let deadline = ClosedPeriods::<T>::get(coop, 0).expect("closed").claim_deadline;
		frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(1u32.into()));
		let caller: T::AccountId = account("caller", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop, 0);

		assert!(ClosedPeriods::<T>::get(coop, 0).is_some_and(|c| c.swept.is_some()));
	}

	#[benchmark]
	fn spend_fund() -> Result<(), BenchmarkError> {
		let (coop, operator) = coop_with_policy::<T>();
		members_with_patronage::<T>(coop, &operator, 10);
		close::<T>(coop);
		let to: T::AccountId = account("educator", 0, SEED);
		let amount = unit::<T::Currency, T::AccountId>();
		let origin =
			T::FundOrigin::try_successful_origin(&coop).map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, to.clone(), amount);

		assert_last_event::<T>(Event::FundSpent { coop, to, amount });
		Ok(())
	}

	/// A co-op that no longer exists, with funds in both its reserve and its fund.
	#[benchmark]
	fn transfer_dissolved_reserve() {
		let coop = CoopId::MAX;
		endow::<T::Currency, _>(&Patronage::<T>::reserve_account(coop), ENDOWMENT);
		endow::<T::Currency, _>(&Patronage::<T>::fund_account(coop), ENDOWMENT);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop);

		let seed = T::Currency::minimum_balance();
		assert_eq!(T::Currency::balance(&Patronage::<T>::reserve_account(coop)), seed);
	}

	impl_benchmark_test_suite!(
		Patronage,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
