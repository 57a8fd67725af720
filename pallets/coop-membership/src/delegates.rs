//! Delegates: the account a co-op names, by its own motion, to cast its vote in the motions of
//! the co-ops it is a member of, the way a co-op sends a delegate to its federation's general
//! assembly. The co-op's own vote (through a motion) overrides the delegate's.

use crate::*;

impl<T: Config> Pallet<T> {
	/// `set_delegate`: names or revokes `coop`'s delegate.
	pub(crate) fn do_set_delegate(
		coop: CoopId,
		delegate: Option<T::AccountId>,
		ordinary_only: bool,
	) -> DispatchResult {
		ensure!(Coops::<T>::contains_key(coop), Error::<T>::CoopNotFound);
		match &delegate {
			Some(account) => {
				Delegates::<T>::insert(coop, Delegate { account: account.clone(), ordinary_only })
			},
			None => Delegates::<T>::remove(coop),
		}
		Self::deposit_event(Event::DelegateSet { coop, delegate, ordinary_only });
		Ok(())
	}

	/// `vote_as_delegate`: `delegate` votes on `coop`'s motion for the member co-op `member`.
	/// Returns whether the vote is free of fees.
	pub(crate) fn do_vote_as_delegate(
		delegate: T::AccountId,
		coop: CoopId,
		motion: MotionIndex,
		member: CoopId,
		aye: bool,
	) -> Result<bool, DispatchError> {
		let named = Delegates::<T>::get(member).ok_or(Error::<T>::NotDelegate)?;
		ensure!(named.account == delegate, Error::<T>::NotDelegate);
		let m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
		if named.ordinary_only {
			ensure!(!Self::is_special(coop, &m.proposal), Error::<T>::DelegateOrdinaryOnly);
		}
		let treasury = Self::treasury(member);
		ensure!(
			!OwnVotes::<T>::contains_key((coop, motion), &treasury),
			Error::<T>::VoteCastByCoop
		);
		let free = Self::cast_vote(treasury, coop, motion, aye)?;
		Self::deposit_event(Event::DelegateVoted { coop, motion, member, delegate, aye });
		Ok(free)
	}
}
