//! Scheduling, cancelling and enacting the federation's root resolutions, and the pallet's
//! invariants.

use super::*;
use frame_support::traits::schedule::DispatchTime;
use sp_runtime::traits::{BlakeTwo256, Hash, One, Saturating};

impl<T: Config> Pallet<T> {
	/// The scheduler's name of enactment `index`: unique to this pallet and the index.
	pub fn task_name(index: EnactmentIndex) -> [u8; 32] {
		BlakeTwo256::hash_of(&(b"coop/federation/enact", index)).0
	}

	/// Schedules `call` as the next enactment, `EnactmentDelay` blocks after this one.
	pub(crate) fn do_enact(call: <T as Config>::RuntimeCall) -> DispatchResult {
		ensure!(
			Enactments::<T>::count() < T::MaxPendingEnactments::get(),
			Error::<T>::TooManyPendingEnactments
		);
		let index = NextEnactment::<T>::get();
		let next = index.checked_add(1).ok_or(sp_runtime::ArithmeticError::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let when = now.saturating_add(One::one()).saturating_add(EnactmentDelay::<T>::get());
		let call_hash = T::Hashing::hash_of(&call);
		let scheduled: <T as Config>::RuntimeCall =
			Call::<T>::execute_enactment { index, call: Box::new(call) }.into();
		// A call too long for the agenda is noted in pallet-preimage (one request, ours); the
		// scheduler requests it too, and drops its request when it enacts or cancels the task.
		let bounded = T::Preimages::bound(scheduled)?;
		T::Scheduler::schedule_named(
			Self::task_name(index),
			DispatchTime::At(when),
			None,
			frame_support::traits::schedule::HIGHEST_PRIORITY,
			frame_system::RawOrigin::Root.into(),
			bounded.clone(),
		)
		.map_err(|_| Error::<T>::SchedulingFailed)?;
		// Only the scheduler's request keeps it now: it goes when the scheduler enacts the task,
		// and `do_cancel` drops it when the federation cancels it.
		let preimage = bounded.lookup_hash();
		T::Preimages::drop(&bounded);
		Enactments::<T>::insert(index, Enactment { when, call_hash, preimage });
		NextEnactment::<T>::put(next);
		Self::deposit_event(Event::EnactmentScheduled { index, when, call_hash });
		Ok(())
	}

	/// `set_enactment_delay`: the delay between a passed motion and its enactment, at most
	/// `MaxEnactmentDelay`.
	pub(crate) fn do_set_enactment_delay(delay: BlockNumberFor<T>) -> DispatchResult {
		ensure!(delay <= T::MaxEnactmentDelay::get(), Error::<T>::DelayTooLong);
		EnactmentDelay::<T>::put(delay);
		Self::deposit_event(Event::EnactmentDelaySet { delay });
		Ok(())
	}

	/// Takes enactment `index` out of the queue and the scheduler's agenda.
	pub(crate) fn do_cancel(index: EnactmentIndex) -> DispatchResult {
		let enactment = Enactments::<T>::get(index).ok_or(Error::<T>::NoSuchEnactment)?;
		// A task root already took off the agenda is gone anyway: the entry goes all the same,
		// so that it does not keep one of the `MaxPendingEnactments` slots.
		let _ = T::Scheduler::cancel_named(Self::task_name(index));
		// A task cancelled through the scheduler's trait keeps its preimage request: drop it.
		if let Some(hash) = enactment.preimage {
			T::Preimages::unrequest(&hash);
		}
		Enactments::<T>::remove(index);
		Self::deposit_event(Event::EnactmentCancelled { index });
		Ok(())
	}

	/// Dispatches enactment `index` as root, once, if `call` is the call that was scheduled.
	pub(crate) fn do_execute_enactment(
		index: EnactmentIndex,
		call: <T as Config>::RuntimeCall,
	) -> DispatchResultWithPostInfo {
		let enactment = Enactments::<T>::get(index).ok_or(Error::<T>::NoSuchEnactment)?;
		ensure!(T::Hashing::hash_of(&call) == enactment.call_hash, Error::<T>::NoSuchEnactment);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= enactment.when, Error::<T>::NotYetDue);
		Enactments::<T>::remove(index);
		let info = call.get_dispatch_info();
		let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
		let used = frame_support::dispatch::extract_actual_weight(&result, &info);
		Self::deposit_event(Event::Enacted {
			index,
			result: result.map(|_| ()).map_err(|e| e.error),
		});
		Ok(Some(T::WeightInfo::execute_enactment().saturating_add(used)).into())
	}

	/// Checks the pallet's invariants (see the crate README).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextEnactment::<T>::get();
		let mut pending = 0u32;
		for (index, enactment) in Enactments::<T>::iter() {
			pending = pending.saturating_add(1);
			if let Some(hash) = enactment.preimage {
				ensure!(
					T::Preimages::is_requested(&hash),
					"a pending enactment's long call is not held by the preimage pallet"
				);
			}
			ensure!(index < next, "an enactment has an index not handed out yet");
			ensure!(
				T::Scheduler::next_dispatch_time(Self::task_name(index)).is_ok(),
				"a pending enactment is missing from the scheduler's agenda"
			);
		}
		ensure!(pending == Enactments::<T>::count(), "the enactment counter is wrong");
		ensure!(pending <= T::MaxPendingEnactments::get(), "more enactments than the bound");
		ensure!(
			EnactmentDelay::<T>::get() <= T::MaxEnactmentDelay::get(),
			"the enactment delay exceeds its bound"
		);
		Ok(())
	}
}
