//! The co-op-wide order of retained equity by maturity, so that `revolve` pays the co-op's
//! oldest matured equity first, whoever asks first, and `close_period` never spends what
//! matured equity is owed.
//!
//! Equity still maturing is kept by the period whose close matures it (`Maturing`). Matured
//! equity not yet paid is kept in at most `MaxMaturities` buckets, oldest first (`Matured`):
//! equity of maturity `m` is in the bucket with the smallest key at or after `m`. New buckets
//! only ever go last (a period's close matures the newest equity); when the buckets are full,
//! the last one takes the new key (the equity in it loses a little priority, none is lost).

use crate::*;
use coop_primitives::CoopInspect;
use frame_support::{defensive, traits::DefensiveSaturating};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Enters `amount` of equity retained with maturity `matures_after` into the co-op's
	/// order, `open_index` being the period open now.
	pub(crate) fn enter_maturity(
		coop: CoopId,
		matures_after: PeriodIndex,
		amount: BalanceOf<T>,
		open_index: PeriodIndex,
	) {
		if matures_after >= open_index {
			Maturing::<T>::mutate(coop, matures_after, |owed| owed.saturating_accrue(amount));
		} else {
			Matured::<T>::mutate(coop, |buckets| Self::add_matured(buckets, matures_after, amount));
		}
	}

	/// The period before which retained equity of `coop` has matured: the open period's, or,
	/// once the co-op has dissolved (no period of it will close again), every period.
	pub(crate) fn horizon(coop: CoopId, open_index: PeriodIndex) -> PeriodIndex {
		if T::Coops::coop_exists(coop) {
			open_index
		} else {
			PeriodIndex::MAX
		}
	}

	/// The co-op dissolved: all its maturing equity joins the matured, oldest first.
	pub(crate) fn mature_all(coop: CoopId) {
		let mut maturing: alloc::vec::Vec<_> = Maturing::<T>::drain_prefix(coop).collect();
		maturing.sort_by_key(|(m, _)| *m);
		Matured::<T>::mutate(coop, |buckets| {
			for (m, owed) in maturing {
				Self::add_matured(buckets, m, owed);
			}
		});
		if Matured::<T>::get(coop).is_empty() {
			Matured::<T>::remove(coop);
		}
	}

	/// At the close of period `period`: the equity it matures joins the matured, last.
	pub(crate) fn mature(coop: CoopId, period: PeriodIndex) {
		let amount = Maturing::<T>::take(coop, period);
		if !amount.is_zero() {
			Matured::<T>::mutate(coop, |buckets| Self::add_matured(buckets, period, amount));
		}
	}

	/// Adds `amount` of matured equity of maturity `m` to the oldest bucket at or after `m`, or
	/// to a new last bucket (the last bucket, relabelled `m`, when they are full).
	pub(crate) fn add_matured(buckets: &mut MaturedOf<T>, m: PeriodIndex, amount: BalanceOf<T>) {
		if amount.is_zero() {
			return;
		}
		if let Some((_, owed)) = buckets.iter_mut().find(|(key, _)| *key >= m) {
			owed.saturating_accrue(amount);
			return;
		}
		if buckets.try_push((m, amount)).is_err() {
			if let Some(last) = buckets.last_mut() {
				last.0 = m;
				last.1.saturating_accrue(amount);
			}
		}
	}

	/// Takes `amount` of matured equity of maturity `m` out of its bucket (it was paid, or moved
	/// by a merge); an emptied bucket goes.
	pub(crate) fn take_matured(buckets: &mut MaturedOf<T>, m: PeriodIndex, amount: BalanceOf<T>) {
		let Some(at) = buckets.iter().position(|(key, _)| *key >= m) else {
			defensive!("matured equity is in a bucket at or after its maturity");
			return;
		};
		let emptied = buckets.get_mut(at).is_some_and(|(_, owed)| {
			owed.defensive_saturating_reduce(amount);
			owed.is_zero()
		});
		if emptied {
			buckets.remove(at);
		}
	}

	/// What the treasury keeps for matured equity older than the bucket of maturity `m`.
	pub(crate) fn held_for_older(buckets: &MaturedOf<T>, m: PeriodIndex) -> BalanceOf<T> {
		buckets
			.iter()
			.take_while(|(key, _)| *key < m)
			.fold(Zero::zero(), |sum: BalanceOf<T>, (_, owed)| sum.saturating_add(*owed))
	}

	/// What matured equity the co-op owes, in all.
	pub(crate) fn matured_owed(coop: CoopId) -> BalanceOf<T> {
		Matured::<T>::get(coop)
			.iter()
			.fold(Zero::zero(), |sum: BalanceOf<T>, (_, owed)| sum.saturating_add(*owed))
	}
}
