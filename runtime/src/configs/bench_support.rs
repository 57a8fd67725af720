//! What our pallets' benchmarks need from the co-op registry: a co-op with room for the most
//! members, members, and roles (written as a passed motion writes them).

use coop_primitives::{CoopId, CoopRole, RoleSet, FEDERATION};
use frame_support::traits::fungible::Mutate;
use sp_runtime::Saturating;

use super::membership::MaxCoopMembers;
use crate::{
	genesis_config_presets::demo_coop_bylaws, AccountId, Balances, CoopMembership, Runtime,
	RuntimeOrigin, UNIT,
};

/// Founds open co-ops and admits members for the benchmarks.
pub struct CoopsForBenchmarks;

impl CoopsForBenchmarks {
	/// Founds an open co-op with room for `MaxCoopMembers` members.
	pub fn found() -> CoopId {
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

	/// Admits `who` to `coop` (open admission, class 0).
	pub fn admit(coop: CoopId, who: &AccountId) {
		Balances::set_balance(who, 1_000_000 * UNIT);
		let joined = CoopMembership::apply(RuntimeOrigin::signed(who.clone()), coop, 0);
		debug_assert!(joined.is_ok(), "the benchmark member joins");
	}

	/// Grants `who` the operator role in `coop`, keeping the role-holder count true.
	pub fn grant_operator(coop: CoopId, who: &AccountId) {
		let held = pallet_coop_membership::Roles::<Runtime>::get(coop, who);
		if held.is_none() {
			pallet_coop_membership::Coops::<Runtime>::mutate(coop, |info| {
				if let Some(info) = info {
					info.role_holders.saturating_inc();
				}
			});
		}
		let roles: RoleSet = held.unwrap_or_default().with(CoopRole::Operator);
		pallet_coop_membership::Roles::<Runtime>::insert(coop, who, roles);
	}
}

impl pallet_circular_credit::BenchmarkHelper<AccountId> for CoopsForBenchmarks {
	fn coop() -> CoopId {
		Self::found()
	}
	fn add_member(coop: CoopId, who: &AccountId) {
		Self::admit(coop, who)
	}
}

impl pallet_patronage::BenchmarkHelper<AccountId> for CoopsForBenchmarks {
	fn coop() -> CoopId {
		Self::found()
	}
	fn add_member(coop: CoopId, who: &AccountId) {
		Self::admit(coop, who)
	}
	fn add_operator(coop: CoopId, who: &AccountId) {
		Self::grant_operator(coop, who)
	}
}

impl pallet_coop_validators::BenchmarkHelper<AccountId> for CoopsForBenchmarks {
	/// Records `who` as a member of the federation, as an admission motion would (the
	/// federation admits by vote, which a benchmark cannot wait for).
	fn make_federation_member(who: &AccountId) {
		if pallet_coop_membership::Members::<Runtime>::contains_key(FEDERATION, who) {
			return;
		}
		let mut first_motion = 0;
		pallet_coop_membership::Coops::<Runtime>::mutate(FEDERATION, |info| {
			if let Some(info) = info {
				info.members.saturating_inc();
				info.voting_members.saturating_inc();
				first_motion = info.next_motion;
			}
		});
		pallet_coop_membership::Members::<Runtime>::insert(
			FEDERATION,
			who,
			pallet_coop_membership::MemberRecord { class: 0, share_capital: 0, first_motion },
		);
	}
}
