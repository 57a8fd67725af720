//! The pallet's invariants, checked after every test, at every block of the mock, and by
//! `try-runtime`.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. Every closed period settles to the unit: `surplus = reserve + fund + non_member_share
	///    + allocatable`, `claimed ≤ allocatable`, and once swept `allocatable = claimed +
	///    unclaimed + remainder`.
	/// 2. Outstanding claims fit in the pot: for each unswept period, the allocations of the
	///    patronage still unclaimed add up to at most `allocatable − claimed`, and the
	///    unclaimed entries' units are `member_units − claimed_units`.
	/// 3. The pot holds every unswept period's outstanding allocations on top of its seed.
	/// 4. The open period's units are the sum of its members' entries.
	/// 5. Capital accounts are sorted by maturity, hold no empty tranche, and add up to what the
	///    co-op owes its members.
	/// 6. The co-op's maturity order is its capital accounts': `Maturing` holds exactly their
	///    tranches not matured yet, by maturity; `Matured` holds their matured tranches, each in
	///    the bucket with the smallest key at or after its maturity, in increasing keys below
	///    the open period, none empty.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let pot_owed = Self::check_closed_periods()?;
		Self::check_pots(pot_owed)?;
		Self::check_open_periods()?;
		Self::check_capital_accounts()?;
		Self::check_maturity_order()
	}

	/// Invariant 6.
	fn check_maturity_order() -> Result<(), TryRuntimeError> {
		let open = |coop| {
			let index = OpenPeriods::<T>::get(coop).map(|o| o.index).unwrap_or_default();
			Self::horizon(coop, index)
		};
		let mut maturing: BTreeMap<(CoopId, PeriodIndex), BalanceOf<T>> = BTreeMap::new();
		let mut matured: BTreeMap<CoopId, alloc::vec::Vec<(PeriodIndex, BalanceOf<T>)>> =
			BTreeMap::new();
		for (coop, _, tranches) in CapitalAccounts::<T>::iter() {
			let index = open(coop);
			for t in tranches {
				if t.matures_after >= index {
					let owed = maturing.entry((coop, t.matures_after)).or_insert_with(Zero::zero);
					*owed = owed.saturating_add(t.amount);
				} else {
					matured.entry(coop).or_default().push((t.matures_after, t.amount));
				}
			}
		}
		for (coop, m, owed) in Maturing::<T>::iter() {
			ensure!(m >= open(coop), "maturing equity that has matured");
			ensure!(
				maturing.remove(&(coop, m)) == Some(owed),
				"maturing equity differs from the capital accounts"
			);
		}
		ensure!(maturing.is_empty(), "maturing equity missing from the order");
		for (coop, buckets) in Matured::<T>::iter() {
			ensure!(
				buckets.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)),
				"matured buckets out of order"
			);
			ensure!(buckets.iter().all(|(_, owed)| !owed.is_zero()), "empty matured bucket");
			ensure!(
				buckets.last().is_none_or(|(key, _)| *key < open(coop)),
				"a matured bucket that has not matured"
			);
			let mut expected = alloc::vec![BalanceOf::<T>::zero(); buckets.len()];
			for (m, amount) in matured.remove(&coop).unwrap_or_default() {
				let at = buckets
					.iter()
					.position(|(key, _)| *key >= m)
					.ok_or("matured equity past the last bucket")?;
				let slot = expected.get_mut(at).ok_or("matured equity past the last bucket")?;
				*slot = slot.saturating_add(amount);
			}
			ensure!(
				buckets.iter().map(|(_, owed)| *owed).eq(expected),
				"matured buckets differ from the capital accounts"
			);
		}
		ensure!(matured.is_empty(), "matured equity missing from the order");
		Ok(())
	}

	/// Invariants 1 and 2; returns what each co-op's pot owes for its unswept periods.
	fn check_closed_periods() -> Result<BTreeMap<CoopId, BalanceOf<T>>, TryRuntimeError> {
		let mut pot_owed: BTreeMap<CoopId, BalanceOf<T>> = BTreeMap::new();
		for (coop, period, closed) in ClosedPeriods::<T>::iter() {
			Self::check_settlement(&closed)?;
			if closed.swept.is_some() {
				continue;
			}
			Self::check_unclaimed(coop, period, &closed)?;
			let entry = pot_owed.entry(coop).or_insert_with(Zero::zero);
			*entry = entry.checked_add(&closed.outstanding()).ok_or("pot owed overflows")?;
		}
		Ok(pot_owed)
	}

	/// Invariant 1 for one closed period.
	fn check_settlement(closed: &ClosedPeriodOf<T>) -> Result<(), TryRuntimeError> {
		let split = closed
			.reserve
			.checked_add(&closed.fund)
			.and_then(|s| s.checked_add(&closed.non_member_share))
			.and_then(|s| s.checked_add(&closed.allocatable));
		ensure!(split == Some(closed.surplus), "a surplus is split to the unit");
		ensure!(closed.claimed <= closed.allocatable, "claims stay within the allocatable");
		if let Some(sweep) = &closed.swept {
			ensure!(
				closed
					.claimed
					.checked_add(&sweep.unclaimed)
					.and_then(|s| s.checked_add(&sweep.remainder))
					== Some(closed.allocatable),
				"a swept period settles to the unit"
			);
		}
		Ok(())
	}

	/// Invariant 2 for one unswept period.
	fn check_unclaimed(
		coop: CoopId,
		period: PeriodIndex,
		closed: &ClosedPeriodOf<T>,
	) -> Result<(), TryRuntimeError> {
		let mut units: PatronageUnits = 0;
		let mut owed = BalanceOf::<T>::zero();
		for (_, u) in MemberPatronage::<T>::iter_prefix((coop, period)) {
			units = units.checked_add(u).ok_or("patronage units overflow")?;
			let allocation = Self::allocation_of(closed, u).map_err(|_| "allocation overflow")?;
			owed = owed.checked_add(&allocation.total).ok_or("allocations overflow")?;
		}
		ensure!(
			closed.claimed_units.checked_add(units) == Some(closed.member_units),
			"claimed and unclaimed units add up to the period's"
		);
		ensure!(owed <= closed.outstanding(), "outstanding claims fit in the pot");
		Ok(())
	}

	/// Invariant 3.
	fn check_pots(pot_owed: BTreeMap<CoopId, BalanceOf<T>>) -> Result<(), TryRuntimeError> {
		for (coop, owed) in pot_owed {
			let pot = T::Currency::total_balance(&Self::pot_account(coop));
			let needed =
				owed.checked_add(&T::Currency::minimum_balance()).ok_or("pot owed overflows")?;
			ensure!(pot >= needed, "the pot holds every outstanding allocation");
		}
		Ok(())
	}

	/// Invariant 4.
	fn check_open_periods() -> Result<(), TryRuntimeError> {
		for (coop, open) in OpenPeriods::<T>::iter() {
			let units = MemberPatronage::<T>::iter_prefix((coop, open.index))
				.try_fold(0u128, |sum, (_, u)| sum.checked_add(u))
				.ok_or("patronage units overflow")?;
			ensure!(units == open.member_units, "the open period's units are its entries'");
		}
		Ok(())
	}

	/// Invariant 5.
	fn check_capital_accounts() -> Result<(), TryRuntimeError> {
		let mut owed: BTreeMap<CoopId, BalanceOf<T>> = BTreeMap::new();
		for (coop, _, tranches) in CapitalAccounts::<T>::iter() {
			ensure!(!tranches.is_empty(), "no empty capital account is stored");
			ensure!(tranches.iter().all(|t| !t.amount.is_zero()), "no empty tranche");
			ensure!(
				tranches.windows(2).all(|w| match w {
					[a, b] => (a.matures_after, a.period) <= (b.matures_after, b.period),
					_ => true,
				}),
				"tranches are sorted by maturity"
			);
			let entry = owed.entry(coop).or_insert_with(Zero::zero);
			*entry = tranches
				.iter()
				.try_fold(*entry, |sum, t| sum.checked_add(&t.amount))
				.ok_or("equity owed overflows")?;
		}
		for (coop, total) in EquityOwed::<T>::iter() {
			ensure!(
				owed.remove(&coop).unwrap_or_else(Zero::zero) == total,
				"capital accounts add up to what the co-op owes"
			);
		}
		ensure!(owed.values().all(|v| v.is_zero()), "every owing co-op is counted");
		Ok(())
	}
}
