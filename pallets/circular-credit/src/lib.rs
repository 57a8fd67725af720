#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! Three members owe each other 100 around a cycle; the solver's clearing (what the node's
//! `circularCredit_proposeClearing` RPC returns) sets all three obligations off, and each of
//! them can leave the circle square. As a unit test runs it (`mock::ExtBuilder` sets up co-op
//! 0 with treasury account 1000; `circle_of_five` opens its circle and lets members 1..=5 join
//! with a credit limit of 100; `owe` issues an obligation and has the debtor accept it;
//! `proposal` asks the solver):
#![doc = docify::embed!("src/tests/stories.rs", a_three_coop_cycle_is_cleared_fully)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod circles;
mod clearing;
#[cfg(any(feature = "try-runtime", test))]
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod obligations;
mod payments;
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
		fungible::{Inspect, Mutate, MutateHold},
		EnsureOriginWithArg,
	},
};
use frame_system::pallet_prelude::*;

/// The most potentials a certificate may carry: one per participant, and one for the circle
/// when it clears with liquidity.
pub struct CertificateBound<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<u32> for CertificateBound<T> {
	fn get() -> u32 {
		T::MaxParticipants::get().saturating_add(1)
	}
}

/// An amount of the native currency (deposits).
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// An obligation, as this runtime stores it.
pub type ObligationOf<T> = Obligation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Co-ops and their members.
		type Coops: CoopInspect<Self::AccountId>;

		/// The native currency, which holds the deposits of waiting obligations.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Held from a creditor for each obligation it issued until the debtor answers: returned
		/// when the debtor accepts it, when the creditor cancels it or when it expires; paid to
		/// the debtor when the debtor rejects it (the price of an obligation nobody owed).
		#[pallet::constant]
		type ObligationDeposit: Get<BalanceOf<Self>>;

		/// Who decides for a co-op (its passed motion).
		type CoopOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// A participant acting, and the account it acts as: a signer, or a co-op through its
		/// own motion (its treasury takes part, e.g. in the federation's circle). In coopchain
		/// the membership pallet's `EnsureMemberAccount`.
		type MemberOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// The most participants a circle may have.
		#[pallet::constant]
		type MaxParticipants: Get<u32>;

		/// The most accepted obligations a circle may have open (bounds the clearing check).
		#[pallet::constant]
		type MaxObligations: Get<u32>;

		/// The most obligations one creditor may have issued and not yet accepted by their
		/// debtors, in each circle. Unaccepted obligations do not count against
		/// `MaxObligations`, so no participant can fill a circle with them.
		#[pallet::constant]
		type MaxPendingPerIssuer: Get<u32>;

		/// The most set-offs one clearing may list: at least `MaxObligations`, so that every
		/// maximal clearing fits one submission (checked by the pallet's integrity test).
		#[pallet::constant]
		type MaxSetoffs: Get<u32>;

		/// The highest credit limit a co-op may grant.
		#[pallet::constant]
		type MaxCreditLimit: Get<Credit>;

		/// The longest memo a payment may carry.
		#[pallet::constant]
		type MaxMemoLen: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up the co-ops and members the benchmarks need (implemented once by the
		/// runtime for all our pallets).
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: coop_primitives::BenchmarkCoops<Self::AccountId>;
	}

	/// Credit circles. Ids are co-op ids, chosen by the chain, hence `Twox64Concat`.
	#[pallet::storage]
	pub type Circles<T: Config> = StorageMap<_, Twox64Concat, CircleId, CircleInfo>;

	/// Participants. Account ids are user-chosen, hence `Blake2_128Concat`.
	#[pallet::storage]
	pub type Participants<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Blake2_128Concat, T::AccountId, Participant>;

	/// Accepted obligations, open ones only (settled, cancelled or cleared ones are removed):
	/// what clearing works on. Circle and obligation numbers are chosen by the chain, hence
	/// `Twox64Concat`.
	#[pallet::storage]
	pub type Obligations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, ObligationId, ObligationOf<T>>;

	/// Obligations issued and not yet accepted by their debtors. Accepting one moves it to
	/// [`Obligations`] under the same number; the debtor may reject it, the creditor cancel it,
	/// and anyone expire it after its due block.
	#[pallet::storage]
	pub type PendingObligations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, ObligationId, ObligationOf<T>>;

	/// How many unaccepted obligations each creditor has issued in a circle (at most
	/// `MaxPendingPerIssuer`).
	#[pallet::storage]
	pub type PendingIssued<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CircleId,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// The deposit held from the creditor of each unaccepted obligation (none for an obligation
	/// issued while no deposit was asked, or migrated from storage version 1).
	#[pallet::storage]
	pub type PendingDeposits<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, ObligationId, BalanceOf<T>>;

	/// Circles whose co-op lets clearings use the participants' credit lines as liquidity
	/// (off unless the co-op turns it on).
	#[pallet::storage]
	pub type LiquidityCircles<T: Config> = StorageMap<_, Twox64Concat, CircleId, ()>;

	/// Participants who lend their credit line to their circle's clearings (consent, off by
	/// default; removed when they leave).
	#[pallet::storage]
	pub type LiquidityConsents<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Blake2_128Concat, T::AccountId, ()>;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit of an obligation waiting for its debtor, held from its creditor.
		ObligationDeposit,
	}

	/// Credit the co-op wrote off in its circle: the debts of members who left the co-op
	/// owing. The circle's loss account holds minus this, so the balances of a circle sum to
	/// exactly what it wrote off.
	#[pallet::storage]
	pub type WrittenOff<T: Config> = StorageMap<_, Twox64Concat, CircleId, Credit, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op opened its credit circle.
		CircleOpened {
			/// The circle (the co-op's number).
			circle: CircleId,
			/// Whether clearings must prove they are maximal.
			require_maximal: bool,
		},
		/// An account joined a circle.
		Joined {
			/// The circle.
			circle: CircleId,
			/// The participant.
			who: T::AccountId,
			/// Its number in the circle.
			index: ParticipantIndex,
		},
		/// A participant left a circle.
		Left {
			/// The circle.
			circle: CircleId,
			/// The former participant.
			who: T::AccountId,
		},
		/// The co-op set a participant's credit limit and ceiling.
		CreditLimitSet {
			/// The circle.
			circle: CircleId,
			/// The participant.
			who: T::AccountId,
			/// How far below zero it may go.
			credit_limit: Credit,
			/// How far above zero it may go, if bounded.
			ceiling: Option<Credit>,
		},
		/// Credit moved between participants.
		Paid {
			/// The circle.
			circle: CircleId,
			/// The payer.
			from: T::AccountId,
			/// The payee.
			to: T::AccountId,
			/// How much.
			amount: Credit,
			/// What for.
			memo: BoundedVec<u8, T::MaxMemoLen>,
		},
		/// A creditor issued an obligation.
		ObligationIssued {
			/// The circle.
			circle: CircleId,
			/// The obligation.
			id: ObligationId,
			/// Who owes.
			debtor: T::AccountId,
			/// Who is owed.
			creditor: T::AccountId,
			/// How much.
			amount: Credit,
			/// When it falls due.
			due: BlockNumberFor<T>,
		},
		/// The debtor accepted an obligation: it can now be cleared.
		ObligationAccepted {
			/// The circle.
			circle: CircleId,
			/// The obligation.
			id: ObligationId,
		},
		/// The debtor paid down an obligation in credit.
		ObligationSettled {
			/// The circle.
			circle: CircleId,
			/// The obligation.
			id: ObligationId,
			/// How much was paid.
			amount: Credit,
			/// What is still outstanding.
			outstanding: Credit,
		},
		/// The creditor cancelled an obligation.
		ObligationCancelled {
			/// The circle.
			circle: CircleId,
			/// The obligation.
			id: ObligationId,
		},
		/// A clearing was accepted: obligations around cycles were set off.
		Cleared {
			/// The circle.
			circle: CircleId,
			/// Accepted obligations outstanding before the clearing.
			total: Credit,
			/// Debt set off.
			cleared: Credit,
			/// Obligations reduced.
			obligations: u32,
			/// Participants whose obligations were reduced.
			participants: u32,
			/// Independent debt cycles set off (the circuit rank of the set-off graph).
			cycles: u32,
			/// Whether the clearing came with a certificate of maximality.
			maximal: bool,
			/// Credit moved between balances (zero unless the circle clears with liquidity):
			/// the sum of what participants were paid in credit for set-offs.
			liquidity: Credit,
		},
		/// A participant who left the co-op was frozen in its circle.
		ParticipantFrozen {
			/// The circle.
			circle: CircleId,
			/// The participant.
			who: T::AccountId,
		},
		/// The debtor rejected an obligation it had not accepted.
		ObligationRejected {
			/// The circle.
			circle: CircleId,
			/// The obligation.
			id: ObligationId,
		},
		/// An obligation its debtor never accepted expired after its due block.
		ObligationExpired {
			/// The circle.
			circle: CircleId,
			/// The obligation.
			id: ObligationId,
		},
		/// The co-op wrote off the debt of a participant who left the co-op owing: its balance
		/// is back at zero and the loss is booked to the circle's loss account.
		WrittenOff {
			/// The circle.
			circle: CircleId,
			/// The former member.
			who: T::AccountId,
			/// The debt written off.
			amount: Credit,
		},
		/// The co-op turned clearing with liquidity on or off for its circle.
		LiquiditySet {
			/// The circle.
			circle: CircleId,
			/// Whether clearings may now move consenting participants' credit balances.
			enabled: bool,
		},
		/// A participant lent (or withdrew) its credit line to its circle's clearings.
		LiquidityConsent {
			/// The circle.
			circle: CircleId,
			/// The participant.
			who: T::AccountId,
			/// Whether clearings may move its credit balance.
			allow: bool,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no co-op with this number.
		CoopNotFound,
		/// The co-op's circle is open already.
		CircleExists,
		/// There is no circle with this number.
		CircleNotFound,
		/// Only members of the co-op may join its circle.
		NotCoopMember,
		/// The account takes part in this circle already.
		AlreadyParticipant,
		/// The account does not take part in this circle.
		NotParticipant,
		/// The circle has `MaxParticipants` participants already.
		TooManyParticipants,
		/// The credit limit is above the runtime's `MaxCreditLimit`.
		CreditLimitTooHigh,
		/// The participant owes more than this limit: it must settle first.
		LimitBelowDebt,
		/// The participant holds more than this ceiling: it must spend first.
		CeilingBelowBalance,
		/// The payment would take the payer below its credit limit.
		CreditLimitExceeded,
		/// The payment would take the payee above its ceiling.
		CeilingExceeded,
		/// The participant is frozen: it left the co-op and can only settle and be paid.
		Frozen,
		/// Pay or owe a positive amount.
		ZeroAmount,
		/// A participant cannot pay or owe itself.
		SelfDealing,
		/// Only a participant with a zero balance and no open obligations may leave.
		CannotLeave,
		/// The circle has `MaxObligations` open obligations already.
		TooManyObligations,
		/// There is no open obligation with this number.
		ObligationNotFound,
		/// Only the debtor may do this.
		NotDebtor,
		/// Only the creditor may do this.
		NotCreditor,
		/// The obligation has been accepted already.
		AlreadyAccepted,
		/// The obligation has not been accepted.
		NotAccepted,
		/// More than the obligation's outstanding amount.
		AboveOutstanding,
		/// A set-off names an obligation that is not open and accepted.
		UnknownObligation,
		/// An obligation appears twice in the clearing.
		DuplicateSetoff,
		/// A set-off is larger than the obligation's outstanding amount.
		SetoffExceedsObligation,
		/// The clearing would change a participant's net position.
		NetPositionChanged,
		/// This circle requires a certificate of maximality.
		CertificateRequired,
		/// The certificate needs one potential per participant number.
		CertificateLength,
		/// The certificate shows the clearing is not maximal.
		NotMaximal,
		/// The clearing sets off nothing.
		NothingCleared,
		/// An obligation names a participant number the circle never handed out. This cannot
		/// happen while the pallet's invariants hold; it is reported rather than hidden.
		UnknownParticipant,
		/// An obligation may be at most the runtime's `MaxCreditLimit` (the largest credit line):
		/// larger amounts could overflow a circle's totals and stall its clearing.
		ObligationTooLarge,
		/// The creditor has `MaxPendingPerIssuer` obligations waiting for their debtors already.
		TooManyPending,
		/// The obligation is not due yet: it expires only after its due block.
		NotExpired,
		/// Only the debt of a frozen participant (one who left the co-op) can be written off.
		NotFrozen,
		/// The participant owes the circle nothing.
		NothingToWriteOff,
		/// The clearing moves a participant's credit balance beyond its credit limit or
		/// ceiling.
		LiquidityExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// A maximal clearing may reduce every accepted obligation of a circle, and no part
			// of it passes the maximality check alone: it must fit one submission.
			assert!(
				T::MaxSetoffs::get() >= T::MaxObligations::get(),
				"MaxSetoffs must be at least MaxObligations"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Open the co-op's credit circle (circle number = co-op number).
		///
		/// Origin: the co-op's decision ([`Config::CoopOrigin`]).
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::CircleExists`].
		/// Events: [`Event::CircleOpened`].
		#[pallet::call_index(0)]
		pub fn open_circle(
			origin: OriginFor<T>,
			coop: CoopId,
			require_maximal: bool,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			Self::do_open_circle(coop, require_maximal)
		}

		/// Join a co-op's circle, with a zero balance and no credit limit until the co-op sets
		/// one.
		///
		/// Origin: a member of the co-op (signed, or a member co-op through its motion).
		///
		/// Errors: [`Error::CircleNotFound`], [`Error::NotCoopMember`],
		/// [`Error::AlreadyParticipant`], [`Error::TooManyParticipants`].
		/// Events: [`Event::Joined`].
		#[pallet::call_index(1)]
		pub fn join(origin: OriginFor<T>, circle: CircleId) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_join(circle, who)
		}

		/// Leave a circle. Only with a zero balance and no open obligations.
		///
		/// Origin: the participant.
		///
		/// Errors: [`Error::NotParticipant`], [`Error::CannotLeave`]. Events: [`Event::Left`].
		#[pallet::call_index(2)]
		pub fn leave(origin: OriginFor<T>, circle: CircleId) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_leave(circle, who)
		}

		/// Set a participant's credit limit (how far below zero it may go) and ceiling (how far
		/// above zero, if bounded). Neither may cut into its current balance.
		///
		/// Origin: the co-op's decision ([`Config::CoopOrigin`]).
		///
		/// Errors: [`Error::NotParticipant`], [`Error::CreditLimitTooHigh`],
		/// [`Error::LimitBelowDebt`], [`Error::CeilingBelowBalance`].
		/// Events: [`Event::CreditLimitSet`].
		#[pallet::call_index(3)]
		pub fn set_credit_limit(
			origin: OriginFor<T>,
			circle: CircleId,
			who: T::AccountId,
			credit_limit: Credit,
			ceiling: Option<Credit>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &circle)?;
			Self::do_set_credit_limit(circle, who, credit_limit, ceiling)
		}

		/// Pay `amount` of credit to another participant. A frozen participant (one who left the
		/// co-op) can be paid, so that what it owes can still come back, but cannot pay.
		///
		/// Origin: the payer.
		///
		/// Errors: [`Error::NotParticipant`], [`Error::Frozen`], [`Error::ZeroAmount`],
		/// [`Error::SelfDealing`], [`Error::CreditLimitExceeded`], [`Error::CeilingExceeded`],
		/// `ArithmeticError::Overflow`. Events: [`Event::Paid`].
		#[pallet::call_index(4)]
		pub fn pay(
			origin: OriginFor<T>,
			circle: CircleId,
			to: T::AccountId,
			amount: Credit,
			memo: BoundedVec<u8, T::MaxMemoLen>,
		) -> DispatchResult {
			let from = Self::ensure_account(origin)?;
			Self::do_pay(circle, from, to, amount, memo)
		}

		/// Issue an obligation: `debtor` owes you `amount` by `due`. It counts for clearing once
		/// the debtor accepts it. Until the debtor answers, [`Config::ObligationDeposit`] is held
		/// from you: returned when the debtor accepts, when you cancel or when it expires, paid
		/// to the debtor if the debtor rejects it.
		///
		/// Origin: the creditor, a participant.
		///
		/// Errors: [`Error::NotParticipant`], [`Error::Frozen`], [`Error::ZeroAmount`],
		/// [`Error::ObligationTooLarge`], [`Error::SelfDealing`], [`Error::TooManyPending`],
		/// `TokenError::FundsUnavailable` (the deposit cannot be held).
		/// Events: [`Event::ObligationIssued`].
		#[pallet::call_index(5)]
		pub fn issue_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			debtor: T::AccountId,
			amount: Credit,
			due: BlockNumberFor<T>,
		) -> DispatchResult {
			let creditor = Self::ensure_account(origin)?;
			Self::do_issue_obligation(circle, creditor, debtor, amount, due)
		}

		/// Accept an obligation you owe: from now on it can be cleared.
		///
		/// Origin: the debtor.
		///
		/// Errors: [`Error::ObligationNotFound`], [`Error::NotDebtor`],
		/// [`Error::AlreadyAccepted`], [`Error::TooManyObligations`] (the circle holds
		/// `MaxObligations` accepted obligations). Events: [`Event::ObligationAccepted`].
		#[pallet::call_index(6)]
		pub fn accept_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_accept_obligation(circle, id, who)
		}

		/// Pay down an accepted obligation in credit: `amount` moves from you to the creditor
		/// as a payment would, and the obligation shrinks by it (it closes at zero).
		///
		/// Origin: the debtor.
		///
		/// Errors: [`Error::ObligationNotFound`], [`Error::NotDebtor`], [`Error::NotAccepted`],
		/// [`Error::AboveOutstanding`], and those of [`Pallet::pay`] (a frozen debtor may still
		/// settle). Events: [`Event::ObligationSettled`].
		#[pallet::call_index(7)]
		pub fn settle_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
			amount: Credit,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_settle_obligation(circle, id, who, amount)
		}

		/// Cancel an obligation owed to you, accepted or not (an unaccepted one's deposit comes
		/// back).
		///
		/// Origin: the creditor.
		///
		/// Errors: [`Error::ObligationNotFound`], [`Error::NotCreditor`].
		/// Events: [`Event::ObligationCancelled`].
		#[pallet::call_index(8)]
		pub fn cancel_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_cancel_obligation(circle, id, who)
		}

		/// Submit a clearing: `setoffs` reduce accepted obligations; accepted only if no
		/// participant's net position changes and, where the circle requires it, `certificate`
		/// (one potential per participant number) proves no larger clearing exists.
		///
		/// Origin: signed by anyone. The weight counts every set-off, every accepted obligation
		/// of the circle (`MaxObligations`) and each of their parties' records.
		///
		/// Errors: [`Error::CircleNotFound`], [`Error::UnknownObligation`],
		/// [`Error::DuplicateSetoff`], [`Error::SetoffExceedsObligation`],
		/// [`Error::NetPositionChanged`], [`Error::CertificateRequired`],
		/// [`Error::CertificateLength`], [`Error::NotMaximal`], [`Error::NothingCleared`].
		/// Events: [`Event::Cleared`] (obligations cleared in full are closed).
		#[pallet::call_index(9)]
		#[pallet::weight(
			T::WeightInfo::submit_clearing(setoffs.len() as u32, T::MaxObligations::get())
				.saturating_add(Pallet::<T>::party_reads_weight())
				.saturating_add(Pallet::<T>::liquidity_weight())
		)]
		pub fn submit_clearing(
			origin: OriginFor<T>,
			circle: CircleId,
			setoffs: BoundedVec<(ObligationId, Credit), T::MaxSetoffs>,
			certificate: Option<BoundedVec<i64, CertificateBound<T>>>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_submit_clearing(circle, setoffs, certificate)
		}

		/// Reject an obligation issued on you that you have not accepted. The creditor's deposit
		/// is paid to you (returned to the creditor instead should that transfer be impossible,
		/// e.g. below the existential deposit).
		///
		/// Origin: the debtor.
		///
		/// Errors: [`Error::ObligationNotFound`], [`Error::NotDebtor`],
		/// [`Error::AlreadyAccepted`]. Events: [`Event::ObligationRejected`].
		#[pallet::call_index(10)]
		pub fn reject_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_reject_obligation(circle, id, who)
		}

		/// Drop an obligation that its debtor did not accept by its due block; its deposit goes
		/// back to the creditor.
		///
		/// Origin: signed by anyone.
		///
		/// Errors: [`Error::ObligationNotFound`], [`Error::AlreadyAccepted`],
		/// [`Error::NotExpired`]. Events: [`Event::ObligationExpired`].
		#[pallet::call_index(11)]
		pub fn expire_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_expire_obligation(circle, id)
		}

		/// Write off the debt of a participant who left the co-op (frozen) owing the circle: its
		/// balance returns to zero and the loss is booked to the circle's loss account
		/// ([`WrittenOff`]), so the circle still sums to zero. A participant left with no open
		/// obligations leaves the circle.
		///
		/// Origin: the co-op's decision ([`Config::CoopOrigin`]).
		///
		/// Errors: [`Error::NotParticipant`], [`Error::NotFrozen`],
		/// [`Error::NothingToWriteOff`]. Events: [`Event::WrittenOff`], [`Event::Left`].
		#[pallet::call_index(12)]
		pub fn write_off(
			origin: OriginFor<T>,
			circle: CircleId,
			who: T::AccountId,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &circle)?;
			Self::do_write_off(circle, who)
		}

		/// Turn clearing with liquidity on or off for the circle: when on, a clearing may also
		/// move the credit balances of participants who consent ([`Pallet::allow_liquidity`]),
		/// each within its credit limit and ceiling, so that debts clear that no cycle of
		/// obligations closes. The certificate then carries one more potential, the circle's.
		///
		/// Origin: the co-op's decision ([`Config::CoopOrigin`]).
		///
		/// Errors: [`Error::CircleNotFound`]. Events: [`Event::LiquiditySet`].
		#[pallet::call_index(13)]
		pub fn set_liquidity(
			origin: OriginFor<T>,
			circle: CircleId,
			enabled: bool,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &circle)?;
			Self::do_set_liquidity(circle, enabled)
		}

		/// Lend your credit line to your circle's clearings (`allow`), or withdraw it: a
		/// clearing may then pay part of what you owe from your credit balance (down to your
		/// credit limit) and pay you in credit for part of what you are owed (up to your
		/// ceiling). Your balance plus your net position in obligations never changes.
		///
		/// Origin: the participant.
		///
		/// Errors: [`Error::NotParticipant`]. Events: [`Event::LiquidityConsent`].
		#[pallet::call_index(14)]
		pub fn allow_liquidity(
			origin: OriginFor<T>,
			circle: CircleId,
			allow: bool,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			Self::do_allow_liquidity(circle, who, allow)
		}
	}
}
