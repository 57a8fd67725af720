//! The co-ops, members and roles our pallets' benchmarks set up
//! ([`coop_primitives::BenchmarkCoops`]), once for every pallet: through the membership
//! pallet's own calls, and its benchmark-only admission and role grant where a benchmark cannot
//! wait for a motion.

use coop_primitives::{BenchmarkCoops, CoopId, CoopRole, FEDERATION};
use frame_support::traits::fungible::Mutate;

use super::membership::MaxCoopMembers;
use crate::{
	genesis_config_presets::demo_coop_bylaws, AccountId, Balances, CoopMembership, Runtime,
	RuntimeOrigin, UNIT,
};

/// Founds open co-ops and admits members for the benchmarks.
pub struct CoopsForBenchmarks;

impl BenchmarkCoops<AccountId> for CoopsForBenchmarks {
	/// An open co-op with room for `MaxCoopMembers` members, founded by a funded account.
	fn coop() -> CoopId {
		let founder: AccountId = frame_benchmarking::account("benchmark-founder", 0, 0);
		Balances::set_balance(&founder, 1_000_000 * UNIT);
		let coop = pallet_coop_membership::NextCoopId::<Runtime>::get();
		let mut bylaws = demo_coop_bylaws();
		bylaws.max_members = MaxCoopMembers::get();
		let created = CoopMembership::create_coop(
			RuntimeOrigin::signed(founder),
			b"benchmark co-op".to_vec(),
			bylaws,
		);
		debug_assert!(created.is_ok(), "the benchmark co-op is founded");
		coop
	}

	/// `who` applies to the open co-op (class 0) and pays the share.
	fn add_member(coop: CoopId, who: &AccountId) {
		Balances::set_balance(who, 1_000_000 * UNIT);
		let joined = CoopMembership::apply(RuntimeOrigin::signed(who.clone()), coop, 0);
		debug_assert!(joined.is_ok(), "the benchmark member joins");
	}

	/// As a passed `GrantRole` motion would.
	fn add_operator(coop: CoopId, who: &AccountId) {
		let granted = CoopMembership::benchmark_grant_role(coop, who, CoopRole::Operator);
		debug_assert!(granted.is_ok(), "the benchmark operator holds the role");
	}

	/// As a passed admission motion of the federation would (it admits by vote, which a
	/// benchmark cannot wait for).
	fn make_federation_member(who: &AccountId) {
		if pallet_coop_membership::Members::<Runtime>::contains_key(FEDERATION, who) {
			return;
		}
		let admitted = CoopMembership::benchmark_add_member(FEDERATION, who, 0);
		debug_assert!(admitted.is_ok(), "the benchmark account joins the federation");
	}
}
