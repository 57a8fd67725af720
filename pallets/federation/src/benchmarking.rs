//! Benchmarks of the federation's root resolutions, each at its worst case: `enact` of a call
//! of `l` bytes (a call over 128 bytes is noted in pallet-preimage), `cancel` of such a call,
//! and the enactment's own cost around the cheapest call (the enacted call's weight is added).

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;

/// A call of about `len` encoded bytes: a remark.
fn remark<T: Config>(len: u32) -> <T as Config>::RuntimeCall {
	frame_system::Call::<T>::remark { remark: vec![1; len as usize] }.into()
}

/// The federation's decision, or `Weightless` if the runtime has none.
fn federation<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// `l`: the enacted call's length, up to what a motion may carry (4 KiB in coopchain).
	#[benchmark]
	fn enact(l: Linear<0, 4096>) -> Result<(), BenchmarkError> {
		let origin = federation::<T>()?;
		let call = remark::<T>(l);
		let index = NextEnactment::<T>::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Box::new(call));

		assert!(Enactments::<T>::contains_key(index));
		Ok(())
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let index = NextEnactment::<T>::get();
		Pallet::<T>::do_enact(remark::<T>(4096))?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(!Enactments::<T>::contains_key(index));
		Ok(())
	}

	#[benchmark]
	fn execute_enactment() -> Result<(), BenchmarkError> {
		let index = NextEnactment::<T>::get();
		let call = remark::<T>(0);
		Pallet::<T>::do_enact(call.clone())?;
		// The scheduler calls it at the enactment's block.
		let when = Enactments::<T>::get(index).ok_or(BenchmarkError::Stop("scheduled"))?.when;
		frame_system::Pallet::<T>::set_block_number(when);

		#[extrinsic_call]
		_(frame_system::RawOrigin::Root, index, Box::new(call));

		frame_system::Pallet::<T>::assert_last_event(
			<T as frame_system::Config>::RuntimeEvent::from(Event::<T>::Enacted {
				index,
				result: Ok(()),
			}),
		);
		Ok(())
	}

	#[benchmark]
	fn set_enactment_delay() {
		let delay = T::MaxEnactmentDelay::get();

		#[extrinsic_call]
		_(frame_system::RawOrigin::Root, delay);

		assert_eq!(EnactmentDelay::<T>::get(), delay);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
