//! The records this pallet keeps: policies, patronage records, periods, capital accounts.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::{BoundedVec, ConstU32, Get},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{FixedU128, Perbill};

/// The number of a patronage period within its co-op (0, 1, 2, …).
pub type PeriodIndex = u32;

/// The index of a patronage category in a co-op's policy.
pub type CategoryIndex = u8;

/// Patronage in weighted units: the recorded amount times its category's weight.
pub type PatronageUnits = u128;

/// The longest category name, in bytes.
pub type MaxCategoryNameLen = ConstU32<32>;

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

/// A kind of business a member does with the co-op, and what one unit of it counts for.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PatronageCategory {
	/// What is recorded, e.g. `purchases`, `sales`, `labour hours`.
	pub name: BoundedVec<u8, MaxCategoryNameLen>,
	/// What one recorded unit counts for (e.g. 1 per unit of currency bought, 20 per hour
	/// worked). At least 1.
	pub weight: u32,
}

/// How a co-op shares out its surplus. Set by the co-op's own decision.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxCategories))]
#[codec(mel_bound(BlockNumber: MaxEncodedLen))]
pub struct PatronagePolicy<BlockNumber, MaxCategories: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The categories patronage is recorded in, with their weights.
	pub categories: BoundedVec<PatronageCategory, MaxCategories>,
	/// The share of each surplus that goes to the indivisible reserve (never to members).
	pub reserve_share: Perbill,
	/// The share of each surplus that goes to the education and social fund.
	pub fund_share: Perbill,
	/// The share of each member's allocation paid in cash at once (at least the runtime's
	/// `MinCashShare`); the rest is retained as member equity.
	pub cash_share: Perbill,
	/// How many further periods retained equity waits before it is paid back.
	pub revolving_periods: u32,
	/// How long after a period closes its allocations may be claimed, in blocks.
	pub claim_window: BlockNumber,
}

/// The period a co-op is recording patronage in.
#[derive(
	Clone,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct OpenPeriod<BlockNumber> {
	/// Its number.
	pub index: PeriodIndex,
	/// The block it opened in.
	pub opened_at: BlockNumber,
	/// Weighted patronage of members so far.
	pub member_units: PatronageUnits,
	/// Weighted business with non-members so far.
	pub non_member_units: PatronageUnits,
}

/// What became of a closed period's allocations once its claim window ended.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Sweep<Balance> {
	/// Allocations that nobody claimed in time.
	pub unclaimed: Balance,
	/// What rounding every allocation down left over.
	pub remainder: Balance,
}

/// A closed period: its surplus, how it was split, and how much of it has been claimed.
///
/// Settlement identity, to the unit: `surplus = reserve + fund + non_member_share +
/// allocatable`, and `allocatable = claimed + outstanding`, where the outstanding part goes
/// to the reserve (as `unclaimed + remainder`) when the claim window ends.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct ClosedPeriod<Balance, BlockNumber> {
	/// What the co-op moved from its treasury into the period's pot.
	pub surplus: Balance,
	/// The policy's reserve share of the surplus.
	pub reserve: Balance,
	/// The policy's fund share of the surplus.
	pub fund: Balance,
	/// The part of the rest earned by business with non-members; it went to the reserve.
	pub non_member_share: Balance,
	/// What is allocated to members in proportion to their weighted patronage.
	pub allocatable: Balance,
	/// Allocation per weighted patronage unit, rounded down.
	pub rate: FixedU128,
	/// The cash share of every allocation in this period (the policy's at closing).
	pub cash_share: Perbill,
	/// Retained equity from this period is paid back once this period has closed.
	pub matures_after: PeriodIndex,
	/// Weighted patronage of members.
	pub member_units: PatronageUnits,
	/// Weighted business with non-members.
	pub non_member_units: PatronageUnits,
	/// Weighted patronage whose allocation has been claimed.
	pub claimed_units: PatronageUnits,
	/// Allocations claimed so far (cash and retained).
	pub claimed: Balance,
	/// The block the period closed in.
	pub closed_at: BlockNumber,
	/// The last block in which allocations can be claimed.
	pub claim_deadline: BlockNumber,
	/// Set once the unclaimed rest has gone to the reserve.
	pub swept: Option<Sweep<Balance>>,
}

impl<Balance, BlockNumber> ClosedPeriod<Balance, BlockNumber>
where
	Balance: frame_support::traits::DefensiveSaturating + sp_runtime::traits::Zero + Copy,
{
	/// What is still in the pot for this period (nothing once it has been swept).
	pub fn outstanding(&self) -> Balance {
		match self.swept {
			Some(_) => Balance::zero(),
			// Claims never exceed what was allocated (invariant 1).
			None => self.allocatable.defensive_saturating_sub(self.claimed),
		}
	}
}

/// Retained member equity: part of an allocation that the co-op keeps and pays back later.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct EquityTranche<Balance> {
	/// The period it was allocated in (the earliest, if tranches were merged).
	pub period: PeriodIndex,
	/// It is paid back once this period of the co-op has closed.
	pub matures_after: PeriodIndex,
	/// What is still owed.
	pub amount: Balance,
}

/// A member's allocation for one period, split as it would be paid.
#[derive(
	Clone,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Allocation<Balance> {
	/// The member's weighted patronage in the period.
	pub units: PatronageUnits,
	/// The whole allocation: units times the period's rate, rounded down.
	pub total: Balance,
	/// The part paid in cash at once.
	pub cash: Balance,
	/// The part retained as member equity.
	pub retained: Balance,
}

/// A member's capital account, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CapitalAccount<Balance> {
	/// The tranches, oldest maturity first.
	pub tranches: alloc::vec::Vec<EquityTranche<Balance>>,
	/// What the co-op owes the member in all.
	pub owed: Balance,
	/// The part of it that has matured (payable by `revolve`).
	pub matured: Balance,
}

/// A period, as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum PeriodSummary<Balance, BlockNumber> {
	/// Patronage is still being recorded in it.
	Open(OpenPeriod<BlockNumber>),
	/// It is closed.
	Closed(ClosedPeriod<Balance, BlockNumber>),
}
