//! Obligations between participants: the creditor issues one, the debtor accepts it (only then
//! can it be cleared), pays it down in credit, or the creditor cancels it. Accepting, settling
//! and cancelling move the parties' net positions; a clearing never does.

use crate::{pallet::*, CircleId, Credit, CreditBalance, Obligation, ObligationId, ObligationOf};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{ArithmeticError, DispatchError, DispatchResult, Saturating};

impl<T: Config> Pallet<T> {
	/// Records that `debtor` owes `creditor` `amount` by `due`, not yet accepted.
	pub(crate) fn do_issue_obligation(
		circle: CircleId,
		creditor: T::AccountId,
		debtor: T::AccountId,
		amount: Credit,
		due: BlockNumberFor<T>,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(amount <= T::MaxCreditLimit::get(), Error::<T>::ObligationTooLarge);
		ensure!(creditor != debtor, Error::<T>::SelfDealing);
		let mut info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
		let mut c = Participants::<T>::get(circle, &creditor).ok_or(Error::<T>::NotParticipant)?;
		let mut d = Participants::<T>::get(circle, &debtor).ok_or(Error::<T>::NotParticipant)?;
		ensure!(!c.frozen && !d.frozen, Error::<T>::Frozen);
		ensure!(info.open_obligations < T::MaxObligations::get(), Error::<T>::TooManyObligations);
		let id = info.next_obligation;
		info.next_obligation = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		info.open_obligations.saturating_inc();
		c.open_obligations.saturating_inc();
		d.open_obligations.saturating_inc();
		Obligations::<T>::insert(
			circle,
			id,
			Obligation {
				debtor: debtor.clone(),
				creditor: creditor.clone(),
				amount,
				due,
				accepted: false,
			},
		);
		Participants::<T>::insert(circle, &creditor, c);
		Participants::<T>::insert(circle, &debtor, d);
		Circles::<T>::insert(circle, info);
		Self::deposit_event(Event::ObligationIssued { circle, id, debtor, creditor, amount, due });
		Ok(())
	}

	/// The debtor `who` accepts obligation `id`: it now counts in the net positions and can
	/// be cleared.
	pub(crate) fn do_accept_obligation(
		circle: CircleId,
		id: ObligationId,
		who: T::AccountId,
	) -> DispatchResult {
		let mut o = Obligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
		ensure!(o.debtor == who, Error::<T>::NotDebtor);
		ensure!(!o.accepted, Error::<T>::AlreadyAccepted);
		o.accepted = true;
		Self::shift_net(circle, &o, o.amount, true)?;
		Obligations::<T>::insert(circle, id, o);
		Self::deposit_event(Event::ObligationAccepted { circle, id });
		Ok(())
	}

	/// The debtor `who` pays `amount` of obligation `id` to its creditor; the obligation
	/// closes when nothing is outstanding.
	pub(crate) fn do_settle_obligation(
		circle: CircleId,
		id: ObligationId,
		who: T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		let mut o = Obligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
		ensure!(o.debtor == who, Error::<T>::NotDebtor);
		ensure!(o.accepted, Error::<T>::NotAccepted);
		ensure!(amount <= o.amount, Error::<T>::AboveOutstanding);
		Self::move_credit(circle, &o.debtor, &o.creditor, amount, true)?;
		Self::shift_net(circle, &o, amount, false)?;
		o.amount = o.amount.saturating_sub(amount);
		let outstanding = o.amount;
		if outstanding == 0 {
			Self::close_obligation(circle, id, &o);
		} else {
			Obligations::<T>::insert(circle, id, o);
		}
		Self::deposit_event(Event::ObligationSettled { circle, id, amount, outstanding });
		Ok(())
	}

	/// The creditor `who` drops obligation `id`.
	pub(crate) fn do_cancel_obligation(
		circle: CircleId,
		id: ObligationId,
		who: T::AccountId,
	) -> DispatchResult {
		let o = Obligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
		ensure!(o.creditor == who, Error::<T>::NotCreditor);
		if o.accepted {
			Self::shift_net(circle, &o, o.amount, false)?;
		}
		Self::close_obligation(circle, id, &o);
		Self::deposit_event(Event::ObligationCancelled { circle, id });
		Ok(())
	}

	/// Adds (`accepting`) or removes `amount` of an accepted obligation to or from its parties'
	/// net positions.
	fn shift_net(
		circle: CircleId,
		o: &ObligationOf<T>,
		amount: Credit,
		accepting: bool,
	) -> DispatchResult {
		let amount = CreditBalance::try_from(amount).map_err(|_| ArithmeticError::Overflow)?;
		let amount = if accepting {
			amount
		} else {
			amount.checked_neg().ok_or(ArithmeticError::Overflow)?
		};
		for (who, sign) in [(&o.creditor, 1i128), (&o.debtor, -1i128)] {
			Participants::<T>::try_mutate(circle, who, |p| {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				let delta = amount.checked_mul(sign).ok_or(ArithmeticError::Overflow)?;
				p.obligation_net =
					p.obligation_net.checked_add(delta).ok_or(ArithmeticError::Overflow)?;
				Ok::<_, DispatchError>(())
			})?;
		}
		Ok(())
	}

	/// Removes an open obligation and the counts that include it (when it is settled,
	/// cancelled or cleared in full).
	pub(crate) fn close_obligation(circle: CircleId, id: ObligationId, o: &ObligationOf<T>) {
		Obligations::<T>::remove(circle, id);
		for who in [&o.debtor, &o.creditor] {
			Participants::<T>::mutate(circle, who, |p| {
				if let Some(p) = p {
					p.open_obligations.saturating_dec();
				}
			});
		}
		Circles::<T>::mutate(circle, |info| {
			if let Some(info) = info {
				info.open_obligations.saturating_dec();
			}
		});
	}
}
