//! # Federation
//!
//! The chain's root authority, held by the federation of co-ops (co-op 0).
//!
//! ## Overview
//!
//! coopchain is itself a co-operative: its member co-ops govern it one co-op, one vote, through
//! the motions of the federation. Privileged operations of the runtime — a runtime upgrade
//! (`system.authorize_upgrade`), a change of the chain's parameters, anything that needs root —
//! are taken by a passed federation motion that carries [`Pallet::enact`]: `enact(call)`
//! dispatches `call` as root.
//!
//! Who may enact is the runtime's [`Config::FederationOrigin`]; coopchain accepts only the
//! origin of a passed motion of co-op 0, so the thresholds are the federation's bylaws (quorum
//! and approval of the member co-ops' votes), which only the federation itself can change.
//!
//! A runtime upgrade goes in two steps, because a motion carries small calls only: the motion
//! enacts `system.authorize_upgrade(code_hash)`, then anyone submits the code with
//! `system.apply_authorized_upgrade(code)`.

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

	#[pallet::pallet]
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
		/// The call's own failure does not fail `enact`: it is reported in `Enacted`.
		///
		/// Events: `Enacted`.
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
