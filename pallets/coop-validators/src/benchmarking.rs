//! Benchmarks of the validator seats, each at its worst case: the approved set full.

use super::*;
use coop_primitives::BenchmarkCoops;
use frame_benchmarking::v2::*;

/// A member origin, and the federation member it acts as.
fn member_origin<T: Config>() -> Result<(T::RuntimeOrigin, T::AccountId), BenchmarkError> {
	let origin =
		T::MemberOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	let member =
		T::MemberOrigin::try_origin(origin.clone()).map_err(|_| BenchmarkError::Weightless)?;
	T::BenchmarkHelper::make_federation_member(&member);
	Ok((origin, member))
}

/// Gives `member` a seat for `validator`, approved or not.
fn seat<T: Config>(
	member: &T::AccountId,
	validator: &T::AccountId,
	approved: bool,
) -> Result<(), BenchmarkError> {
	if approved {
		Approved::<T>::try_append(validator)
			.map_err(|_| BenchmarkError::Stop("the approved set is full"))?;
	}
	Seats::<T>::insert(member, Seat { validator: validator.clone(), approved });
	SeatOf::<T>::insert(validator, member);
	Ok(())
}

/// Approves other members' validators until `room` places are left in the set.
fn fill<T: Config>(room: u32) -> Result<(), BenchmarkError> {
	let target = T::MaxValidators::get().saturating_sub(room);
	let mut i = 0u32;
	while (Approved::<T>::decode_len().unwrap_or(0) as u32) < target {
		let member: T::AccountId = account("member", i, 0);
		T::BenchmarkHelper::make_federation_member(&member);
		seat::<T>(&member, &account("validator", i, 0), true)?;
		i = i.saturating_add(1);
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_validator() -> Result<(), BenchmarkError> {
		let (origin, member) = member_origin::<T>()?;
		let validator: T::AccountId = account("new-validator", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());

		assert_eq!(SeatOf::<T>::get(&validator), Some(member));
		Ok(())
	}

	#[benchmark]
	fn approve_validator() -> Result<(), BenchmarkError> {
		fill::<T>(1)?;
		let member: T::AccountId = account("candidate", 0, 0);
		T::BenchmarkHelper::make_federation_member(&member);
		let validator: T::AccountId = account("candidate-validator", 0, 0);
		seat::<T>(&member, &validator, false)?;
		// Approval reads the validator's session keys.
		T::BenchmarkHelper::set_session_keys(&validator);
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, member.clone());

		assert!(Approved::<T>::get().contains(&validator));
		Ok(())
	}

	#[benchmark]
	fn retire_validator() -> Result<(), BenchmarkError> {
		let (origin, member) = member_origin::<T>()?;
		fill::<T>(1)?;
		// The last in the set: `retain` scans it all.
		let validator: T::AccountId = account("retiring-validator", 0, 0);
		seat::<T>(&member, &validator, true)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert!(!Approved::<T>::get().contains(&validator));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		fill::<T>(1)?;
		let member: T::AccountId = account("removed", 0, 0);
		T::BenchmarkHelper::make_federation_member(&member);
		let validator: T::AccountId = account("removed-validator", 0, 0);
		seat::<T>(&member, &validator, true)?;
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, member.clone());

		assert!(Seats::<T>::get(&member).is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
