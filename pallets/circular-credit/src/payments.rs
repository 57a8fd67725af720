//! Payments: credit moving from payer to payee within the payer's credit limit and the payee's
//! ceiling. Credit is created as the payer goes below zero, so a circle's balances always sum
//! to zero.

use crate::{pallet::*, CircleId, Credit, CreditBalance};
use frame_support::{ensure, BoundedVec};
use sp_runtime::DispatchResult;

use sp_runtime::ArithmeticError;

impl<T: Config> Pallet<T> {
	/// Pays `amount` from `from` to `to`.
	pub(crate) fn do_pay(
		circle: CircleId,
		from: T::AccountId,
		to: T::AccountId,
		amount: Credit,
		memo: BoundedVec<u8, T::MaxMemoLen>,
	) -> DispatchResult {
		Self::move_credit(circle, &from, &to, amount, false)?;
		Self::deposit_event(Event::Paid { circle, from, to, amount, memo });
		Ok(())
	}

	/// Moves credit, within the payer's limit and the payee's ceiling. A frozen payer may
	/// settle an obligation (`settling`) but not pay; a frozen payee may be paid.
	pub(crate) fn move_credit(
		circle: CircleId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
		settling: bool,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfDealing);
		let mut payer = Participants::<T>::get(circle, from).ok_or(Error::<T>::NotParticipant)?;
		let mut payee = Participants::<T>::get(circle, to).ok_or(Error::<T>::NotParticipant)?;
		ensure!(settling || !payer.frozen, Error::<T>::Frozen);
		let signed = CreditBalance::try_from(amount).map_err(|_| ArithmeticError::Overflow)?;
		let floor = CreditBalance::try_from(payer.credit_limit)
			.map_err(|_| ArithmeticError::Overflow)?
			.checked_neg()
			.ok_or(ArithmeticError::Overflow)?;
		let new_payer = payer.balance.checked_sub(signed).ok_or(ArithmeticError::Overflow)?;
		ensure!(new_payer >= floor, Error::<T>::CreditLimitExceeded);
		let new_payee = payee.balance.checked_add(signed).ok_or(ArithmeticError::Overflow)?;
		if let Some(ceiling) = payee.ceiling {
			let ceiling =
				CreditBalance::try_from(ceiling).map_err(|_| ArithmeticError::Overflow)?;
			ensure!(new_payee <= ceiling, Error::<T>::CeilingExceeded);
		}
		payer.balance = new_payer;
		payee.balance = new_payee;
		Participants::<T>::insert(circle, from, payer);
		Participants::<T>::insert(circle, to, payee);
		Ok(())
	}
}
