//! A co-op's circle and who takes part in it: opening the circle, joining and leaving, the
//! credit limits the co-op sets, and freezing a participant who left the co-op.

use crate::{pallet::*, CircleId, CircleInfo, Credit, Participant};
use coop_primitives::{CoopId, CoopInspect, OnMemberRemoved, Weight};
use frame_support::{
	ensure,
	traits::{EnsureOrigin, Get},
};
use frame_system::pallet_prelude::OriginFor;
use sp_runtime::{ArithmeticError, DispatchError, DispatchResult, Saturating};

impl<T: Config> Pallet<T> {
	/// The acting account: the signer, or the treasury of the co-op whose motion dispatched.
	pub(crate) fn ensure_account(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		T::MemberOrigin::ensure_origin(origin).map_err(|_| DispatchError::BadOrigin)
	}

	/// Opens `coop`'s circle, empty.
	pub(crate) fn do_open_circle(coop: CoopId, require_maximal: bool) -> DispatchResult {
		ensure!(T::Coops::coop_exists(coop), Error::<T>::CoopNotFound);
		ensure!(!Circles::<T>::contains_key(coop), Error::<T>::CircleExists);
		Circles::<T>::insert(
			coop,
			CircleInfo {
				next_index: 0,
				participants: 0,
				next_obligation: 0,
				open_obligations: 0,
				require_maximal,
			},
		);
		Self::deposit_event(Event::CircleOpened { circle: coop, require_maximal });
		Ok(())
	}

	/// Lets member `who` join the circle under the next participant number.
	pub(crate) fn do_join(circle: CircleId, who: T::AccountId) -> DispatchResult {
		let mut info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
		ensure!(T::Coops::is_member(circle, &who), Error::<T>::NotCoopMember);
		ensure!(!Participants::<T>::contains_key(circle, &who), Error::<T>::AlreadyParticipant);
		ensure!(info.participants < T::MaxParticipants::get(), Error::<T>::TooManyParticipants);
		let index = info.next_index;
		info.next_index = index.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		info.participants.saturating_inc();
		Participants::<T>::insert(
			circle,
			&who,
			Participant {
				index,
				balance: 0,
				credit_limit: 0,
				ceiling: None,
				frozen: false,
				open_obligations: 0,
				obligation_net: 0,
			},
		);
		Circles::<T>::insert(circle, info);
		Self::deposit_event(Event::Joined { circle, who, index });
		Ok(())
	}

	/// Lets `who` leave the circle if it is square: zero balance, no open obligations.
	pub(crate) fn do_leave(circle: CircleId, who: T::AccountId) -> DispatchResult {
		let participant = Participants::<T>::get(circle, &who).ok_or(Error::<T>::NotParticipant)?;
		ensure!(
			participant.balance == 0 && participant.open_obligations == 0,
			Error::<T>::CannotLeave
		);
		Participants::<T>::remove(circle, &who);
		LiquidityConsents::<T>::remove(circle, &who);
		Circles::<T>::mutate(circle, |info| {
			if let Some(info) = info {
				info.participants.saturating_dec();
			}
		});
		Self::deposit_event(Event::Left { circle, who });
		Ok(())
	}

	/// Sets `who`'s credit limit and ceiling, neither cutting into its current balance.
	pub(crate) fn do_set_credit_limit(
		circle: CircleId,
		who: T::AccountId,
		credit_limit: Credit,
		ceiling: Option<Credit>,
	) -> DispatchResult {
		ensure!(credit_limit <= T::MaxCreditLimit::get(), Error::<T>::CreditLimitTooHigh);
		Participants::<T>::try_mutate(circle, &who, |p| {
			let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
			ensure!(
				p.balance >= 0 || p.balance.unsigned_abs() <= credit_limit,
				Error::<T>::LimitBelowDebt
			);
			ensure!(
				ceiling.is_none_or(|c| p.balance <= 0 || p.balance.unsigned_abs() <= c),
				Error::<T>::CeilingBelowBalance
			);
			p.credit_limit = credit_limit;
			p.ceiling = ceiling;
			Ok::<_, Error<T>>(())
		})?;
		Self::deposit_event(Event::CreditLimitSet { circle, who, credit_limit, ceiling });
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Turns clearing with liquidity on or off for `circle`.
	pub(crate) fn do_set_liquidity(circle: CircleId, enabled: bool) -> DispatchResult {
		ensure!(Circles::<T>::contains_key(circle), Error::<T>::CircleNotFound);
		if enabled {
			LiquidityCircles::<T>::insert(circle, ());
		} else {
			LiquidityCircles::<T>::remove(circle);
		}
		Self::deposit_event(Event::LiquiditySet { circle, enabled });
		Ok(())
	}

	/// Records whether `who` lends its credit line to `circle`'s clearings.
	pub(crate) fn do_allow_liquidity(
		circle: CircleId,
		who: T::AccountId,
		allow: bool,
	) -> DispatchResult {
		ensure!(Participants::<T>::contains_key(circle, &who), Error::<T>::NotParticipant);
		if allow {
			LiquidityConsents::<T>::insert(circle, &who, ());
		} else {
			LiquidityConsents::<T>::remove(circle, &who);
		}
		Self::deposit_event(Event::LiquidityConsent { circle, who, allow });
		Ok(())
	}

	/// Writes off the debt of `who`, a frozen participant: its balance returns to zero, the loss
	/// is booked to the circle's loss account, and it leaves the circle if nothing else ties it.
	pub(crate) fn do_write_off(circle: CircleId, who: T::AccountId) -> DispatchResult {
		let mut p = Participants::<T>::get(circle, &who).ok_or(Error::<T>::NotParticipant)?;
		ensure!(p.frozen, Error::<T>::NotFrozen);
		ensure!(p.balance < 0, Error::<T>::NothingToWriteOff);
		let amount = p.balance.unsigned_abs();
		WrittenOff::<T>::try_mutate(circle, |lost| {
			*lost = lost.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
			Ok::<_, DispatchError>(())
		})?;
		p.balance = 0;
		let square = p.open_obligations == 0;
		Participants::<T>::insert(circle, &who, p);
		Self::deposit_event(Event::WrittenOff { circle, who: who.clone(), amount });
		if square {
			Self::do_leave(circle, who)?;
		}
		Ok(())
	}
}

impl<T: Config> OnMemberRemoved<T::AccountId> for Pallet<T> {
	/// A member who leaves the co-op is frozen in its circle until it has settled.
	fn on_member_removed(coop: CoopId, who: &T::AccountId) {
		let frozen = Participants::<T>::mutate(coop, who, |p| match p {
			Some(p) if !p.frozen => {
				p.frozen = true;
				true
			},
			_ => false,
		});
		if frozen {
			Self::deposit_event(Event::ParticipantFrozen { circle: coop, who: who.clone() });
		}
	}

	/// The participant read and written.
	fn on_member_removed_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}
}
