//! Obligations between participants: the creditor issues one, and it waits for the debtor
//! ([`PendingObligations`], at most `MaxPendingPerIssuer` per creditor). The debtor accepts it
//! (only then can it be cleared, and only then does it count against the circle's
//! `MaxObligations`) or rejects it; the creditor may cancel it; anyone may expire it once its
//! due block has passed unaccepted. An accepted obligation is paid down in credit or cancelled
//! by the creditor. Accepting, settling and cancelling move the parties' net positions; a
//! clearing never does.

use crate::{pallet::*, CircleId, Credit, CreditBalance, Obligation, ObligationId, ObligationOf};
use frame_support::{
	defensive, ensure,
	storage::with_storage_layer,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, ArithmeticError, DispatchError, DispatchResult, Saturating};

/// What becomes of an unaccepted obligation's deposit when it closes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Deposit {
	/// Back to the creditor (accepted, cancelled, expired).
	Return,
	/// To the debtor, who rejected it.
	ToDebtor,
}

impl<T: Config> Pallet<T> {
	/// Records that `debtor` owes `creditor` `amount` by `due`, waiting for the debtor.
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
		let pending = PendingIssued::<T>::get(circle, &creditor);
		ensure!(pending < T::MaxPendingPerIssuer::get(), Error::<T>::TooManyPending);
		let id = info.next_obligation;
		info.next_obligation = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let deposit = T::ObligationDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::ObligationDeposit.into(), &creditor, deposit)?;
			PendingDeposits::<T>::insert(circle, id, deposit);
		}
		c.open_obligations.saturating_inc();
		d.open_obligations.saturating_inc();
		PendingObligations::<T>::insert(
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
		PendingIssued::<T>::insert(circle, &creditor, pending.saturating_add(1));
		Participants::<T>::insert(circle, &creditor, c);
		Participants::<T>::insert(circle, &debtor, d);
		Circles::<T>::insert(circle, info);
		Self::deposit_event(Event::ObligationIssued { circle, id, debtor, creditor, amount, due });
		Ok(())
	}

	/// The unaccepted obligation `id`, or why there is none.
	fn pending(circle: CircleId, id: ObligationId) -> Result<ObligationOf<T>, Error<T>> {
		PendingObligations::<T>::get(circle, id).ok_or_else(|| {
			if Obligations::<T>::contains_key(circle, id) {
				Error::<T>::AlreadyAccepted
			} else {
				Error::<T>::ObligationNotFound
			}
		})
	}

	/// The debtor `who` accepts obligation `id`: it now counts in the net positions and can
	/// be cleared.
	pub(crate) fn do_accept_obligation(
		circle: CircleId,
		id: ObligationId,
		who: T::AccountId,
	) -> DispatchResult {
		let mut o = Self::pending(circle, id)?;
		ensure!(o.debtor == who, Error::<T>::NotDebtor);
		let mut info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
		ensure!(info.open_obligations < T::MaxObligations::get(), Error::<T>::TooManyObligations);
		o.accepted = true;
		Self::shift_net(circle, &o, o.amount, true)?;
		info.open_obligations.saturating_inc();
		Circles::<T>::insert(circle, info);
		PendingObligations::<T>::remove(circle, id);
		PendingIssued::<T>::mutate_exists(circle, &o.creditor, |n| Self::count_down(n));
		Self::settle_deposit(circle, id, &o, Deposit::Return);
		Obligations::<T>::insert(circle, id, o);
		Self::deposit_event(Event::ObligationAccepted { circle, id });
		Ok(())
	}

	/// The debtor `who` rejects the unaccepted obligation `id`.
	pub(crate) fn do_reject_obligation(
		circle: CircleId,
		id: ObligationId,
		who: T::AccountId,
	) -> DispatchResult {
		let o = Self::pending(circle, id)?;
		ensure!(o.debtor == who, Error::<T>::NotDebtor);
		Self::close_pending(circle, id, &o, Deposit::ToDebtor);
		Self::deposit_event(Event::ObligationRejected { circle, id });
		Ok(())
	}

	/// Drops the unaccepted obligation `id` once its due block has passed.
	pub(crate) fn do_expire_obligation(circle: CircleId, id: ObligationId) -> DispatchResult {
		let o = Self::pending(circle, id)?;
		ensure!(frame_system::Pallet::<T>::block_number() > o.due, Error::<T>::NotExpired);
		Self::close_pending(circle, id, &o, Deposit::Return);
		Self::deposit_event(Event::ObligationExpired { circle, id });
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
		let Some(mut o) = Obligations::<T>::get(circle, id) else {
			return Err(if PendingObligations::<T>::contains_key(circle, id) {
				Error::<T>::NotAccepted
			} else {
				Error::<T>::ObligationNotFound
			}
			.into());
		};
		ensure!(o.debtor == who, Error::<T>::NotDebtor);
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

	/// The creditor `who` drops obligation `id`, accepted or not.
	pub(crate) fn do_cancel_obligation(
		circle: CircleId,
		id: ObligationId,
		who: T::AccountId,
	) -> DispatchResult {
		if let Some(o) = Obligations::<T>::get(circle, id) {
			ensure!(o.creditor == who, Error::<T>::NotCreditor);
			Self::shift_net(circle, &o, o.amount, false)?;
			Self::close_obligation(circle, id, &o);
		} else {
			let o =
				PendingObligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
			ensure!(o.creditor == who, Error::<T>::NotCreditor);
			Self::close_pending(circle, id, &o, Deposit::Return);
		}
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

	/// Removes an accepted obligation and the counts that include it (when it is settled,
	/// cancelled or cleared in full).
	pub(crate) fn close_obligation(circle: CircleId, id: ObligationId, o: &ObligationOf<T>) {
		Obligations::<T>::remove(circle, id);
		Self::release_parties(circle, o);
		Circles::<T>::mutate(circle, |info| {
			if let Some(info) = info {
				info.open_obligations.saturating_dec();
			}
		});
	}

	/// Removes an unaccepted obligation and the counts that include it (rejected, cancelled
	/// or expired), and settles its deposit.
	fn close_pending(circle: CircleId, id: ObligationId, o: &ObligationOf<T>, deposit: Deposit) {
		PendingObligations::<T>::remove(circle, id);
		PendingIssued::<T>::mutate_exists(circle, &o.creditor, |n| Self::count_down(n));
		Self::settle_deposit(circle, id, o, deposit);
		Self::release_parties(circle, o);
	}

	/// The deposit of the unaccepted obligation `id`, if it has one, back to its creditor or
	/// to its debtor. Should the debtor's account be unable to take it (a transfer that would
	/// leave a new account below the existential deposit), it goes back to the creditor: a
	/// deposit is never stranded on hold.
	fn settle_deposit(circle: CircleId, id: ObligationId, o: &ObligationOf<T>, to: Deposit) {
		let Some(amount) = PendingDeposits::<T>::take(circle, id) else { return };
		let reason = HoldReason::ObligationDeposit.into();
		// In its own storage layer: a transfer that fails leaves nothing half done.
		if to == Deposit::ToDebtor
			&& with_storage_layer(|| {
				T::Currency::transfer_on_hold(
					&reason,
					&o.creditor,
					&o.debtor,
					amount,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				)
			})
			.is_ok()
		{
			return;
		}
		match T::Currency::release(&reason, &o.creditor, amount, Precision::BestEffort) {
			Ok(released) if released == amount => {},
			_ => {
				defensive!("an unaccepted obligation's deposit is held until it closes");
			},
		}
	}

	/// One open obligation fewer for each of `o`'s parties.
	fn release_parties(circle: CircleId, o: &ObligationOf<T>) {
		for who in [&o.debtor, &o.creditor] {
			Participants::<T>::mutate(circle, who, |p| {
				if let Some(p) = p {
					p.open_obligations.saturating_dec();
				}
			});
		}
	}

	/// Counts a creditor's pending obligations down by one, removing the entry at zero.
	fn count_down(n: &mut Option<u32>) {
		*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
	}
}
