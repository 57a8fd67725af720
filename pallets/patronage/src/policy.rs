//! A co-op's patronage policy: what a valid policy is, and how the first one opens period 0.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Stores a valid policy; the co-op's first one also seeds its accounts and opens period 0.
	pub(crate) fn do_set_policy(coop: CoopId, policy: PolicyOf<T>) -> DispatchResult {
		ensure!(T::Coops::coop_exists(coop), Error::<T>::CoopNotFound);
		Self::validate_policy(&policy)?;
		if !OpenPeriods::<T>::contains_key(coop) {
			Self::open_first_period(coop)?;
		}
		Policies::<T>::insert(coop, &policy);
		Self::deposit_event(Event::PolicySet { coop, policy });
		Ok(())
	}

	/// Seeds the co-op's pot, reserve and fund accounts and opens period 0.
	fn open_first_period(coop: CoopId) -> DispatchResult {
		Self::seed_accounts(coop)?;
		OpenPeriods::<T>::insert(
			coop,
			OpenPeriod {
				index: 0,
				opened_at: frame_system::Pallet::<T>::block_number(),
				member_units: 0,
				non_member_units: 0,
			},
		);
		Self::deposit_event(Event::PeriodOpened { coop, period: 0 });
		Ok(())
	}

	/// A policy has categories of positive weight, a cash share of at least `MinCashShare`,
	/// reserve and fund shares within the whole, a revolving period that leaves room for
	/// merging (at most `MaxTranches - 2`), and a claim window within the runtime's bounds.
	fn validate_policy(policy: &PolicyOf<T>) -> DispatchResult {
		ensure!(!policy.categories.is_empty(), Error::<T>::NoCategories);
		ensure!(policy.categories.iter().all(|c| c.weight > 0), Error::<T>::ZeroCategoryWeight);
		ensure!(policy.cash_share >= T::MinCashShare::get(), Error::<T>::CashShareTooLow);
		// Two parts per billion of at most 10^9 each cannot saturate a `u32`.
		ensure!(
			policy.reserve_share.deconstruct().saturating_add(policy.fund_share.deconstruct())
				<= Perbill::one().deconstruct(),
			Error::<T>::SharesExceedSurplus
		);
		ensure!(
			policy.revolving_periods <= T::MaxTranches::get().saturating_sub(2),
			Error::<T>::RevolvingPeriodTooLong
		);
		ensure!(
			policy.claim_window >= T::MinClaimWindow::get()
				&& policy.claim_window <= T::MaxClaimWindow::get(),
			Error::<T>::ClaimWindowOutOfBounds
		);
		Ok(())
	}
}
