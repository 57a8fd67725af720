//! What the runtime API (`PatronageApi`) reports: claimable allocations, capital accounts,
//! periods.

use crate::*;
use frame_support::traits::DefensiveSaturating;
use sp_runtime::traits::Zero;

impl<T: Config> Pallet<T> {
	/// A member's allocation for a closed period, if they have one to claim now (runtime API):
	/// none once the claim window has passed, as `claim` would refuse it.
	pub fn claimable(
		coop: CoopId,
		period: PeriodIndex,
		member: &T::AccountId,
	) -> Option<Allocation<BalanceOf<T>>> {
		let closed = ClosedPeriods::<T>::get(coop, period)?;
		let now = frame_system::Pallet::<T>::block_number();
		if closed.swept.is_some() || now > closed.claim_deadline {
			return None;
		}
		let units = MemberPatronage::<T>::get((coop, period), member)?;
		Self::allocation_of(&closed, units).ok()
	}

	/// A member's capital account (runtime API).
	pub fn capital_account(coop: CoopId, member: &T::AccountId) -> CapitalAccount<BalanceOf<T>> {
		let open_index = OpenPeriods::<T>::get(coop).map(|o| o.index).unwrap_or_default();
		let open_index = Self::horizon(coop, open_index);
		let tranches = CapitalAccounts::<T>::get(coop, member);
		// Part of what the account owes, which is a balance.
		let matured = tranches
			.iter()
			.filter(|t| t.matures_after < open_index)
			.fold(Zero::zero(), |sum: BalanceOf<T>, t| sum.defensive_saturating_add(t.amount));
		CapitalAccount { owed: Self::owed_in(&tranches), matured, tranches: tranches.into_inner() }
	}

	/// A period's summary (runtime API).
	pub fn period_summary(
		coop: CoopId,
		period: PeriodIndex,
	) -> Option<PeriodSummary<BalanceOf<T>, BlockNumberFor<T>>> {
		if let Some(closed) = ClosedPeriods::<T>::get(coop, period) {
			return Some(PeriodSummary::Closed(closed));
		}
		OpenPeriods::<T>::get(coop).filter(|o| o.index == period).map(PeriodSummary::Open)
	}
}
