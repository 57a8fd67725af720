//! Seats: registering a member's validator, the federation's approval, and removal (retired by
//! its member, removed by the federation, or lost when the member leaves the federation).

use crate::*;

impl<T: Config> Pallet<T> {
	/// The federation member holding `validator`'s seat, if it has one: the co-op (its
	/// treasury) or founding account that runs it.
	pub fn seat_holder(validator: &T::AccountId) -> Option<T::AccountId> {
		SeatOf::<T>::get(validator)
	}

	/// Records that `validator` offended in `session` ([`Event::OffenceReported`], naming the
	/// member holding its seat). The runtime's offence handler calls it for each offender
	/// pallet-offences reports; returns the weight it used.
	pub fn note_offence(
		validator: T::AccountId,
		session: u32,
		severity: sp_runtime::Perbill,
	) -> Weight {
		let member = Self::seat_holder(&validator);
		Self::deposit_event(Event::OffenceReported { validator, member, session, severity });
		T::DbWeight::get().reads(1)
	}

	/// `member` registers `validator` for a seat, not yet approved.
	pub(crate) fn do_register_validator(
		member: T::AccountId,
		validator: T::AccountId,
	) -> DispatchResult {
		ensure!(T::Coops::is_member(FEDERATION, &member), Error::<T>::NotFederationMember);
		ensure!(!Seats::<T>::contains_key(&member), Error::<T>::AlreadyRegistered);
		ensure!(!SeatOf::<T>::contains_key(&validator), Error::<T>::ValidatorTaken);
		Seats::<T>::insert(&member, Seat { validator: validator.clone(), approved: false });
		SeatOf::<T>::insert(&validator, &member);
		Self::deposit_event(Event::ValidatorRegistered { member, validator });
		Ok(())
	}

	/// The federation approves `member`'s validator, which must have session keys: it joins
	/// the set planned at the next session.
	pub(crate) fn do_approve_validator(member: T::AccountId) -> DispatchResult {
		let mut seat = Seats::<T>::get(&member).ok_or(Error::<T>::NoSeat)?;
		ensure!(!seat.approved, Error::<T>::AlreadyApproved);
		ensure!(T::SessionKeys::is_registered(&seat.validator), Error::<T>::NoSessionKeys);
		Approved::<T>::try_append(&seat.validator).map_err(|_| Error::<T>::TooManyValidators)?;
		seat.approved = true;
		let validator = seat.validator.clone();
		Seats::<T>::insert(&member, seat);
		Self::deposit_event(Event::ValidatorApproved { member, validator });
		Ok(())
	}

	/// Removes `member`'s seat for `reason`, or fails with [`Error::NoSeat`].
	pub(crate) fn do_remove_validator(
		member: &T::AccountId,
		reason: RemovalReason,
	) -> DispatchResult {
		Self::remove_seat(member, reason).map(|_| ()).ok_or_else(|| Error::<T>::NoSeat.into())
	}

	/// Removes `member`'s seat, if any, and its validator from the approved set. Returns the
	/// validator removed.
	pub(crate) fn remove_seat(
		member: &T::AccountId,
		reason: RemovalReason,
	) -> Option<T::AccountId> {
		let seat = Seats::<T>::take(member)?;
		SeatOf::<T>::remove(&seat.validator);
		if seat.approved {
			Approved::<T>::mutate(|approved| approved.retain(|v| v != &seat.validator));
		}
		Self::deposit_event(Event::ValidatorRemoved {
			member: member.clone(),
			validator: seat.validator.clone(),
			reason,
		});
		Some(seat.validator)
	}
}
