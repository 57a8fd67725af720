#![doc = include_str!("../README.md")]
//!
//! ## Example
//!
//! A year of quarters at a co-op with three members: each quarter the till records their
//! business, the co-op closes the quarter and the members claim; after two further quarters the
//! equity retained in the first quarters has matured, and `revolve` pays it back.
#![doc = docify::embed!("src/tests/stories.rs", a_year_of_quarters_with_revolving_retirement)]
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

mod accounts;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod capital;
#[cfg(any(test, feature = "try-runtime"))]
mod invariants;
mod maturity;
pub mod migrations;
#[cfg(test)]
mod mock;
mod policy;
mod queries;
mod records;
mod surplus;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use coop_primitives::{CoopId, CoopInspect, MemberEquity, OnCoopDissolved};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOriginWithArg,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_runtime::{FixedU128, Perbill};

/// The balance type of the currency surplus is paid in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A policy, as this runtime stores it.
pub type PolicyOf<T> = PatronagePolicy<BlockNumberFor<T>, <T as Config>::MaxCategories>;
/// A closed period, as this runtime stores it.
pub type ClosedPeriodOf<T> = ClosedPeriod<BalanceOf<T>, BlockNumberFor<T>>;
/// A capital account, as this runtime stores it.
pub type TranchesOf<T> = BoundedVec<EquityTranche<BalanceOf<T>>, <T as Config>::MaxTranches>;
/// A co-op's matured unpaid equity by maturity, oldest first.
pub type MaturedOf<T> = BoundedVec<(PeriodIndex, BalanceOf<T>), <T as Config>::MaxMaturities>;
/// One entry of a batch of patronage records.
pub type PatronageRecordOf<T> = PatronageRecord<<T as frame_system::Config>::AccountId>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The in-code storage version: 2 added the co-op-wide order of equity by maturity
	/// ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency surplus is paid in.
		type Currency: Inspect<Self::AccountId> + Mutate<Self::AccountId>;

		/// Co-ops, their members and their roles.
		type Coops: CoopInspect<Self::AccountId>;

		/// Who decides for a co-op (its passed motion).
		type CoopOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// Who spends a co-op's education and social fund: its passed motion, or a stricter
		/// decision where the fund belongs to many (the runtime requires the federation's special
		/// resolution for the federation's fund).
		type FundOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, CoopId>;

		/// Derives each co-op's pot, reserve and fund accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Where a dissolved co-op's reserve and fund go (in coopchain the federation's
		/// development fund, as for the rest of its indivisible assets).
		#[pallet::constant]
		type DissolvedAssetsTo: Get<Self::AccountId>;

		/// The most patronage categories a policy may have.
		#[pallet::constant]
		type MaxCategories: Get<u32>;

		/// The most tranches a capital account holds (at least 2).
		#[pallet::constant]
		type MaxTranches: Get<u32>;

		/// The most buckets of matured unpaid equity a co-op keeps in order (at least 1): past
		/// it, the newest bucket takes the newest maturity.
		#[pallet::constant]
		type MaxMaturities: Get<u32>;

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

		/// Sets up the co-op, its members and its operator for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: coop_primitives::BenchmarkCoops<Self::AccountId>;
	}

	/// Each co-op's patronage policy.
	// Hasher: `Twox64Concat`, co-op ids are assigned by the chain, not chosen by users.
	#[pallet::storage]
	pub type Policies<T: Config> = StorageMap<_, Twox64Concat, CoopId, PolicyOf<T>>;

	/// The period each co-op is recording patronage in (opened with its first policy).
	// Hasher: `Twox64Concat`, co-op ids are assigned by the chain.
	#[pallet::storage]
	pub type OpenPeriods<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, OpenPeriod<BlockNumberFor<T>>>;

	/// Closed periods, by co-op and period.
	// Hasher: `Twox64Concat` for both keys, co-op ids and period numbers are assigned by the chain.
	#[pallet::storage]
	pub type ClosedPeriods<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Twox64Concat, PeriodIndex, ClosedPeriodOf<T>>;

	/// Weighted patronage per member and period; taken when the allocation is claimed, so the
	/// entries of a swept period are the record of who did not claim.
	// Hasher: `Twox64Concat` for the chain-assigned (co-op, period); `Blake2_128Concat` for
	// accounts, which users choose, so that nobody can grind keys to unbalance the trie.
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
	// Hasher: `Twox64Concat` for the chain-assigned co-op id; `Blake2_128Concat` for the
	// user-chosen account.
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

	/// Retained equity not matured yet, by the period whose close matures it.
	// Hasher: `Twox64Concat` for both keys, assigned by the chain.
	#[pallet::storage]
	pub type Maturing<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Twox64Concat,
		PeriodIndex,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// Matured retained equity not paid yet, by maturity, oldest first: `revolve` pays it in
	/// this order across members, and `close_period` keeps it in the treasury.
	// Hasher: `Twox64Concat`, co-op ids are assigned by the chain.
	#[pallet::storage]
	pub type Matured<T: Config> = StorageMap<_, Twox64Concat, CoopId, MaturedOf<T>, ValueQuery>;

	/// What each co-op owes its members in retained equity, in all.
	// Hasher: `Twox64Concat`, co-op ids are assigned by the chain.
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
		/// A dissolved co-op's indivisible reserve and fund went to `DissolvedAssetsTo`.
		DissolvedReserveTransferred {
			/// The dissolved co-op.
			coop: CoopId,
			/// Where they went.
			to: T::AccountId,
			/// From the reserve.
			reserve: BalanceOf<T>,
			/// From the education and social fund.
			fund: BalanceOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// There is no co-op with this number.
		CoopNotFound,
		/// The co-op exists (or is the federation): its reserve stays with it.
		CoopNotDissolved,
		/// The dissolved co-op's reserve and fund are empty.
		NothingToTransfer,
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
		/// The co-op treasury cannot pay any of this member's matured equity now, after what it
		/// keeps for older matured equity of the co-op's members: it stays owed.
		TreasuryCannotPay,
		/// Closing with this surplus would spend what the co-op owes in matured equity: revolve
		/// it first, or close with less.
		MaturedEquityUnpaid,
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
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxTranches::get() >= 2, "a capital account must hold two tranches");
			assert!(T::MaxMaturities::get() >= 1, "matured equity needs a bucket");
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
		/// pot, reserve and fund accounts with the existential deposit from its treasury. Later
		/// policies apply to periods closed from then on; category weights apply to patronage
		/// recorded from then on.
		///
		/// Origin: the co-op's decision.
		///
		/// Errors: [`Error::CoopNotFound`], [`Error::NoCategories`],
		/// [`Error::ZeroCategoryWeight`], [`Error::CashShareTooLow`],
		/// [`Error::SharesExceedSurplus`], [`Error::RevolvingPeriodTooLong`],
		/// [`Error::ClaimWindowOutOfBounds`], [`Error::TreasuryTooPoor`].
		///
		/// Events: [`Event::PolicySet`], and [`Event::PeriodOpened`] the first time.
		#[pallet::call_index(0)]
		pub fn set_policy(
			origin: OriginFor<T>,
			coop: CoopId,
			policy: PolicyOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			Self::do_set_policy(coop, policy)
		}

		/// Record business that `patron` did with the co-op in the open period: `amount` in
		/// category `category`. A member accrues patronage; a non-member's business is counted as
		/// non-member volume, whose share of surplus goes to the reserve.
		///
		/// Origin: signed by an account holding the co-op's `Operator` role.
		///
		/// Errors: [`Error::NotCoopOperator`], [`Error::NoPolicy`], [`Error::UnknownCategory`],
		/// [`Error::ZeroAmount`], [`ArithmeticError::Overflow`](sp_runtime::ArithmeticError)
		/// when the weighted units exceed what the period can count.
		///
		/// Events: [`Event::PatronageRecorded`] or [`Event::NonMemberBusinessRecorded`].
		#[pallet::call_index(1)]
		pub fn record_patronage(
			origin: OriginFor<T>,
			coop: CoopId,
			patron: T::AccountId,
			category: CategoryIndex,
			amount: u128,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::ensure_operator(coop, &operator)?;
			Self::do_record_patronage(coop, PatronageRecord { patron, category, amount })
		}

		/// Record several pieces of business at once (e.g. a day's sales from the till). All or
		/// nothing: one bad record fails the batch.
		///
		/// Origin: signed by an account holding the co-op's `Operator` role.
		///
		/// Errors: as [`Pallet::record_patronage`]. Events: one per record, as
		/// [`Pallet::record_patronage`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::record_patronage_batch(records.len() as u32))]
		pub fn record_patronage_batch(
			origin: OriginFor<T>,
			coop: CoopId,
			records: BoundedVec<PatronageRecordOf<T>, T::MaxBatch>,
		) -> DispatchResult {
			let operator = ensure_signed(origin)?;
			Self::ensure_operator(coop, &operator)?;
			Self::do_record_patronage_batch(coop, records)
		}

		/// Close the open period with `surplus` from the co-op treasury, and open the next one.
		/// The surplus is split by the policy: reserve and non-member share to the reserve
		/// account, fund share to the fund account, the rest to the pot for members to claim.
		/// O(1): no loop over members. The treasury must keep, after the surplus, what the co-op
		/// owes in matured equity (including what matures with this close).
		///
		/// Origin: the co-op's decision.
		///
		/// Errors: [`Error::NoPolicy`], [`Error::TreasuryTooPoor`],
		/// [`Error::MaturedEquityUnpaid`], [`Error::RateOverflow`],
		/// [`ArithmeticError::Overflow`](sp_runtime::ArithmeticError) when the period's units or
		/// the period number run out of range.
		///
		/// Events: [`Event::PeriodClosed`], [`Event::PeriodOpened`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::close_period(T::MaxMembers::get()))]
		pub fn close_period(
			origin: OriginFor<T>,
			coop: CoopId,
			surplus: BalanceOf<T>,
		) -> DispatchResult {
			T::CoopOrigin::ensure_origin(origin, &coop)?;
			Self::do_close_period(coop, surplus)
		}

		/// Claim `member`'s allocation for a closed period: the cash share is paid to them now,
		/// the rest is retained as a tranche on their capital account (written notice of
		/// allocation). O(1) in the number of members. A member who has left since may claim
		/// patronage recorded while they were a member. Cash the member's account cannot receive
		/// (a reaped account, cash below the existential deposit) is retained as equity with the
		/// rest: an allocation is never lost.
		///
		/// Origin: signed by anyone (the member, or someone paying the fee for them).
		///
		/// Errors: [`Error::PeriodNotClosed`], [`Error::ClaimWindowClosed`],
		/// [`Error::NothingToClaim`], [`Error::CapitalAccountFull`], [`ArithmeticError::Overflow`](sp_runtime::ArithmeticError)
		/// when the co-op's equity owed runs out of range.
		///
		/// Events: [`Event::AllocationNotified`], and [`Event::TranchesMerged`] when a full
		/// capital account's matured tranches were merged.
		#[pallet::call_index(4)]
		// One more read than the benchmark: whether the co-op still exists (its horizon).
		#[pallet::weight(T::WeightInfo::claim(T::MaxMembers::get())
			.saturating_add(T::DbWeight::get().reads(1)))]
		pub fn claim(
			origin: OriginFor<T>,
			coop: CoopId,
			period: PeriodIndex,
			member: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(coop, period, member)
		}

		/// Pay `member`'s matured retained equity back from the co-op treasury, oldest first. If
		/// the treasury cannot pay it all, it pays what it can (keeping alive) and the rest stays
		/// owed. The co-op's oldest matured equity comes first across members: the treasury
		/// keeps what older matured equity of others is owed, whoever calls first. Works for
		/// former members too. Charged for the tranches it touched.
		///
		/// Origin: signed by anyone.
		///
		/// Errors: [`Error::NoPolicy`], [`Error::NothingMatured`], [`Error::TreasuryCannotPay`],
		/// [`Error::PaymentBelowMinimum`].
		///
		/// Events: [`Event::EquityRevolved`].
		#[pallet::call_index(5)]
		// One more read than the benchmark: whether the co-op still exists (its horizon).
		#[pallet::weight(T::WeightInfo::revolve(T::MaxTranches::get())
			.saturating_add(T::DbWeight::get().reads(1)))]
		pub fn revolve(
			origin: OriginFor<T>,
			coop: CoopId,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let touched = Self::do_revolve(coop, member)?;
			Ok(Some(T::WeightInfo::revolve(touched).saturating_add(T::DbWeight::get().reads(1)))
				.into())
		}

		/// Move what is left of a closed period's allocations to the reserve once its claim
		/// window has ended: allocations nobody claimed, and what rounding down left over.
		///
		/// Origin: signed by anyone.
		///
		/// Errors: [`Error::PeriodNotClosed`], [`Error::ClaimWindowOpen`],
		/// [`Error::AlreadySwept`].
		///
		/// Events: [`Event::UnclaimedSwept`].
		#[pallet::call_index(6)]
		pub fn sweep_unclaimed(
			origin: OriginFor<T>,
			coop: CoopId,
			period: PeriodIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_sweep_unclaimed(coop, period)
		}

		/// Spend from the co-op's education and social fund.
		///
		/// Origin: [`Config::FundOrigin`] (the co-op's decision; for the federation's fund, which
		/// belongs to all its member co-ops, the runtime requires a special resolution).
		///
		/// Errors: [`Error::NoPolicy`], [`Error::FundTooPoor`].
		///
		/// Events: [`Event::FundSpent`].
		#[pallet::call_index(7)]
		pub fn spend_fund(
			origin: OriginFor<T>,
			coop: CoopId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::FundOrigin::ensure_origin(origin, &coop)?;
			Self::do_spend_fund(coop, to, amount)
		}

		/// Pass a dissolved co-op's indivisible reserve and its education and social fund on to
		/// `DissolvedAssetsTo`: a reserve is never shared out among members, so when its co-op
		/// is gone it goes where co-operative law sends indivisible assets. The pot is left:
		/// members still claim their allocations from it, and what they leave unclaimed is
		/// swept into the reserve, to be passed on by this call again.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: [`Error::CoopNotDissolved`], [`Error::NothingToTransfer`], or the currency's
		/// error.
		///
		/// Events: [`Event::DissolvedReserveTransferred`].
		#[pallet::call_index(8)]
		pub fn transfer_dissolved_reserve(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_transfer_dissolved_reserve(coop)
		}
	}
}

/// A dissolved co-op will never close another period: all its retained equity matures now, and
/// is revolved from its treasury oldest first.
impl<T: Config> OnCoopDissolved for Pallet<T> {
	fn on_coop_dissolved(coop: CoopId) {
		Self::mature_all(coop);
	}

	/// At most `MaxTranches` maturities still to come (the revolving period is shorter), each
	/// read and removed, and the matured buckets read and written.
	fn on_coop_dissolved_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1).saturating_add(
			T::DbWeight::get().reads_writes(1, 1).saturating_mul(T::MaxTranches::get().into()),
		)
	}
}

/// What a co-op owes its members besides share capital: the retained equity on their capital
/// accounts, which a dissolved co-op's treasury keeps for them.
impl<T: Config> MemberEquity<BalanceOf<T>> for Pallet<T> {
	fn owed_to_members(coop: CoopId) -> BalanceOf<T> {
		EquityOwed::<T>::get(coop)
	}
}
