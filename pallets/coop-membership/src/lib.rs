#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! A bakery co-op founded, three members admitted by vote, an applicant refused (and refunded),
//! a member leaving and repaid after the notice, as a unit test runs it:
#![doc = docify::embed!("src/tests/stories.rs", found_admit_reject_leave_and_redeem)]
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

mod bylaws;
mod delegates;
mod events;
mod impls;
mod invariants;
mod members;
pub mod migrations;
mod motions;
mod origins;

pub use bylaws::SPECIAL_APPROVAL_FLOOR;
pub use origins::{EnsureCoop, EnsureCoopAny, EnsureCoopSpecial, EnsureMemberAccount};
pub use types::*;
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use coop_primitives::{
	CoopId, CoopInspect, CoopRole, MemberEquity, OnCoopDissolved, OnMemberRemoved, RoleSet, Tally,
};
use frame_support::{
	defensive,
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
	traits::{AccountIdConversion, Dispatchable, One, Saturating, Zero},
	ArithmeticError, Perbill,
};

#[frame_support::pallet_macros::import_section(events::events)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version.
	/// The in-code storage version: 2 added the special-resolution thresholds and the
	/// deliberation time to the bylaws ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

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
		/// Decided by a passed special resolution of this co-op (a `DispatchSpecial` motion,
		/// under the bylaws' special thresholds). Whatever accepts [`Origin::Coop`] accepts
		/// it too.
		CoopSpecial(CoopId),
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a co-op, returned on dissolution.
		#[codec(index = 0)]
		CoopDeposit,
		/// The deposit of an open motion.
		#[codec(index = 1)]
		MotionDeposit,
		/// The share price of a pending application, until the members decide.
		#[codec(index = 2)]
		ApplicationShare,
	}

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
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

		/// Who may dissolve a co-op (`dissolve_coop`): in coopchain its own special resolution
		/// ([`EnsureCoopSpecial`]), and nobody else, not even root.
		type CoopOrigin: EnsureOriginWithArg<<Self as frame_system::Config>::RuntimeOrigin, CoopId>;

		/// Recognises a co-op acting as a member of another co-op (its motion's origin) and
		/// yields its id; its treasury account is then the member ([`EnsureCoopAny`]).
		type CoopAccountOrigin: EnsureOrigin<
			<Self as frame_system::Config>::RuntimeOrigin,
			Success = CoopId,
		>;

		/// Told when a member leaves a co-op.
		type OnMemberRemoved: OnMemberRemoved<Self::AccountId>;

		/// What a co-op owes its members besides share capital (retained patronage): a
		/// dissolved co-op's treasury keeps it for them.
		type MemberEquity: MemberEquity<BalanceOf<Self>>;

		/// Told when a co-op has dissolved (in coopchain, patronage matures all the co-op's
		/// retained equity at once: no period of a dissolved co-op will ever close).
		type OnDissolved: OnCoopDissolved;

		/// Where a dissolved co-op's indivisible assets go once its members are paid: what is
		/// left in its treasury (in coopchain the federation's development fund).
		#[pallet::constant]
		type DissolvedAssetsTo: Get<Self::AccountId>;

		/// The most co-ops a co-op's treasury may be a member of at once (dissolving withdraws
		/// it from each).
		#[pallet::constant]
		type MaxCoopMemberships: Get<u32>;

		/// Derives the co-ops' treasury accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from whoever creates a co-op, returned on dissolution.
		#[pallet::constant]
		type CoopDeposit: Get<BalanceOf<Self>>;

		/// Held from a member who proposes a motion; forfeited to the treasury if nobody but the
		/// proposer supported it.
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

		/// The most motions a co-op's members may have open at once (applications have their
		/// own bound, `MaxOpenApplications`).
		#[pallet::constant]
		type MaxOpenMotions: Get<u32>;

		/// The most applications a co-op that admits by vote may have pending at once. They do
		/// not take the members' motion slots, so outsiders cannot stop a co-op's governance by
		/// applying.
		#[pallet::constant]
		type MaxOpenApplications: Get<u32>;

		/// Held from an applicant to a co-op that admits by vote while the application is
		/// pending, with the share price; returned in full whatever the members decide.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

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

		/// The shortest deliberation time bylaws may set: no motion closes sooner after it
		/// opened, so that it cannot be proposed, voted and closed in one block.
		#[pallet::constant]
		type MinDeliberation: Get<BlockNumberFor<Self>>;

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

	/// Pending applications to co-ops that admit by vote. Co-op ids are the chain's
	/// (`Twox64Concat`), applicants user-chosen (`Blake2_128Concat`).
	#[pallet::storage]
	pub type Applications<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Application<BalanceOf<T>>,
	>;

	/// How many of a co-op's open motions are applications (at most `MaxOpenApplications`);
	/// absent when none.
	#[pallet::storage]
	pub type OpenApplications<T: Config> = StorageMap<_, Twox64Concat, CoopId, u32, ValueQuery>;

	/// The co-ops each co-op is a member of (its treasury is the member): dissolving a co-op
	/// withdraws it from each. At most `MaxCoopMemberships`; absent when none.
	#[pallet::storage]
	pub type CoopMemberships<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, BoundedVec<CoopId, T::MaxCoopMemberships>, ValueQuery>;

	/// Open motions of each co-op. Both keys are handed out by the chain in sequence, so
	/// `Twox64Concat` is safe.
	#[pallet::storage]
	pub type Motions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Twox64Concat, MotionIndex, MotionOf<T>>;

	/// Votes on open motions: `true` is aye. The motion is the chain's (`Twox64Concat`), the
	/// voter user-chosen (`Blake2_128Concat`).
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, MotionIndex),
		Blake2_128Concat,
		T::AccountId,
		bool,
	>;

	/// Share capital each co-op owes former members. Co-op ids are the chain's
	/// (`Twox64Concat`), accounts user-chosen (`Blake2_128Concat`).
	#[pallet::storage]
	pub type Redemptions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		Redemption<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// Redemptions due that the treasury could not pay yet, first in first out. Keyed by
	/// co-op id, which the chain hands out (`Twox64Concat`).
	#[pallet::storage]
	pub type RedemptionQueue<T: Config> = StorageMap<
		_,
		Twox64Concat,
		CoopId,
		BoundedVec<T::AccountId, T::MaxPendingRedemptions>,
		ValueQuery,
	>;

	/// Roles granted by co-ops. Co-op ids are the chain's (`Twox64Concat`), holders
	/// user-chosen (`Blake2_128Concat`).
	#[pallet::storage]
	pub type Roles<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Blake2_128Concat, T::AccountId, RoleSet>;

	/// Each co-op's delegate, who casts its vote where it is a member. Co-op ids are the
	/// chain's (`Twox64Concat`).
	#[pallet::storage]
	pub type Delegates<T: Config> = StorageMap<_, Twox64Concat, CoopId, Delegate<T::AccountId>>;

	/// The votes a member co-op cast through its own motion, which its delegate cannot change.
	/// The motion is the chain's (`Twox64Concat`), the voter (a treasury) an account
	/// (`Blake2_128Concat`). Cleared with the motion's votes.
	#[pallet::storage]
	pub type OwnVotes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, MotionIndex),
		Blake2_128Concat,
		T::AccountId,
		(),
	>;

	/// Co-ops that exist from genesis: the federation first (id 0), and the delegates they name.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Each co-op: its name, its founding members (each in the bylaws' first class, with no
		/// share capital paid), and its bylaws. A founding member may be the treasury of a co-op
		/// listed later ([`Pallet::treasury`] of its number): that is how the federation is
		/// founded by co-ops.
		pub coops: Vec<(Vec<u8>, Vec<T::AccountId>, BylawsOf<T>)>,
		/// Each co-op's delegate from genesis, as `set_delegate` names it: the co-op, the
		/// delegate's account, and whether it may vote on ordinary resolutions only.
		pub delegates: Vec<(CoopId, T::AccountId, bool)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (name, founders, bylaws) in &self.coops {
				Pallet::<T>::found_at_genesis(name, founders, bylaws);
			}
			for (coop, account, ordinary_only) in &self.delegates {
				assert!(Coops::<T>::contains_key(coop), "genesis: a delegate of no co-op");
				assert!(!Delegates::<T>::contains_key(coop), "genesis: a co-op has one delegate");
				Delegates::<T>::insert(
					coop,
					Delegate { account: account.clone(), ordinary_only: *ordinary_only },
				);
			}
		}
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
		/// The approval threshold must be at least 50 % and below 100 % (the ayes must be more
		/// than it).
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
		/// The co-op's members have `MaxOpenMotions` motions open; close some first.
		TooManyOpenMotions,
		/// The co-op has `MaxOpenApplications` applications pending; apply once the members
		/// have decided one.
		TooManyApplications,
		/// The co-op is a member of `MaxCoopMemberships` co-ops already: it leaves one first.
		TooManyCoopMemberships,
		/// There is no dissolved co-op with this number (it exists, or never did).
		NotDissolved,
		/// The dissolved co-op still owes a former member share capital: redeem it first.
		RedemptionsOutstanding,
		/// Nothing is left in the dissolved co-op's treasury beyond what it owes its members.
		NothingToTransfer,
		/// The motion's voting period has ended; it can only be closed.
		VotingEnded,
		/// The motion cannot close yet: its deliberation time (or an expulsion's defence
		/// window) has not passed, or its voting period is still running and not every eligible
		/// voter has voted.
		TooEarlyToClose,
		/// The encoded call is longer than `MaxCallLen` bytes.
		CallTooLong,
		/// The weight bound given to `close_motion` is below the weight of the motion's call.
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
		/// The special-resolution thresholds must be at least the ordinary ones, the special
		/// approval at least 66.6666666 % and below 100 %.
		SpecialThresholdsTooLow,
		/// The deliberation time must be at least the runtime's `MinDeliberation` and at most
		/// the voting period.
		DeliberationOutOfBounds,
		/// Only a co-op, through its own motion, may apply to the federation.
		FederationAdmitsOnlyCoops,
		/// A co-op's treasury cannot be a member of its own co-op.
		CoopCannotJoinItself,
		/// The account has no pending application in this co-op.
		ApplicationNotFound,
		/// The motion's call no longer decodes (the runtime changed since it was proposed).
		CallUndecodable,
		/// The signer is not the member co-op's delegate.
		NotDelegate,
		/// The delegate may vote on ordinary resolutions only; this is a special one.
		DelegateOrdinaryOnly,
		/// The member co-op voted on this motion through its own motion: only another motion of
		/// the co-op can change that vote.
		VoteCastByCoop,
		/// The last voting member cannot leave or be expelled: the co-op would have nobody left
		/// to decide for it, its treasury and deposit stranded. Dissolve it instead (a special
		/// resolution, which its last voter passes alone).
		LastVoterCannotLeave,
		/// A co-op that is a member of the federation leaves it (by its own motion) before it
		/// dissolves: its vote and validator seat would otherwise stay behind with nobody to act
		/// for them.
		StillInFederation,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			Self::check_bounds();
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
		/// Errors: [`Error::NameTooLong`], any bylaws error ([`Error::NoMemberClasses`],
		/// [`Error::FirstClassMustVote`], …), or the currency's error if the caller cannot pay.
		///
		/// Events: [`Event::CoopCreated`], [`Event::MemberAdmitted`].
		#[pallet::call_index(0)]
		pub fn create_coop(
			origin: OriginFor<T>,
			name: Vec<u8>,
			bylaws: BylawsOf<T>,
		) -> DispatchResult {
			let founder = ensure_signed(origin)?;
			Self::do_create_coop(founder, name, bylaws)
		}

		/// Apply for membership of `coop` in member class `class`.
		///
		/// Origin: signed, or a co-op's motion (its treasury account applies). Only a co-op's
		/// motion may apply to the federation (co-op 0): its members are co-ops. In a co-op with
		/// open admission the share price is paid into the treasury and the applicant is a member
		/// at once. In a co-op that admits by vote the share price and the `ApplicationDeposit` are
		/// held and an admission motion opens; both come back in full if the members refuse, the
		/// motion expires or the co-op dissolves. Applications have their own slots
		/// (`MaxOpenApplications`): they never take the members' motion slots.
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::FederationAdmitsOnlyCoops`],
		/// [`Error::CoopCannotJoinItself`], [`Error::AlreadyMember`],
		/// [`Error::ApplicationPending`], [`Error::UnknownClass`], [`Error::CoopFull`],
		/// [`Error::InvestorCapReached`], [`Error::TooManyApplications`], or the currency's error.
		///
		/// Events: [`Event::MemberAdmitted`], or [`Event::ApplicationSubmitted`] and
		/// [`Event::MotionProposed`].
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::apply_by_vote()
			.max(<T as Config>::WeightInfo::apply_open()))]
		pub fn apply(origin: OriginFor<T>, coop: CoopId, class: ClassIndex) -> DispatchResult {
			let acting_coop = T::CoopAccountOrigin::try_origin(origin.clone()).ok();
			let who = Self::ensure_account(origin)?;
			Self::do_apply(who, acting_coop, coop, class)
		}

		/// Leave `coop`. Membership and votes on open motions end now; the share capital is
		/// redeemable with `redeem_share` once the bylaws' withdrawal notice has passed.
		///
		/// Origin: signed, or a co-op's motion (for a co-op leaving the federation). The roles the
		/// member holds in the co-op end with the membership.
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::NotMember`],
		/// [`Error::LastVoterCannotLeave`].
		///
		/// Events: [`Event::MemberLeft`], and [`Event::RoleRevoked`] for each role held.
		#[pallet::call_index(2)]
		// The benchmark's member holds no role: ending one is one more read and write. It
		// leaves `MaxOpenMotions` motions; each open application is one more motion read,
		// written, and its vote records removed.
		#[pallet::weight(<T as Config>::WeightInfo::leave()
			.saturating_add(T::OnMemberRemoved::on_member_removed_weight())
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(T::DbWeight::get().reads_writes(3, 3)
				.saturating_mul(T::MaxOpenApplications::get().into())))]
		pub fn leave(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_leave(who, coop)
		}

		/// Pay `member` the share capital `coop` owes them, once the notice has passed.
		///
		/// Origin: signed (anyone may redeem on a former member's behalf). If the treasury cannot
		/// pay now, or other redemptions are already waiting, the redemption joins the queue and is
		/// paid in turn by `pay_redemption_queue`.
		///
		/// Errors: [`Error::NoRedemption`], [`Error::RedemptionNotDue`], [`Error::AlreadyQueued`],
		/// [`Error::RedemptionQueueFull`].
		///
		/// Events: [`Event::ShareRedeemed`] or [`Event::RedemptionQueued`].
		#[pallet::call_index(3)]
		pub fn redeem_share(
			origin: OriginFor<T>,
			coop: CoopId,
			member: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_redeem_share(coop, member)
		}

		/// Pay queued redemptions of `coop`, first in first out, while the treasury can.
		///
		/// Origin: signed (anyone). Stops at the first redemption the treasury cannot pay. A
		/// redemption whose notice has not passed (a queued member who rejoined and left again)
		/// keeps its place and is skipped. The queue of a dissolved co-op is still paid.
		///
		/// Errors: [`Error::CoopNotFound`] (no such co-op, and no queue of a dissolved one).
		///
		/// Events: [`Event::ShareRedeemed`] for each one paid.
		#[pallet::call_index(4)]
		#[pallet::weight(<T as Config>::WeightInfo::pay_redemption_queue(T::MaxPendingRedemptions::get()))]
		pub fn pay_redemption_queue(
			origin: OriginFor<T>,
			coop: CoopId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let paid = Self::do_pay_redemption_queue(coop)?;
			Ok(Some(<T as Config>::WeightInfo::pay_redemption_queue(paid)).into())
		}

		/// Propose a motion in `coop`: expel a member, change the bylaws, dispatch a call with the
		/// co-op's origin, or grant or revoke a role.
		///
		/// Origin: a voting member (signed, or a co-op's motion when the member is a co-op). Holds
		/// `MotionDeposit`, returned when the motion closes unless it was spam.
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::NotMember`], [`Error::NotVotingMember`],
		/// [`Error::AdmissionIsByApplication`], [`Error::CallTooLong`],
		/// [`Error::TooManyOpenMotions`], a bylaws error, [`Error::RoleAlreadyHeld`],
		/// [`Error::RoleNotHeld`].
		///
		/// Events: [`Event::MotionProposed`].
		#[pallet::call_index(5)]
		pub fn propose(
			origin: OriginFor<T>,
			coop: CoopId,
			proposal: Box<ProposalOf<T>>,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_propose(who, coop, *proposal)
		}

		/// Vote on an open motion of `coop`, or change your vote. One member, one vote.
		///
		/// Origin: a voting member who joined before the motion opened (signed, or a co-op's motion
		/// when the member is a co-op). A member's first vote on a motion pays no fee (a co-op does
		/// not charge its members to take part in its democracy) where membership costs a share of
		/// at least the existential deposit; changing it pays. Eligibility bounds the free votes:
		/// one per member per motion.
		///
		/// Errors: [`Error::MotionNotFound`], [`Error::VotingEnded`], [`Error::NotMember`],
		/// [`Error::NotVotingMember`], [`Error::JoinedAfterMotionOpened`], [`Error::AlreadyVoted`].
		///
		/// Events: [`Event::Voted`].
		#[pallet::call_index(6)]
		pub fn vote(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			aye: bool,
		) -> DispatchResultWithPostInfo {
			let acting_coop = T::CoopAccountOrigin::try_origin(origin.clone()).ok();
			let voter = Self::ensure_account(origin)?;
			let free = Self::do_vote(voter, coop, motion, aye, acting_coop.is_some())?;
			Ok(if free { Pays::No.into() } else { Pays::Yes.into() })
		}

		/// Close a motion of `coop` and carry it out if it passed.
		///
		/// Origin: signed (anyone). Never before the deliberation time (and an expulsion's defence
		/// window) has passed; before the voting period ends only once every eligible voter has
		/// voted. `call_weight_bound` must cover the weight of a dispatch motion's call (zero for
		/// other motions).
		///
		/// Errors: [`Error::MotionNotFound`], [`Error::TooEarlyToClose`],
		/// [`Error::CallWeightBoundTooLow`].
		///
		/// Events: [`Event::MotionClosed`], then what the motion did ([`Event::MemberAdmitted`],
		/// [`Event::ApplicationRefunded`], [`Event::MemberExpelled`], [`Event::BylawsChanged`],
		/// [`Event::MotionExecuted`], [`Event::RoleGranted`], [`Event::RoleRevoked`],
		/// [`Event::MotionNotExecuted`], [`Event::MotionDepositForfeited`]).
		#[pallet::call_index(7)]
		#[pallet::weight(
			<T as Config>::WeightInfo::close(
				T::MaxMembers::get().saturating_mul(2),
				// An expelled member's votes are taken out of applications too.
				T::MaxOpenMotions::get().saturating_add(T::MaxOpenApplications::get()),
			)
				.saturating_add(*call_weight_bound)
				// An expelled member's roles end: one more read and write; and the hook runs.
				.saturating_add(T::DbWeight::get().reads_writes(1, 1))
				.saturating_add(T::OnMemberRemoved::on_member_removed_weight())
		)]
		pub fn close_motion(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			call_weight_bound: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let weight = Self::do_close_motion(coop, motion, call_weight_bound)?;
			Ok(Some(weight).into())
		}

		/// Answer an expulsion motion: the accused member's statement, recorded in an event.
		///
		/// Origin: the accused member (signed, or the co-op's motion for a member co-op).
		///
		/// Errors: [`Error::MotionNotFound`], [`Error::NotAnExpulsion`], [`Error::NotTheAccused`],
		/// [`Error::StatementTooLong`].
		///
		/// Events: [`Event::DefenceSubmitted`].
		#[pallet::call_index(8)]
		pub fn defend(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			statement: Vec<u8>,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_defend(who, coop, motion, statement)
		}

		/// Name (or, with `None`, revoke) the delegate who casts this co-op's vote in the
		/// motions of the co-ops it is a member of. With `ordinary_only`, the delegate may vote
		/// on ordinary resolutions only.
		///
		/// Origin: the co-op's own motion (ordinary or special); the co-op is the one whose
		/// motion dispatched.
		///
		/// Errors: [`Error::CoopNotFound`].
		///
		/// Events: [`Event::DelegateSet`].
		#[pallet::call_index(10)]
		pub fn set_delegate(
			origin: OriginFor<T>,
			delegate: Option<T::AccountId>,
			ordinary_only: bool,
		) -> DispatchResult {
			let coop = T::CoopAccountOrigin::ensure_origin(origin)?;
			Self::do_set_delegate(coop, delegate, ordinary_only)
		}

		/// Vote on a motion of `coop` for the member co-op `member`, as its delegate: the vote is
		/// its treasury's, and can be changed until the motion closes, unless the co-op voted
		/// through its own motion (which overrides the delegate).
		///
		/// Origin: signed by `member`'s delegate. A first vote is free, as a member's.
		///
		/// Errors: [`Error::NotDelegate`], [`Error::DelegateOrdinaryOnly`],
		/// [`Error::VoteCastByCoop`], and the errors of [`Pallet::vote`].
		///
		/// Events: [`Event::Voted`] (the voter is `member`'s treasury), [`Event::DelegateVoted`].
		#[pallet::call_index(11)]
		pub fn vote_as_delegate(
			origin: OriginFor<T>,
			coop: CoopId,
			motion: MotionIndex,
			member: CoopId,
			aye: bool,
		) -> DispatchResultWithPostInfo {
			let delegate = ensure_signed(origin)?;
			let free = Self::do_vote_as_delegate(delegate, coop, motion, member, aye)?;
			Ok(if free { Pays::No.into() } else { Pays::Yes.into() })
		}

		/// Dissolve `coop`: pending applications are withdrawn (share and deposit back to the
		/// applicants), every member leaves (their share capital is owed to them as redemptions,
		/// due now), roles end, and the storage deposit is returned. The members' own open
		/// motions must be closed first.
		///
		/// Origin: the co-op's own decision (`CoopOrigin`; in coopchain a special resolution, a
		/// `DispatchSpecial` motion). The federation cannot dissolve.
		///
		/// The co-op also leaves every other co-op it is a member of (its share capital there is
		/// owed to its treasury after that co-op's notice, and the membership hooks run); it
		/// cannot if it is the last voter of one (`LastVoterCannotLeave`). Once its members are
		/// paid, `transfer_dissolved_assets` passes what is left on.
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::FederationCannotDissolve`],
		/// [`Error::StillInFederation`], [`Error::CoopHasOpenMotions`],
		/// [`Error::LastVoterCannotLeave`].
		///
		/// Events: [`Event::ApplicationRefunded`] for each pending application,
		/// [`Event::MemberLeft`] for each co-op it leaves, [`Event::CoopDissolved`].
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::dissolve_weight(&members::Dissolved {
			members: T::MaxMembers::get(),
			applications: T::MaxOpenApplications::get(),
			// Votes and the co-op's own votes (`OwnVotes`), on each application.
			votes_cleared: T::MaxOpenApplications::get()
				.saturating_mul(T::MaxMembers::get())
				.saturating_mul(2),
			memberships: T::MaxCoopMemberships::get(),
		}))]
		pub fn dissolve_coop(origin: OriginFor<T>, coop: CoopId) -> DispatchResultWithPostInfo {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			let done = Self::do_dissolve_coop(coop)?;
			Ok(Some(Self::dissolve_weight(&done)).into())
		}

		/// Pass on what is left in a dissolved co-op's treasury, its indivisible assets, to
		/// `DissolvedAssetsTo` (in coopchain the federation's development fund). Only once the
		/// co-op has paid every former member's share capital; what it owes its members besides
		/// (retained patronage, `MemberEquity`) stays for them. May be called again when more
		/// arrives (a redemption from a co-op it left, a raise's seed).
		///
		/// Origin: signed (anyone).
		///
		/// Errors: [`Error::NotDissolved`], [`Error::RedemptionsOutstanding`],
		/// [`Error::NothingToTransfer`], or the currency's error.
		///
		/// Events: [`Event::DissolvedAssetsTransferred`].
		#[pallet::call_index(12)]
		pub fn transfer_dissolved_assets(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_transfer_dissolved_assets(coop)
		}
	}
}
