//! The tap: how it accrues, what it may still draw, the beneficiary drawing and lowering it,
//! and the bounds on raising it by vote.

use crate::{pallet::*, BalanceOf, RaiseId, RaiseOf, RaiseState};
use frame_support::{
	ensure,
	traits::{fungible::Mutate, tokens::Preservation, DefensiveOption, DefensiveSaturating, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	ArithmeticError, DispatchResult, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// What the tap has accrued by `now` (zero while frozen: accrual stops at the freeze).
	pub fn accrued(r: &RaiseOf<T>, now: BlockNumberFor<T>) -> BalanceOf<T> {
		if r.frozen {
			return r.tap_banked;
		}
		let elapsed: u128 = now.saturating_sub(r.tap_checkpoint).saturated_into();
		let blocks: BalanceOf<T> = elapsed.saturated_into();
		// Saturating on purpose: what accrued is a ceiling, cut to what the tap may still draw.
		r.tap_banked.saturating_add(r.tap_rate.saturating_mul(blocks))
	}

	/// What the tap may still draw: the raise less all milestone tranches, less what it drew.
	pub fn tap_available(r: &RaiseOf<T>) -> BalanceOf<T> {
		// A tap draws only from a raise that reached its soft cap, which bounds the tranches, and it
		// never drew beyond its share (invariant 4): neither subtraction can saturate.
		let tranches = Self::tranches_total(r);
		r.raised.defensive_saturating_sub(tranches).defensive_saturating_sub(r.tapped)
	}

	/// All milestone tranches together (at most the soft cap: `validate` checked their sum).
	pub(crate) fn tranches_total(r: &RaiseOf<T>) -> BalanceOf<T> {
		r.params
			.milestones
			.iter()
			.fold(Zero::zero(), |a: BalanceOf<T>, t| a.defensive_saturating_add(*t))
	}

	/// Banks what accrued at the current rate and restarts accrual from `now`.
	pub(crate) fn bank(r: &mut RaiseOf<T>, now: BlockNumberFor<T>) {
		r.tap_banked = Self::accrued(r, now);
		r.tap_checkpoint = now;
	}

	/// Changes the tap rate, keeping what accrued at the old rate.
	pub(crate) fn set_rate(r: &mut RaiseOf<T>, rate: BalanceOf<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		if !r.frozen {
			Self::bank(r, now);
		}
		r.tap_rate = rate;
	}

	/// A tap raise must go up, by at most `MaxTapIncrease`, and stay under the ceiling.
	pub(crate) fn check_tap_raise(r: &RaiseOf<T>, new_rate: BalanceOf<T>) -> DispatchResult {
		let most = r.tap_rate.saturating_add(T::MaxTapIncrease::get().mul_floor(r.tap_rate));
		ensure!(
			new_rate > r.tap_rate && new_rate <= most && new_rate <= r.params.tap_ceiling,
			Error::<T>::InvalidTapRaise
		);
		Ok(())
	}

	/// Pays the beneficiary `who` what the tap accrued, within the tap's share of the escrow.
	pub(crate) fn do_draw_tap(who: T::AccountId, raise: RaiseId) -> DispatchResult {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		ensure!(r.state == RaiseState::Active, Error::<T>::NotActive);
		ensure!(who == r.params.beneficiary, Error::<T>::NotBeneficiary);
		ensure!(!r.frozen, Error::<T>::TapFrozen);
		let now = frame_system::Pallet::<T>::block_number();
		let accrued = Self::accrued(&r, now);
		let amount = accrued.min(Self::tap_available(&r));
		ensure!(!amount.is_zero(), Error::<T>::NothingToDraw);
		T::Currency::transfer(&Self::escrow(raise), &who, amount, Preservation::Preserve)?;
		// `amount ≤ tap_available = raised − tranches − tapped`: the sum stays within `raised`.
		r.tapped = r.tapped.checked_add(&amount).defensive_ok_or(ArithmeticError::Overflow)?;
		r.tap_banked = Zero::zero();
		r.tap_checkpoint = now;
		Raises::<T>::insert(raise, r);
		Self::deposit_event(Event::TapDrawn { raise, amount });
		Ok(())
	}

	/// Lowers the tap to `new_rate`, if `who` is the beneficiary.
	pub(crate) fn do_lower_tap(
		who: T::AccountId,
		raise: RaiseId,
		new_rate: BalanceOf<T>,
	) -> DispatchResult {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		ensure!(who == r.params.beneficiary, Error::<T>::NotBeneficiary);
		ensure!(r.state == RaiseState::Active, Error::<T>::NotActive);
		ensure!(!new_rate.is_zero() && new_rate < r.tap_rate, Error::<T>::NotALowerRate);
		Self::set_rate(&mut r, new_rate);
		Raises::<T>::insert(raise, r);
		Self::deposit_event(Event::TapRateChanged { raise, rate: new_rate });
		Ok(())
	}
}
