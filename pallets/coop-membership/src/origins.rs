//! Who acts: the origins other pallets use to recognise a co-op's decision or a member acting,
//! and the checks the calls start with.

use crate::*;

/// Accepts the origin of a passed motion of the co-op given as argument, ordinary or special.
pub struct EnsureCoop;

impl<O> EnsureOriginWithArg<O, CoopId> for EnsureCoop
where
	O: OriginTrait + From<Origin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
{
	type Success = ();

	fn try_origin(o: O, coop: &CoopId) -> Result<Self::Success, O> {
		let matches = matches!(
			o.caller().try_into(),
			Ok(Origin::Coop(id) | Origin::CoopSpecial(id)) if id == coop
		);
		if matches {
			Ok(())
		} else {
			Err(o)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(coop: &CoopId) -> Result<O, ()> {
		Ok(O::from(Origin::Coop(*coop)))
	}
}

/// Accepts only the origin of a passed **special resolution** of the co-op given as argument
/// (a `DispatchSpecial` motion).
pub struct EnsureCoopSpecial;

impl<O> EnsureOriginWithArg<O, CoopId> for EnsureCoopSpecial
where
	O: OriginTrait + From<Origin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
{
	type Success = ();

	fn try_origin(o: O, coop: &CoopId) -> Result<Self::Success, O> {
		let matches = matches!(o.caller().try_into(), Ok(Origin::CoopSpecial(id)) if id == coop);
		if matches {
			Ok(())
		} else {
			Err(o)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(coop: &CoopId) -> Result<O, ()> {
		Ok(O::from(Origin::CoopSpecial(*coop)))
	}
}

/// Accepts the origin of a passed motion (ordinary or special) of any co-op, and yields the
/// co-op's id.
pub struct EnsureCoopAny;

impl<O> EnsureOrigin<O> for EnsureCoopAny
where
	O: OriginTrait + From<Origin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
{
	type Success = CoopId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		let coop = match o.caller().try_into() {
			Ok(Origin::Coop(id) | Origin::CoopSpecial(id)) => Some(*id),
			_ => None,
		};
		coop.ok_or(o)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		Ok(O::from(Origin::Coop(coop_primitives::FEDERATION)))
	}
}

/// Accepts an account acting as a member: a signed account, or a co-op acting through its passed
/// motion (recognised by [`Config::CoopAccountOrigin`]), whose treasury account is then the one
/// that acts. Other pallets use it where "a member" may be a person or a co-op.
pub struct EnsureMemberAccount<T>(PhantomData<T>);

impl<T: Config> EnsureOrigin<<T as frame_system::Config>::RuntimeOrigin>
	for EnsureMemberAccount<T>
{
	type Success = T::AccountId;

	fn try_origin(
		o: <T as frame_system::Config>::RuntimeOrigin,
	) -> Result<Self::Success, <T as frame_system::Config>::RuntimeOrigin> {
		match T::CoopAccountOrigin::try_origin(o) {
			Ok(coop) => Ok(Pallet::<T>::treasury(coop)),
			Err(o) => <frame_system::EnsureSigned<T::AccountId> as EnsureOrigin<_>>::try_origin(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<<T as frame_system::Config>::RuntimeOrigin, ()> {
		<frame_system::EnsureSigned<T::AccountId> as EnsureOrigin<_>>::try_successful_origin()
	}
}

impl<T: Config> Pallet<T> {
	/// The account acting: the signer, or the treasury of the co-op whose motion dispatched.
	pub(crate) fn ensure_account(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		EnsureMemberAccount::<T>::try_origin(origin).map_err(|_| DispatchError::BadOrigin)
	}

	/// The member record of `who`, who must be in a voting class of `coop`.
	pub(crate) fn ensure_voting_member(
		coop: CoopId,
		info: &CoopOf<T>,
		who: &T::AccountId,
	) -> Result<MemberRecord<BalanceOf<T>>, DispatchError> {
		let member = Members::<T>::get(coop, who).ok_or(Error::<T>::NotMember)?;
		let votes = info.bylaws.classes.get(member.class as usize).is_some_and(|c| c.votes);
		ensure!(votes, Error::<T>::NotVotingMember);
		Ok(member)
	}
}
