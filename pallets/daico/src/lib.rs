#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! A raise from its opening to the last refund, as a unit test runs it (`mock::ExtBuilder`
//! sets up co-op 0 with treasury account 1000; its helpers open the raise described in
//! `mock.rs`):
#![doc = docify::embed!("src/tests/stories.rs", a_raise_from_its_opening_to_the_last_refund)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod funding;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
#[cfg(test)]
mod mock;
mod refunds;
mod tap;
#[cfg(test)]
mod tests;
pub mod types;
mod voting;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use coop_primitives::{CoopId, CoopInspect};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::Perbill;

/// The balance type of the currency raised.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Raise parameters, as this runtime stores them.
pub type RaiseParamsOf<T> = RaiseParams<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxMilestones,
>;
/// A raise, as this runtime stores it.
pub type RaiseOf<T> = Raise<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxMilestones,
>;
/// A proposal, with this runtime's balance.
pub type ProposalOf<T> = Proposal<BalanceOf<T>>;
/// A motion, as this runtime stores it.
pub type MotionOf<T> =
	Motion<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency raised; motion deposits are held in it.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Co-ops and their members.
		type Coops: CoopInspect<Self::AccountId>;

		/// Who decides for a co-op (its passed motion).
		type CoopOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// The account acting on the tap: a signer, or (in coopchain) a co-op's motion acting as
		/// its keyless treasury, so that a raise whose beneficiary is a co-op can be drawn.
		type AccountOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// Derives each raise's escrow account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most milestone tranches a raise may have.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The most contributors a raise may have.
		#[pallet::constant]
		type MaxContributors: Get<u32>;

		/// The lowest quorum a raise may set (of heads or capital).
		#[pallet::constant]
		type MinQuorum: Get<Perbill>;

		/// At least this many contributors (or all of them, if fewer) must vote on a motion.
		#[pallet::constant]
		type MinVoters: Get<u32>;

		/// A dissolve motion whose ayes reach this share of the quorum freezes the tap.
		#[pallet::constant]
		type PreQuorum: Get<Perbill>;

		/// One motion may raise the tap by at most this share of the current rate.
		#[pallet::constant]
		type MaxTapIncrease: Get<Perbill>;

		/// The shortest voting period a raise may set.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period a raise may set.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Held from the co-op's treasury for each raise it opens, returned when the settled
		/// raise is pruned (`prune_raise`): a raise leaves no state behind for good.
		#[pallet::constant]
		type RaiseDeposit: Get<BalanceOf<Self>>;

		/// Held from a contributor who opens a motion; returned when it closes having reached
		/// the quorum, else paid to the raising co-op's treasury (a motion nobody turned out
		/// for is spam).
		#[pallet::constant]
		type ProposalDeposit: Get<BalanceOf<Self>>;

		/// After a motion of a kind closes without passing, no motion of that kind may open on
		/// the raise for this many blocks: re-proposing cannot keep the tap frozen or a kind
		/// blocked.
		#[pallet::constant]
		type ProposalCooldown: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up the co-ops and members the benchmarks need.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: coop_primitives::BenchmarkCoops<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an open motion, held from its proposer.
		ProposalDeposit,
		/// The deposit of a raise, held from its co-op's treasury until it is pruned.
		RaiseDeposit,
	}

	/// The number the next raise will get.
	#[pallet::storage]
	pub type NextRaiseId<T> = StorageValue<_, RaiseId, ValueQuery>;

	/// The raises.
	// Twox64Concat: raise ids are chosen by the chain, in sequence, so no one can craft keys.
	#[pallet::storage]
	pub type Raises<T: Config> = StorageMap<_, Twox64Concat, RaiseId, RaiseOf<T>>;

	/// Contributions, by raise and contributor.
	// Twox64Concat for the chain's raise ids; Blake2_128Concat for user-chosen account ids.
	#[pallet::storage]
	pub type Contributions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RaiseId,
		Blake2_128Concat,
		T::AccountId,
		Contribution<BalanceOf<T>>,
	>;

	/// Open motions, at most one of each kind per raise.
	// Twox64Concat for both: the chain's raise ids and one of three kinds. (The prefix keeps
	// the item's old name, so its keys do not change.)
	#[pallet::storage]
	#[pallet::storage_prefix = "Proposals"]
	pub type Motions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RaiseId, Twox64Concat, ProposalKind, MotionOf<T>>;

	/// The deposit each raise's co-op holds until the raise is pruned (none for raises opened
	/// before deposits existed).
	#[pallet::storage]
	pub type RaiseDeposits<T: Config> = StorageMap<_, Twox64Concat, RaiseId, BalanceOf<T>>;

	/// The deposit each open motion's proposer holds (none for motions opened before
	/// deposits existed).
	// Twox64Concat, as for `Motions`.
	#[pallet::storage]
	pub type MotionDeposits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RaiseId, Twox64Concat, ProposalKind, BalanceOf<T>>;

	/// After a motion closed without passing: the first block at which a motion of its kind
	/// may open again on the raise.
	// Twox64Concat, as for `Motions`.
	#[pallet::storage]
	pub type CoolingDown<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RaiseId, Twox64Concat, ProposalKind, BlockNumberFor<T>>;

	/// Votes on open motions: `true` is aye.
	// Twox64Concat for the chain's motion keys; Blake2_128Concat for user-chosen account ids.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(RaiseId, ProposalKind),
		Blake2_128Concat,
		T::AccountId,
		bool,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op opened a raise.
		RaiseCreated {
			/// The raise.
			raise: RaiseId,
			/// The co-op.
			coop: CoopId,
			/// Its escrow account.
			escrow: T::AccountId,
		},
		/// Someone contributed (the amount may have been cut at the hard cap).
		Contributed {
			/// The raise.
			raise: RaiseId,
			/// The contributor.
			who: T::AccountId,
			/// The amount accepted.
			amount: BalanceOf<T>,
			/// Raised in all so far.
			raised: BalanceOf<T>,
		},
		/// The window closed at or above the soft cap: the tap is open.
		RaiseSucceeded {
			/// The raise.
			raise: RaiseId,
			/// Raised in all.
			raised: BalanceOf<T>,
		},
		/// The window closed below the soft cap: every contribution is refundable in full.
		RaiseFailed {
			/// The raise.
			raise: RaiseId,
			/// Raised in all.
			raised: BalanceOf<T>,
		},
		/// The beneficiary drew on the tap.
		TapDrawn {
			/// The raise.
			raise: RaiseId,
			/// The amount paid.
			amount: BalanceOf<T>,
		},
		/// The tap rate changed.
		TapRateChanged {
			/// The raise.
			raise: RaiseId,
			/// The new rate, per block.
			rate: BalanceOf<T>,
		},
		/// A dissolve motion reached the pre-quorum: the tap is frozen until it closes.
		TapFrozen {
			/// The raise.
			raise: RaiseId,
		},
		/// The dissolve motion closed without dissolving: the tap runs again.
		TapThawed {
			/// The raise.
			raise: RaiseId,
		},
		/// A contributor opened a motion.
		MotionOpened {
			/// The raise.
			raise: RaiseId,
			/// What it proposes.
			proposal: ProposalOf<T>,
			/// Who opened it.
			proposer: T::AccountId,
			/// When voting ends.
			ends: BlockNumberFor<T>,
		},
		/// A contributor voted (or changed their vote).
		Voted {
			/// The raise.
			raise: RaiseId,
			/// The motion's kind.
			kind: ProposalKind,
			/// The voter.
			who: T::AccountId,
			/// For or against.
			aye: bool,
		},
		/// A motion closed.
		MotionClosed {
			/// The raise.
			raise: RaiseId,
			/// The motion's kind.
			kind: ProposalKind,
			/// Whether it passed (and was carried out).
			passed: bool,
			/// Contributors for and against.
			heads: coop_primitives::Tally<u32>,
			/// Capital for and against.
			capital: coop_primitives::Tally<BalanceOf<T>>,
		},
		/// A milestone tranche was paid to the beneficiary.
		MilestoneUnlocked {
			/// The raise.
			raise: RaiseId,
			/// Which tranche (0 is the first).
			index: u32,
			/// Its amount.
			amount: BalanceOf<T>,
		},
		/// Contributors dissolved the raise: the tap stopped, the escrow is refundable pro rata.
		RaiseDissolved {
			/// The raise.
			raise: RaiseId,
			/// What is refundable in all.
			refund_pool: BalanceOf<T>,
		},
		/// A contributor was refunded.
		Refunded {
			/// The raise.
			raise: RaiseId,
			/// The contributor.
			who: T::AccountId,
			/// The amount paid, including any rounding remainder.
			amount: BalanceOf<T>,
		},
		/// The last contributor to claim received the rounding remainder of the pro-rata split.
		RoundingRemainderPaid {
			/// The raise.
			raise: RaiseId,
			/// The contributor.
			who: T::AccountId,
			/// The remainder (fewer units than there are contributors).
			amount: BalanceOf<T>,
		},
		/// Every refund is paid: the escrow's seed, with anything else left in it (donations,
		/// refunds nobody could receive), went back to the co-op treasury.
		SeedReturned {
			/// The raise.
			raise: RaiseId,
			/// The seed and what was left with it.
			amount: BalanceOf<T>,
		},
		/// A settled raise was removed from storage; its deposit (and anything left in its
		/// escrow) went back to the co-op's treasury.
		RaisePruned {
			/// The raise.
			raise: RaiseId,
		},
		/// A motion closed without reaching the quorum: its proposer's deposit went to the
		/// raising co-op's treasury.
		MotionDepositForfeited {
			/// The raise.
			raise: RaiseId,
			/// The motion's kind.
			kind: ProposalKind,
			/// The deposit.
			amount: BalanceOf<T>,
		},
		/// A motion passed but could not be carried out (a milestone tranche the escrow could
		/// not pay): nothing changed, and the motion is closed.
		MotionNotCarriedOut {
			/// The raise.
			raise: RaiseId,
			/// The motion's kind.
			kind: ProposalKind,
			/// Why.
			error: DispatchError,
		},
		/// A refund below the existential deposit could not be paid to the contributor's
		/// (reaped) account: it stays in the escrow and goes to the last contributor to claim
		/// as part of the remainder, or, if that is this one, back to the co-op with the seed.
		RefundBelowMinimum {
			/// The raise.
			raise: RaiseId,
			/// The contributor.
			who: T::AccountId,
			/// The refund not paid.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no co-op with this number.
		CoopNotFound,
		/// There is no raise with this number.
		RaiseNotFound,
		/// The soft cap must be positive and at most the hard cap.
		InvalidCaps,
		/// The window must end after it starts, and not start in the past.
		InvalidWindow,
		/// The minimum contribution must be at least the existential deposit and the hard cap
		/// shared among `MaxContributors` (rounded up), and at most the maximum contribution.
		InvalidContributionBounds,
		/// A raise that counts heads (`HeadCount`, `DoubleMajority`) must be members-only, in a
		/// co-op that admits members by vote: elsewhere anyone can make as many heads as they
		/// like.
		HeadCountNeedsAdmittedMembers,
		/// In a raise that counts heads, only contributors who are still members of the co-op
		/// vote.
		NoLongerMember,
		/// The tap rate must be positive and at most the tap ceiling.
		InvalidTapRate,
		/// The quorum is below the runtime's `MinQuorum`.
		QuorumTooLow,
		/// The approval (share of the votes cast that must be aye) must be at least 50 %.
		ApprovalBelowMajority,
		/// The voting period is outside `MinVotingPeriod..=MaxVotingPeriod`.
		VotingPeriodOutOfBounds,
		/// Milestone tranches must each be at least the existential deposit, and add up to at
		/// most the soft cap.
		InvalidMilestones,
		/// The contribution window is not open.
		WindowClosed,
		/// Only members of the co-op may contribute to this raise.
		NotCoopMember,
		/// A contribution must be at least the raise's minimum.
		BelowMinContribution,
		/// Your contributions would pass the raise's per-account maximum.
		AboveMaxContribution,
		/// The hard cap is reached.
		HardCapReached,
		/// The raise has `MaxContributors` contributors already.
		TooManyContributors,
		/// The window has not ended yet, or the raise is already finalised.
		CannotFinalize,
		/// The raise is not active (still funding, failed, dissolved, or drawn to the last unit).
		NotActive,
		/// Only the beneficiary may do this.
		NotBeneficiary,
		/// A dissolve motion has frozen the tap until it closes.
		TapFrozen,
		/// Nothing has accrued since the last draw, or the tap's share of the escrow is used
		/// up.
		NothingToDraw,
		/// The beneficiary may only lower the tap, to a positive rate.
		NotALowerRate,
		/// Only contributors may do this.
		NotContributor,
		/// A motion of this kind is already open; vote on it, or wait until it closes.
		MotionAlreadyOpen,
		/// There is no open motion of this kind.
		MotionNotFound,
		/// The new rate must be above the current one, within `MaxTapIncrease` and the ceiling.
		InvalidTapRaise,
		/// All milestone tranches are paid out.
		NoMilestoneLeft,
		/// The motion's voting period has ended.
		VotingEnded,
		/// The motion's voting period has not ended.
		VotingNotEnded,
		/// You already voted this way.
		AlreadyVoted,
		/// The raise is not settled: it is still funding, its tap and tranches are not all
		/// drawn, or a refund is still unclaimed.
		RaiseNotSettled,
		/// A motion of the raise is still open: close it first.
		MotionStillOpen,
		/// A motion of this kind closed without passing lately: wait `ProposalCooldown` blocks
		/// after it before opening another.
		ProposalCoolingDown,
		/// Refunds are only paid by failed or dissolved raises.
		NotRefundable,
		/// This contribution has been refunded already.
		AlreadyRefunded,
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
		/// Open a raise for `coop`.
		///
		/// Origin: the co-op's own motion ([`Config::CoopOrigin`]). The co-op's treasury seeds
		/// the escrow with the existential deposit, and holds `RaiseDeposit` until the settled
		/// raise is pruned.
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::InvalidCaps`], [`Error::InvalidWindow`],
		/// [`Error::InvalidContributionBounds`], [`Error::InvalidTapRate`],
		/// [`Error::HeadCountNeedsAdmittedMembers`], [`Error::QuorumTooLow`],
		/// [`Error::ApprovalBelowMajority`], [`Error::VotingPeriodOutOfBounds`],
		/// [`Error::InvalidMilestones`], the currency's
		/// error if the treasury cannot seed, `ArithmeticError::Overflow` if raise numbers
		/// run out.
		///
		/// Events: [`Event::RaiseCreated`].
		#[pallet::call_index(0)]
		pub fn create_raise(
			origin: OriginFor<T>,
			coop: CoopId,
			params: RaiseParamsOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			Self::do_create_raise(coop, params)
		}

		/// Contribute `amount` to a raise during its window. The amount moves into the raise's
		/// escrow; it is cut to what is left under the hard cap.
		///
		/// Origin: signed.
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::WindowClosed`], [`Error::NotCoopMember`],
		/// [`Error::HardCapReached`], [`Error::BelowMinContribution`],
		/// [`Error::AboveMaxContribution`], [`Error::TooManyContributors`], the currency's
		/// error, `ArithmeticError::Overflow` if the account's total does not fit a balance.
		///
		/// Events: [`Event::Contributed`].
		#[pallet::call_index(1)]
		pub fn contribute(
			origin: OriginFor<T>,
			raise: RaiseId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_contribute(who, raise, amount)
		}

		/// End the funding phase once the window has closed: active at or above the soft cap,
		/// failed below it.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::CannotFinalize`].
		///
		/// Events: [`Event::RaiseSucceeded`] or [`Event::RaiseFailed`] (and
		/// [`Event::SeedReturned`] if nobody contributed).
		#[pallet::call_index(2)]
		pub fn finalize(origin: OriginFor<T>, raise: RaiseId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_finalize(raise)
		}

		/// Draw on the tap: `tap_rate × blocks` since the last draw (plus what accrued at
		/// earlier rates), never more than the tap's share of the escrow.
		///
		/// Origin: the beneficiary ([`Config::AccountOrigin`]: signed, or a co-op's motion when
		/// the beneficiary is the co-op's treasury).
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::NotActive`], [`Error::NotBeneficiary`],
		/// [`Error::TapFrozen`], [`Error::NothingToDraw`].
		///
		/// Events: [`Event::TapDrawn`].
		#[pallet::call_index(3)]
		pub fn draw_tap(origin: OriginFor<T>, raise: RaiseId) -> DispatchResult {
			let who = T::AccountOrigin::ensure_origin(origin)?;
			Self::do_draw_tap(who, raise)
		}

		/// Lower the tap rate at once. What accrued at the old rate stays drawable.
		///
		/// Origin: the beneficiary ([`Config::AccountOrigin`], as for `draw_tap`).
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::NotBeneficiary`], [`Error::NotActive`],
		/// [`Error::NotALowerRate`].
		///
		/// Events: [`Event::TapRateChanged`].
		#[pallet::call_index(4)]
		pub fn lower_tap(
			origin: OriginFor<T>,
			raise: RaiseId,
			new_rate: BalanceOf<T>,
		) -> DispatchResult {
			let who = T::AccountOrigin::ensure_origin(origin)?;
			Self::do_lower_tap(who, raise, new_rate)
		}

		/// Open a motion of the contributors on `proposal`: raise the tap, unlock the next
		/// milestone, or dissolve. One motion of each kind may be open at a time.
		///
		/// Origin: a contributor of the raise.
		///
		/// Holds `ProposalDeposit` from the proposer until the motion closes: returned if it
		/// reached the quorum, else paid to the raising co-op's treasury. After a motion closes
		/// without passing, its kind cools down for `ProposalCooldown` blocks.
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::NotActive`], [`Error::NotContributor`],
		/// [`Error::MotionAlreadyOpen`], [`Error::ProposalCoolingDown`],
		/// [`Error::InvalidTapRaise`], [`Error::NoMilestoneLeft`], or the currency's error if
		/// the deposit cannot be held.
		///
		/// Events: [`Event::MotionOpened`].
		#[pallet::call_index(5)]

		pub fn propose(
			origin: OriginFor<T>,
			raise: RaiseId,
			proposal: ProposalOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose(who, raise, proposal)
		}

		/// Vote on an open motion, or change your vote. Your vote counts once as a head and
		/// with your contribution as capital; the raise's voting mode decides which count.
		///
		/// Origin: a contributor of the raise.
		///
		/// In a raise that counts heads, only contributors who are still members of the co-op
		/// vote: heads are counted by membership at the time of the vote.
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::MotionNotFound`], [`Error::VotingEnded`],
		/// [`Error::NotContributor`], [`Error::NoLongerMember`], [`Error::AlreadyVoted`].
		///
		/// Events: [`Event::Voted`], and [`Event::TapFrozen`] when a dissolve motion reaches
		/// the pre-quorum.
		#[pallet::call_index(6)]
		// Two more reads than the benchmark's raise: whether the co-op exists and the voter's
		// membership, where heads count.
		#[pallet::weight(<T as Config>::WeightInfo::vote()
			.saturating_add(T::DbWeight::get().reads(2)))]
		pub fn vote(
			origin: OriginFor<T>,
			raise: RaiseId,
			kind: ProposalKind,
			aye: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(who, raise, kind, aye)
		}

		/// Close a motion after its voting period and carry out its proposal if it passed. A
		/// milestone motion waits while a dissolve motion has frozen the tap: no tranche leaves
		/// the escrow the contributors are voting to recover.
		///
		/// Origin: signed (anyone).
		///
		/// A passed motion that cannot be carried out (a tranche the escrow cannot pay) still
		/// closes, changing nothing. The deposit comes back if the motion reached the quorum.
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::MotionNotFound`],
		/// [`Error::VotingNotEnded`], [`Error::TapFrozen`] (a milestone motion during a freeze).
		///
		/// Events: [`Event::MotionClosed`], maybe [`Event::MotionDepositForfeited`], then
		/// [`Event::TapRateChanged`], [`Event::MilestoneUnlocked`], [`Event::RaiseDissolved`],
		/// [`Event::MotionNotCarriedOut`] or [`Event::TapThawed`].
		#[pallet::call_index(7)]
		// The benchmark's motion passes and its deposit is released: one that fails also pays
		// the deposit to the treasury (one more account) and writes the cooldown.
		#[pallet::weight(<T as Config>::WeightInfo::close_motion(T::MaxContributors::get())
			.saturating_add(T::DbWeight::get().reads_writes(1, 2)))]
		pub fn close_motion(
			origin: OriginFor<T>,
			raise: RaiseId,
			kind: ProposalKind,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let votes_cleared = Self::do_close_motion(raise, kind)?;
			Ok(Some(
				<T as Config>::WeightInfo::close_motion(votes_cleared)
					.saturating_add(T::DbWeight::get().reads_writes(1, 2)),
			)
			.into())
		}

		/// Refund `contributor` of a failed raise in full, or of a dissolved raise pro rata.
		/// The last contributor to claim also receives the rounding remainder.
		///
		/// Origin: signed (anyone may claim on a contributor's behalf; the refund goes to them).
		///
		/// A refund below the existential deposit that the contributor's reaped account cannot
		/// receive is not paid: it stays in the escrow for the last claimant (or goes back to
		/// the co-op with the seed), so that no dust stops the last refund.
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::NotRefundable`], [`Error::NotContributor`],
		/// [`Error::AlreadyRefunded`], or the currency's error.
		///
		/// Events: [`Event::Refunded`] or [`Event::RefundBelowMinimum`], maybe
		/// [`Event::RoundingRemainderPaid`] and [`Event::SeedReturned`].
		#[pallet::call_index(8)]
		pub fn claim_refund(
			origin: OriginFor<T>,
			raise: RaiseId,
			contributor: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_refund(raise, contributor)
		}

		/// Remove a settled raise from storage: an active raise whose tap and tranches are all
		/// drawn, or a failed or dissolved raise whose every refund is claimed, with no motion
		/// open. What is left in its escrow (the seed, donations) and its deposit go back to
		/// the co-op's treasury.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: [`Error::RaiseNotFound`], [`Error::RaiseNotSettled`],
		/// [`Error::MotionStillOpen`], or the currency's error.
		///
		/// Events: maybe [`Event::SeedReturned`], [`Event::RaisePruned`].
		#[pallet::call_index(9)]
		#[pallet::weight(<T as Config>::WeightInfo::prune_raise(T::MaxContributors::get()))]
		pub fn prune_raise(origin: OriginFor<T>, raise: RaiseId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let removed = Self::do_prune_raise(raise)?;
			Ok(Some(<T as Config>::WeightInfo::prune_raise(removed)).into())
		}
	}
}
