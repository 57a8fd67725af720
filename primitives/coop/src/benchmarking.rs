//! The fixtures our pallets' benchmarks need from the co-op registry (feature
//! `runtime-benchmarks`): implemented once by the runtime, with the membership pallet's own
//! benchmark-only calls, and once by the test registry ([`crate::testing::MockCoops`]).

use crate::CoopId;

/// Sets up co-ops, members and roles for a benchmark, as passed motions would.
pub trait BenchmarkCoops<AccountId> {
	/// A co-op with open admission and room for the most members the runtime allows.
	fn coop() -> CoopId;
	/// Makes `who` a voting member of `coop` (funding the account as needed).
	fn add_member(coop: CoopId, who: &AccountId);
	/// Grants `who` the `Operator` role in `coop`.
	fn add_operator(coop: CoopId, who: &AccountId);
	/// Makes `who` a voting member of the federation (co-op 0).
	fn make_federation_member(who: &AccountId);
}
