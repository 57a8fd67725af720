#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! A federation decision dispatched as root, as a unit test runs it (`mock.rs`: account
//! `FEDERATION_MOTION` signs for a passed motion of the federation):
#![doc = docify::embed!("src/tests/stories.rs", a_federation_decision_dispatches_as_root)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use alloc::boxed::Box;
use frame_support::{
	dispatch::{extract_actual_weight, GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::UnfilteredDispatchable,
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::Dispatchable;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The storage version: the pallet keeps no storage yet.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The calls the federation may enact.
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ Dispatchable<PostInfo = PostDispatchInfo>
			+ From<frame_system::Call<Self>>;

		/// The federation's decision: in coopchain, a passed motion of co-op 0.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The federation enacted a call with the chain's root authority.
		Enacted {
			/// The outcome of the enacted call.
			result: DispatchResult,
		},
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Dispatch `call` with the chain's root authority, by decision of the federation.
		///
		/// Origin: the federation's decision (a passed motion of co-op 0).
		///
		/// The call's own failure does not fail `enact`: it is reported in [`Event::Enacted`].
		///
		/// Events: [`Event::Enacted`].
		#[pallet::call_index(0)]
		#[pallet::weight({
			let inner = call.get_dispatch_info();
			(T::WeightInfo::enact().saturating_add(inner.call_weight), inner.class)
		})]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::FederationOrigin::ensure_origin(origin)?;
			let info = call.get_dispatch_info();
			let result = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let used = extract_actual_weight(&result, &info);
			Self::deposit_event(Event::Enacted { result: result.map(|_| ()).map_err(|e| e.error) });
			Ok(Some(T::WeightInfo::enact().saturating_add(used)).into())
		}
	}
}
