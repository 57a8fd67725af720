//! # Patronage
//!
//! Patronage dividends for co-ops: surplus returned to members in proportion to the business they
//! did with the co-op, part in cash at once and part as retained member equity that revolves
//! back to them later. Distribution is O(1) per period and per claim, whatever the number of
//! members, and every unit of a surplus is accounted for.
//!
//! ## Overview
//!
//! A co-op sets its **policy** by its own decision (`set_policy`): the **categories** of
//! business it records (purchases, sales, labour hours, …) with their **weights**, the
//! **reserve share** of each surplus (indivisible: never paid to members), an optional
//! **education and social fund share**, the **cash share** of each member's allocation (at least
//! the runtime's `MinCashShare`, 20 % by default as US Subchapter T requires), the **revolving
//! period** (how many periods retained equity waits before it is paid back), and the **claim
//! window**.
//!
//! Its till or payroll system, holding the co-op's `Operator` role, **records patronage** as
//! business happens (`record_patronage`, `record_patronage_batch`). Only members accrue
//! patronage; business with non-members is counted as non-member volume, and the surplus it
//! earned goes to the reserve.
//!
//! When the co-op **closes a period** (`close_period(coop, surplus)`), the surplus moves from its
//! treasury: the reserve share and the non-member share into the co-op's reserve account, the
//! fund share into its fund account, and the rest (the **allocatable** surplus) into its pot.
//! Closing stores a **rate**, allocatable surplus per weighted patronage unit, rounded down; it
//! never loops over members.
//!
//! Each member (or anyone on their behalf) **claims** (`claim`) within the claim window: their
//! allocation is `units × rate`, rounded down. The cash share (rounded up, so it is never below
//! the policy) is paid from the pot at once; the rest goes back to the treasury and is recorded
//! as a **retained equity tranche** on the member's capital account, announced by the
//! `AllocationNotified` event: the written notice of allocation.
//!
//! After the window, `sweep_unclaimed` moves what is left in the pot for the period (allocations
//! nobody claimed, and what rounding down left over) to the reserve. The pot settles exactly:
//! `surplus = reserve + fund + non_member_share + claimed + unclaimed + remainder`.
//!
//! Tranches **mature** once `revolving_periods` further periods have closed; `revolve` pays
//! matured tranches back from the treasury, oldest first. If the treasury cannot pay all, it pays
//! what it can and the rest stays owed: equity is never lost, and a member who has left is paid
//! like any other.
//!
//! ## Bounds
//!
//! A capital account holds at most `MaxTranches` tranches. A policy's revolving period is at most
//! `MaxTranches - 2` periods, so at most `MaxTranches - 2` tranches of an account are ever
//! unmatured; when a claim finds the account full, the matured tranches (at least two) are merged
//! into one, which stays matured and first in line.

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

use alloc::vec::Vec;
use coop_primitives::{CoopId, CoopInspect, CoopRole};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation, Provenance},
		EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, Saturating, Zero},
	FixedPointNumber, FixedU128, Perbill, Rounding,
};

/// The balance type of the currency surplus is paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A policy, as this runtime stores it.
pub type PolicyOf<T> = PatronagePolicy<BlockNumberFor<T>, <T as Config>::MaxCategories>;
/// A closed period, as this runtime stores it.
pub type ClosedPeriodOf<T> = ClosedPeriod<BalanceOf<T>, BlockNumberFor<T>>;
/// A capital account, as this runtime stores it.
pub type TranchesOf<T> = BoundedVec<EquityTranche<BalanceOf<T>>, <T as Config>::MaxTranches>;
/// One entry of a batch of patronage records.
pub type PatronageRecordOf<T> = PatronageRecord<<T as frame_system::Config>::AccountId>;

/// One piece of business to record: who, in which category, how much.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PatronageRecord<AccountId> {
	/// The member (or non-member customer) who did the business.
	pub patron: AccountId,
	/// The category, by its index in the policy.
	pub category: CategoryIndex,
	/// How much, in the category's own unit.
	pub amount: u128,
}

/// Sets up what the benchmarks need outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A co-op that exists.
	fn coop() -> CoopId;
	/// Makes `who` a member of `coop`.
	fn add_member(coop: CoopId, who: &AccountId);
	/// Grants `who` the operator role in `coop`.
	fn add_operator(coop: CoopId, who: &AccountId);
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

		/// The currency surplus is paid in.
		type Currency: Inspect<Self::AccountId> + Mutate<Self::AccountId>;

		/// Co-ops, their members and their roles.
		type Coops: CoopInspect<Self::AccountId>;

		/// Who decides for a co-op (its passed motion).
		type CoopOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// Derives each co-op's pot, reserve and fund accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most patronage categories a policy may have.
		#[pallet::constant]
		type MaxCategories: Get<u32>;

		/// The most tranches a capital account holds (at least 2).
		#[pallet::constant]
		type MaxTranches: Get<u32>;

		/// The most members a co-op may have. Only for weights: `close_period` and `claim` are
		/// charged at this many members, and their benchmarks show they do not depend on it.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// The most records one `record_patronage_batch` may carry.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// The least cash share a policy may set.
		#[pallet::constant]
		type MinCashShare: Get<Perbill>;

		/// The shortest claim window a policy may set.
		#[pallet::constant]
		type MinClaimWindow: Get<BlockNumberFor<Self>>;

		/// The longest claim window a policy may set.
		#[pallet::constant]
		type MaxClaimWindow: Get<BlockNumberFor<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up what the benchmarks need outside this pallet.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Each co-op's patronage policy. Co-op ids are chosen by the chain, hence `Twox64Concat`.
	#[pallet::storage]
	pub type Policies<T: Config> = StorageMap<_, Twox64Concat, CoopId, PolicyOf<T>>;

	/// The period each co-op is recording patronage in (opened with its first policy).
	#[pallet::storage]
	pub type OpenPeriods<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, OpenPeriod<BlockNumberFor<T>>>;

	/// Closed periods. Keys are chosen by the chain, hence `Twox64Concat`.
	#[pallet::storage]
	pub type ClosedPeriods<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Twox64Concat, PeriodIndex, ClosedPeriodOf<T>>;

	/// Weighted patronage per member and period; taken when the allocation is claimed, so the
	/// entries of a swept period are the record of who did not claim. Account ids are
	/// user-chosen, hence `Blake2_128Concat`.
	#[pallet::storage]
	pub type MemberPatronage<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		(CoopId, PeriodIndex),
		Blake2_128Concat,
		T::AccountId,
		PatronageUnits,
	>;

	/// Members' capital accounts: retained equity tranches, oldest maturity first.
	#[pallet::storage]
	pub type CapitalAccounts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		TranchesOf<T>,
		ValueQuery,
	>;

	/// What each co-op owes its members in retained equity, in all.
	#[pallet::storage]
	pub type EquityOwed<T: Config> = StorageMap<_, Twox64Concat, CoopId, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op set its patronage policy (it applies from the next period closed).
		PolicySet {
			/// The co-op.
			coop: CoopId,
			/// The policy.
			policy: PolicyOf<T>,
		},
		/// A period opened for recording patronage.
		PeriodOpened {
			/// The co-op.
			coop: CoopId,
			/// The period.
			period: PeriodIndex,
		},
		/// A member's business was recorded.
		PatronageRecorded {
			/// The co-op.
			coop: CoopId,
			/// The open period.
			period: PeriodIndex,
			/// The member.
			member: T::AccountId,
			/// The category.
			category: CategoryIndex,
			/// The amount recorded, in the category's unit.
			amount: u128,
			/// The weighted units it counts for.
			units: PatronageUnits,
		},
		/// Business with a non-member was recorded; its share of surplus goes to the reserve.
		NonMemberBusinessRecorded {
			/// The co-op.
			coop: CoopId,
			/// The open period.
			period: PeriodIndex,
			/// The customer or supplier.
			patron: T::AccountId,
			/// The category.
			category: CategoryIndex,
			/// The amount recorded, in the category's unit.
			amount: u128,
			/// The weighted units it counts for.
			units: PatronageUnits,
		},
		/// A period closed: its surplus is split and allocations can be claimed.
		PeriodClosed {
			/// The co-op.
			coop: CoopId,
			/// The period.
			period: PeriodIndex,
			/// The surplus taken from the treasury.
			surplus: BalanceOf<T>,
			/// To the indivisible reserve, by policy.
			reserve: BalanceOf<T>,
			/// To the education and social fund.
			fund: BalanceOf<T>,
			/// To the reserve, earned by business with non-members.
			non_member_share: BalanceOf<T>,
			/// To members, in proportion to weighted patronage.
			allocatable: BalanceOf<T>,
			/// Allocation per weighted unit, rounded down.
			rate: FixedU128,
			/// The last block in which allocations can be claimed.
			claim_deadline: BlockNumberFor<T>,
		},
		/// Written notice of allocation: a member's patronage dividend for a period, with the
		/// cash paid and the equity retained.
		AllocationNotified {
			/// The co-op.
			coop: CoopId,
			/// The period.
			period: PeriodIndex,
			/// The member.
			member: T::AccountId,
			/// Their weighted patronage.
			units: PatronageUnits,
			/// The whole allocation.
			total: BalanceOf<T>,
			/// Paid in cash now.
			cash: BalanceOf<T>,
			/// Retained as member equity.
			retained: BalanceOf<T>,
			/// The retained equity is paid back once this period has closed.
			matures_after: PeriodIndex,
		},
		/// A full capital account's matured tranches were merged into one.
		TranchesMerged {
			/// The co-op.
			coop: CoopId,
			/// The member.
			member: T::AccountId,
			/// How many tranches were merged.
			count: u32,
			/// Their total.
			amount: BalanceOf<T>,
		},
		/// Matured retained equity was paid back to a member (or former member).
		EquityRevolved {
			/// The co-op.
			coop: CoopId,
			/// The member.
			member: T::AccountId,
			/// What was paid now.
			paid: BalanceOf<T>,
			/// What the co-op still owes them (matured or not).
			still_owed: BalanceOf<T>,
		},
		/// A claim window ended: what was left of the period's allocations went to the reserve.
		UnclaimedSwept {
			/// The co-op.
			coop: CoopId,
			/// The period.
			period: PeriodIndex,
			/// Allocations nobody claimed.
			unclaimed: BalanceOf<T>,
			/// What rounding every allocation down left over.
			remainder: BalanceOf<T>,
		},
		/// The co-op spent from its education and social fund.
		FundSpent {
			/// The co-op.
			coop: CoopId,
			/// Who was paid.
			to: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no co-op with this number.
		CoopNotFound,
		/// The co-op has not set a patronage policy yet.
		NoPolicy,
		/// A policy needs at least one category.
		NoCategories,
		/// Every category needs a weight of at least 1.
		ZeroCategoryWeight,
		/// The cash share is below the runtime's `MinCashShare`.
		CashShareTooLow,
		/// The reserve and fund shares add up to more than the whole surplus.
		SharesExceedSurplus,
		/// The revolving period is longer than `MaxTranches - 2` periods.
		RevolvingPeriodTooLong,
		/// The claim window is outside `MinClaimWindow..=MaxClaimWindow`.
		ClaimWindowOutOfBounds,
		/// Only accounts holding the co-op's operator role may record patronage.
		NotCoopOperator,
		/// The policy has no category with this index.
		UnknownCategory,
		/// Record a positive amount.
		ZeroAmount,
		/// This period has not closed (or does not exist).
		PeriodNotClosed,
		/// There is nothing to claim: no patronage in this period, already claimed, or an
		/// allocation that rounds to zero.
		NothingToClaim,
		/// The claim window of this period has ended.
		ClaimWindowClosed,
		/// The claim window of this period has not ended yet.
		ClaimWindowOpen,
		/// This period's unclaimed allocations have gone to the reserve already.
		AlreadySwept,
		/// The co-op treasury cannot pay this surplus and stay alive.
		TreasuryTooPoor,
		/// None of the member's retained equity has matured.
		NothingMatured,
		/// The co-op treasury cannot pay any matured equity now; it stays owed.
		TreasuryCannotPay,
		/// The capital account is full and none of its tranches has matured.
		CapitalAccountFull,
		/// The surplus per patronage unit is beyond what the rate can express: record
		/// patronage in smaller units.
		RateOverflow,
		/// The payment is below the existential deposit and the payee's account does not exist:
		/// give the account a balance first.
		PaymentBelowMinimum,
		/// The fund cannot pay this and stay alive.
		FundTooPoor,
		/// An arithmetic overflow; the amounts are beyond what the chain can hold.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxTranches::get() >= 2, "a capital account must hold two tranches");
			assert!(T::MaxCategories::get() >= 1, "a policy must allow a category");
			assert!(T::MaxBatch::get() >= 1, "a batch must allow a record");
			assert!(
				T::MinClaimWindow::get() <= T::MaxClaimWindow::get(),
				"the claim window bounds must be ordered"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Set a co-op's patronage policy. The first policy opens period 0 and seeds the co-op's
		/// pot, reserve and fund accounts with the existential deposit from its treasury.
		///
		/// Origin: the co-op's decision. Later policies apply to periods closed from then on;
		/// category weights apply to patronage recorded from then on.
		///
		/// Errors: `CoopNotFound`, `NoCategories`, `ZeroCategoryWeight`, `CashShareTooLow`,
		/// `SharesExceedSurplus`, `RevolvingPeriodTooLong`, `ClaimWindowOutOfBounds`,
		/// `TreasuryTooPoor`. Events: `PolicySet`, `PeriodOpened` (the first time).
		#[pallet::call_index(0)]
		pub fn set_policy(
			origin: OriginFor<T>,
			coop: CoopId,
			policy: PolicyOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			ensure!(T::Coops::coop_exists(coop), Error::<T>::CoopNotFound);
			Self::validate_policy(&policy)?;
			if !OpenPeriods::<T>::contains_key(coop) {
				Self::seed_accounts(coop)?;
				OpenPeriods::<T>::insert(
					coop,
					OpenPeriod {
						index: 0,
						opened_at: frame_system::Pallet::<T>::block_number(),
						member_units: 0,
						non_member_units: 0,
					},
				);
				Self::deposit_event(Event::PeriodOpened { coop, period: 0 });
			}
			Policies::<T>::insert(coop, &policy);
			Self::deposit_event(Event::PolicySet { coop, policy });
			Ok(())
		}

		/// Record business that `patron` did with the co-op in the open period: `amount` in
		/// category `category`. A member accrues patronage; a non-member's business is counted as
		/// non-member volume, whose share of surplus goes to the reserve.
		///
		/// Origin: signed by an account holding the co-op's `Operator` role.
		///
		/// Errors: `NotCoopOperator`, `NoPolicy`, `UnknownCategory`, `ZeroAmount`, `Overflow`.
		/// Events: `PatronageRecorded` or `NonMemberBusinessRecorded`.
		#[pallet::call_index(1)]
		pub fn record_patronage(
			origin: OriginFor<T>,
			coop: CoopId,
			patron: T::AccountId,
			category: CategoryIndex,
			amount: u128,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			ensure!(
				T::Coops::has_role(coop, &operator, CoopRole::Operator),
				Error::<T>::NotCoopOperator
			);
			let policy = Policies::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			let mut open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			Self::do_record(
				coop,
				&policy,
				&mut open,
				PatronageRecord { patron, category, amount },
			)?;
			OpenPeriods::<T>::insert(coop, open);
			Ok(())
		}

		/// Record several pieces of business at once (e.g. a day's sales from the till). All or
		/// nothing: one bad record fails the batch.
		///
		/// Origin: signed by an account holding the co-op's `Operator` role.
		///
		/// Errors: as `record_patronage`. Events: one per record.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::record_patronage_batch(records.len() as u32))]
		pub fn record_patronage_batch(
			origin: OriginFor<T>,
			coop: CoopId,
			records: BoundedVec<PatronageRecordOf<T>, T::MaxBatch>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			ensure!(
				T::Coops::has_role(coop, &operator, CoopRole::Operator),
				Error::<T>::NotCoopOperator
			);
			let policy = Policies::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			let mut open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			for record in records {
				Self::do_record(coop, &policy, &mut open, record)?;
			}
			OpenPeriods::<T>::insert(coop, open);
			Ok(())
		}

		/// Close the open period with `surplus` from the co-op treasury, and open the next one.
		/// The surplus is split by the policy: reserve and non-member share to the reserve
		/// account, fund share to the fund account, the rest to the pot for members to claim.
		/// O(1): no loop over members.
		///
		/// Origin: the co-op's decision.
		///
		/// Errors: `NoPolicy`, `TreasuryTooPoor`, `RateOverflow`, `Overflow`.
		/// Events: `PeriodClosed`, `PeriodOpened`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_period(T::MaxMembers::get()))]
		pub fn close_period(
			origin: OriginFor<T>,
			coop: CoopId,
			surplus: BalanceOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			let policy = Policies::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			let open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			let treasury = T::Coops::treasury_account(coop);
			ensure!(
				T::Currency::reducible_balance(
					&treasury,
					Preservation::Preserve,
					Fortitude::Polite
				) >= surplus,
				Error::<T>::TreasuryTooPoor
			);

			let split = Self::split_surplus(&policy, &open, surplus)?;
			let now = frame_system::Pallet::<T>::block_number();
			let closed = ClosedPeriod {
				surplus,
				reserve: split.reserve,
				fund: split.fund,
				non_member_share: split.non_member_share,
				allocatable: split.allocatable,
				rate: split.rate,
				cash_share: policy.cash_share,
				matures_after: open.index.saturating_add(policy.revolving_periods),
				member_units: open.member_units,
				non_member_units: open.non_member_units,
				claimed_units: 0,
				claimed: Zero::zero(),
				closed_at: now,
				claim_deadline: now.saturating_add(policy.claim_window),
				swept: None,
			};

			let to_reserve =
				split.reserve.checked_add(&split.non_member_share).ok_or(Error::<T>::Overflow)?;
			Self::pay(&treasury, &Self::reserve_account(coop), to_reserve)?;
			Self::pay(&treasury, &Self::fund_account(coop), split.fund)?;
			Self::pay(&treasury, &Self::pot_account(coop), split.allocatable)?;

			let next = open.index.checked_add(1).ok_or(Error::<T>::Overflow)?;
			ClosedPeriods::<T>::insert(coop, open.index, &closed);
			OpenPeriods::<T>::insert(
				coop,
				OpenPeriod { index: next, opened_at: now, member_units: 0, non_member_units: 0 },
			);
			Self::deposit_event(Event::PeriodClosed {
				coop,
				period: open.index,
				surplus,
				reserve: closed.reserve,
				fund: closed.fund,
				non_member_share: closed.non_member_share,
				allocatable: closed.allocatable,
				rate: closed.rate,
				claim_deadline: closed.claim_deadline,
			});
			Self::deposit_event(Event::PeriodOpened { coop, period: next });
			Ok(())
		}

		/// Claim `member`'s allocation for a closed period: the cash share is paid to them now,
		/// the rest is retained as a tranche on their capital account (written notice of
		/// allocation). O(1) in the number of members. A member who has left since may claim
		/// patronage recorded while they were a member.
		///
		/// Origin: signed by anyone (the member, or someone paying the fee for them).
		///
		/// Errors: `PeriodNotClosed`, `ClaimWindowClosed`, `NothingToClaim`,
		/// `PaymentBelowMinimum`, `CapitalAccountFull`, `Overflow`. Events: `AllocationNotified`, `TranchesMerged` when
		/// a full capital account's matured tranches were merged.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim(T::MaxMembers::get()))]
		pub fn claim(
			origin: OriginFor<T>,
			coop: CoopId,
			period: PeriodIndex,
			member: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut closed =
				ClosedPeriods::<T>::get(coop, period).ok_or(Error::<T>::PeriodNotClosed)?;
			ensure!(closed.swept.is_none(), Error::<T>::ClaimWindowClosed);
			ensure!(
				frame_system::Pallet::<T>::block_number() <= closed.claim_deadline,
				Error::<T>::ClaimWindowClosed
			);
			let units = MemberPatronage::<T>::get((coop, period), &member)
				.ok_or(Error::<T>::NothingToClaim)?;
			let allocation = Self::allocation_of(&closed, units)?;
			ensure!(!allocation.total.is_zero(), Error::<T>::NothingToClaim);
			// The pot holds `allocatable - claimed` for the period; rounding down keeps every
			// allocation within it.
			ensure!(allocation.total <= closed.outstanding(), Error::<T>::Overflow);
			Self::ensure_can_receive(&member, allocation.cash)?;

			let pot = Self::pot_account(coop);
			if !allocation.retained.is_zero() {
				let open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
				let mut tranches = CapitalAccounts::<T>::get(coop, &member);
				if tranches.is_full() {
					Self::merge_matured(coop, &member, &mut tranches, open.index)?;
				}
				let tranche = EquityTranche {
					period,
					matures_after: closed.matures_after,
					amount: allocation.retained,
				};
				let at = tranches
					.iter()
					.position(|t| {
						(t.matures_after, t.period) > (tranche.matures_after, tranche.period)
					})
					.unwrap_or(tranches.len());
				tranches.try_insert(at, tranche).map_err(|_| Error::<T>::CapitalAccountFull)?;
				CapitalAccounts::<T>::insert(coop, &member, tranches);
				EquityOwed::<T>::try_mutate(coop, |owed| {
					*owed = owed.checked_add(&allocation.retained).ok_or(Error::<T>::Overflow)?;
					Ok::<_, Error<T>>(())
				})?;
				// Retained equity stays with the co-op, which uses it until it revolves.
				Self::pay(&pot, &T::Coops::treasury_account(coop), allocation.retained)?;
			}
			Self::pay(&pot, &member, allocation.cash)?;

			closed.claimed =
				closed.claimed.checked_add(&allocation.total).ok_or(Error::<T>::Overflow)?;
			closed.claimed_units =
				closed.claimed_units.checked_add(units).ok_or(Error::<T>::Overflow)?;
			ClosedPeriods::<T>::insert(coop, period, &closed);
			MemberPatronage::<T>::remove((coop, period), &member);
			Self::deposit_event(Event::AllocationNotified {
				coop,
				period,
				member,
				units,
				total: allocation.total,
				cash: allocation.cash,
				retained: allocation.retained,
				matures_after: closed.matures_after,
			});
			Ok(())
		}

		/// Pay `member`'s matured retained equity back from the co-op treasury, oldest first. If
		/// the treasury cannot pay it all, it pays what it can (keeping alive) and the rest stays
		/// owed. Works for former members too.
		///
		/// Origin: signed by anyone.
		///
		/// Errors: `NoPolicy`, `NothingMatured`, `TreasuryCannotPay`, `PaymentBelowMinimum`.
		/// Events: `EquityRevolved`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::revolve(T::MaxTranches::get()))]
		pub fn revolve(
			origin: OriginFor<T>,
			coop: CoopId,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
			let mut tranches = CapitalAccounts::<T>::get(coop, &member);
			ensure!(
				tranches.first().is_some_and(|t| t.matures_after < open.index),
				Error::<T>::NothingMatured
			);
			let treasury = T::Coops::treasury_account(coop);
			let mut available = T::Currency::reducible_balance(
				&treasury,
				Preservation::Preserve,
				Fortitude::Polite,
			);
			let mut paid = BalanceOf::<T>::zero();
			let mut touched = 0u32;
			for tranche in tranches.iter_mut() {
				if tranche.matures_after >= open.index || available.is_zero() {
					break;
				}
				let amount = tranche.amount.min(available);
				tranche.amount.saturating_reduce(amount);
				available.saturating_reduce(amount);
				paid = paid.saturating_add(amount);
				touched.saturating_inc();
			}
			ensure!(!paid.is_zero(), Error::<T>::TreasuryCannotPay);
			Self::ensure_can_receive(&member, paid)?;
			Self::pay(&treasury, &member, paid)?;
			tranches.retain(|t| !t.amount.is_zero());
			let still_owed = Self::sum(&tranches);
			if tranches.is_empty() {
				CapitalAccounts::<T>::remove(coop, &member);
			} else {
				CapitalAccounts::<T>::insert(coop, &member, tranches);
			}
			EquityOwed::<T>::mutate(coop, |owed| *owed = owed.saturating_sub(paid));
			Self::deposit_event(Event::EquityRevolved { coop, member, paid, still_owed });
			Ok(Some(T::WeightInfo::revolve(touched)).into())
		}

		/// Move what is left of a closed period's allocations to the reserve once its claim
		/// window has ended: allocations nobody claimed, and what rounding down left over.
		///
		/// Origin: signed by anyone.
		///
		/// Errors: `PeriodNotClosed`, `ClaimWindowOpen`, `AlreadySwept`.
		/// Events: `UnclaimedSwept`.
		#[pallet::call_index(6)]
		pub fn sweep_unclaimed(
			origin: OriginFor<T>,
			coop: CoopId,
			period: PeriodIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut closed =
				ClosedPeriods::<T>::get(coop, period).ok_or(Error::<T>::PeriodNotClosed)?;
			ensure!(closed.swept.is_none(), Error::<T>::AlreadySwept);
			ensure!(
				frame_system::Pallet::<T>::block_number() > closed.claim_deadline,
				Error::<T>::ClaimWindowOpen
			);
			let outstanding = closed.outstanding();
			let unclaimed_units = closed.member_units.saturating_sub(closed.claimed_units);
			let unclaimed = Self::mul_rate(closed.rate, unclaimed_units)?.min(outstanding);
			let remainder = outstanding.saturating_sub(unclaimed);
			Self::pay(&Self::pot_account(coop), &Self::reserve_account(coop), outstanding)?;
			closed.swept = Some(Sweep { unclaimed, remainder });
			ClosedPeriods::<T>::insert(coop, period, closed);
			Self::deposit_event(Event::UnclaimedSwept { coop, period, unclaimed, remainder });
			Ok(())
		}

		/// Spend from the co-op's education and social fund.
		///
		/// Origin: the co-op's decision.
		///
		/// Errors: `NoPolicy`, `FundTooPoor`. Events: `FundSpent`.
		#[pallet::call_index(7)]
		pub fn spend_fund(
			origin: OriginFor<T>,
			coop: CoopId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			ensure!(OpenPeriods::<T>::contains_key(coop), Error::<T>::NoPolicy);
			let fund = Self::fund_account(coop);
			ensure!(
				T::Currency::reducible_balance(&fund, Preservation::Preserve, Fortitude::Polite)
					>= amount,
				Error::<T>::FundTooPoor
			);
			Self::pay(&fund, &to, amount)?;
			Self::deposit_event(Event::FundSpent { coop, to, amount });
			Ok(())
		}
	}
}

/// How a period's surplus is split when it closes.
struct SurplusSplit<Balance> {
	reserve: Balance,
	fund: Balance,
	non_member_share: Balance,
	allocatable: Balance,
	rate: FixedU128,
}

impl<T: Config> Pallet<T> {
	/// The account holding each co-op's unclaimed allocations.
	pub fn pot_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"pot", coop))
	}

	/// Each co-op's indivisible reserve: this pallet pays into it and never out of it.
	pub fn reserve_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"rsv", coop))
	}

	/// Each co-op's education and social fund, spent by the co-op's decision.
	pub fn fund_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"fnd", coop))
	}

	/// A member's allocation for a closed period, if they have one to claim (runtime API).
	pub fn claimable(
		coop: CoopId,
		period: PeriodIndex,
		member: &T::AccountId,
	) -> Option<Allocation<BalanceOf<T>>> {
		let closed = ClosedPeriods::<T>::get(coop, period)?;
		if closed.swept.is_some() {
			return None;
		}
		let units = MemberPatronage::<T>::get((coop, period), member)?;
		Self::allocation_of(&closed, units).ok()
	}

	/// A member's capital account (runtime API).
	pub fn capital_account(coop: CoopId, member: &T::AccountId) -> CapitalAccount<BalanceOf<T>> {
		let open_index = OpenPeriods::<T>::get(coop).map(|o| o.index).unwrap_or_default();
		let tranches = CapitalAccounts::<T>::get(coop, member);
		let matured = tranches
			.iter()
			.filter(|t| t.matures_after < open_index)
			.fold(Zero::zero(), |sum: BalanceOf<T>, t| sum.saturating_add(t.amount));
		CapitalAccount { owed: Self::sum(&tranches), matured, tranches: tranches.into_inner() }
	}

	/// A period's summary (runtime API).
	pub fn period_summary(
		coop: CoopId,
		period: PeriodIndex,
	) -> Option<PeriodSummary<BalanceOf<T>, BlockNumberFor<T>>> {
		if let Some(closed) = ClosedPeriods::<T>::get(coop, period) {
			return Some(PeriodSummary::Closed(closed));
		}
		OpenPeriods::<T>::get(coop).filter(|o| o.index == period).map(PeriodSummary::Open)
	}

	fn validate_policy(policy: &PolicyOf<T>) -> DispatchResult {
		ensure!(!policy.categories.is_empty(), Error::<T>::NoCategories);
		ensure!(policy.categories.iter().all(|c| c.weight > 0), Error::<T>::ZeroCategoryWeight);
		ensure!(policy.cash_share >= T::MinCashShare::get(), Error::<T>::CashShareTooLow);
		ensure!(
			policy.reserve_share.deconstruct().saturating_add(policy.fund_share.deconstruct())
				<= Perbill::one().deconstruct(),
			Error::<T>::SharesExceedSurplus
		);
		ensure!(
			policy.revolving_periods <= T::MaxTranches::get().saturating_sub(2),
			Error::<T>::RevolvingPeriodTooLong
		);
		ensure!(
			policy.claim_window >= T::MinClaimWindow::get()
				&& policy.claim_window <= T::MaxClaimWindow::get(),
			Error::<T>::ClaimWindowOutOfBounds
		);
		Ok(())
	}

	/// Gives the pot, reserve and fund accounts the existential deposit, so that no payment
	/// into them is ever too small and no payment out of them ever leaves dust to be burned.
	fn seed_accounts(coop: CoopId) -> DispatchResult {
		let treasury = T::Coops::treasury_account(coop);
		let seed = T::Currency::minimum_balance();
		for account in
			[Self::pot_account(coop), Self::reserve_account(coop), Self::fund_account(coop)]
		{
			if T::Currency::total_balance(&account) < seed {
				T::Currency::transfer(&treasury, &account, seed, Preservation::Preserve)
					.map_err(|_| Error::<T>::TreasuryTooPoor)?;
			}
		}
		Ok(())
	}

	fn do_record(
		coop: CoopId,
		policy: &PolicyOf<T>,
		open: &mut OpenPeriod<BlockNumberFor<T>>,
		record: PatronageRecordOf<T>,
	) -> DispatchResult {
		let PatronageRecord { patron, category, amount } = record;
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let weight = policy
			.categories
			.get(usize::from(category))
			.map(|c| c.weight)
			.ok_or(Error::<T>::UnknownCategory)?;
		let units = amount.checked_mul(u128::from(weight)).ok_or(Error::<T>::Overflow)?;
		let period = open.index;
		if T::Coops::is_member(coop, &patron) {
			open.member_units = open.member_units.checked_add(units).ok_or(Error::<T>::Overflow)?;
			MemberPatronage::<T>::try_mutate((coop, period), &patron, |entry| {
				*entry = Some(entry.unwrap_or(0).checked_add(units).ok_or(Error::<T>::Overflow)?);
				Ok::<_, Error<T>>(())
			})?;
			Self::deposit_event(Event::PatronageRecorded {
				coop,
				period,
				member: patron,
				category,
				amount,
				units,
			});
		} else {
			open.non_member_units =
				open.non_member_units.checked_add(units).ok_or(Error::<T>::Overflow)?;
			Self::deposit_event(Event::NonMemberBusinessRecorded {
				coop,
				period,
				patron,
				category,
				amount,
				units,
			});
		}
		Ok(())
	}

	/// Splits `surplus` by the policy and the period's patronage:
	/// `reserve = ⌊surplus × reserve_share⌋`, `fund = ⌊surplus × fund_share⌋`,
	/// `rest = surplus − reserve − fund`, `non_member_share = ⌊rest × N / (M + N)⌋` (all of
	/// `rest` if no member did business), `allocatable = rest − non_member_share`, and
	/// `rate = ⌊allocatable × 10^18 / M⌋ / 10^18`, where `M` and `N` are member and non-member
	/// weighted units.
	fn split_surplus(
		policy: &PolicyOf<T>,
		open: &OpenPeriod<BlockNumberFor<T>>,
		surplus: BalanceOf<T>,
	) -> Result<SurplusSplit<BalanceOf<T>>, DispatchError> {
		let reserve = policy.reserve_share.mul_floor(surplus);
		let fund = policy.fund_share.mul_floor(surplus);
		let rest = surplus
			.checked_sub(&reserve)
			.and_then(|r| r.checked_sub(&fund))
			.ok_or(Error::<T>::Overflow)?;
		let (member, non_member) = (open.member_units, open.non_member_units);
		let non_member_share = if member == 0 {
			rest
		} else if non_member == 0 {
			Zero::zero()
		} else {
			let all = member.checked_add(non_member).ok_or(Error::<T>::Overflow)?;
			let share = multiply_by_rational_with_rounding(
				Self::to_u128(rest)?,
				non_member,
				all,
				Rounding::Down,
			)
			.ok_or(Error::<T>::Overflow)?;
			Self::from_u128(share)?
		};
		let allocatable = rest.checked_sub(&non_member_share).ok_or(Error::<T>::Overflow)?;
		let rate = if member == 0 {
			FixedU128::zero()
		} else {
			let inner = multiply_by_rational_with_rounding(
				Self::to_u128(allocatable)?,
				FixedU128::DIV,
				member,
				Rounding::Down,
			)
			.ok_or(Error::<T>::RateOverflow)?;
			FixedU128::from_inner(inner)
		};
		Ok(SurplusSplit { reserve, fund, non_member_share, allocatable, rate })
	}

	/// `units × rate`, rounded down, split into cash (the policy share, rounded up) and retained
	/// equity.
	fn allocation_of(
		closed: &ClosedPeriodOf<T>,
		units: PatronageUnits,
	) -> Result<Allocation<BalanceOf<T>>, DispatchError> {
		let total = Self::mul_rate(closed.rate, units)?;
		let cash = closed.cash_share.mul_ceil(total);
		let retained = total.checked_sub(&cash).ok_or(Error::<T>::Overflow)?;
		Ok(Allocation { units, total, cash, retained })
	}

	fn mul_rate(rate: FixedU128, units: PatronageUnits) -> Result<BalanceOf<T>, DispatchError> {
		let value = rate.checked_mul_int(units).ok_or(Error::<T>::Overflow)?;
		Self::from_u128(value)
	}

	/// Merges a full capital account's matured tranches into one, which keeps the earliest
	/// period and stays first in line.
	fn merge_matured(
		coop: CoopId,
		member: &T::AccountId,
		tranches: &mut TranchesOf<T>,
		open_index: PeriodIndex,
	) -> DispatchResult {
		let matured = tranches.iter().take_while(|t| t.matures_after < open_index).count();
		ensure!(matured >= 2, Error::<T>::CapitalAccountFull);
		let mut merged: Option<EquityTranche<BalanceOf<T>>> = None;
		for t in tranches.iter().take(matured) {
			merged = Some(match merged {
				None => t.clone(),
				Some(m) => EquityTranche {
					period: m.period.min(t.period),
					matures_after: m.matures_after.max(t.matures_after),
					amount: m.amount.checked_add(&t.amount).ok_or(Error::<T>::Overflow)?,
				},
			});
		}
		let Some(merged) = merged else {
			return Err(Error::<T>::CapitalAccountFull.into());
		};
		let amount = merged.amount;
		let rest: Vec<_> = tranches.iter().skip(matured).cloned().collect();
		let mut all = Vec::with_capacity(rest.len().saturating_add(1));
		all.push(merged);
		all.extend(rest);
		*tranches = BoundedVec::try_from(all).map_err(|_| Error::<T>::CapitalAccountFull)?;
		Self::deposit_event(Event::TranchesMerged {
			coop,
			member: member.clone(),
			count: matured as u32,
			amount,
		});
		Ok(())
	}

	/// A payee without an account needs at least the existential deposit.
	fn ensure_can_receive(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		ensure!(
			T::Currency::can_deposit(who, amount, Provenance::Extant).into_result().is_ok(),
			Error::<T>::PaymentBelowMinimum
		);
		Ok(())
	}

	fn pay(from: &T::AccountId, to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(from, to, amount, Preservation::Preserve)?;
		Ok(())
	}

	fn sum(tranches: &[EquityTranche<BalanceOf<T>>]) -> BalanceOf<T> {
		tranches.iter().fold(Zero::zero(), |sum: BalanceOf<T>, t| sum.saturating_add(t.amount))
	}

	fn to_u128(balance: BalanceOf<T>) -> Result<u128, DispatchError> {
		balance.try_into().map_err(|_| Error::<T>::Overflow.into())
	}

	fn from_u128(value: u128) -> Result<BalanceOf<T>, DispatchError> {
		value.try_into().map_err(|_| Error::<T>::Overflow.into())
	}

	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. Every closed period settles to the unit: `surplus = reserve + fund + non_member_share
	///    + allocatable`, `claimed ≤ allocatable`, and once swept `allocatable = claimed +
	///    unclaimed + remainder`.
	/// 2. Outstanding claims fit in the pot: for each unswept period, the allocations of the
	///    patronage still unclaimed add up to at most `allocatable − claimed`, and the
	///    unclaimed entries' units are `member_units − claimed_units`.
	/// 3. The pot holds every unswept period's outstanding allocations on top of its seed.
	/// 4. The open period's units are the sum of its members' entries.
	/// 5. Capital accounts are sorted by maturity, hold no empty tranche, and add up to what the
	///    co-op owes its members.
	#[cfg(any(test, feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut pot_owed: BTreeMap<CoopId, BalanceOf<T>> = BTreeMap::new();
		for (coop, period, closed) in ClosedPeriods::<T>::iter() {
			let split = closed
				.reserve
				.checked_add(&closed.fund)
				.and_then(|s| s.checked_add(&closed.non_member_share))
				.and_then(|s| s.checked_add(&closed.allocatable));
			ensure!(split == Some(closed.surplus), "a surplus is split to the unit");
			ensure!(closed.claimed <= closed.allocatable, "claims stay within the allocatable");
			if let Some(sweep) = &closed.swept {
				ensure!(
					closed
						.claimed
						.checked_add(&sweep.unclaimed)
						.and_then(|s| s.checked_add(&sweep.remainder))
						== Some(closed.allocatable),
					"a swept period settles to the unit"
				);
				continue;
			}
			let mut units: PatronageUnits = 0;
			let mut owed = BalanceOf::<T>::zero();
			for (_, u) in MemberPatronage::<T>::iter_prefix((coop, period)) {
				units = units.checked_add(u).ok_or("patronage units overflow")?;
				let allocation =
					Self::allocation_of(&closed, u).map_err(|_| "allocation overflow")?;
				owed = owed.checked_add(&allocation.total).ok_or("allocations overflow")?;
			}
			ensure!(
				closed.claimed_units.checked_add(units) == Some(closed.member_units),
				"claimed and unclaimed units add up to the period's"
			);
			ensure!(owed <= closed.outstanding(), "outstanding claims fit in the pot");
			let entry = pot_owed.entry(coop).or_insert_with(Zero::zero);
			*entry = entry.saturating_add(closed.outstanding());
		}
		for (coop, owed) in pot_owed {
			let pot = T::Currency::total_balance(&Self::pot_account(coop));
			ensure!(
				pot >= owed.saturating_add(T::Currency::minimum_balance()),
				"the pot holds every outstanding allocation"
			);
		}
		for (coop, open) in OpenPeriods::<T>::iter() {
			let units = MemberPatronage::<T>::iter_prefix((coop, open.index))
				.try_fold(0u128, |sum, (_, u)| sum.checked_add(u))
				.ok_or("patronage units overflow")?;
			ensure!(units == open.member_units, "the open period's units are its entries'");
		}
		let mut owed: BTreeMap<CoopId, BalanceOf<T>> = BTreeMap::new();
		for (coop, _, tranches) in CapitalAccounts::<T>::iter() {
			ensure!(!tranches.is_empty(), "no empty capital account is stored");
			ensure!(tranches.iter().all(|t| !t.amount.is_zero()), "no empty tranche");
			ensure!(
				tranches.windows(2).all(|w| match w {
					[a, b] => (a.matures_after, a.period) <= (b.matures_after, b.period),
					_ => true,
				}),
				"tranches are sorted by maturity"
			);
			let entry = owed.entry(coop).or_insert_with(Zero::zero);
			*entry = entry.saturating_add(Self::sum(&tranches));
		}
		for (coop, total) in EquityOwed::<T>::iter() {
			ensure!(
				owed.remove(&coop).unwrap_or_else(Zero::zero) == total,
				"capital accounts add up to what the co-op owes"
			);
		}
		ensure!(owed.values().all(|v| v.is_zero()), "every owing co-op is counted");
		Ok(())
	}
}
