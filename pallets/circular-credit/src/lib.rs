//! # Circular credit
//!
//! Mutual credit among the members of a co-op (or among the co-ops of the federation), with
//! obligations and on-chain verified, provably maximal clearing of debt cycles.
//!
//! ## Overview
//!
//! A co-op opens a **credit circle** by its own decision (`open_circle`); its members **join**
//! it. Each participant has a **balance** in the circle's credit unit, which starts at zero and
//! may go below zero down to the **credit limit** the co-op sets for it (`set_credit_limit`),
//! and optionally no higher than a **ceiling**. A payment (`pay`) moves credit from payer to
//! payee: credit is created as the payer goes below zero, so the balances of a circle always
//! sum to exactly zero. A participant can only `leave` with a zero balance; a member removed
//! from the co-op is **frozen** (cannot pay or be paid, cannot issue obligations) until settled.
//!
//! **Obligations** are invoices between participants: the creditor issues one
//! (`issue_obligation`), the debtor accepts it (`accept_obligation`); only accepted obligations
//! can be cleared. The debtor may pay one down in credit (`settle_obligation`); the creditor may
//! cancel it (`cancel_obligation`).
//!
//! **Clearing**: anyone may `submit_clearing(circle, setoffs, certificate)`, a list of
//! `(obligation, amount)` reductions. It is accepted only if every amount is within the
//! obligation's outstanding amount and every participant's net position is unchanged (what they
//! set off as creditor equals what they set off as debtor), checked in time linear in the
//! circle's obligations. If the circle requires maximal clearing, the submission must carry
//! potentials that prove no larger clearing exists (see `coop-clearing`). The node's
//! `circularCredit_proposeClearing` RPC computes such a submission.

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

use alloc::vec::Vec;
use coop_clearing::{check_clearing, ClearingError, Obligation as ClearingObligation};
use coop_primitives::{CoopId, CoopInspect, OnMemberRemoved};
use frame_support::{pallet_prelude::*, traits::EnsureOriginWithArg};
use frame_system::pallet_prelude::*;
use sp_runtime::Saturating;

/// A credit circle: the circle of co-op `c` is number `c` (the federation's is 0).
pub type CircleId = CoopId;
/// The number of an obligation within its circle.
pub type ObligationId = u32;
/// An amount of credit.
pub type Credit = u128;
/// A signed credit balance.
pub type CreditBalance = i128;
/// A participant's number within its circle (used by the clearing check).
pub type ParticipantIndex = u32;

/// A credit circle.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CircleInfo {
	/// How many accounts have ever joined (the next participant's number).
	pub next_index: ParticipantIndex,
	/// How many accounts take part now.
	pub participants: u32,
	/// The next obligation's number.
	pub next_obligation: ObligationId,
	/// How many obligations are open (issued or accepted).
	pub open_obligations: u32,
	/// Whether a clearing must come with a certificate of maximality.
	pub require_maximal: bool,
}

/// A participant in a circle.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Participant {
	/// Its number in the circle.
	pub index: ParticipantIndex,
	/// Its balance: negative when it owes the circle.
	pub balance: CreditBalance,
	/// How far below zero its balance may go.
	pub credit_limit: Credit,
	/// How far above zero its balance may go, if bounded.
	pub ceiling: Option<Credit>,
	/// Frozen when it left the co-op while in the circle: it can only settle.
	pub frozen: bool,
	/// Open obligations it is a party to.
	pub open_obligations: u32,
	/// Its net position in accepted obligations: owed to it minus owed by it. Settling and
	/// cancelling change it; a clearing never does.
	pub obligation_net: CreditBalance,
}

/// An obligation: `debtor` owes `creditor` `amount` of credit by `due`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Obligation<AccountId, BlockNumber> {
	/// Who owes.
	pub debtor: AccountId,
	/// Who is owed.
	pub creditor: AccountId,
	/// What is outstanding.
	pub amount: Credit,
	/// When it falls due.
	pub due: BlockNumber,
	/// Whether the debtor has accepted it (only accepted obligations are cleared).
	pub accepted: bool,
}

/// An obligation, as this runtime stores it.
pub type ObligationOf<T> = Obligation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Sets up what the benchmarks need outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A co-op that exists.
	fn coop() -> CoopId;
	/// Makes `who` a member of `coop`.
	fn add_member(coop: CoopId, who: &AccountId);
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

		/// Co-ops and their members.
		type Coops: CoopInspect<Self::AccountId>;

		/// Who decides for a co-op (its passed motion).
		type CoopOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// Recognises a co-op acting through its own motion (e.g. in the federation's circle);
		/// its treasury account is then the participant.
		type CoopAccountOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = CoopId>;

		/// The most participants a circle may have.
		#[pallet::constant]
		type MaxParticipants: Get<u32>;

		/// The most open obligations a circle may have (bounds the clearing check).
		#[pallet::constant]
		type MaxObligations: Get<u32>;

		/// The most set-offs one clearing may list.
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

		/// Sets up what the benchmarks need outside this pallet.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Credit circles. Ids are co-op ids, chosen by the chain, hence `Twox64Concat`.
	#[pallet::storage]
	pub type Circles<T: Config> = StorageMap<_, Twox64Concat, CircleId, CircleInfo>;

	/// Participants. Account ids are user-chosen, hence `Blake2_128Concat`.
	#[pallet::storage]
	pub type Participants<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Blake2_128Concat, T::AccountId, Participant>;

	/// Obligations, open ones only (settled or cancelled ones are removed).
	#[pallet::storage]
	pub type Obligations<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CircleId, Twox64Concat, ObligationId, ObligationOf<T>>;

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
		},
		/// A participant who left the co-op was frozen in its circle.
		ParticipantFrozen {
			/// The circle.
			circle: CircleId,
			/// The participant.
			who: T::AccountId,
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
		/// The participant is frozen: it left the co-op and can only settle.
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
		/// Open the co-op's credit circle (circle number = co-op number).
		///
		/// Origin: the co-op's decision.
		///
		/// Errors: `CoopNotFound`, `CircleExists`. Events: `CircleOpened`.
		#[pallet::call_index(0)]
		pub fn open_circle(
			origin: OriginFor<T>,
			coop: CoopId,
			require_maximal: bool,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			ensure!(T::Coops::coop_exists(coop), Error::<T>::CoopNotFound);
			ensure!(!Circles::<T>::contains_key(coop), Error::<T>::CircleExists);
			Circles::<T>::insert(
				coop,
				CircleInfo {
					next_index: 0,
					participants: 0,
					next_obligation: 0,
					open_obligations: 0,
					require_maximal,
				},
			);
			Self::deposit_event(Event::CircleOpened { circle: coop, require_maximal });
			Ok(())
		}

		/// Join a co-op's circle, with a zero balance and no credit limit until the co-op sets
		/// one.
		///
		/// Origin: a member of the co-op (signed, or a member co-op through its motion).
		///
		/// Errors: `CircleNotFound`, `NotCoopMember`, `AlreadyParticipant`,
		/// `TooManyParticipants`. Events: `Joined`.
		#[pallet::call_index(1)]
		pub fn join(origin: OriginFor<T>, circle: CircleId) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(T::Coops::is_member(circle, &who), Error::<T>::NotCoopMember);
			ensure!(!Participants::<T>::contains_key(circle, &who), Error::<T>::AlreadyParticipant);
			ensure!(info.participants < T::MaxParticipants::get(), Error::<T>::TooManyParticipants);
			let index = info.next_index;
			info.next_index = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
			info.participants.saturating_inc();
			Participants::<T>::insert(
				circle,
				&who,
				Participant {
					index,
					balance: 0,
					credit_limit: 0,
					ceiling: None,
					frozen: false,
					open_obligations: 0,
					obligation_net: 0,
				},
			);
			Circles::<T>::insert(circle, info);
			Self::deposit_event(Event::Joined { circle, who, index });
			Ok(())
		}

		/// Leave a circle. Only with a zero balance and no open obligations.
		///
		/// Origin: the participant.
		///
		/// Errors: `NotParticipant`, `CannotLeave`. Events: `Left`.
		#[pallet::call_index(2)]
		pub fn leave(origin: OriginFor<T>, circle: CircleId) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let participant =
				Participants::<T>::get(circle, &who).ok_or(Error::<T>::NotParticipant)?;
			ensure!(
				participant.balance == 0 && participant.open_obligations == 0,
				Error::<T>::CannotLeave
			);
			Participants::<T>::remove(circle, &who);
			Circles::<T>::mutate(circle, |info| {
				if let Some(info) = info {
					info.participants.saturating_dec();
				}
			});
			Self::deposit_event(Event::Left { circle, who });
			Ok(())
		}

		/// Set a participant's credit limit (how far below zero it may go) and ceiling (how far
		/// above zero, if bounded). Neither may cut into its current balance.
		///
		/// Origin: the co-op's decision.
		///
		/// Errors: `NotParticipant`, `CreditLimitTooHigh`, `LimitBelowDebt`,
		/// `CeilingBelowBalance`. Events: `CreditLimitSet`.
		#[pallet::call_index(3)]
		pub fn set_credit_limit(
			origin: OriginFor<T>,
			circle: CircleId,
			who: T::AccountId,
			credit_limit: Credit,
			ceiling: Option<Credit>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &circle)?;
			ensure!(credit_limit <= T::MaxCreditLimit::get(), Error::<T>::CreditLimitTooHigh);
			Participants::<T>::try_mutate(circle, &who, |p| {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				ensure!(
					p.balance >= 0 || p.balance.unsigned_abs() <= credit_limit,
					Error::<T>::LimitBelowDebt
				);
				ensure!(
					ceiling.is_none_or(|c| p.balance <= 0 || p.balance.unsigned_abs() <= c),
					Error::<T>::CeilingBelowBalance
				);
				p.credit_limit = credit_limit;
				p.ceiling = ceiling;
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::CreditLimitSet { circle, who, credit_limit, ceiling });
			Ok(())
		}

		/// Pay `amount` of credit to another participant.
		///
		/// Origin: the payer.
		///
		/// Errors: `NotParticipant`, `Frozen`, `ZeroAmount`, `SelfDealing`,
		/// `CreditLimitExceeded`, `CeilingExceeded`, `Overflow`. Events: `Paid`.
		#[pallet::call_index(4)]
		pub fn pay(
			origin: OriginFor<T>,
			circle: CircleId,
			to: T::AccountId,
			amount: Credit,
			memo: BoundedVec<u8, T::MaxMemoLen>,
		) -> DispatchResult {
			let from = Self::ensure_account(origin)?;
			Self::transfer(circle, &from, &to, amount)?;
			Self::deposit_event(Event::Paid { circle, from, to, amount, memo });
			Ok(())
		}

		/// Issue an obligation: `debtor` owes you `amount` by `due`. It counts for clearing once
		/// the debtor accepts it.
		///
		/// Origin: the creditor, a participant.
		///
		/// Errors: `NotParticipant`, `Frozen`, `ZeroAmount`, `SelfDealing`,
		/// `TooManyObligations`. Events: `ObligationIssued`.
		#[pallet::call_index(5)]
		pub fn issue_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			debtor: T::AccountId,
			amount: Credit,
			due: BlockNumberFor<T>,
		) -> DispatchResult {
			let creditor = Self::ensure_account(origin)?;
			ensure!(amount > 0, Error::<T>::ZeroAmount);
			ensure!(creditor != debtor, Error::<T>::SelfDealing);
			let mut info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			let mut c =
				Participants::<T>::get(circle, &creditor).ok_or(Error::<T>::NotParticipant)?;
			let mut d =
				Participants::<T>::get(circle, &debtor).ok_or(Error::<T>::NotParticipant)?;
			ensure!(!c.frozen && !d.frozen, Error::<T>::Frozen);
			ensure!(
				info.open_obligations < T::MaxObligations::get(),
				Error::<T>::TooManyObligations
			);
			let id = info.next_obligation;
			info.next_obligation = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			info.open_obligations.saturating_inc();
			c.open_obligations.saturating_inc();
			d.open_obligations.saturating_inc();
			Obligations::<T>::insert(
				circle,
				id,
				Obligation {
					debtor: debtor.clone(),
					creditor: creditor.clone(),
					amount,
					due,
					accepted: false,
				},
			);
			Participants::<T>::insert(circle, &creditor, c);
			Participants::<T>::insert(circle, &debtor, d);
			Circles::<T>::insert(circle, info);
			Self::deposit_event(Event::ObligationIssued {
				circle,
				id,
				debtor,
				creditor,
				amount,
				due,
			});
			Ok(())
		}

		/// Accept an obligation you owe: from now on it can be cleared.
		///
		/// Origin: the debtor.
		///
		/// Errors: `ObligationNotFound`, `NotDebtor`, `AlreadyAccepted`.
		/// Events: `ObligationAccepted`.
		#[pallet::call_index(6)]
		pub fn accept_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut o = Obligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
			ensure!(o.debtor == who, Error::<T>::NotDebtor);
			ensure!(!o.accepted, Error::<T>::AlreadyAccepted);
			o.accepted = true;
			Self::shift_net(circle, &o, o.amount, true)?;
			Obligations::<T>::insert(circle, id, o);
			Self::deposit_event(Event::ObligationAccepted { circle, id });
			Ok(())
		}

		/// Pay down an accepted obligation in credit: `amount` moves from you to the creditor
		/// as a payment would, and the obligation shrinks by it (it closes at zero).
		///
		/// Origin: the debtor.
		///
		/// Errors: `ObligationNotFound`, `NotDebtor`, `NotAccepted`, `AboveOutstanding`, and
		/// those of `pay` (a frozen debtor may still settle). Events: `ObligationSettled`.
		#[pallet::call_index(7)]
		pub fn settle_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
			amount: Credit,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let mut o = Obligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
			ensure!(o.debtor == who, Error::<T>::NotDebtor);
			ensure!(o.accepted, Error::<T>::NotAccepted);
			ensure!(amount <= o.amount, Error::<T>::AboveOutstanding);
			Self::do_transfer(circle, &o.debtor, &o.creditor, amount, true)?;
			Self::shift_net(circle, &o, amount, false)?;
			o.amount = o.amount.saturating_sub(amount);
			let outstanding = o.amount;
			if outstanding == 0 {
				Self::close_obligation(circle, id, &o);
			} else {
				Obligations::<T>::insert(circle, id, o);
			}
			Self::deposit_event(Event::ObligationSettled { circle, id, amount, outstanding });
			Ok(())
		}

		/// Cancel an obligation owed to you.
		///
		/// Origin: the creditor.
		///
		/// Errors: `ObligationNotFound`, `NotCreditor`. Events: `ObligationCancelled`.
		#[pallet::call_index(8)]
		pub fn cancel_obligation(
			origin: OriginFor<T>,
			circle: CircleId,
			id: ObligationId,
		) -> DispatchResult {
			let who = Self::ensure_account(origin)?;
			let o = Obligations::<T>::get(circle, id).ok_or(Error::<T>::ObligationNotFound)?;
			ensure!(o.creditor == who, Error::<T>::NotCreditor);
			if o.accepted {
				Self::shift_net(circle, &o, o.amount, false)?;
			}
			Self::close_obligation(circle, id, &o);
			Self::deposit_event(Event::ObligationCancelled { circle, id });
			Ok(())
		}

		/// Submit a clearing: `setoffs` reduce accepted obligations; accepted only if no
		/// participant's net position changes and, where the circle requires it, `certificate`
		/// (one potential per participant number) proves no larger clearing exists.
		///
		/// Origin: signed by anyone.
		///
		/// Errors: `CircleNotFound`, `UnknownObligation`, `DuplicateSetoff`,
		/// `SetoffExceedsObligation`, `NetPositionChanged`, `CertificateRequired`,
		/// `CertificateLength`, `NotMaximal`, `NothingCleared`. Events: `Cleared` (obligations
		/// cleared in full are closed).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::submit_clearing(setoffs.len() as u32, T::MaxObligations::get()))]
		pub fn submit_clearing(
			origin: OriginFor<T>,
			circle: CircleId,
			setoffs: BoundedVec<(ObligationId, Credit), T::MaxSetoffs>,
			certificate: Option<BoundedVec<i64, T::MaxParticipants>>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let info = Circles::<T>::get(circle).ok_or(Error::<T>::CircleNotFound)?;
			ensure!(
				certificate.is_some() || !info.require_maximal,
				Error::<T>::CertificateRequired
			);
			let graph = Self::clearing_graph(circle);
			// Set-offs by position in the graph, found by binary search (ids are sorted).
			let mut positional = Vec::with_capacity(setoffs.len());
			for (id, amount) in setoffs.iter() {
				let at = graph.ids.binary_search(id).map_err(|_| Error::<T>::UnknownObligation)?;
				positional.push((at as u32, *amount));
			}
			let summary = check_clearing(
				info.next_index,
				&graph.obligations,
				&positional,
				certificate.as_ref().map(|c| c.as_slice()),
			)
			.map_err(|e| match e {
				ClearingError::UnknownObligation(_) => Error::<T>::UnknownObligation,
				ClearingError::DuplicateSetoff(_) => Error::<T>::DuplicateSetoff,
				ClearingError::SetoffExceedsObligation(_) => Error::<T>::SetoffExceedsObligation,
				ClearingError::NetPositionChanged(_) => Error::<T>::NetPositionChanged,
				ClearingError::CertificateLength => Error::<T>::CertificateLength,
				ClearingError::NotMaximal(_) => Error::<T>::NotMaximal,
				ClearingError::UnknownParticipant(_) | ClearingError::Overflow => {
					Error::<T>::Overflow
				},
			})?;
			ensure!(summary.cleared > 0, Error::<T>::NothingCleared);
			for (id, amount) in setoffs {
				if amount == 0 {
					continue;
				}
				let Some(mut o) = Obligations::<T>::get(circle, id) else {
					return Err(Error::<T>::UnknownObligation.into());
				};
				o.amount = o.amount.saturating_sub(amount);
				if o.amount == 0 {
					Self::close_obligation(circle, id, &o);
				} else {
					Obligations::<T>::insert(circle, id, o);
				}
			}
			Self::deposit_event(Event::Cleared {
				circle,
				total: summary.total,
				cleared: summary.cleared,
				obligations: summary.obligations_reduced,
				participants: summary.participants,
				cycles: summary.cycles,
				maximal: certificate.is_some(),
			});
			Ok(())
		}
	}
}

/// A circle's accepted obligations as the clearing solver needs them (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ClearingInput {
	/// Participant numbers run from 0 to this (exclusive).
	pub participants: u32,
	/// Whether a clearing must carry a certificate.
	pub require_maximal: bool,
	/// The accepted obligations: id, debtor's number, creditor's number, outstanding amount.
	pub obligations: Vec<(ObligationId, ParticipantIndex, ParticipantIndex, Credit)>,
}

/// A circle's accepted obligations, numbered for the clearing check.
pub struct ClearingGraph<AccountId> {
	/// The obligations' ids, ascending.
	pub ids: Vec<ObligationId>,
	/// The obligations, with participants by number.
	pub obligations: Vec<ClearingObligation>,
	/// Who each obligation's parties are (debtor, creditor).
	pub parties: Vec<(AccountId, AccountId)>,
}

impl<T: Config> Pallet<T> {
	/// The acting account: the signer, or the treasury of the co-op whose motion dispatched.
	fn ensure_account(origin: OriginFor<T>) -> Result<T::AccountId, DispatchError> {
		match T::CoopAccountOrigin::try_origin(origin) {
			Ok(coop) => Ok(T::Coops::treasury_account(coop)),
			Err(origin) => Ok(ensure_signed(origin)?),
		}
	}

	fn transfer(
		circle: CircleId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
	) -> DispatchResult {
		Self::do_transfer(circle, from, to, amount, false)
	}

	/// Moves credit, within the payer's limit and the payee's ceiling. A frozen payer may
	/// settle an obligation (`settling`) but not pay.
	fn do_transfer(
		circle: CircleId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Credit,
		settling: bool,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfDealing);
		let mut payer = Participants::<T>::get(circle, from).ok_or(Error::<T>::NotParticipant)?;
		let mut payee = Participants::<T>::get(circle, to).ok_or(Error::<T>::NotParticipant)?;
		ensure!(!payee.frozen && (settling || !payer.frozen), Error::<T>::Frozen);
		let signed = CreditBalance::try_from(amount).map_err(|_| Error::<T>::Overflow)?;
		let floor = CreditBalance::try_from(payer.credit_limit)
			.map_err(|_| Error::<T>::Overflow)?
			.checked_neg()
			.ok_or(Error::<T>::Overflow)?;
		let new_payer = payer.balance.checked_sub(signed).ok_or(Error::<T>::Overflow)?;
		ensure!(new_payer >= floor, Error::<T>::CreditLimitExceeded);
		let new_payee = payee.balance.checked_add(signed).ok_or(Error::<T>::Overflow)?;
		if let Some(ceiling) = payee.ceiling {
			let ceiling = CreditBalance::try_from(ceiling).map_err(|_| Error::<T>::Overflow)?;
			ensure!(new_payee <= ceiling, Error::<T>::CeilingExceeded);
		}
		payer.balance = new_payer;
		payee.balance = new_payee;
		Participants::<T>::insert(circle, from, payer);
		Participants::<T>::insert(circle, to, payee);
		Ok(())
	}

	/// Adds (`accepting`) or removes `amount` of an accepted obligation to or from its parties'
	/// net positions.
	fn shift_net(
		circle: CircleId,
		o: &ObligationOf<T>,
		amount: Credit,
		accepting: bool,
	) -> DispatchResult {
		let amount = CreditBalance::try_from(amount).map_err(|_| Error::<T>::Overflow)?;
		let amount =
			if accepting { amount } else { amount.checked_neg().ok_or(Error::<T>::Overflow)? };
		for (who, sign) in [(&o.creditor, 1i128), (&o.debtor, -1i128)] {
			Participants::<T>::try_mutate(circle, who, |p| {
				let p = p.as_mut().ok_or(Error::<T>::NotParticipant)?;
				let delta = amount.checked_mul(sign).ok_or(Error::<T>::Overflow)?;
				p.obligation_net =
					p.obligation_net.checked_add(delta).ok_or(Error::<T>::Overflow)?;
				Ok::<_, Error<T>>(())
			})?;
		}
		Ok(())
	}

	/// Removes an open obligation and the counts that include it.
	fn close_obligation(circle: CircleId, id: ObligationId, o: &ObligationOf<T>) {
		Obligations::<T>::remove(circle, id);
		for who in [&o.debtor, &o.creditor] {
			Participants::<T>::mutate(circle, who, |p| {
				if let Some(p) = p {
					p.open_obligations.saturating_dec();
				}
			});
		}
		Circles::<T>::mutate(circle, |info| {
			if let Some(info) = info {
				info.open_obligations.saturating_dec();
			}
		});
	}

	/// What the clearing solver needs for `circle` (runtime API), if the circle exists.
	pub fn clearing_input(circle: CircleId) -> Option<ClearingInput> {
		let info = Circles::<T>::get(circle)?;
		let graph = Self::clearing_graph(circle);
		Some(ClearingInput {
			participants: info.next_index,
			require_maximal: info.require_maximal,
			obligations: graph
				.ids
				.iter()
				.zip(&graph.obligations)
				.map(|(id, o)| (*id, o.debtor, o.creditor, o.amount))
				.collect(),
		})
	}

	/// The circle's accepted obligations, ids ascending, with participants by number. Reads at
	/// most `MaxObligations` obligations.
	pub fn clearing_graph(circle: CircleId) -> ClearingGraph<T::AccountId> {
		let mut rows: Vec<(ObligationId, ObligationOf<T>)> = Obligations::<T>::iter_prefix(circle)
			.take(T::MaxObligations::get() as usize)
			.filter(|(_, o)| o.accepted)
			.collect();
		rows.sort_by_key(|(id, _)| *id);
		let mut graph = ClearingGraph {
			ids: Vec::with_capacity(rows.len()),
			obligations: Vec::with_capacity(rows.len()),
			parties: Vec::with_capacity(rows.len()),
		};
		for (id, o) in rows {
			let (Some(d), Some(c)) = (
				Participants::<T>::get(circle, &o.debtor),
				Participants::<T>::get(circle, &o.creditor),
			) else {
				// Parties of an open obligation cannot leave; qed.
				defensive!("an open obligation's parties take part in its circle");
				continue;
			};
			graph.ids.push(id);
			graph.obligations.push(ClearingObligation {
				debtor: d.index,
				creditor: c.index,
				amount: o.amount,
			});
			graph.parties.push((o.debtor, o.creditor));
		}
		graph
	}

	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. The balances of each circle sum to exactly zero.
	/// 2. No balance is below its participant's credit limit, nor above its ceiling.
	/// 3. Every open obligation is positive and its parties take part in its circle.
	/// 4. Clearing never changed a net position: each participant's recorded net position in
	///    accepted obligations (moved only by accepting, settling and cancelling) equals the
	///    one its open accepted obligations add up to.
	/// 5. Each circle's and participant's open-obligation and participant counts match storage.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		for (circle, info) in Circles::<T>::iter() {
			let mut sum: CreditBalance = 0;
			let mut count = 0u32;
			let mut open: BTreeMap<T::AccountId, (u32, CreditBalance)> = BTreeMap::new();
			for (who, p) in Participants::<T>::iter_prefix(circle) {
				sum = sum.checked_add(p.balance).ok_or("balance sum overflows")?;
				count.saturating_inc();
				ensure!(p.index < info.next_index, "participant numbers are issued by the circle");
				ensure!(
					p.balance >= 0 || p.balance.unsigned_abs() <= p.credit_limit,
					"no balance is below its credit limit"
				);
				ensure!(
					p.ceiling.is_none_or(|c| p.balance <= 0 || p.balance.unsigned_abs() <= c),
					"no balance is above its ceiling"
				);
				open.insert(who, (0, 0));
			}
			ensure!(sum == 0, "the balances of a circle sum to zero");
			ensure!(count == info.participants, "participant count matches");
			let mut obligations = 0u32;
			for (_, o) in Obligations::<T>::iter_prefix(circle) {
				ensure!(o.amount > 0, "open obligations are positive");
				obligations.saturating_inc();
				let amount =
					CreditBalance::try_from(o.amount).map_err(|_| "obligation too large")?;
				for (who, sign) in [(&o.debtor, -1i128), (&o.creditor, 1i128)] {
					let (n, net) = open.get_mut(who).ok_or("an obligation's parties take part")?;
					n.saturating_inc();
					if o.accepted {
						*net = amount
							.checked_mul(sign)
							.and_then(|d| net.checked_add(d))
							.ok_or("net overflows")?;
					}
				}
			}
			ensure!(obligations == info.open_obligations, "open obligation count matches");
			for (who, (n, net)) in open {
				let p = Participants::<T>::get(circle, &who).ok_or("participant")?;
				ensure!(p.open_obligations == n, "a participant's obligation count matches");
				ensure!(p.obligation_net == net, "clearing never changed a net position");
			}
		}
		Ok(())
	}
}

impl<T: Config> OnMemberRemoved<T::AccountId> for Pallet<T> {
	/// A member who leaves the co-op is frozen in its circle until it has settled.
	fn on_member_removed(coop: CoopId, who: &T::AccountId) {
		let frozen = Participants::<T>::mutate(coop, who, |p| match p {
			Some(p) if !p.frozen => {
				p.frozen = true;
				true
			},
			_ => false,
		});
		if frozen {
			Self::deposit_event(Event::ParticipantFrozen { circle: coop, who: who.clone() });
		}
	}
}
