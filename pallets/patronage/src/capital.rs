//! Members' capital accounts: retained equity recorded as tranches, a full account's matured
//! tranches merged into one, and matured equity revolved back to members, oldest first.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::{DefensiveOption, DefensiveResult, DefensiveSaturating};
use sp_runtime::{
	traits::{CheckedAdd, EnsureAdd, Saturating, Zero},
	ArithmeticError,
};

/// What paying back a capital account's matured tranches came to.
struct Repayment<T: Config> {
	/// Paid in all.
	paid: BalanceOf<T>,
	/// How many tranches were paid from (the weight charged).
	touched: u32,
	/// The tranches still owed, none of them empty.
	tranches: TranchesOf<T>,
}

impl<T: Config> Pallet<T> {
	/// Records `retained` as a tranche on `member`'s capital account (merging the account's
	/// matured tranches first if it is full), and moves it from the pot back to the treasury,
	/// which uses it until it revolves.
	pub(crate) fn retain_equity(
		coop: CoopId,
		member: &T::AccountId,
		period: PeriodIndex,
		matures_after: PeriodIndex,
		retained: BalanceOf<T>,
	) -> DispatchResult {
		// A closed period always has an open period after it.
		let open = OpenPeriods::<T>::get(coop).defensive_ok_or(Error::<T>::NoPolicy)?;
		let horizon = Self::horizon(coop, open.index);
		let mut tranches = CapitalAccounts::<T>::get(coop, member);
		if tranches.is_full() {
			tranches = Self::merge_matured(coop, member, tranches, horizon)?;
		}
		let tranche = EquityTranche { period, matures_after, amount: retained };
		let at = tranches
			.iter()
			.position(|t| (t.matures_after, t.period) > (tranche.matures_after, tranche.period))
			.unwrap_or(tranches.len());
		// The account is not full: it was not, or merging made room.
		tranches.try_insert(at, tranche).defensive_map_err(|_| Error::<T>::CapitalAccountFull)?;
		CapitalAccounts::<T>::insert(coop, member, tranches);
		Self::enter_maturity(coop, matures_after, retained, horizon);
		EquityOwed::<T>::try_mutate(coop, |owed| -> DispatchResult {
			*owed = owed.ensure_add(retained)?;
			Ok(())
		})?;
		Self::pay(&Self::pot_account(coop), &T::Coops::treasury_account(coop), retained)
	}

	/// Merges a full capital account's matured tranches into one, which keeps the earliest
	/// period and stays first in line.
	///
	/// A policy's revolving period is at most `MaxTranches - 2`, so a full account has at least
	/// two matured tranches; [`Error::CapitalAccountFull`] if it has not.
	fn merge_matured(
		coop: CoopId,
		member: &T::AccountId,
		tranches: TranchesOf<T>,
		open_index: PeriodIndex,
	) -> Result<TranchesOf<T>, DispatchError> {
		let matured = tranches.iter().take_while(|t| t.matures_after < open_index).count();
		ensure!(matured >= 2, Error::<T>::CapitalAccountFull);
		let mut old = tranches.into_iter();
		let mut taken = old.by_ref().take(matured);
		// At least two tranches are taken.
		let first = taken.next().defensive_ok_or(Error::<T>::CapitalAccountFull)?;
		let mut moved = alloc::vec![(first.matures_after, first.amount)];
		let merged = taken.try_fold(first, |a, b| {
			moved.push((b.matures_after, b.amount));
			Self::merge_two(a, b)
		})?;
		let amount = merged.amount;
		// In the co-op's order, the merged equity matures with the latest of its tranches.
		Matured::<T>::mutate(coop, |buckets| {
			for (m, part) in &moved {
				Self::take_matured(buckets, *m, *part);
			}
			Self::add_matured(buckets, merged.matures_after, amount);
		});
		let all: Vec<_> = core::iter::once(merged).chain(old).collect();
		// One tranche for at least two: fewer than before.
		let tranches =
			BoundedVec::try_from(all).defensive_map_err(|_| Error::<T>::CapitalAccountFull)?;
		Self::deposit_event(Event::TranchesMerged {
			coop,
			member: member.clone(),
			count: matured as u32,
			amount,
		});
		Ok(tranches)
	}

	/// One tranche for two: the earlier period, the later maturity, the sum.
	fn merge_two(
		a: EquityTranche<BalanceOf<T>>,
		b: EquityTranche<BalanceOf<T>>,
	) -> Result<EquityTranche<BalanceOf<T>>, DispatchError> {
		Ok(EquityTranche {
			period: a.period.min(b.period),
			matures_after: a.matures_after.max(b.matures_after),
			// An account's tranches add up to at most what the co-op owes, which is a balance.
			amount: a.amount.checked_add(&b.amount).defensive_ok_or(ArithmeticError::Overflow)?,
		})
	}

	/// Pays `member`'s matured tranches back from the treasury, oldest first, as far as the
	/// treasury can pay and stay alive; returns how many tranches it paid from.
	pub(crate) fn do_revolve(coop: CoopId, member: T::AccountId) -> Result<u32, DispatchError> {
		let open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
		let tranches = CapitalAccounts::<T>::get(coop, &member);
		let horizon = Self::horizon(coop, open.index);
		ensure!(
			tranches.first().is_some_and(|t| t.matures_after < horizon),
			Error::<T>::NothingMatured
		);
		let treasury = T::Coops::treasury_account(coop);
		let mut buckets = Matured::<T>::get(coop);
		let Repayment { paid, touched, tranches } =
			Self::repay_matured(tranches, horizon, Self::spendable(&treasury), &mut buckets);
		ensure!(!paid.is_zero(), Error::<T>::TreasuryCannotPay);
		Self::ensure_can_receive(&member, paid)?;
		Self::pay(&treasury, &member, paid)?;
		let still_owed = Self::owed_in(&tranches);
		if tranches.is_empty() {
			CapitalAccounts::<T>::remove(coop, &member);
		} else {
			CapitalAccounts::<T>::insert(coop, &member, tranches);
		}
		// What was paid came out of the member's tranches, which are part of what is owed.
		EquityOwed::<T>::mutate(coop, |owed| owed.defensive_saturating_reduce(paid));
		if buckets.is_empty() {
			Matured::<T>::remove(coop);
		} else {
			Matured::<T>::insert(coop, buckets);
		}
		Self::deposit_event(Event::EquityRevolved { coop, member, paid, still_owed });
		Ok(touched)
	}

	/// Takes up to `available` from the tranches matured before `open_index`, oldest first,
	/// keeping back what the co-op's older matured equity (`buckets`, which it updates) is
	/// owed, and drops the tranches paid in full.
	fn repay_matured(
		mut tranches: TranchesOf<T>,
		open_index: PeriodIndex,
		mut available: BalanceOf<T>,
		buckets: &mut MaturedOf<T>,
	) -> Repayment<T> {
		let mut paid = BalanceOf::<T>::zero();
		let mut touched = 0u32;
		for tranche in tranches.iter_mut() {
			if tranche.matures_after >= open_index || available.is_zero() {
				break;
			}
			// Older matured equity of the co-op comes first.
			let free =
				available.saturating_sub(Self::held_for_older(buckets, tranche.matures_after));
			// `amount` is at most the tranche and what is available, and `paid` at most what
			// was available at first: none of these saturate.
			let amount = tranche.amount.min(free);
			if amount.is_zero() {
				break;
			}
			Self::take_matured(buckets, tranche.matures_after, amount);
			tranche.amount.defensive_saturating_reduce(amount);
			available.defensive_saturating_reduce(amount);
			paid.defensive_saturating_accrue(amount);
			touched.saturating_inc();
		}
		tranches.retain(|t| !t.amount.is_zero());
		Repayment { paid, touched, tranches }
	}

	/// What a capital account's tranches add up to.
	pub(crate) fn owed_in(tranches: &[EquityTranche<BalanceOf<T>>]) -> BalanceOf<T> {
		// At most what the co-op owes its members in all, which is a balance.
		tranches
			.iter()
			.fold(Zero::zero(), |sum: BalanceOf<T>, t| sum.defensive_saturating_add(t.amount))
	}
}
