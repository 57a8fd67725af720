#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! A member co-op's validator from registration to its seat in the set and out again, as a unit
//! test runs it (`mock.rs`: federation members 1 and 2 run validators 11 and 12 from genesis):
#![doc = docify::embed!("src/tests/stories.rs", a_validator_from_registration_to_retirement)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

#[cfg(test)]
mod mock;
mod seats;
mod session;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use alloc::vec::Vec;
use coop_primitives::{CoopId, CoopInspect, OnMemberRemoved, FEDERATION};
use frame_support::{pallet_prelude::*, traits::ValidatorRegistration};
use frame_system::pallet_prelude::*;

/// Gives a validator session keys, for the benchmarks (feature `runtime-benchmarks`): approving
/// a validator needs them ([`Error::NoSessionKeys`]).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkSessionKeys<AccountId> {
	/// Gives `validator` session keys, so that [`Config::SessionKeys`] reports it registered.
	fn set_session_keys(validator: &AccountId);
}

/// A federation member's validator seat.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Seat<AccountId> {
	/// The validator account the member runs.
	pub validator: AccountId,
	/// Whether the federation has approved it.
	pub approved: bool,
}

/// Why a validator lost its seat.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RemovalReason {
	/// The member retired it.
	Retired,
	/// The federation removed it by motion.
	RemovedByFederation,
	/// The member left or was expelled from the federation.
	LeftFederation,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who is a member of the federation.
		type Coops: CoopInspect<Self::AccountId>;

		/// A member of the federation acting: a signed account, or a co-op's motion (yielding
		/// its treasury account).
		type MemberOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// The federation's decision (a passed federation motion, or root).
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Whether a validator account has session keys set for the coming sessions: in a
		/// runtime, pallet-session (its `ValidatorRegistration` reads `NextKeys`: one storage
		/// read). A validator is approved only with keys, and a session is planned only with
		/// validators that have them (see the crate docs, "Session keys and liveness").
		type SessionKeys: ValidatorRegistration<Self::AccountId>;

		/// The most validators a session may have.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up the federation members and the session keys the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: coop_primitives::BenchmarkCoops<Self::AccountId>
			+ BenchmarkSessionKeys<Self::AccountId>;
	}

	/// Each federation member's validator seat (at most one per member; the federation's
	/// bylaws bound its members).
	///
	/// Hasher: member accounts are user-chosen (`Blake2_128Concat`).
	#[pallet::storage]
	pub type Seats<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Seat<T::AccountId>>;

	/// The member holding each validator account's seat.
	///
	/// Hasher: validator accounts are user-chosen (`Blake2_128Concat`).
	#[pallet::storage]
	pub type SeatOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// Approved validators, in approval order: the next session's set.
	#[pallet::storage]
	pub type Approved<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The set last handed to pallet-session: the validators it queued for the next session.
	/// Each had session keys when it was planned; empty before the first planning (and if
	/// nobody with keys was left to plan, which the runtime's call filter prevents: see
	/// [`Pallet::may_purge_session_keys`]).
	#[pallet::storage]
	pub type Planned<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Approved seats at genesis: (federation member, validator account).
		pub validators: Vec<(T::AccountId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut approved = BoundedVec::<T::AccountId, T::MaxValidators>::default();
			for (member, validator) in &self.validators {
				assert!(!Seats::<T>::contains_key(member), "a member has one validator seat");
				assert!(!SeatOf::<T>::contains_key(validator), "a validator has one seat");
				if approved.try_push(validator.clone()).is_err() {
					panic!("genesis: more validators than MaxValidators");
				}
				Seats::<T>::insert(member, Seat { validator: validator.clone(), approved: true });
				SeatOf::<T>::insert(validator, member);
			}
			Approved::<T>::put(approved);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A federation member registered the validator it runs; the federation decides.
		ValidatorRegistered {
			/// The federation member.
			member: T::AccountId,
			/// Its validator account.
			validator: T::AccountId,
		},
		/// The federation approved a validator: it joins the set at the next session.
		ValidatorApproved {
			/// The federation member.
			member: T::AccountId,
			/// Its validator account.
			validator: T::AccountId,
		},
		/// A validator lost its seat: it leaves the set at the next session.
		ValidatorRemoved {
			/// The federation member.
			member: T::AccountId,
			/// Its validator account.
			validator: T::AccountId,
			/// Why.
			reason: RemovalReason,
		},
		/// A validator committed an offence that its peers proved on chain (a GRANDPA
		/// equivocation, recorded by pallet-offences). Nothing is slashed: the federation decides
		/// the consequence by motion (for example `remove_validator`); until the session ends the
		/// validator may be disabled from authoring.
		OffenceReported {
			/// The validator that offended.
			validator: T::AccountId,
			/// The federation member (a co-op's treasury) holding its seat, if it still has one.
			member: Option<T::AccountId>,
			/// The session in which it offended.
			session: u32,
			/// How grave the offence is, as pallet-offences rates it (an equivocation alone in
			/// a set of n validators: (3/n)²; more offenders at once rate higher).
			severity: sp_runtime::Perbill,
		},
		/// A new validator set was planned for a session.
		NewValidatorSet {
			/// The session it applies to (pallet-session activates it one session later).
			session: u32,
			/// How many validators it has.
			validators: u32,
		},
		/// No approved validator with session keys is left: the last validator set stays in
		/// office, less any of its validators that purged their session keys since.
		ValidatorSetKept {
			/// The session that keeps the last set.
			session: u32,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members of the federation may run a validator.
		NotFederationMember,
		/// This member has a validator seat already: retire it first.
		AlreadyRegistered,
		/// This validator account holds a seat already.
		ValidatorTaken,
		/// This member has no validator seat.
		NoSeat,
		/// The validator is approved already.
		AlreadyApproved,
		/// The validator set is full (`MaxValidators`).
		TooManyValidators,
		/// The validator has no session keys: pallet-session would leave it out of every
		/// session. Its account sets them first with `session.setKeys` (see the operator
		/// guide), then the federation approves it.
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Register the validator account your node runs, for the federation to approve.
		///
		/// Origin: a member of the federation (signed, or a co-op's motion).
		///
		/// Errors: [`Error::NotFederationMember`], [`Error::AlreadyRegistered`],
		/// [`Error::ValidatorTaken`].
		///
		/// Events: [`Event::ValidatorRegistered`].
		#[pallet::call_index(0)]
		pub fn register_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			let member = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_register_validator(member, validator)
		}

		/// Approve a member's validator: it joins the validator set at the next session.
		///
		/// Origin: the federation's decision.
		///
		/// The validator must have set its session keys (`session.setKeys` from the validator
		/// account): a validator without them would never take part in a session.
		///
		/// Errors: [`Error::NoSeat`], [`Error::AlreadyApproved`], [`Error::NoSessionKeys`],
		/// [`Error::TooManyValidators`].
		///
		/// Events: [`Event::ValidatorApproved`].
		#[pallet::call_index(1)]
		// The benchmark predates the session-keys check: one more read (`T::SessionKeys`,
		// pallet-session's `NextKeys`) is charged on top of it until `scripts/bench.sh` runs
		// again (then drop the addition).
		#[pallet::weight(
			<T as Config>::WeightInfo::approve_validator()
				.saturating_add(T::DbWeight::get().reads(1))
		)]
		pub fn approve_validator(origin: OriginFor<T>, member: T::AccountId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_approve_validator(member)
		}

		/// Retire your validator: it leaves the set at the next session.
		///
		/// Origin: the federation member holding the seat (signed, or a co-op's motion).
		///
		/// Errors: [`Error::NoSeat`].
		///
		/// Events: [`Event::ValidatorRemoved`].
		#[pallet::call_index(2)]
		pub fn retire_validator(origin: OriginFor<T>) -> DispatchResult {
			let member = T::MemberOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(&member, RemovalReason::Retired)
		}

		/// Remove a member's validator: it leaves the set at the next session.
		///
		/// Origin: the federation's decision.
		///
		/// Errors: [`Error::NoSeat`].
		///
		/// Events: [`Event::ValidatorRemoved`].
		#[pallet::call_index(3)]
		pub fn remove_validator(origin: OriginFor<T>, member: T::AccountId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(&member, RemovalReason::RemovedByFederation)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants (see the crate README).
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let approved = Approved::<T>::get();
		let mut approved_seats = 0usize;
		for (member, seat) in Seats::<T>::iter() {
			ensure!(
				SeatOf::<T>::get(&seat.validator).as_ref() == Some(&member),
				"SeatOf does not point back to the seat's member"
			);
			ensure!(
				T::Coops::is_member(FEDERATION, &member),
				"a seat belongs to an account that is not a federation member"
			);
			if seat.approved {
				approved_seats = approved_seats.saturating_add(1);
				ensure!(
					approved.contains(&seat.validator),
					"an approved seat's validator is missing from Approved"
				);
			}
		}
		for (validator, member) in SeatOf::<T>::iter() {
			ensure!(
				Seats::<T>::get(&member).map(|s| s.validator) == Some(validator),
				"SeatOf names a member whose seat holds another validator"
			);
		}
		// Every approved seat's validator is in `Approved`, and the seats' validators are
		// distinct (`SeatOf` points back to one member each): `Approved` holds each once.
		ensure!(
			approved.len() == approved_seats,
			"Approved holds a validator without an approved seat"
		);
		let planned = Planned::<T>::get();
		ensure!(
			planned.is_empty() || planned.iter().any(|v| T::SessionKeys::is_registered(v)),
			"no validator of the planned set has session keys"
		);
		Ok(())
	}
}

/// A member leaving or expelled from the federation loses its validator seat.
impl<T: Config> OnMemberRemoved<T::AccountId> for Pallet<T> {
	fn on_member_removed(coop: CoopId, who: &T::AccountId) {
		if coop == FEDERATION {
			let _ = Self::remove_seat(who, RemovalReason::LeftFederation);
		}
	}

	/// A federation member's seat: `Seats` taken, `SeatOf` removed, `Approved` read and
	/// written.
	fn on_member_removed_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 3)
	}
}
