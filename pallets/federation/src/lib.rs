#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! A federation resolution from its passing to its enactment, as a unit test runs it
//! (`mock.rs`: account 100 signs for a passed special resolution of the federation, account 101
//! for an ordinary one; the enactment delay is 3 blocks):
#![doc = docify::embed!("src/tests/stories.rs", a_resolution_is_scheduled_and_enacted_after_the_delay)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod enactment;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use alloc::boxed::Box;
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{
		schedule::v3::Named as ScheduleNamed, QueryPreimage, StorePreimage, UnfilteredDispatchable,
	},
};
use frame_system::pallet_prelude::*;
use sp_runtime::traits::Dispatchable;

/// The number of a federation resolution awaiting its enactment.
pub type EnactmentIndex = u32;

/// A federation resolution awaiting its enactment.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Enactment<BlockNumber, Hash> {
	/// The block at the start of which the scheduler dispatches it.
	pub when: BlockNumber,
	/// The hash of the enacted call, as the motion showed it (`blake2_256` of its encoding).
	pub call_hash: Hash,
	/// The preimage pallet's hash of the scheduled task's call, when it was too long for the
	/// scheduler's agenda: its request is dropped if the enactment is cancelled.
	pub preimage: Option<Hash>,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The storage version: 1 added the enactment queue (version 0 enacted at once and kept
	/// nothing).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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
			+ From<frame_system::Call<Self>>
			+ From<Call<Self>>;

		/// The origin the scheduler dispatches with (root, as a pallets origin).
		type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;

		/// Schedules enactments as named tasks (pallet-scheduler).
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
			Hasher = Self::Hashing,
		>;

		/// Holds the calls too large to be stored in the scheduler's agenda (pallet-preimage).
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// The federation's decision to act as root: in coopchain, a passed **special**
		/// resolution of co-op 0.
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The federation's decision to cancel a scheduled enactment: in coopchain, any passed
		/// resolution of co-op 0 (an ordinary majority may stop what has not happened yet).
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The longest enactment delay the federation may set.
		#[pallet::constant]
		type MaxEnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The most resolutions awaiting enactment at once.
		#[pallet::constant]
		type MaxPendingEnactments: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// How many blocks a passed resolution waits, after the block it passed in, before the
	/// scheduler enacts it (0: at the start of the next block).
	#[pallet::storage]
	pub type EnactmentDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The index the next scheduled resolution gets.
	#[pallet::storage]
	pub type NextEnactment<T: Config> = StorageValue<_, EnactmentIndex, ValueQuery>;

	/// Resolutions scheduled and not yet enacted or cancelled (at most `MaxPendingEnactments`).
	/// Keys are indices this pallet hands out in sequence, so `Twox64Concat` suffices.
	#[pallet::storage]
	pub type Enactments<T: Config> =
		CountedStorageMap<_, Twox64Concat, EnactmentIndex, Enactment<BlockNumberFor<T>, T::Hash>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The enactment delay at genesis, in blocks.
		pub enactment_delay: BlockNumberFor<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.enactment_delay <= T::MaxEnactmentDelay::get(),
				"genesis: the enactment delay is longer than MaxEnactmentDelay"
			);
			EnactmentDelay::<T>::put(self.enactment_delay);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A federation resolution acting as root was scheduled; a later federation motion may
		/// cancel it before `when`.
		EnactmentScheduled {
			/// Its number, to cancel it by.
			index: EnactmentIndex,
			/// The block at the start of which it is enacted.
			when: BlockNumberFor<T>,
			/// The hash of the enacted call.
			call_hash: T::Hash,
		},
		/// A federation motion cancelled a scheduled resolution: it will not be enacted.
		EnactmentCancelled {
			/// Its number.
			index: EnactmentIndex,
		},
		/// A scheduled resolution was enacted with the chain's root authority.
		Enacted {
			/// Its number.
			index: EnactmentIndex,
			/// The outcome of the enacted call.
			result: DispatchResult,
		},
		/// The federation changed the enactment delay.
		EnactmentDelaySet {
			/// The new delay, in blocks.
			delay: BlockNumberFor<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No scheduled resolution has this number (never scheduled, enacted or cancelled).
		NoSuchEnactment,
		/// `MaxPendingEnactments` resolutions await enactment already: wait for one, or cancel
		/// one.
		TooManyPendingEnactments,
		/// The delay is longer than `MaxEnactmentDelay`.
		DelayTooLong,
		/// The scheduler refused the enactment (its agenda for that block is full): try again
		/// in a later block.
		SchedulingFailed,
		/// The enactment's time has not come: only the scheduler enacts it, at its block.
		NotYetDue,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Schedule `call` to be dispatched with the chain's root authority, by decision of
		/// the federation, after the enactment delay.
		///
		/// Origin: `FederationOrigin` (in coopchain a passed special resolution of co-op 0).
		///
		/// The call is dispatched by the scheduler at the start of block `now + 1 +`
		/// [`EnactmentDelay`], through [`Pallet::execute_enactment`]; until then a federation
		/// motion may [`Pallet::cancel`] it. Calls longer than 128 bytes are kept in
		/// pallet-preimage until then. The call's own failure is reported in
		/// [`Event::Enacted`].
		///
		/// Errors: [`Error::TooManyPendingEnactments`], [`Error::SchedulingFailed`].
		///
		/// Events: [`Event::EnactmentScheduled`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::enact(call.encoded_size() as u32))]
		pub fn enact(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_enact(*call)
		}

		/// Cancel a scheduled resolution before it is enacted.
		///
		/// Origin: `CancelOrigin` (in coopchain any passed resolution of co-op 0).
		///
		/// Errors: [`Error::NoSuchEnactment`].
		///
		/// Events: [`Event::EnactmentCancelled`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, index: EnactmentIndex) -> DispatchResult {
			T::CancelOrigin::ensure_origin(origin)?;
			Self::do_cancel(index)
		}

		/// Dispatch a scheduled resolution with the chain's root authority: what the scheduler
		/// calls when the delay is over.
		///
		/// Origin: root (the scheduler). Only a scheduled, uncancelled resolution is enacted,
		/// once, and not before its block (so that nothing cuts the federation's window to
		/// cancel it).
		///
		/// Errors: [`Error::NoSuchEnactment`], [`Error::NotYetDue`].
		///
		/// Events: [`Event::Enacted`].
		#[pallet::call_index(2)]
		#[pallet::weight({
			let inner = call.get_dispatch_info();
			(T::WeightInfo::execute_enactment().saturating_add(inner.call_weight), inner.class)
		})]
		pub fn execute_enactment(
			origin: OriginFor<T>,
			index: EnactmentIndex,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			Self::do_execute_enactment(index, *call)
		}

		/// Set the enactment delay of resolutions passed from now on.
		///
		/// Origin: root (a federation resolution, through [`Pallet::enact`]).
		///
		/// Errors: [`Error::DelayTooLong`].
		///
		/// Events: [`Event::EnactmentDelaySet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_enactment_delay())]
		pub fn set_enactment_delay(
			origin: OriginFor<T>,
			delay: BlockNumberFor<T>,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_enactment_delay(delay)
		}
	}
}
