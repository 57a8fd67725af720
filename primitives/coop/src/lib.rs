//! # coop-primitives
//!
//! What coopchain's pallets share, so that none of them depends on another pallet's crate:
//!
//! - [`CoopId`]: the number of a co-operative (the federation is co-op 0);
//! - [`CoopInspect`]: questions any pallet may ask about co-ops and their members (is this
//!   account a member, may it vote, what is the co-op's treasury account, does it hold a role);
//! - [`OnMemberRemoved`]: a hook called when a member leaves or is expelled, so that e.g. credit
//!   lines or validator seats can react;
//! - [`CoopRole`]: the roles a co-op grants by motion for day-to-day work;
//! - [`Tally`]: the count of a vote whose voters may change their votes until it closes;
//! - `BenchmarkCoops` (feature `runtime-benchmarks`): the co-ops, members and roles our
//!   pallets' benchmarks set up, implemented once by the runtime.
//!
//! Feature `testing` adds the module `testing`, the fixtures the pallets' unit tests share.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
mod tally;
#[cfg(feature = "testing")]
pub mod testing;

#[cfg(feature = "runtime-benchmarks")]
pub use benchmarking::BenchmarkCoops;
pub use tally::Tally;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
pub use sp_weights::Weight;

/// The number of a co-operative. The federation of co-ops is co-op [`FEDERATION`].
pub type CoopId = u32;

/// The federation: the co-op of co-ops created at genesis, whose members are co-ops.
pub const FEDERATION: CoopId = 0;

/// A role that a co-op grants to an account by motion, for day-to-day work that does not need a
/// vote each time. The holder need not be a member (e.g. the co-op's till or payroll system).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum CoopRole {
	/// Records day-to-day business (patronage, sales) on the co-op's behalf.
	Operator,
	/// Runs the co-op's validator node for the federation.
	ValidatorOperator,
}

impl CoopRole {
	/// The role's bit in a [`RoleSet`].
	pub const fn bit(self) -> u8 {
		match self {
			CoopRole::Operator => 1,
			CoopRole::ValidatorOperator => 2,
		}
	}
}

/// A set of [`CoopRole`]s, as bits.
#[derive(
	Clone,
	Copy,
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
pub struct RoleSet(pub u8);

impl RoleSet {
	/// Whether the set holds `role`.
	pub const fn contains(self, role: CoopRole) -> bool {
		self.0 & role.bit() != 0
	}
	/// The set with `role` added.
	pub const fn with(self, role: CoopRole) -> Self {
		RoleSet(self.0 | role.bit())
	}
	/// The set with `role` removed.
	pub const fn without(self, role: CoopRole) -> Self {
		RoleSet(self.0 & !role.bit())
	}
	/// Whether the set is empty.
	pub const fn is_empty(self) -> bool {
		self.0 == 0
	}
}

/// Questions about co-ops and their members that other pallets may ask.
pub trait CoopInspect<AccountId> {
	/// Whether co-op `coop` exists.
	fn coop_exists(coop: CoopId) -> bool;
	/// Whether `who` is a member of `coop`.
	fn is_member(coop: CoopId, who: &AccountId) -> bool;
	/// Whether `who` is a member of `coop` in a class that votes.
	fn is_voting_member(coop: CoopId, who: &AccountId) -> bool;
	/// How many members `coop` has (0 if it does not exist).
	fn member_count(coop: CoopId) -> u32;
	/// The index of `who`'s member class in `coop`'s bylaws, if `who` is a member.
	fn member_class(coop: CoopId, who: &AccountId) -> Option<u8>;
	/// The keyless treasury account of `coop` (derived from the id; it exists for any id).
	fn treasury_account(coop: CoopId) -> AccountId;
	/// Whether `who` holds `role` in `coop`.
	fn has_role(coop: CoopId, who: &AccountId, role: CoopRole) -> bool;
	/// Whether `coop` admits members only by its members' vote (so that each member is a
	/// person or co-op the members accepted, not an account anyone can create).
	fn admits_by_vote(coop: CoopId) -> bool;
}

/// What a co-op owes its members beyond their share capital (in coopchain the retained
/// patronage equity on their capital accounts): a dissolved co-op's treasury keeps it until it
/// is paid, and passes on only the rest.
pub trait MemberEquity<Balance> {
	/// What `coop` owes its members now, besides share capital.
	fn owed_to_members(coop: CoopId) -> Balance;
}

impl<Balance: Default> MemberEquity<Balance> for () {
	fn owed_to_members(_: CoopId) -> Balance {
		Balance::default()
	}
}

/// Called when a co-op has dissolved (after its members left).
pub trait OnCoopDissolved {
	/// `coop` no longer exists.
	fn on_coop_dissolved(coop: CoopId);
	/// The most weight `on_coop_dissolved` takes.
	fn on_coop_dissolved_weight() -> Weight;
}

impl OnCoopDissolved for () {
	fn on_coop_dissolved(_: CoopId) {}
	fn on_coop_dissolved_weight() -> Weight {
		Weight::zero()
	}
}

/// Called after a member has left a co-op (withdrawn, expelled, or the co-op dissolved).
pub trait OnMemberRemoved<AccountId> {
	/// `who` is no longer a member of `coop`.
	fn on_member_removed(coop: CoopId, who: &AccountId);
	/// The most weight `on_member_removed` takes for one member: the calls that remove members
	/// charge it for each.
	fn on_member_removed_weight() -> Weight;
}

#[impl_trait_for_tuples::impl_for_tuples(8)]
impl<AccountId> OnMemberRemoved<AccountId> for Tuple {
	fn on_member_removed(coop: CoopId, who: &AccountId) {
		for_tuples!( #( Tuple::on_member_removed(coop, who); )* );
	}
	fn on_member_removed_weight() -> Weight {
		let mut weight = Weight::zero();
		for_tuples!( #( weight = weight.saturating_add(Tuple::on_member_removed_weight()); )* );
		weight
	}
}
