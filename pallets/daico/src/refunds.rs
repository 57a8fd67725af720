//! Refunds of failed and dissolved raises: the exact pro-rata share, the rounding remainder for
//! the last contributor to claim, and the escrow's seed going back to the co-op.

use crate::{pallet::*, BalanceOf, RaiseId, RaiseOf, RaiseState};
use coop_primitives::CoopInspect;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{DepositConsequence, Fortitude, Preservation, Provenance},
		DefensiveOption, DefensiveSaturating,
	},
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, Rounding,
};

/// What one contributor's refund pays.
struct Refund<Balance> {
	/// Their pro-rata share of the refund pool.
	share: Balance,
	/// What they are paid: the share, or, for the last to claim, all that is left of the pool.
	amount: Balance,
	/// Whether they are the last contributor to claim.
	last: bool,
}

impl<T: Config> Pallet<T> {
	/// `pool × part / whole`, rounded down, exactly.
	///
	/// `ArithmeticError::Overflow` if a balance does not fit 128 bits, or the share does not
	/// fit a balance (only when `part > whole`).
	pub fn pro_rata(
		pool: BalanceOf<T>,
		part: BalanceOf<T>,
		whole: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if whole.is_zero() {
			return Ok(Zero::zero());
		}
		let to_u128 = |b: BalanceOf<T>| -> Result<u128, ArithmeticError> {
			b.try_into().map_err(|_| ArithmeticError::Overflow)
		};
		let share = multiply_by_rational_with_rounding(
			to_u128(pool)?,
			to_u128(part)?,
			to_u128(whole)?,
			Rounding::Down,
		)
		.ok_or(ArithmeticError::Overflow)?;
		share.try_into().map_err(|_| ArithmeticError::Overflow.into())
	}

	/// Pays `contributor` of a failed or dissolved raise their refund, and the last to claim
	/// also the rounding remainder; then the seed goes back to the co-op.
	pub(crate) fn do_claim_refund(raise: RaiseId, contributor: T::AccountId) -> DispatchResult {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		ensure!(
			matches!(r.state, RaiseState::Failed | RaiseState::Dissolved),
			Error::<T>::NotRefundable
		);
		let mut c =
			Contributions::<T>::get(raise, &contributor).ok_or(Error::<T>::NotContributor)?;
		ensure!(!c.refunded, Error::<T>::AlreadyRefunded);

		let Refund { share, amount, last } = Self::refund_due(&r, c.amount)?;
		r.refunds_claimed.saturating_inc();
		c.refunded = true;
		Contributions::<T>::insert(raise, &contributor, c);
		let receivable = T::Currency::can_deposit(&contributor, amount, Provenance::Extant)
			!= DepositConsequence::BelowMinimum;
		if !receivable {
			// Dust the contributor's reaped account cannot take: it stays in the escrow, for
			// the last claimant's remainder, or (if this is the last) the co-op with the seed.
			Self::deposit_event(Event::RefundBelowMinimum { raise, who: contributor, amount });
			if last {
				Self::return_seed(raise, &mut r)?;
			}
			Raises::<T>::insert(raise, r);
			return Ok(());
		}
		if !amount.is_zero() {
			T::Currency::transfer(
				&Self::escrow(raise),
				&contributor,
				amount,
				Preservation::Preserve,
			)?;
		}
		// What is refunded never passes the pool (`refund_due`).
		r.refunded = r.refunded.checked_add(&amount).defensive_ok_or(ArithmeticError::Overflow)?;
		Self::deposit_event(Event::Refunded { raise, who: contributor.clone(), amount });
		if last {
			// The others' shares, each rounded down, leave at least the last one's share.
			let remainder = amount.defensive_saturating_sub(share);
			if !remainder.is_zero() {
				Self::deposit_event(Event::RoundingRemainderPaid {
					raise,
					who: contributor,
					amount: remainder,
				});
			}
			Self::return_seed(raise, &mut r)?;
		}
		Raises::<T>::insert(raise, r);
		Ok(())
	}

	/// The refund of a contribution of `contribution` to the raise `r`.
	fn refund_due(
		r: &RaiseOf<T>,
		contribution: BalanceOf<T>,
	) -> Result<Refund<BalanceOf<T>>, DispatchError> {
		let share = Self::pro_rata(r.refund_pool, contribution, r.raised)?;
		let last = r.refunds_claimed.saturating_add(1) == r.contributors;
		let amount = if last {
			// Refunds so far never exceed the pool (invariant 3).
			r.refund_pool.checked_sub(&r.refunded).defensive_ok_or(ArithmeticError::Underflow)?
		} else {
			share
		};
		Ok(Refund { share, amount, last })
	}

	/// Sends the escrow's seed back to the co-op treasury, with whatever else is left in the
	/// escrow once every refund is claimed: donations, and refunds nobody could receive. The
	/// escrow is emptied (and reaped).
	pub(crate) fn return_seed(raise: RaiseId, r: &mut RaiseOf<T>) -> DispatchResult {
		if r.seed.is_zero() {
			return Ok(());
		}
		let escrow = Self::escrow(raise);
		let left =
			T::Currency::reducible_balance(&escrow, Preservation::Expendable, Fortitude::Polite);
		T::Currency::transfer(
			&escrow,
			&T::Coops::treasury_account(r.coop),
			left,
			Preservation::Expendable,
		)?;
		Self::deposit_event(Event::SeedReturned { raise, amount: left });
		r.seed = Zero::zero();
		// Everything left the escrow: the accounting's refunds cover the pool (invariant 1).
		r.refunded = r.refund_pool;
		Ok(())
	}
}
