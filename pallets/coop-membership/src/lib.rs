//! # Co-op membership
//!
//! Co-operatives, their members and their democratic decisions: the registry and the democratic
//! core that every other coopchain pallet leans on.
//!
//! ## Overview
//!
//! A co-operative (co-op) is created by anyone against a storage deposit; the founder becomes its
//! first member. Each co-op has a keyless **treasury** account, derived from this pallet's id and
//! the co-op's number, into which members pay their **share capital**. The co-op's **bylaws**
//! say what a share costs, whether admission is open or by vote, the member classes (and which of
//! them vote), quorum and approval threshold, the voting period, the withdrawal notice, and the
//! most members it admits.
//!
//! The pallet follows the co-operative principles of the International Co-operative Alliance:
//!
//! - *Voluntary and open membership*: `apply` pays the share price; in an open co-op that makes
//!   the applicant a member at once, in a co-op that admits by vote it opens an admission motion.
//!   A refused or expired application is refunded in full (the share price was only held).
//! - *Democratic member control*: one member, one vote, whatever capital they hold. Only members
//!   who joined before a motion opened may vote on it; members may change their vote until the
//!   motion closes; the votes of a member who leaves are taken out of open motions. Voting
//!   investors never make up more than the bylaws' investor cap of the voting members.
//! - *Member economic participation*: share capital is recorded per member and paid back at face
//!   value after the withdrawal notice (`withdraw`, then `redeem_share`). When the treasury cannot
//!   pay, the redemption waits in a first-in-first-out queue and is paid as funds arrive
//!   (`pay_redemption_queue`); it is never lost.
//! - *Autonomy*: a passed motion can dispatch any call with the co-op's own origin,
//!   [`Origin::Coop`]. That is how a co-op acts as a member of the federation (co-op 0): its
//!   treasury account is the member, and its motions apply, vote and withdraw.
//!
//! Expulsion is only by motion, and an expulsion motion cannot close before the runtime's
//! defence window has passed, during which the member may answer (`defend`).
//!
//! ## Motions
//!
//! A voting member proposes a motion (`propose`) against a deposit. The motion passes when the
//! turnout is at least the quorum (a share of the eligible voters) and the ayes are at least the
//! approval threshold of the votes cast. Anyone may `close` it after its voting period, or earlier
//! once the outcome can no longer change: when the ayes alone already reach the threshold of the
//! whole electorate, or when even every missing vote cast "aye" could not reach it. Closing early
//! takes the votes as they stand. The deposit is returned, unless the motion was *spam*: rejected
//! with quorum met and not a single aye from anyone but its proposer; then it goes to the
//! co-op's treasury.
//!
//! ## For other pallets
//!
//! [`EnsureCoop`] accepts the origin of a passed motion of a given co-op
//! (`EnsureOriginWithArg<_, CoopId>`), [`EnsureCoopAny`] accepts any co-op's motion and yields
//! its id, [`EnsureMemberAccount`] accepts a signer or a co-op's motion and yields the account
//! acting (the signer, or the co-op's treasury), and the pallet implements [`coop_primitives::CoopInspect`]. Pallets that react to
//! members leaving implement [`coop_primitives::OnMemberRemoved`].

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
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use coop_primitives::{CoopId, CoopInspect, CoopRole, OnMemberRemoved, RoleSet};
use frame_support::{
	dispatch::{extract_actual_weight, GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		EnsureOrigin, EnsureOriginWithArg, OriginTrait,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	traits::{AccountIdConversion, Dispatchable, Saturating, Zero},
	Perbill,
};

const LOG_TARGET: &str = "runtime::coop-membership";

/// The balance type of the currency share capital is paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Bylaws, as this runtime stores them.
pub type BylawsOf<T> = Bylaws<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxClasses>;
/// A co-op, as this runtime stores it.
pub type CoopOf<T> = Coop<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxNameLen,
	<T as Config>::MaxClasses,
>;
/// A call a dispatch motion carries, encoded.
pub type EncodedCallOf<T> = BoundedVec<u8, <T as Config>::MaxCallLen>;
/// What a user proposes.
pub type ProposalOf<T> =
	Proposal<<T as frame_system::Config>::AccountId, BylawsOf<T>, Box<<T as Config>::RuntimeCall>>;
/// What a stored motion decides.
pub type StoredProposalOf<T> =
	Proposal<<T as frame_system::Config>::AccountId, BylawsOf<T>, EncodedCallOf<T>>;
/// An open motion, as this runtime stores it.
pub type MotionOf<T> = Motion<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	StoredProposalOf<T>,
>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The origin of a passed motion of a co-op.
	#[pallet::origin]
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
	)]
	pub enum Origin {
		/// Decided by a passed motion of this co-op.
		Coop(CoopId),
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a co-op, returned on dissolution.
		CoopDeposit,
		/// The deposit of an open motion.
		MotionDeposit,
		/// The share price of a pending application, until the members decide.
		ApplicationShare,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The overarching origin type; a passed motion dispatches with [`Origin::Coop`].
		type RuntimeOrigin: From<Origin>;

		/// The calls a dispatch motion may carry.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// The currency share capital and deposits are paid in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Who may act for a co-op in calls that need its decision (`dissolve_coop`): its own
		/// motions ([`EnsureCoop`]), and on a test network also root.
		type CoopOrigin: EnsureOriginWithArg<<Self as frame_system::Config>::RuntimeOrigin, CoopId>;

		/// Recognises a co-op acting as a member of another co-op (its motion's origin) and
		/// yields its id; its treasury account is then the member ([`EnsureCoopAny`]).
		type CoopAccountOrigin: EnsureOrigin<
			<Self as frame_system::Config>::RuntimeOrigin,
			Success = CoopId,
		>;

		/// Told when a member leaves a co-op.
		type OnMemberRemoved: OnMemberRemoved<Self::AccountId>;

		/// Derives the co-ops' treasury accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from whoever creates a co-op, returned on dissolution.
		#[pallet::constant]
		type CoopDeposit: Get<BalanceOf<Self>>;

		/// Held from whoever proposes a motion (or applies to a co-op that admits by vote).
		#[pallet::constant]
		type MotionDeposit: Get<BalanceOf<Self>>;

		/// The longest co-op name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The most member classes a co-op may define.
		#[pallet::constant]
		type MaxClasses: Get<u32>;

		/// The most members any co-op may have.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The most motions a co-op may have open at once.
		#[pallet::constant]
		type MaxOpenMotions: Get<u32>;

		/// The most redemptions that may wait in a co-op's queue.
		#[pallet::constant]
		type MaxPendingRedemptions: Get<u32>;

		/// The most accounts that may hold roles in a co-op.
		#[pallet::constant]
		type MaxRoleHolders: Get<u32>;

		/// The longest encoded call a dispatch motion may carry, in bytes.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// The longest defence statement, in bytes.
		#[pallet::constant]
		type MaxStatementLen: Get<u32>;

		/// The shortest voting period bylaws may set.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period bylaws may set.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest withdrawal notice bylaws may set.
		#[pallet::constant]
		type MaxWithdrawalNotice: Get<BlockNumberFor<Self>>;

		/// An expulsion motion cannot close before this many blocks have passed, so that the
		/// member can answer.
		#[pallet::constant]
		type DefenceWindow: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The number the next co-op will get.
	#[pallet::storage]
	pub type NextCoopId<T> = StorageValue<_, CoopId, ValueQuery>;

	/// The co-ops. Hasher: ids are chosen by the chain, not by users, so `Twox64Concat` is safe.
	#[pallet::storage]
	pub type Coops<T: Config> = StorageMap<_, Twox64Concat, CoopId, CoopOf<T>>;

	/// Members of each co-op. Account ids are user-chosen, hence `Blake2_128Concat`.
	#[pallet::storage]
	pub type Members<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		MemberRecord<BalanceOf<T>>,
	>;

	/// Pending applications to co-ops that admit by vote.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Application<BalanceOf<T>>,
	>;

	/// Open motions of each co-op.
	#[pallet::storage]
	pub type Motions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Twox64Concat, MotionIndex, MotionOf<T>>;

	/// Votes on open motions: `true` is aye.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, MotionIndex),
		Blake2_128Concat,
		T::AccountId,
		bool,
	>;

	/// Share capital each co-op owes former members.
	#[pallet::storage]
	pub type Redemptions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Redemption<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// Redemptions due that the treasury could not pay yet, first in first out.
	#[pallet::storage]
	pub type RedemptionQueue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		CoopId,
		BoundedVec<T::AccountId, T::MaxPendingRedemptions>,
		ValueQuery,
	>;

	/// Roles granted by co-ops.
	#[pallet::storage]
	pub type Roles<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Blake2_128Concat, T::AccountId, RoleSet>;

	/// Co-ops that exist from genesis: the federation first (id 0).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Each co-op: its name, its founding members (each in the bylaws' first class, with no
		/// share capital paid), and its bylaws.
		pub coops: Vec<(Vec<u8>, Vec<T::AccountId>, BylawsOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (name, founders, bylaws) in &self.coops {
				let name: BoundedVec<u8, T::MaxNameLen> = name
					.clone()
					.try_into()
					.unwrap_or_else(|_| panic!("genesis: co-op name too long"));
				if let Err(e) = Pallet::<T>::validate_bylaws(bylaws) {
					panic!("genesis: invalid bylaws: {e:?}");
				}
				assert!(!founders.is_empty(), "a genesis co-op needs a founding member");
				let coop = NextCoopId::<T>::get();
				let mut info = CoopOf::<T> {
					name,
					bylaws: bylaws.clone(),
					depositor: None,
					deposit: Zero::zero(),
					members: 0,
					voting_members: 0,
					voting_investors: 0,
					share_capital: Zero::zero(),
					next_motion: 0,
					open_motions: 0,
					role_holders: 0,
				};
				for founder in founders {
					assert!(!Members::<T>::contains_key(coop, founder), "duplicate genesis member");
					if Pallet::<T>::insert_member(coop, &mut info, founder, 0, Zero::zero())
						.is_err()
					{
						panic!("genesis: co-op over its member bound");
					}
				}
				Coops::<T>::insert(coop, info);
				NextCoopId::<T>::put(coop.saturating_add(1));
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op was created.
		CoopCreated {
			/// The new co-op.
			coop: CoopId,
			/// Its founder and first member.
			founder: T::AccountId,
			/// Its treasury account.
			treasury: T::AccountId,
		},
		/// A co-op was dissolved; its members' share capital is owed to them as redemptions.
		CoopDissolved {
			/// The co-op.
			coop: CoopId,
			/// How many members it had.
			members: u32,
		},
		/// Someone became a member.
		MemberAdmitted {
			/// The co-op.
			coop: CoopId,
			/// The new member.
			member: T::AccountId,
			/// Their class.
			class: ClassIndex,
			/// The share capital they paid in.
			share_capital: BalanceOf<T>,
		},
		/// Someone applied to a co-op that admits by vote; a motion decides.
		ApplicationSubmitted {
			/// The co-op.
			coop: CoopId,
			/// The applicant.
			applicant: T::AccountId,
			/// The class applied for.
			class: ClassIndex,
			/// The admission motion.
			motion: MotionIndex,
		},
		/// An application was refused or expired; the share price held was released in full.
		ApplicationRefunded {
			/// The co-op.
			coop: CoopId,
			/// The applicant.
			applicant: T::AccountId,
			/// The amount released.
			amount: BalanceOf<T>,
		},
		/// A member withdrew; their share capital is redeemable after the notice period.
		MemberWithdrew {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The share capital owed.
			amount: BalanceOf<T>,
			/// From when it may be redeemed.
			redeemable_from: BlockNumberFor<T>,
		},
		/// A member was expelled by motion; their share capital is owed as on withdrawal.
		MemberExpelled {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The share capital owed.
			amount: BalanceOf<T>,
		},
		/// Share capital was paid back to a former member.
		ShareRedeemed {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The amount paid.
			amount: BalanceOf<T>,
		},
		/// The treasury could not pay a redemption now: it waits in the queue.
		RedemptionQueued {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The amount owed.
			amount: BalanceOf<T>,
			/// How many redemptions wait ahead of it.
			ahead: u32,
		},
		/// A motion was proposed.
		MotionProposed {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// Who proposed it.
			proposer: T::AccountId,
			/// How many members may vote on it.
			electorate: u32,
			/// When its voting period ends.
			voting_ends: BlockNumberFor<T>,
		},
		/// A member voted (or changed their vote).
		Voted {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// The voter.
			voter: T::AccountId,
			/// For (true) or against (false).
			aye: bool,
			/// Ayes so far.
			ayes: u32,
			/// Nays so far.
			nays: u32,
		},
		/// The accused answered an expulsion motion.
		DefenceSubmitted {
			/// The co-op.
			coop: CoopId,
			/// The expulsion motion.
			motion: MotionIndex,
			/// The accused member.
			member: T::AccountId,
			/// Their statement.
			statement: BoundedVec<u8, T::MaxStatementLen>,
		},
		/// A motion closed.
		MotionClosed {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// How it ended.
			outcome: MotionOutcome,
			/// Ayes.
			ayes: u32,
			/// Nays.
			nays: u32,
			/// Members who could vote.
			electorate: u32,
		},
		/// A passed dispatch motion's call was dispatched with the co-op's origin.
		MotionExecuted {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// What the call returned.
			result: DispatchResult,
		},
		/// A passed motion could no longer be carried out (e.g. the co-op filled up, the member
		/// had already left, the call no longer decodes); nothing changed.
		MotionNotExecuted {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// Why.
			reason: DispatchError,
		},
		/// A spam motion's deposit went to the co-op's treasury.
		MotionDepositForfeited {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A co-op's bylaws were replaced by motion.
		BylawsChanged {
			/// The co-op.
			coop: CoopId,
		},
		/// A co-op granted a role by motion.
		RoleGranted {
			/// The co-op.
			coop: CoopId,
			/// The holder.
			who: T::AccountId,
			/// The role.
			role: CoopRole,
		},
		/// A co-op took a role back by motion.
		RoleRevoked {
			/// The co-op.
			coop: CoopId,
			/// The former holder.
			who: T::AccountId,
			/// The role.
			role: CoopRole,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no co-op with this number.
		CoopNotFound,
		/// The name is longer than `MaxNameLen` bytes.
		NameTooLong,
		/// Bylaws must define at least one member class.
		NoMemberClasses,
		/// The bylaws' first class (the founder's) must be a voting class.
		FirstClassMustVote,
		/// Each member class kind may appear only once in the bylaws.
		DuplicateMemberClass,
		/// The approval threshold must be at least 50 % (and at most 100 %).
		ApprovalBelowMajority,
		/// The investor vote cap may be at most 50 % of the voting members.
		InvestorCapTooHigh,
		/// The voting period is outside the runtime's `MinVotingPeriod`..=`MaxVotingPeriod`.
		VotingPeriodOutOfBounds,
		/// The withdrawal notice is longer than the runtime's `MaxWithdrawalNotice`.
		WithdrawalNoticeTooLong,
		/// The bylaws' maximum members must be at least 1 and at most the runtime's `MaxMembers`.
		MaxMembersOutOfBounds,
		/// The share price must be zero or at least the existential deposit.
		SharePriceBelowMinimum,
		/// New bylaws may only append member classes: existing classes cannot change or go.
		ClassesMayOnlyBeAppended,
		/// New bylaws cannot set maximum members below the current member count.
		MaxMembersBelowCurrent,
		/// The account is already a member of this co-op.
		AlreadyMember,
		/// The account already has an application pending in this co-op.
		ApplicationPending,
		/// The bylaws define no member class with this index.
		UnknownClass,
		/// The co-op has as many members as its bylaws allow.
		CoopFull,
		/// Admitting another voting investor would pass the bylaws' investor vote cap.
		InvestorCapReached,
		/// The account is not a member of this co-op.
		NotMember,
		/// Only members of a voting class may do this.
		NotVotingMember,
		/// Only members who joined before the motion opened may vote on it.
		JoinedAfterMotionOpened,
		/// There is no open motion with this number in this co-op.
		MotionNotFound,
		/// The co-op has `MaxOpenMotions` motions open; close some first.
		TooManyOpenMotions,
		/// The motion's voting period has ended; it can only be closed.
		VotingEnded,
		/// The motion cannot close yet: its voting period (or the defence window) is still
		/// running and the outcome is not yet certain.
		TooEarlyToClose,
		/// The encoded call is longer than `MaxCallLen` bytes.
		CallTooLong,
		/// The weight bound given to `close` is below the weight of the motion's call.
		CallWeightBoundTooLow,
		/// Admission motions are opened by `apply`, not by `propose`.
		AdmissionIsByApplication,
		/// Only an expulsion motion can be answered.
		NotAnExpulsion,
		/// Only the member an expulsion motion accuses may answer it.
		NotTheAccused,
		/// The statement is longer than `MaxStatementLen` bytes.
		StatementTooLong,
		/// The co-op owes this account no share capital.
		NoRedemption,
		/// The withdrawal notice has not ended yet.
		RedemptionNotDue,
		/// The redemption queue is full; try again once queued redemptions have been paid.
		RedemptionQueueFull,
		/// The redemption is already waiting in the queue; it is paid in turn.
		AlreadyQueued,
		/// A co-op with open motions cannot dissolve: close them first.
		CoopHasOpenMotions,
		/// The federation (co-op 0) cannot dissolve.
		FederationCannotDissolve,
		/// The co-op has `MaxRoleHolders` role holders already.
		TooManyRoleHolders,
		/// The account does not hold this role.
		RoleNotHeld,
		/// The account already holds this role.
		RoleAlreadyHeld,
		/// The member has already voted this way on this motion.
		AlreadyVoted,
		/// An arithmetic overflow; the amounts involved are beyond what the chain can hold.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxMembers::get() > 0, "MaxMembers must be positive");
			assert!(
				T::MaxClasses::get() > 0 && T::MaxClasses::get() <= 255,
				"MaxClasses in 1..=255"
			);
			assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Create a co-op; the caller becomes its first member, in the bylaws' first class.
		///
		/// Origin: signed. Holds `CoopDeposit` (returned on dissolution) and pays the share price
		/// into the new co-op's treasury.
		///
		/// Errors: `NameTooLong`, any bylaws error (`NoMemberClasses`, `FirstClassMustVote`, …),
		/// or the currency's error if the caller cannot pay.
		///
		/// Events: `CoopCreated`, `MemberAdmitted`.
		#[pallet::call_index(0)]
		pub fn create_coop(
			origin: OriginFor<T>,
			name: Vec<u8>,
			bylaws: BylawsOf<T>,
		) -> DispatchResult {
			let founder = ensure_signed(origin)?;
			let name: BoundedVec<u8, T::MaxNameLen> =
				name.try_into().map_err(|_| Error::<T>::NameTooLong)?;
			Self::validate_bylaws(&bylaws)?;

			let coop = NextCoopId::<T>::get();
			let next = coop.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let deposit = T::CoopDeposit::get();
			T::Currency::hold(&HoldReason::CoopDeposit.into(), &founder, deposit)?;

			let share = bylaws.share_price;
			let mut info = CoopOf::<T> {
				name,
				bylaws,
				depositor: Some(founder.clone()),
				deposit,
				members: 0,
				voting_members: 0,
				voting_investors: 0,
				share_capital: Zero::zero(),
				next_motion: 0,
				open_motions: 0,
				role_holders: 0,
			};
			let treasury = Self::treasury(coop);
			T::Currency::transfer(&founder, &treasury, share, Preservation::Preserve)?;
			Self::insert_member(coop, &mut info, &founder, 0, share)?;
			Coops::<T>::insert(coop, info);
			NextCoopId::<T>::put(next);

			Self::deposit_event(Event::CoopCreated { coop, founder: founder.clone(), treasury });
			Self::deposit_event(Event::MemberAdmitted {
				coop,
				member: founder,
				class: 0,
				share_capital: share,
			});
			Ok(())
		}

		/// Apply for membership of `coop` in member class `class`.
		///
		/// Origin: signed, or a co-op's motion (its treasury account applies, e.g. to the
		/// federation). In a co-op with open admission the share price is paid into the treasury
		/// and the applicant is a member at once. In a co-op that admits by vote the share price
		/// and the motion deposit are held and an admission motion opens.
		///
		/// Errors: `CoopNotFound`, `AlreadyMember`, `ApplicationPending`, `UnknownClass`,
		/// `CoopFull`, `InvestorCapReached`, `TooManyOpenMotions`, or the currency's error.
		///
		/// Events: `MemberAdmitted`, or `ApplicationSubmitted` and `MotionProposed`.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::apply_by_vote().max(<T as Config>::WeightInfo::apply_open()))]
		pub fn apply(origin: OriginFor<T>, coop: CoopId, class: ClassIndex) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(!Members::<T>::contains_key(coop, &who), Error::<T>::AlreadyMember);
			ensure!(!Applications::<T>::contains_key(coop, &who), Error::<T>::ApplicationPending);
			Self::check_admissible(&info, class)?;
			let share = info.bylaws.share_price;

			match info.bylaws.admission {
				AdmissionMode::Open => {
					T::Currency::transfer(
						&who,
						&Self::treasury(coop),
						share,
						Preservation::Preserve,
					)?;
					Self::insert_member(coop, &mut info, &who, class, share)?;
					Coops::<T>::insert(coop, info);
					Self::deposit_event(Event::MemberAdmitted {
						coop,
						member: who,
						class,
						share_capital: share,
					});
				},
				AdmissionMode::ByVote => {
					T::Currency::hold(&HoldReason::ApplicationShare.into(), &who, share)?;
					let motion = Self::open_motion(
						coop,
						&mut info,
						who.clone(),
						Proposal::Admit { applicant: who.clone() },
						Weight::zero(),
					)?;
					Applications::<T>::insert(
						coop,
						&who,
						Application { class, motion, held: share },
					);
					Coops::<T>::insert(coop, info);
					Self::deposit_event(Event::ApplicationSubmitted {
						coop,
						applicant: who,
						class,
						motion,
					});
				},
			}
			Ok(())
		}

		/// Leave `coop`. Membership and votes on open motions end now; the share capital is
		/// redeemable with `redeem_share` once the bylaws' withdrawal notice has passed.
		///
		/// Origin: signed, or a co-op's motion (for a co-op leaving the federation).
		///
		/// Errors: `CoopNotFound`, `NotMember`.
		///
		/// Events: `MemberWithdrew`.
		#[pallet::call_index(2)]
		pub fn withdraw(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			let (amount, due) = Self::remove_member(coop, &mut info, &who)?;
			Coops::<T>::insert(coop, info);
			Self::deposit_event(Event::MemberWithdrew {
				coop,
				member: who,
				amount,
				redeemable_from: due,
			});
			Ok(())
		}

		/// Pay `member` the share capital `coop` owes them, once the notice has passed.
		///
		/// Origin: signed (anyone may redeem on a former member's behalf). If the treasury
		/// cannot pay now, or other redemptions are already waiting, the redemption joins the
		/// queue and is paid in turn by `pay_redemption_queue`.
		///
		/// Errors: `NoRedemption`, `RedemptionNotDue`, `AlreadyQueued`, `RedemptionQueueFull`.
		///
		/// Events: `ShareRedeemed` or `RedemptionQueued`.
		#[pallet::call_index(3)]
		pub fn redeem_share(
			origin: OriginFor<T>,
			coop: CoopId,
			member: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let redemption =
				Redemptions::<T>::get(coop, &member).ok_or(Error::<T>::NoRedemption)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= redemption.due, Error::<T>::RedemptionNotDue);
			let mut queue = RedemptionQueue::<T>::get(coop);
			ensure!(!queue.contains(&member), Error::<T>::AlreadyQueued);

			// First in, first out: nobody overtakes a redemption already waiting.
			if queue.is_empty() && Self::treasury_can_pay(coop, redemption.amount) {
				Self::pay_redemption(coop, &member, redemption.amount)?;
			} else {
				let ahead = queue.len() as u32;
				queue.try_push(member.clone()).map_err(|_| Error::<T>::RedemptionQueueFull)?;
				RedemptionQueue::<T>::insert(coop, queue);
				Self::deposit_event(Event::RedemptionQueued {
					coop,
					member,
					amount: redemption.amount,
					ahead,
				});
			}
			Ok(())
		}

		/// Pay queued redemptions of `coop`, first in first out, while the treasury can.
		///
		/// Origin: signed (anyone). Stops at the first redemption the treasury cannot pay.
		///
		/// Events: `ShareRedeemed` for each one paid.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::pay_redemption_queue(T::MaxPendingRedemptions::get()))]
		pub fn pay_redemption_queue(
			origin: OriginFor<T>,
			coop: CoopId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut queue = RedemptionQueue::<T>::get(coop);
			let mut paid: u32 = 0;
			while let Some(member) = queue.first().cloned() {
				let amount =
					Redemptions::<T>::get(coop, &member).map(|r| r.amount).unwrap_or_default();
				if !amount.is_zero() {
					if !Self::treasury_can_pay(coop, amount) {
						break;
					}
					Self::pay_redemption(coop, &member, amount)?;
				}
				queue.remove(0);
				paid.saturating_inc();
			}
			RedemptionQueue::<T>::insert(coop, queue);
			Ok(Some(<T as Config>::WeightInfo::pay_redemption_queue(paid)).into())
		}

		/// Propose a motion in `coop`: expel a member, change the bylaws, dispatch a call with
		/// the co-op's origin, or grant or revoke a role.
		///
		/// Origin: a voting member (signed, or a co-op's motion when the member is a co-op).
		/// Holds `MotionDeposit`, returned when the motion closes unless it was spam.
		///
		/// Errors: `CoopNotFound`, `NotMember`, `NotVotingMember`, `AdmissionIsByApplication`,
		/// `CallTooLong`, `TooManyOpenMotions`, a bylaws error, `RoleAlreadyHeld`, `RoleNotHeld`.
		///
		/// Events: `MotionProposed`.
		#[pallet::call_index(5)]
		pub fn propose(
			origin: OriginFor<T>,
			coop: CoopId,
			proposal: Box<ProposalOf<T>>,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			Self::ensure_voting_member(coop, &info, &who)?;

			let (stored, call_weight) = match *proposal {
				Proposal::Admit { .. } => return Err(Error::<T>::AdmissionIsByApplication.into()),
				Proposal::Expel { member } => {
					ensure!(Members::<T>::contains_key(coop, &member), Error::<T>::NotMember);
					(Proposal::Expel { member }, Weight::zero())
				},
				Proposal::ChangeBylaws { bylaws } => {
					Self::validate_bylaws_change(&info, &bylaws)?;
					(Proposal::ChangeBylaws { bylaws }, Weight::zero())
				},
				Proposal::Dispatch { call } => {
					let call_weight = call.get_dispatch_info().call_weight;
					let encoded: EncodedCallOf<T> =
						call.encode().try_into().map_err(|_| Error::<T>::CallTooLong)?;
					(Proposal::Dispatch { call: encoded }, call_weight)
				},
				Proposal::GrantRole { who: holder, role } => {
					ensure!(
						!Roles::<T>::get(coop, &holder).unwrap_or_default().contains(role),
						Error::<T>::RoleAlreadyHeld
					);
					(Proposal::GrantRole { who: holder, role }, Weight::zero())
				},
				Proposal::RevokeRole { who: holder, role } => {
					ensure!(
						Roles::<T>::get(coop, &holder).unwrap_or_default().contains(role),
						Error::<T>::RoleNotHeld
					);
					(Proposal::RevokeRole { who: holder, role }, Weight::zero())
				},
			};
			Self::open_motion(coop, &mut info, who, stored, call_weight)?;
			Coops::<T>::insert(coop, info);
			Ok(())
		}

		/// Vote on an open motion of `coop`, or change your vote. One member, one vote.
		///
		/// Origin: a voting member who joined before the motion opened (signed, or a co-op's
		/// motion when the member is a co-op).
		///
		/// Errors: `MotionNotFound`, `VotingEnded`, `NotMember`, `NotVotingMember`,
		/// `JoinedAfterMotionOpened`, `AlreadyVoted`.
		///
		/// Events: `Voted`.
		#[pallet::call_index(6)]
		pub fn vote(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			aye: bool,
		) -> DispatchResult {
			let voter = Self::ensure_account(origin)?;
			let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			let mut m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < m.voting_ends, Error::<T>::VotingEnded);
			let member = Self::ensure_voting_member(coop, &info, &voter)?;
			ensure!(member.first_motion <= motion, Error::<T>::JoinedAfterMotionOpened);

			match Votes::<T>::get((coop, motion), &voter) {
				Some(previous) if previous == aye => return Err(Error::<T>::AlreadyVoted.into()),
				Some(previous) => Self::untally(&mut m, previous),
				None => {},
			}
			if aye {
				m.ayes = m.ayes.checked_add(1).ok_or(Error::<T>::Overflow)?;
			} else {
				m.nays = m.nays.checked_add(1).ok_or(Error::<T>::Overflow)?;
			}
			Votes::<T>::insert((coop, motion), &voter, aye);
			let (ayes, nays) = (m.ayes, m.nays);
			Motions::<T>::insert(coop, motion, m);
			Self::deposit_event(Event::Voted { coop, motion, voter, aye, ayes, nays });
			Ok(())
		}

		/// Close a motion of `coop` and carry it out if it passed.
		///
		/// Origin: signed (anyone). Allowed after the voting period, or earlier once the outcome
		/// is certain; never before an expulsion's defence window ends. `call_weight_bound`
		/// must cover the weight of a dispatch motion's call (zero for other motions).
		///
		/// Errors: `MotionNotFound`, `TooEarlyToClose`, `CallWeightBoundTooLow`.
		///
		/// Events: `MotionClosed`, then what the motion did (`MemberAdmitted`,
		/// `ApplicationRefunded`, `MemberExpelled`, `BylawsChanged`, `MotionExecuted`,
		/// `RoleGranted`, `RoleRevoked`, `MotionNotExecuted`, `MotionDepositForfeited`).
		#[pallet::call_index(7)]
		#[pallet::weight(
			<T as Config>::WeightInfo::close(T::MaxMembers::get(), T::MaxOpenMotions::get())
				.saturating_add(*call_weight_bound)
		)]
		pub fn close(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			call_weight_bound: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			let m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
			ensure!(m.call_weight.all_lte(call_weight_bound), Error::<T>::CallWeightBoundTooLow);
			let now = frame_system::Pallet::<T>::block_number();
			let outcome = Self::outcome(&m, now).ok_or(Error::<T>::TooEarlyToClose)?;

			// The motion leaves storage before it is carried out, so what it dispatches sees a
			// consistent co-op (and cannot close it twice).
			let proposer_aye = Votes::<T>::get((coop, motion), &m.proposer) == Some(true);
			let cleared = Votes::<T>::clear_prefix((coop, motion), T::MaxMembers::get(), None);
			let votes_cleared = cleared.unique;
			Motions::<T>::remove(coop, motion);
			info.open_motions.saturating_dec();
			Self::deposit_event(Event::MotionClosed {
				coop,
				motion,
				outcome,
				ayes: m.ayes,
				nays: m.nays,
				electorate: m.electorate,
			});

			// The deposit: returned, unless the motion was spam.
			let others_aye = m.ayes.saturating_sub(proposer_aye as u32);
			if outcome == MotionOutcome::Rejected && others_aye == 0 && !m.deposit.is_zero() {
				T::Currency::transfer_on_hold(
					&HoldReason::MotionDeposit.into(),
					&m.proposer,
					&Self::treasury(coop),
					m.deposit,
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Force,
				)?;
				Self::deposit_event(Event::MotionDepositForfeited {
					coop,
					motion,
					amount: m.deposit,
				});
			} else {
				T::Currency::release(
					&HoldReason::MotionDeposit.into(),
					&m.proposer,
					m.deposit,
					Precision::BestEffort,
				)?;
			}

			// The co-op as it is now (one motion fewer) is written before the motion is carried
			// out, so that what it does sees a consistent co-op.
			Coops::<T>::insert(coop, info);

			let mut call_weight = Weight::zero();
			let mut scanned_motions = 0u32;
			let applicant = match &m.proposal {
				Proposal::Admit { applicant } => Some(applicant.clone()),
				_ => None,
			};
			let executed = outcome == MotionOutcome::Approved
				&& match frame_support::storage::with_storage_layer(|| {
					Self::carry_out(
						coop,
						motion,
						m.proposal,
						&mut call_weight,
						&mut scanned_motions,
					)
				}) {
					Ok(()) => true,
					Err(reason) => {
						Self::deposit_event(Event::MotionNotExecuted { coop, motion, reason });
						false
					},
				};
			if !executed {
				if let Some(applicant) = applicant {
					Self::refund_application(coop, &applicant);
				}
			}

			let weight = <T as Config>::WeightInfo::close(votes_cleared, scanned_motions)
				.saturating_add(call_weight);
			Ok(Some(weight).into())
		}

		/// Answer an expulsion motion: the accused member's statement, recorded in an event.
		///
		/// Origin: the accused member (signed, or the co-op's motion for a member co-op).
		///
		/// Errors: `MotionNotFound`, `NotAnExpulsion`, `NotTheAccused`, `StatementTooLong`.
		///
		/// Events: `DefenceSubmitted`.
		#[pallet::call_index(8)]
		pub fn defend(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			statement: Vec<u8>,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
			match &m.proposal {
				Proposal::Expel { member } => ensure!(member == &who, Error::<T>::NotTheAccused),
				_ => return Err(Error::<T>::NotAnExpulsion.into()),
			}
			let statement: BoundedVec<u8, T::MaxStatementLen> =
				statement.try_into().map_err(|_| Error::<T>::StatementTooLong)?;
			m.defended = true;
			Motions::<T>::insert(coop, motion, m);
			Self::deposit_event(Event::DefenceSubmitted { coop, motion, member: who, statement });
			Ok(())
		}

		/// Dissolve `coop`: every member leaves (their share capital is owed to them as
		/// redemptions, due now), roles end, and the storage deposit is returned.
		///
		/// Origin: the co-op's own motion (`CoopOrigin`). The federation cannot dissolve.
		///
		/// Errors: `CoopNotFound`, `FederationCannotDissolve`, `CoopHasOpenMotions`.
		///
		/// Events: `CoopDissolved`.
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::dissolve_coop(T::MaxMembers::get()))]
		pub fn dissolve_coop(origin: OriginFor<T>, coop: CoopId) -> DispatchResultWithPostInfo {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			ensure!(coop != coop_primitives::FEDERATION, Error::<T>::FederationCannotDissolve);
			let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(info.open_motions == 0, Error::<T>::CoopHasOpenMotions);

			let now = frame_system::Pallet::<T>::block_number();
			let mut members = 0u32;
			for (who, member) in Members::<T>::drain_prefix(coop) {
				members.saturating_inc();
				Self::owe_redemption(coop, &who, member.share_capital, now)?;
				T::OnMemberRemoved::on_member_removed(coop, &who);
			}
			let _ = Roles::<T>::clear_prefix(coop, T::MaxRoleHolders::get(), None);
			if let Some(depositor) = &info.depositor {
				T::Currency::release(
					&HoldReason::CoopDeposit.into(),
					depositor,
					info.deposit,
					Precision::BestEffort,
				)?;
			}
			Coops::<T>::remove(coop);
			Self::deposit_event(Event::CoopDissolved { coop, members });
			Ok(Some(<T as Config>::WeightInfo::dissolve_coop(members)).into())
		}
	}
}

/// Accepts the origin of a passed motion of the co-op given as argument.
pub struct EnsureCoop;

impl<O> EnsureOriginWithArg<O, CoopId> for EnsureCoop
where
	O: OriginTrait + From<Origin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
{
	type Success = ();

	fn try_origin(o: O, coop: &CoopId) -> Result<Self::Success, O> {
		let matches = matches!(o.caller().try_into(), Ok(Origin::Coop(id)) if id == coop);
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

/// Accepts the origin of a passed motion of any co-op, and yields the co-op's id.
pub struct EnsureCoopAny;

impl<O> EnsureOrigin<O> for EnsureCoopAny
where
	O: OriginTrait + From<Origin>,
	for<'a> &'a O::PalletsOrigin: TryInto<&'a Origin>,
{
	type Success = CoopId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		let coop = match o.caller().try_into() {
			Ok(Origin::Coop(id)) => Some(*id),
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
	/// The keyless treasury account of `coop`.
	pub fn treasury(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	/// The account acting: the signer, or the treasury of the co-op whose motion dispatched.
	fn ensure_account(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		EnsureMemberAccount::<T>::try_origin(origin).map_err(|_| DispatchError::BadOrigin)
	}

	/// The member record of `who`, who must be in a voting class of `coop`.
	fn ensure_voting_member(
		coop: CoopId,
		info: &CoopOf<T>,
		who: &T::AccountId,
	) -> Result<MemberRecord<BalanceOf<T>>, DispatchError> {
		let member = Members::<T>::get(coop, who).ok_or(Error::<T>::NotMember)?;
		let votes = info.bylaws.classes.get(member.class as usize).is_some_and(|c| c.votes);
		ensure!(votes, Error::<T>::NotVotingMember);
		Ok(member)
	}

	/// Checks bylaws against the runtime's bounds.
	pub fn validate_bylaws(bylaws: &BylawsOf<T>) -> DispatchResult {
		let first = bylaws.classes.first().ok_or(Error::<T>::NoMemberClasses)?;
		ensure!(first.votes, Error::<T>::FirstClassMustVote);
		for (i, class) in bylaws.classes.iter().enumerate() {
			let duplicate =
				bylaws.classes.iter().skip(i.saturating_add(1)).any(|c| c.kind == class.kind);
			ensure!(!duplicate, Error::<T>::DuplicateMemberClass);
		}
		ensure!(bylaws.approval >= Perbill::from_percent(50), Error::<T>::ApprovalBelowMajority);
		ensure!(
			bylaws.investor_vote_cap <= Perbill::from_percent(50),
			Error::<T>::InvestorCapTooHigh
		);
		ensure!(
			bylaws.voting_period >= T::MinVotingPeriod::get()
				&& bylaws.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodOutOfBounds
		);
		ensure!(
			bylaws.withdrawal_notice <= T::MaxWithdrawalNotice::get(),
			Error::<T>::WithdrawalNoticeTooLong
		);
		ensure!(
			bylaws.max_members >= 1 && bylaws.max_members <= T::MaxMembers::get(),
			Error::<T>::MaxMembersOutOfBounds
		);
		ensure!(
			bylaws.share_price.is_zero() || bylaws.share_price >= T::Currency::minimum_balance(),
			Error::<T>::SharePriceBelowMinimum
		);
		Ok(())
	}

	/// Checks new bylaws for an existing co-op: valid, classes only appended, room for the
	/// current members.
	fn validate_bylaws_change(info: &CoopOf<T>, bylaws: &BylawsOf<T>) -> DispatchResult {
		Self::validate_bylaws(bylaws)?;
		let kept = info.bylaws.classes.len() <= bylaws.classes.len()
			&& info.bylaws.classes.iter().zip(bylaws.classes.iter()).all(|(a, b)| a == b);
		ensure!(kept, Error::<T>::ClassesMayOnlyBeAppended);
		ensure!(bylaws.max_members >= info.members, Error::<T>::MaxMembersBelowCurrent);
		Ok(())
	}

	/// Whether `coop` can admit one more member of `class` now.
	fn check_admissible(info: &CoopOf<T>, class: ClassIndex) -> DispatchResult {
		let class = info.bylaws.classes.get(class as usize).ok_or(Error::<T>::UnknownClass)?;
		ensure!(info.members < info.bylaws.max_members, Error::<T>::CoopFull);
		if class.is_voting_investor() {
			let investors = info.voting_investors.saturating_add(1);
			let voters = info.voting_members.saturating_add(1);
			// Compared as ratios, so that a cap of exactly 1/3 admits 1 investor of 3 voters.
			ensure!(
				Perbill::from_rational(investors, voters) <= info.bylaws.investor_vote_cap,
				Error::<T>::InvestorCapReached
			);
		}
		Ok(())
	}

	/// Records a new member (the share capital is already in the treasury).
	fn insert_member(
		coop: CoopId,
		info: &mut CoopOf<T>,
		who: &T::AccountId,
		class: ClassIndex,
		share_capital: BalanceOf<T>,
	) -> DispatchResult {
		let class_info =
			*info.bylaws.classes.get(class as usize).ok_or(Error::<T>::UnknownClass)?;
		ensure!(info.members < info.bylaws.max_members, Error::<T>::CoopFull);
		info.members = info.members.checked_add(1).ok_or(Error::<T>::Overflow)?;
		if class_info.votes {
			info.voting_members.saturating_inc();
		}
		if class_info.is_voting_investor() {
			info.voting_investors.saturating_inc();
		}
		info.share_capital =
			info.share_capital.checked_add(&share_capital).ok_or(Error::<T>::Overflow)?;
		Members::<T>::insert(
			coop,
			who,
			MemberRecord { class, share_capital, first_motion: info.next_motion },
		);
		Ok(())
	}

	/// Ends `who`'s membership: takes their votes out of open motions, records the share
	/// capital as owed after the notice, and tells the `OnMemberRemoved` hook. Returns the
	/// amount owed and when it is due.
	fn remove_member(
		coop: CoopId,
		info: &mut CoopOf<T>,
		who: &T::AccountId,
	) -> Result<(BalanceOf<T>, BlockNumberFor<T>), DispatchError> {
		let member = Members::<T>::take(coop, who).ok_or(Error::<T>::NotMember)?;
		let class = info.bylaws.classes.get(member.class as usize).copied();
		info.members.saturating_dec();
		if class.is_some_and(|c| c.votes) {
			info.voting_members.saturating_dec();
			// Out of every open motion they could vote on: their vote and their seat.
			for (index, mut motion) in Motions::<T>::iter_prefix(coop) {
				if index < member.first_motion {
					continue;
				}
				motion.electorate.saturating_dec();
				if let Some(aye) = Votes::<T>::take((coop, index), who) {
					Self::untally(&mut motion, aye);
				}
				Motions::<T>::insert(coop, index, motion);
			}
		}
		if class.is_some_and(|c| c.is_voting_investor()) {
			info.voting_investors.saturating_dec();
		}
		info.share_capital = info.share_capital.saturating_sub(member.share_capital);
		let due =
			frame_system::Pallet::<T>::block_number().saturating_add(info.bylaws.withdrawal_notice);
		Self::owe_redemption(coop, who, member.share_capital, due)?;
		T::OnMemberRemoved::on_member_removed(coop, who);
		Ok((member.share_capital, due))
	}

	/// Records share capital owed to a former member (added to what is already owed, if any).
	fn owe_redemption(
		coop: CoopId,
		who: &T::AccountId,
		amount: BalanceOf<T>,
		due: BlockNumberFor<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		Redemptions::<T>::try_mutate(coop, who, |entry| -> DispatchResult {
			let owed = match entry.take() {
				Some(r) => Redemption {
					amount: r.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?,
					due: r.due.max(due),
				},
				None => Redemption { amount, due },
			};
			*entry = Some(owed);
			Ok(())
		})
	}

	/// Whether the treasury of `coop` can pay `amount` now.
	fn treasury_can_pay(coop: CoopId, amount: BalanceOf<T>) -> bool {
		T::Currency::reducible_balance(
			&Self::treasury(coop),
			Preservation::Expendable,
			Fortitude::Polite,
		) >= amount
	}

	/// Pays a redemption in full and forgets it.
	fn pay_redemption(coop: CoopId, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::transfer(&Self::treasury(coop), who, amount, Preservation::Expendable)?;
		Redemptions::<T>::remove(coop, who);
		Self::deposit_event(Event::ShareRedeemed { coop, member: who.clone(), amount });
		Ok(())
	}

	/// Opens a motion, holding the deposit from the proposer.
	fn open_motion(
		coop: CoopId,
		info: &mut CoopOf<T>,
		proposer: T::AccountId,
		proposal: StoredProposalOf<T>,
		call_weight: Weight,
	) -> Result<MotionIndex, DispatchError> {
		ensure!(info.open_motions < T::MaxOpenMotions::get(), Error::<T>::TooManyOpenMotions);
		let deposit = T::MotionDeposit::get();
		T::Currency::hold(&HoldReason::MotionDeposit.into(), &proposer, deposit)?;

		let index = info.next_motion;
		info.next_motion = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		info.open_motions.saturating_inc();
		let now = frame_system::Pallet::<T>::block_number();
		let voting_ends = now.saturating_add(info.bylaws.voting_period);
		let earliest_close = match proposal {
			Proposal::Expel { .. } => now.saturating_add(T::DefenceWindow::get()),
			_ => now,
		};
		let motion = MotionOf::<T> {
			proposer: proposer.clone(),
			deposit,
			proposal,
			call_weight,
			opened: now,
			earliest_close,
			voting_ends: voting_ends.max(earliest_close),
			electorate: info.voting_members,
			ayes: 0,
			nays: 0,
			quorum: info.bylaws.quorum,
			approval: info.bylaws.approval,
			defended: false,
		};
		Motions::<T>::insert(coop, index, motion);
		Self::deposit_event(Event::MotionProposed {
			coop,
			motion: index,
			proposer,
			electorate: info.voting_members,
			voting_ends: voting_ends.max(earliest_close),
		});
		Ok(index)
	}

	/// Takes a vote out of a motion's tally.
	fn untally(motion: &mut MotionOf<T>, aye: bool) {
		if aye {
			motion.ayes.saturating_dec();
		} else {
			motion.nays.saturating_dec();
		}
	}

	/// How the motion ends if closed at `now`, or `None` if it cannot close yet.
	///
	/// After the voting period: `Expired` without quorum, else `Approved` when the ayes reach
	/// the approval threshold of the votes cast, else `Rejected`. Before it (but never before
	/// `earliest_close`): `Approved` once the ayes alone reach both the quorum and the threshold
	/// of the whole electorate; `Rejected` once even all missing votes as ayes could not reach
	/// the threshold of the whole electorate.
	pub fn outcome(motion: &MotionOf<T>, now: BlockNumberFor<T>) -> Option<MotionOutcome> {
		if now < motion.earliest_close {
			return None;
		}
		let electorate = motion.electorate;
		let cast = motion.ayes.saturating_add(motion.nays);
		let quorum_needed = motion.quorum.mul_ceil(electorate).max(1);
		if now >= motion.voting_ends {
			if cast < quorum_needed {
				return Some(MotionOutcome::Expired);
			}
			let passes = motion.ayes >= motion.approval.mul_ceil(cast);
			return Some(if passes { MotionOutcome::Approved } else { MotionOutcome::Rejected });
		}
		let threshold_all = motion.approval.mul_ceil(electorate).max(1);
		if motion.ayes >= threshold_all && motion.ayes >= quorum_needed {
			return Some(MotionOutcome::Approved);
		}
		let missing = electorate.saturating_sub(cast);
		if electorate > 0
			&& cast >= quorum_needed
			&& motion.ayes.saturating_add(missing) < threshold_all
		{
			return Some(MotionOutcome::Rejected);
		}
		None
	}

	/// Carries out a passed motion. Runs in its own storage layer: on error nothing it did
	/// stays.
	fn carry_out(
		coop: CoopId,
		motion: MotionIndex,
		proposal: StoredProposalOf<T>,
		call_weight: &mut Weight,
		scanned_motions: &mut u32,
	) -> DispatchResult {
		if let Proposal::Dispatch { call } = proposal {
			let call = <T as Config>::RuntimeCall::decode(&mut &call[..])
				.map_err(|_| DispatchError::Other("the motion's call no longer decodes"))?;
			let dispatch_info = call.get_dispatch_info();
			let result = call.dispatch(Origin::Coop(coop).into());
			*call_weight = extract_actual_weight(&result, &dispatch_info);
			Self::deposit_event(Event::MotionExecuted {
				coop,
				motion,
				result: result.map(|_| ()).map_err(|e| e.error),
			});
			return Ok(());
		}

		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		match proposal {
			Proposal::Admit { applicant } => {
				let application =
					Applications::<T>::take(coop, &applicant).ok_or(Error::<T>::NotMember)?;
				Self::check_admissible(&info, application.class)?;
				T::Currency::transfer_on_hold(
					&HoldReason::ApplicationShare.into(),
					&applicant,
					&Self::treasury(coop),
					application.held,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Force,
				)?;
				Self::insert_member(
					coop,
					&mut info,
					&applicant,
					application.class,
					application.held,
				)?;
				Self::deposit_event(Event::MemberAdmitted {
					coop,
					member: applicant,
					class: application.class,
					share_capital: application.held,
				});
			},
			Proposal::Expel { member } => {
				*scanned_motions = info.open_motions;
				// An expelled member's capital is redeemable at once: no notice applies.
				let (amount, _) = Self::remove_member(coop, &mut info, &member)?;
				Redemptions::<T>::mutate(coop, &member, |r| {
					if let Some(r) = r {
						r.due = frame_system::Pallet::<T>::block_number();
					}
				});
				Self::deposit_event(Event::MemberExpelled { coop, member, amount });
			},
			Proposal::ChangeBylaws { bylaws } => {
				Self::validate_bylaws_change(&info, &bylaws)?;
				info.bylaws = bylaws;
				Self::deposit_event(Event::BylawsChanged { coop });
			},
			Proposal::GrantRole { who, role } => {
				let held = Roles::<T>::get(coop, &who);
				let set = held.unwrap_or_default();
				ensure!(!set.contains(role), Error::<T>::RoleAlreadyHeld);
				if held.is_none() {
					ensure!(
						info.role_holders < T::MaxRoleHolders::get(),
						Error::<T>::TooManyRoleHolders
					);
					info.role_holders.saturating_inc();
				}
				Roles::<T>::insert(coop, &who, set.with(role));
				Self::deposit_event(Event::RoleGranted { coop, who, role });
			},
			Proposal::RevokeRole { who, role } => {
				let set = Roles::<T>::get(coop, &who).unwrap_or_default();
				ensure!(set.contains(role), Error::<T>::RoleNotHeld);
				let set = set.without(role);
				if set.is_empty() {
					Roles::<T>::remove(coop, &who);
					info.role_holders.saturating_dec();
				} else {
					Roles::<T>::insert(coop, &who, set);
				}
				Self::deposit_event(Event::RoleRevoked { coop, who, role });
			},
			Proposal::Dispatch { .. } => {},
		}
		Coops::<T>::insert(coop, info);
		Ok(())
	}

	/// Releases a pending application's held share price in full.
	fn refund_application(coop: CoopId, applicant: &T::AccountId) {
		if let Some(application) = Applications::<T>::take(coop, applicant) {
			let released = T::Currency::release(
				&HoldReason::ApplicationShare.into(),
				applicant,
				application.held,
				Precision::BestEffort,
			);
			if released.is_err() {
				log::error!(target: LOG_TARGET, "could not release an application's hold");
			}
			Self::deposit_event(Event::ApplicationRefunded {
				coop,
				applicant: applicant.clone(),
				amount: application.held,
			});
		}
	}

	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. Every co-op's `members`, `voting_members` and `voting_investors` equal the counts over
	///    its entries in `Members`, and `members` ≤ the bylaws' `max_members`.
	/// 2. Every co-op's `share_capital` equals the sum of its members' share capital.
	/// 3. Every co-op's `open_motions` equals its entries in `Motions`, and is at most
	///    `MaxOpenMotions`; every motion index is below `next_motion`.
	/// 4. For every open motion, `ayes + nays` equals its entries in `Votes`, votes are counted
	///    the right way, and `ayes + nays ≤ electorate ≤ voting_members`.
	/// 5. Every pending application points at an open admission motion for that applicant.
	/// 6. Every queued redemption has a `Redemptions` entry; queued accounts are distinct.
	/// 7. Every co-op's `role_holders` equals its entries in `Roles`, none of them empty.
	/// 8. Every co-op id is below `NextCoopId`; members, motions and roles belong to co-ops
	///    that exist.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_id = NextCoopId::<T>::get();
		for (coop, info) in Coops::<T>::iter() {
			ensure!(coop < next_id, "co-op id not below NextCoopId");
			// 1, 2
			let (mut members, mut voting, mut investors) = (0u32, 0u32, 0u32);
			let mut capital: BalanceOf<T> = Zero::zero();
			for (_, member) in Members::<T>::iter_prefix(coop) {
				let class = info
					.bylaws
					.classes
					.get(member.class as usize)
					.ok_or("member of an unknown class")?;
				members.saturating_inc();
				voting.saturating_accrue(class.votes as u32);
				investors.saturating_accrue(class.is_voting_investor() as u32);
				capital = capital.saturating_add(member.share_capital);
			}
			ensure!(members == info.members, "member count differs from the member map");
			ensure!(voting == info.voting_members, "voting member count differs");
			ensure!(investors == info.voting_investors, "voting investor count differs");
			ensure!(info.members <= info.bylaws.max_members, "more members than the bylaws allow");
			ensure!(capital == info.share_capital, "share capital differs from the members' sum");
			// 3, 4
			let mut open = 0u32;
			for (index, motion) in Motions::<T>::iter_prefix(coop) {
				open.saturating_inc();
				ensure!(index < info.next_motion, "motion index not below next_motion");
				let (mut ayes, mut nays) = (0u32, 0u32);
				for (_, aye) in Votes::<T>::iter_prefix((coop, index)) {
					if aye {
						ayes.saturating_inc()
					} else {
						nays.saturating_inc()
					}
				}
				ensure!(ayes == motion.ayes && nays == motion.nays, "tally differs from votes");
				ensure!(
					motion.ayes.saturating_add(motion.nays) <= motion.electorate,
					"more votes than voters"
				);
				ensure!(motion.electorate <= info.voting_members, "electorate above voters");
			}
			ensure!(open == info.open_motions, "open motion count differs");
			ensure!(open <= T::MaxOpenMotions::get(), "too many open motions");
			// 5
			for (applicant, application) in Applications::<T>::iter_prefix(coop) {
				let motion = Motions::<T>::get(coop, application.motion)
					.ok_or("application without motion")?;
				ensure!(
					motion.proposal == Proposal::Admit { applicant },
					"application's motion is not its admission"
				);
			}
			// 7
			let mut holders = 0u32;
			for (_, set) in Roles::<T>::iter_prefix(coop) {
				ensure!(!set.is_empty(), "empty role set stored");
				holders.saturating_inc();
			}
			ensure!(holders == info.role_holders, "role holder count differs");
		}
		// 6
		for (coop, queue) in RedemptionQueue::<T>::iter() {
			for (i, who) in queue.iter().enumerate() {
				ensure!(Redemptions::<T>::contains_key(coop, who), "queued without a redemption");
				ensure!(!queue.iter().skip(i.saturating_add(1)).any(|w| w == who), "queued twice");
			}
		}
		// 8
		for (coop, _, _) in Members::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "member of a missing co-op");
		}
		for (coop, _, _) in Motions::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "motion of a missing co-op");
		}
		for (coop, _, _) in Roles::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "role in a missing co-op");
		}
		Ok(())
	}
}

impl<T: Config> CoopInspect<T::AccountId> for Pallet<T> {
	fn coop_exists(coop: CoopId) -> bool {
		Coops::<T>::contains_key(coop)
	}

	fn is_member(coop: CoopId, who: &T::AccountId) -> bool {
		Members::<T>::contains_key(coop, who)
	}

	fn is_voting_member(coop: CoopId, who: &T::AccountId) -> bool {
		match (Coops::<T>::get(coop), Members::<T>::get(coop, who)) {
			(Some(info), Some(member)) => {
				info.bylaws.classes.get(member.class as usize).is_some_and(|c| c.votes)
			},
			_ => false,
		}
	}

	fn member_count(coop: CoopId) -> u32 {
		Coops::<T>::get(coop).map(|c| c.members).unwrap_or(0)
	}

	fn member_class(coop: CoopId, who: &T::AccountId) -> Option<u8> {
		Members::<T>::get(coop, who).map(|m| m.class)
	}

	fn treasury_account(coop: CoopId) -> T::AccountId {
		Self::treasury(coop)
	}

	fn has_role(coop: CoopId, who: &T::AccountId, role: CoopRole) -> bool {
		Roles::<T>::get(coop, who).is_some_and(|set| set.contains(role))
	}
}
