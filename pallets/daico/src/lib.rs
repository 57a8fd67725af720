//! # DAICO
//!
//! Fundraising for co-ops the way Vitalik Buterin's 2018 DAICO proposal describes it, with the
//! failures of real DAICOs designed out.
//!
//! ## Overview
//!
//! A co-op opens a **raise** by its own motion (`create_raise`). Contributions move into the
//! raise's keyless **escrow** account and never sit with the team. When the window ends
//! (`finalize`), a raise below its **soft cap** has **failed** and every contributor reclaims
//! their contribution in full; at or above it the raise is **active** and the **tap** opens: the
//! beneficiary may `withdraw` `tap_rate × blocks` since the last withdrawal, never more than the
//! tap's share of the escrow. Milestone tranches are paid out one by one when contributors vote
//! to unlock them.
//!
//! The beneficiary may lower the tap at once (`lower_tap`). Only contributors can raise it, by
//! vote, at most by the runtime's `MaxTapIncrease` per proposal and never above the raise's
//! ceiling. Contributors may also vote to **dissolve**: the tap stops and what remains in escrow
//! is refunded pro rata to contribution, pull-based and O(1) per contributor (`claim_refund`).
//!
//! ## What real DAICOs got wrong, and what this pallet does
//!
//! - *Whale capture*: the co-op may count one contributor one vote (`HeadCount`, the default for
//!   co-ops), capital (`Capital`, the classic DAICO), or require both (`DoubleMajority`).
//! - *Eight-voter polls*: the quorum is at least the runtime's `MinQuorum` (of heads or of
//!   capital) and at least `MinVoters` contributors must vote, whatever the mode.
//! - *Vote buying*: contributions are not transferable, and nobody can contribute after the
//!   window, so no one buys their way into a vote.
//! - *Draining during a refund vote*: a dissolve proposal whose ayes reach the pre-quorum
//!   (`PreQuorum` of the quorum) freezes the tap until it closes.
//! - *Refund bugs that paid the team*: refunds come only from a raise's own escrow, are computed
//!   from each contribution with exact integer arithmetic, and the rounding remainder goes to
//!   the last contributor to claim: never to the beneficiary, never stuck.
//! - *Reaped escrow*: the co-op seeds each escrow with the existential deposit, so payouts never
//!   leave dust to be burned; the seed goes back to the co-op once every refund is paid.
//!
//! A contribution that would pass the hard cap is **cut** to what is left under the cap (the
//! contributor pays only that); once the cap is reached, further contributions fail.

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

use coop_primitives::{CoopId, CoopInspect};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, Saturating, Zero},
	Perbill, Rounding, SaturatedConversion,
};

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
/// A proposal, as this runtime stores it.
pub type ProposalOf<T> =
	Proposal<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Sets up what the benchmarks need outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A co-op that exists and admits members at once.
	fn coop() -> CoopId;
	/// Makes `who` a member of `coop` (for members-only raises).
	fn add_member(coop: CoopId, who: &AccountId);
}

/// What contributors may propose.
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
pub enum Action<Balance> {
	/// Raise the tap to `new_rate`.
	RaiseTap {
		/// The proposed rate, per block.
		new_rate: Balance,
	},
	/// Pay out the next milestone tranche to the beneficiary.
	UnlockMilestone,
	/// Stop the tap and refund the escrow pro rata.
	Dissolve,
}

impl<Balance> Action<Balance> {
	/// The kind of proposal (one may be open per kind).
	pub fn kind(&self) -> ProposalKind {
		match self {
			Action::RaiseTap { .. } => ProposalKind::RaiseTap,
			Action::UnlockMilestone => ProposalKind::UnlockMilestone,
			Action::Dissolve => ProposalKind::Dissolve,
		}
	}
}

/// One account's contribution to a raise.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Contribution<Balance> {
	/// How much they put in.
	pub amount: Balance,
	/// Whether they have been refunded.
	pub refunded: bool,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The currency raised.
		type Currency: Inspect<Self::AccountId> + Mutate<Self::AccountId>;

		/// Co-ops and their members.
		type Coops: CoopInspect<Self::AccountId>;

		/// Who decides for a co-op (its passed motion).
		type CoopOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

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

		/// At least this many contributors (or all of them, if fewer) must vote on a proposal.
		#[pallet::constant]
		type MinVoters: Get<u32>;

		/// A dissolve proposal whose ayes reach this share of the quorum freezes the tap.
		#[pallet::constant]
		type PreQuorum: Get<Perbill>;

		/// One proposal may raise the tap by at most this share of the current rate.
		#[pallet::constant]
		type MaxTapIncrease: Get<Perbill>;

		/// The shortest voting period a raise may set.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period a raise may set.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need outside this pallet.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The number the next raise will get.
	#[pallet::storage]
	pub type NextRaiseId<T> = StorageValue<_, RaiseId, ValueQuery>;

	/// The raises. Ids are chosen by the chain, hence `Twox64Concat`.
	#[pallet::storage]
	pub type Raises<T: Config> = StorageMap<_, Twox64Concat, RaiseId, RaiseOf<T>>;

	/// Contributions. Account ids are user-chosen, hence `Blake2_128Concat`.
	#[pallet::storage]
	pub type Contributions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		RaiseId,
		Blake2_128Concat,
		T::AccountId,
		Contribution<BalanceOf<T>>,
	>;

	/// Open proposals, at most one of each kind per raise.
	#[pallet::storage]
	pub type Proposals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RaiseId, Twox64Concat, ProposalKind, ProposalOf<T>>;

	/// Votes on open proposals: `true` is aye.
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
		TapWithdrawn {
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
		/// A dissolve proposal reached the pre-quorum: the tap is frozen until it closes.
		TapFrozen {
			/// The raise.
			raise: RaiseId,
		},
		/// The dissolve proposal closed without dissolving: the tap runs again.
		TapThawed {
			/// The raise.
			raise: RaiseId,
		},
		/// A contributor opened a proposal.
		ProposalOpened {
			/// The raise.
			raise: RaiseId,
			/// What it asks.
			action: Action<BalanceOf<T>>,
			/// Who opened it.
			proposer: T::AccountId,
			/// When voting ends.
			ends: BlockNumberFor<T>,
		},
		/// A contributor voted (or changed their vote).
		Voted {
			/// The raise.
			raise: RaiseId,
			/// The proposal.
			kind: ProposalKind,
			/// The voter.
			who: T::AccountId,
			/// For or against.
			aye: bool,
		},
		/// A proposal closed.
		ProposalClosed {
			/// The raise.
			raise: RaiseId,
			/// The proposal.
			kind: ProposalKind,
			/// Whether it passed (and was carried out).
			passed: bool,
			/// Contributors for.
			ayes: u32,
			/// Contributors against.
			nays: u32,
			/// Capital for.
			aye_capital: BalanceOf<T>,
			/// Capital against.
			nay_capital: BalanceOf<T>,
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
		/// Every refund is paid: the escrow's seed went back to the co-op treasury.
		SeedReturned {
			/// The raise.
			raise: RaiseId,
			/// The seed.
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
		/// The minimum contribution must be at least the existential deposit and at most the
		/// maximum contribution.
		InvalidContributionBounds,
		/// The tap rate must be positive and at most the tap ceiling.
		InvalidTapRate,
		/// The quorum is below the runtime's `MinQuorum`.
		QuorumTooLow,
		/// The threshold must be at least 50 %.
		ThresholdBelowMajority,
		/// The voting period is outside `MinVotingPeriod..=MaxVotingPeriod`.
		VotingPeriodOutOfBounds,
		/// Milestone tranches must be positive and add up to at most the soft cap.
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
		/// The raise is not active.
		NotActive,
		/// Only the beneficiary may do this.
		NotBeneficiary,
		/// A dissolve proposal has frozen the tap until it closes.
		TapFrozen,
		/// Nothing has accrued, or the tap's share of the escrow is used up.
		NothingToWithdraw,
		/// The beneficiary may only lower the tap, to a positive rate.
		NotALowerRate,
		/// Only contributors may do this.
		NotContributor,
		/// A proposal of this kind is already open.
		ProposalAlreadyOpen,
		/// There is no open proposal of this kind.
		ProposalNotFound,
		/// The new rate must be above the current one, within `MaxTapIncrease` and the ceiling.
		InvalidTapRaise,
		/// All milestone tranches are paid out.
		NoMilestoneLeft,
		/// The proposal's voting period has ended.
		VotingEnded,
		/// The proposal's voting period has not ended.
		VotingNotEnded,
		/// You already voted this way.
		AlreadyVoted,
		/// Refunds are only paid by failed or dissolved raises.
		NotRefundable,
		/// This contribution has been refunded already.
		AlreadyRefunded,
		/// An arithmetic overflow; the amounts are beyond what the chain can hold.
		Overflow,
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
		/// Origin: the co-op's own motion (`CoopOrigin`). The co-op's treasury seeds the escrow
		/// with the existential deposit.
		///
		/// Errors: `CoopNotFound`, `InvalidCaps`, `InvalidWindow`, `InvalidContributionBounds`,
		/// `InvalidTapRate`, `QuorumTooLow`, `ThresholdBelowMajority`, `VotingPeriodOutOfBounds`,
		/// `InvalidMilestones`, or the currency's error if the treasury cannot seed.
		///
		/// Events: `RaiseCreated`.
		#[pallet::call_index(0)]
		pub fn create_raise(
			origin: OriginFor<T>,
			coop: CoopId,
			params: RaiseParamsOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			ensure!(T::Coops::coop_exists(coop), Error::<T>::CoopNotFound);
			Self::validate(&params)?;
			let raise = NextRaiseId::<T>::get();
			let next = raise.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let escrow = Self::escrow(raise);
			let seed = T::Currency::minimum_balance();
			T::Currency::transfer(
				&T::Coops::treasury_account(coop),
				&escrow,
				seed,
				Preservation::Preserve,
			)?;
			let tap_rate = params.tap_rate;
			Raises::<T>::insert(
				raise,
				RaiseOf::<T> {
					coop,
					params,
					state: RaiseState::Funding,
					seed,
					raised: Zero::zero(),
					contributors: 0,
					tap_rate,
					tap_checkpoint: Zero::zero(),
					tap_banked: Zero::zero(),
					frozen: false,
					tapped: Zero::zero(),
					milestones_unlocked: 0,
					milestones_paid: Zero::zero(),
					refund_pool: Zero::zero(),
					refunded: Zero::zero(),
					refunds_claimed: 0,
				},
			);
			NextRaiseId::<T>::put(next);
			Self::deposit_event(Event::RaiseCreated { raise, coop, escrow });
			Ok(())
		}

		/// Contribute `amount` to a raise during its window. The amount moves into the raise's
		/// escrow; it is cut to what is left under the hard cap.
		///
		/// Origin: signed.
		///
		/// Errors: `RaiseNotFound`, `WindowClosed`, `NotCoopMember`, `HardCapReached`,
		/// `BelowMinContribution`, `AboveMaxContribution`, `TooManyContributors`, or the
		/// currency's error.
		///
		/// Events: `Contributed`.
		#[pallet::call_index(1)]
		pub fn contribute(
			origin: OriginFor<T>,
			raise: RaiseId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				r.state == RaiseState::Funding && now >= r.params.start && now <= r.params.end,
				Error::<T>::WindowClosed
			);
			if r.params.contributors == Contributors::MembersOnly {
				ensure!(T::Coops::is_member(r.coop, &who), Error::<T>::NotCoopMember);
			}
			let room = r.params.hard_cap.saturating_sub(r.raised);
			ensure!(!room.is_zero(), Error::<T>::HardCapReached);
			let amount = amount.min(room);
			// A contribution cut by the hard cap may be below the minimum: it fills the cap.
			ensure!(
				amount >= r.params.min_contribution || amount == room,
				Error::<T>::BelowMinContribution
			);
			let previous = Contributions::<T>::get(raise, &who);
			let total = previous
				.as_ref()
				.map_or(Zero::zero(), |c| c.amount)
				.checked_add(&amount)
				.ok_or(Error::<T>::Overflow)?;
			ensure!(total <= r.params.max_contribution, Error::<T>::AboveMaxContribution);
			if previous.is_none() {
				ensure!(
					r.contributors < T::MaxContributors::get(),
					Error::<T>::TooManyContributors
				);
				r.contributors.saturating_inc();
			}
			T::Currency::transfer(&who, &Self::escrow(raise), amount, Preservation::Preserve)?;
			r.raised = r.raised.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			Contributions::<T>::insert(
				raise,
				&who,
				Contribution { amount: total, refunded: false },
			);
			let raised = r.raised;
			Raises::<T>::insert(raise, r);
			Self::deposit_event(Event::Contributed { raise, who, amount, raised });
			Ok(())
		}

		/// End the funding phase once the window has closed: active at or above the soft cap,
		/// failed below it.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: `RaiseNotFound`, `CannotFinalize`.
		///
		/// Events: `RaiseSucceeded` or `RaiseFailed` (and `SeedReturned` if nobody contributed).
		#[pallet::call_index(2)]
		pub fn finalize(origin: OriginFor<T>, raise: RaiseId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				r.state == RaiseState::Funding && now > r.params.end,
				Error::<T>::CannotFinalize
			);
			if r.raised >= r.params.soft_cap {
				r.state = RaiseState::Active;
				r.tap_checkpoint = now;
				Self::deposit_event(Event::RaiseSucceeded { raise, raised: r.raised });
			} else {
				r.state = RaiseState::Failed;
				r.refund_pool = r.raised;
				Self::deposit_event(Event::RaiseFailed { raise, raised: r.raised });
				if r.contributors == 0 {
					Self::return_seed(raise, &mut r)?;
				}
			}
			Raises::<T>::insert(raise, r);
			Ok(())
		}

		/// Draw on the tap: `tap_rate × blocks` since the last withdrawal (plus what accrued at
		/// earlier rates), never more than the tap's share of the escrow.
		///
		/// Origin: the beneficiary.
		///
		/// Errors: `RaiseNotFound`, `NotActive`, `NotBeneficiary`, `TapFrozen`,
		/// `NothingToWithdraw`.
		///
		/// Events: `TapWithdrawn`.
		#[pallet::call_index(3)]
		pub fn withdraw(origin: OriginFor<T>, raise: RaiseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			ensure!(r.state == RaiseState::Active, Error::<T>::NotActive);
			ensure!(who == r.params.beneficiary, Error::<T>::NotBeneficiary);
			ensure!(!r.frozen, Error::<T>::TapFrozen);
			let now = frame_system::Pallet::<T>::block_number();
			let accrued = Self::accrued(&r, now);
			let amount = accrued.min(Self::tap_available(&r));
			ensure!(!amount.is_zero(), Error::<T>::NothingToWithdraw);
			T::Currency::transfer(&Self::escrow(raise), &who, amount, Preservation::Preserve)?;
			r.tapped = r.tapped.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			r.tap_banked = Zero::zero();
			r.tap_checkpoint = now;
			Raises::<T>::insert(raise, r);
			Self::deposit_event(Event::TapWithdrawn { raise, amount });
			Ok(())
		}

		/// Lower the tap rate at once. What accrued at the old rate stays withdrawable.
		///
		/// Origin: the beneficiary.
		///
		/// Errors: `RaiseNotFound`, `NotBeneficiary`, `NotActive`, `NotALowerRate`.
		///
		/// Events: `TapRateChanged`.
		#[pallet::call_index(4)]
		pub fn lower_tap(
			origin: OriginFor<T>,
			raise: RaiseId,
			new_rate: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			ensure!(who == r.params.beneficiary, Error::<T>::NotBeneficiary);
			ensure!(r.state == RaiseState::Active, Error::<T>::NotActive);
			ensure!(!new_rate.is_zero() && new_rate < r.tap_rate, Error::<T>::NotALowerRate);
			Self::set_rate(&mut r, new_rate);
			Raises::<T>::insert(raise, r);
			Self::deposit_event(Event::TapRateChanged { raise, rate: new_rate });
			Ok(())
		}

		/// Open a proposal to the contributors: raise the tap, unlock the next milestone, or
		/// dissolve. One proposal of each kind may be open at a time.
		///
		/// Origin: a contributor of the raise.
		///
		/// Errors: `RaiseNotFound`, `NotActive`, `NotContributor`, `ProposalAlreadyOpen`,
		/// `InvalidTapRaise`, `NoMilestoneLeft`.
		///
		/// Events: `ProposalOpened`.
		#[pallet::call_index(5)]
		pub fn propose(
			origin: OriginFor<T>,
			raise: RaiseId,
			action: Action<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			ensure!(r.state == RaiseState::Active, Error::<T>::NotActive);
			ensure!(Contributions::<T>::contains_key(raise, &who), Error::<T>::NotContributor);
			let kind = action.kind();
			ensure!(!Proposals::<T>::contains_key(raise, kind), Error::<T>::ProposalAlreadyOpen);
			let new_rate = match action {
				Action::RaiseTap { new_rate } => {
					Self::check_tap_raise(&r, new_rate)?;
					new_rate
				},
				Action::UnlockMilestone => {
					ensure!(
						(r.milestones_unlocked as usize) < r.params.milestones.len(),
						Error::<T>::NoMilestoneLeft
					);
					Zero::zero()
				},
				Action::Dissolve => Zero::zero(),
			};
			let ends =
				frame_system::Pallet::<T>::block_number().saturating_add(r.params.voting_period);
			Proposals::<T>::insert(
				raise,
				kind,
				Proposal {
					proposer: who.clone(),
					new_rate,
					ends,
					ayes: 0,
					nays: 0,
					aye_capital: Zero::zero(),
					nay_capital: Zero::zero(),
				},
			);
			Self::deposit_event(Event::ProposalOpened { raise, action, proposer: who, ends });
			Ok(())
		}

		/// Vote on an open proposal, or change your vote. Your vote counts once as a head and
		/// with your contribution as capital; the raise's voting mode decides which count.
		///
		/// Origin: a contributor of the raise.
		///
		/// Errors: `RaiseNotFound`, `ProposalNotFound`, `VotingEnded`, `NotContributor`,
		/// `AlreadyVoted`.
		///
		/// Events: `Voted`, and `TapFrozen` when a dissolve proposal reaches the pre-quorum.
		#[pallet::call_index(6)]
		pub fn vote(
			origin: OriginFor<T>,
			raise: RaiseId,
			kind: ProposalKind,
			aye: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			let mut p = Proposals::<T>::get(raise, kind).ok_or(Error::<T>::ProposalNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < p.ends, Error::<T>::VotingEnded);
			let stake =
				Contributions::<T>::get(raise, &who).ok_or(Error::<T>::NotContributor)?.amount;
			match Votes::<T>::get((raise, kind), &who) {
				Some(previous) if previous == aye => return Err(Error::<T>::AlreadyVoted.into()),
				Some(true) => {
					p.ayes.saturating_dec();
					p.aye_capital = p.aye_capital.saturating_sub(stake);
				},
				Some(false) => {
					p.nays.saturating_dec();
					p.nay_capital = p.nay_capital.saturating_sub(stake);
				},
				None => {},
			}
			if aye {
				p.ayes.saturating_inc();
				p.aye_capital = p.aye_capital.checked_add(&stake).ok_or(Error::<T>::Overflow)?;
			} else {
				p.nays.saturating_inc();
				p.nay_capital = p.nay_capital.checked_add(&stake).ok_or(Error::<T>::Overflow)?;
			}
			Votes::<T>::insert((raise, kind), &who, aye);
			if kind == ProposalKind::Dissolve && !r.frozen && Self::reaches_pre_quorum(&r, &p) {
				Self::bank(&mut r, now);
				r.frozen = true;
				Raises::<T>::insert(raise, r);
				Self::deposit_event(Event::TapFrozen { raise });
			}
			Proposals::<T>::insert(raise, kind, p);
			Self::deposit_event(Event::Voted { raise, kind, who, aye });
			Ok(())
		}

		/// Close a proposal after its voting period and carry it out if it passed.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: `RaiseNotFound`, `ProposalNotFound`, `VotingNotEnded`.
		///
		/// Events: `ProposalClosed`, then `TapRateChanged`, `MilestoneUnlocked`,
		/// `RaiseDissolved` or `TapThawed`.
		#[pallet::call_index(7)]
		#[pallet::weight(<T as Config>::WeightInfo::close_proposal(T::MaxContributors::get()))]
		pub fn close_proposal(
			origin: OriginFor<T>,
			raise: RaiseId,
			kind: ProposalKind,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			let p = Proposals::<T>::get(raise, kind).ok_or(Error::<T>::ProposalNotFound)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= p.ends, Error::<T>::VotingNotEnded);

			let cleared = Votes::<T>::clear_prefix((raise, kind), T::MaxContributors::get(), None);
			Proposals::<T>::remove(raise, kind);
			let passed = r.state == RaiseState::Active && Self::passes(&r, &p);
			Self::deposit_event(Event::ProposalClosed {
				raise,
				kind,
				passed,
				ayes: p.ayes,
				nays: p.nays,
				aye_capital: p.aye_capital,
				nay_capital: p.nay_capital,
			});
			if passed {
				match kind {
					ProposalKind::RaiseTap => {
						// Checked again: the beneficiary may have lowered the tap meanwhile.
						if p.new_rate > r.tap_rate && p.new_rate <= r.params.tap_ceiling {
							Self::set_rate(&mut r, p.new_rate);
							Self::deposit_event(Event::TapRateChanged { raise, rate: p.new_rate });
						}
					},
					ProposalKind::UnlockMilestone => Self::unlock_milestone(raise, &mut r)?,
					ProposalKind::Dissolve => {
						r.state = RaiseState::Dissolved;
						r.frozen = false;
						r.tap_banked = Zero::zero();
						r.refund_pool =
							r.raised.saturating_sub(r.tapped).saturating_sub(r.milestones_paid);
						Self::deposit_event(Event::RaiseDissolved {
							raise,
							refund_pool: r.refund_pool,
						});
					},
				}
			} else if kind == ProposalKind::Dissolve && r.frozen {
				r.frozen = false;
				r.tap_checkpoint = now;
				Self::deposit_event(Event::TapThawed { raise });
			}
			Raises::<T>::insert(raise, r);
			Ok(Some(<T as Config>::WeightInfo::close_proposal(cleared.unique)).into())
		}

		/// Refund `contributor` of a failed raise in full, or of a dissolved raise pro rata.
		/// The last contributor to claim also receives the rounding remainder.
		///
		/// Origin: signed (anyone may claim on a contributor's behalf; the refund goes to them).
		///
		/// Errors: `RaiseNotFound`, `NotRefundable`, `NotContributor`, `AlreadyRefunded`.
		///
		/// Events: `Refunded`, maybe `RoundingRemainderPaid` and `SeedReturned`.
		#[pallet::call_index(8)]
		pub fn claim_refund(
			origin: OriginFor<T>,
			raise: RaiseId,
			contributor: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
			ensure!(
				matches!(r.state, RaiseState::Failed | RaiseState::Dissolved),
				Error::<T>::NotRefundable
			);
			let mut c =
				Contributions::<T>::get(raise, &contributor).ok_or(Error::<T>::NotContributor)?;
			ensure!(!c.refunded, Error::<T>::AlreadyRefunded);

			let share = Self::pro_rata(r.refund_pool, c.amount, r.raised)?;
			let last = r.refunds_claimed.saturating_add(1) == r.contributors;
			let amount = if last {
				r.refund_pool.checked_sub(&r.refunded).ok_or(Error::<T>::Overflow)?
			} else {
				share
			};
			if !amount.is_zero() {
				T::Currency::transfer(
					&Self::escrow(raise),
					&contributor,
					amount,
					Preservation::Preserve,
				)?;
			}
			r.refunded = r.refunded.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
			r.refunds_claimed.saturating_inc();
			c.refunded = true;
			Contributions::<T>::insert(raise, &contributor, c);
			Self::deposit_event(Event::Refunded { raise, who: contributor.clone(), amount });
			if last {
				let remainder = amount.saturating_sub(share);
				if !remainder.is_zero() {
					Self::deposit_event(Event::RoundingRemainderPaid {
						raise,
						who: contributor,
						amount: remainder,
					});
				}
				Self::return_seed(raise, &mut r)?;
			}
			Raises::<T>::insert(raise, r);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The keyless escrow account of a raise.
	pub fn escrow(raise: RaiseId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(raise)
	}

	/// Checks a raise's parameters.
	pub fn validate(p: &RaiseParamsOf<T>) -> DispatchResult {
		ensure!(!p.soft_cap.is_zero() && p.soft_cap <= p.hard_cap, Error::<T>::InvalidCaps);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(p.start >= now && p.end > p.start, Error::<T>::InvalidWindow);
		ensure!(
			p.min_contribution >= T::Currency::minimum_balance()
				&& p.min_contribution <= p.max_contribution,
			Error::<T>::InvalidContributionBounds
		);
		ensure!(!p.tap_rate.is_zero() && p.tap_rate <= p.tap_ceiling, Error::<T>::InvalidTapRate);
		ensure!(p.quorum >= T::MinQuorum::get(), Error::<T>::QuorumTooLow);
		ensure!(p.threshold >= Perbill::from_percent(50), Error::<T>::ThresholdBelowMajority);
		ensure!(
			p.voting_period >= T::MinVotingPeriod::get()
				&& p.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodOutOfBounds
		);
		let mut total: BalanceOf<T> = Zero::zero();
		for tranche in p.milestones.iter() {
			ensure!(!tranche.is_zero(), Error::<T>::InvalidMilestones);
			total = total.checked_add(tranche).ok_or(Error::<T>::InvalidMilestones)?;
		}
		ensure!(total <= p.soft_cap, Error::<T>::InvalidMilestones);
		Ok(())
	}

	/// What the tap has accrued by `now` (zero while frozen: accrual stops at the freeze).
	pub fn accrued(r: &RaiseOf<T>, now: BlockNumberFor<T>) -> BalanceOf<T> {
		if r.frozen {
			return r.tap_banked;
		}
		let elapsed: u128 = now.saturating_sub(r.tap_checkpoint).saturated_into();
		let blocks: BalanceOf<T> = elapsed.saturated_into();
		r.tap_banked.saturating_add(r.tap_rate.saturating_mul(blocks))
	}

	/// What the tap may still draw: the raise less all milestone tranches, less what it drew.
	pub fn tap_available(r: &RaiseOf<T>) -> BalanceOf<T> {
		let tranches = Self::tranches_total(r);
		r.raised.saturating_sub(tranches).saturating_sub(r.tapped)
	}

	/// All milestone tranches together.
	fn tranches_total(r: &RaiseOf<T>) -> BalanceOf<T> {
		r.params.milestones.iter().fold(Zero::zero(), |a: BalanceOf<T>, t| a.saturating_add(*t))
	}

	/// Banks what accrued at the current rate and restarts accrual from `now`.
	fn bank(r: &mut RaiseOf<T>, now: BlockNumberFor<T>) {
		r.tap_banked = Self::accrued(r, now);
		r.tap_checkpoint = now;
	}

	/// Changes the tap rate, keeping what accrued at the old rate.
	fn set_rate(r: &mut RaiseOf<T>, rate: BalanceOf<T>) {
		let now = frame_system::Pallet::<T>::block_number();
		if !r.frozen {
			Self::bank(r, now);
		}
		r.tap_rate = rate;
	}

	/// A tap raise must go up, by at most `MaxTapIncrease`, and stay under the ceiling.
	fn check_tap_raise(r: &RaiseOf<T>, new_rate: BalanceOf<T>) -> DispatchResult {
		let most = r.tap_rate.saturating_add(T::MaxTapIncrease::get().mul_floor(r.tap_rate));
		ensure!(
			new_rate > r.tap_rate && new_rate <= most && new_rate <= r.params.tap_ceiling,
			Error::<T>::InvalidTapRaise
		);
		Ok(())
	}

	/// Pays the next milestone tranche to the beneficiary.
	fn unlock_milestone(raise: RaiseId, r: &mut RaiseOf<T>) -> DispatchResult {
		let index = r.milestones_unlocked;
		let Some(amount) = r.params.milestones.get(index as usize).copied() else {
			return Ok(());
		};
		T::Currency::transfer(
			&Self::escrow(raise),
			&r.params.beneficiary,
			amount,
			Preservation::Preserve,
		)?;
		r.milestones_unlocked.saturating_inc();
		r.milestones_paid = r.milestones_paid.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
		Self::deposit_event(Event::MilestoneUnlocked { raise, index, amount });
		Ok(())
	}

	/// Whether a proposal passes under the raise's voting mode.
	pub fn passes(r: &RaiseOf<T>, p: &ProposalOf<T>) -> bool {
		let heads_cast = p.ayes.saturating_add(p.nays);
		if heads_cast < T::MinVoters::get().min(r.contributors) {
			return false;
		}
		let quorum = r.params.quorum;
		let threshold = r.params.threshold;
		let heads_ok = p.ayes > 0
			&& heads_cast >= quorum.mul_ceil(r.contributors)
			&& p.ayes >= threshold.mul_ceil(heads_cast);
		let capital_cast = p.aye_capital.saturating_add(p.nay_capital);
		let capital_ok = !p.aye_capital.is_zero()
			&& capital_cast >= quorum.mul_ceil(r.raised)
			&& p.aye_capital >= threshold.mul_ceil(capital_cast);
		match r.params.voting {
			VotingMode::HeadCount => heads_ok,
			VotingMode::Capital => capital_ok,
			VotingMode::DoubleMajority => heads_ok && capital_ok,
		}
	}

	/// Whether a dissolve proposal's ayes reach `PreQuorum` of the quorum (in either measure
	/// the mode counts).
	fn reaches_pre_quorum(r: &RaiseOf<T>, p: &ProposalOf<T>) -> bool {
		let pre = T::PreQuorum::get();
		let heads_needed = pre.mul_ceil(r.params.quorum.mul_ceil(r.contributors)).max(1);
		let capital_needed = pre.mul_ceil(r.params.quorum.mul_ceil(r.raised));
		let heads = p.ayes >= heads_needed;
		let capital = !p.aye_capital.is_zero() && p.aye_capital >= capital_needed;
		match r.params.voting {
			VotingMode::HeadCount => heads,
			VotingMode::Capital => capital,
			VotingMode::DoubleMajority => heads || capital,
		}
	}

	/// `pool × part / whole`, rounded down, exactly.
	pub fn pro_rata(
		pool: BalanceOf<T>,
		part: BalanceOf<T>,
		whole: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if whole.is_zero() {
			return Ok(Zero::zero());
		}
		let to_u128 = |b: BalanceOf<T>| -> Result<u128, DispatchError> {
			b.try_into().map_err(|_| Error::<T>::Overflow.into())
		};
		let share = multiply_by_rational_with_rounding(
			to_u128(pool)?,
			to_u128(part)?,
			to_u128(whole)?,
			Rounding::Down,
		)
		.ok_or(Error::<T>::Overflow)?;
		share.try_into().map_err(|_| Error::<T>::Overflow.into())
	}

	/// Sends the escrow's seed back to the co-op treasury.
	fn return_seed(raise: RaiseId, r: &mut RaiseOf<T>) -> DispatchResult {
		if r.seed.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(
			&Self::escrow(raise),
			&T::Coops::treasury_account(r.coop),
			r.seed,
			Preservation::Expendable,
		)?;
		Self::deposit_event(Event::SeedReturned { raise, amount: r.seed });
		r.seed = Zero::zero();
		Ok(())
	}

	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. Every raise's escrow holds exactly `seed + raised − tapped − milestones paid −
	///    refunded`: no raise's funds are reachable from another, nothing leaks.
	/// 2. `raised` equals the sum of the raise's contributions, never above the hard cap, and
	///    `contributors` equals their number (at most `MaxContributors`).
	/// 3. Refunds never exceed what there is to refund: `refunded ≤ refund_pool ≤ raised −
	///    tapped − milestones paid`, and `refunds_claimed` equals the refunded contributions.
	/// 4. The tap never drew more than its share: `tapped ≤ raised − Σ tranches`, and the
	///    milestones paid equal the first `milestones_unlocked` tranches.
	/// 5. Open proposals belong to existing raises, and their tallies equal their votes.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (id, r) in Raises::<T>::iter() {
			let expected = r
				.seed
				.checked_add(&r.raised)
				.and_then(|x| x.checked_sub(&r.tapped))
				.and_then(|x| x.checked_sub(&r.milestones_paid))
				.and_then(|x| x.checked_sub(&r.refunded))
				.ok_or("escrow accounting underflows")?;
			ensure!(T::Currency::balance(&Self::escrow(id)) == expected, "escrow balance differs");
			let (mut sum, mut count, mut refunded) = (BalanceOf::<T>::zero(), 0u32, 0u32);
			for (_, c) in Contributions::<T>::iter_prefix(id) {
				sum = sum.saturating_add(c.amount);
				count.saturating_inc();
				refunded.saturating_accrue(c.refunded as u32);
			}
			ensure!(sum == r.raised, "raised differs from the contributions");
			ensure!(r.raised <= r.params.hard_cap, "raised above the hard cap");
			ensure!(count == r.contributors, "contributor count differs");
			ensure!(count <= T::MaxContributors::get(), "too many contributors");
			ensure!(refunded == r.refunds_claimed, "refund count differs");
			ensure!(r.refunded <= r.refund_pool, "refunded more than the pool");
			ensure!(
				r.refund_pool
					<= r.raised.saturating_sub(r.tapped).saturating_sub(r.milestones_paid),
				"refund pool above what remains"
			);
			let tranches = Self::tranches_total(&r);
			ensure!(r.tapped <= r.raised.saturating_sub(tranches), "tap drew beyond its share");
			let paid: BalanceOf<T> = r
				.params
				.milestones
				.iter()
				.take(r.milestones_unlocked as usize)
				.fold(Zero::zero(), |a: BalanceOf<T>, t| a.saturating_add(*t));
			ensure!(paid == r.milestones_paid, "milestones paid differ");
		}
		for (id, kind, p) in Proposals::<T>::iter() {
			ensure!(Raises::<T>::contains_key(id), "proposal of a missing raise");
			let (mut ayes, mut nays) = (0u32, 0u32);
			for (_, aye) in Votes::<T>::iter_prefix((id, kind)) {
				if aye {
					ayes.saturating_inc()
				} else {
					nays.saturating_inc()
				}
			}
			ensure!(ayes == p.ayes && nays == p.nays, "tally differs from votes");
		}
		Ok(())
	}
}
