//! Patronage dividends: surplus returned to members, part cash, part revolving equity.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

use super::membership::{CoopDecision, MaxCoopMembers};
use crate::{Balances, CoopMembership, Runtime, RuntimeEvent, DAYS, MINUTES};

parameter_types! {
	/// Pots, reserves and funds are sub-accounts of this id.
	pub const PatronagePalletId: PalletId = PalletId(*b"coop/pat");
	/// At least 20 % of every allocation is paid in cash (US Subchapter T's qualified notice
	/// of allocation).
	pub const PatronageMinCashShare: Perbill = Perbill::from_percent(20);
}

impl pallet_patronage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Coops = CoopMembership;
	type CoopOrigin = CoopDecision;
	type PalletId = PatronagePalletId;
	/// Purchases, sales, labour, and a few more.
	type MaxCategories = ConstU32<8>;
	/// Equity may revolve after at most 14 periods (3½ years of quarters).
	type MaxTranches = ConstU32<16>;
	type MaxMembers = MaxCoopMembers;
	/// A till's day of sales in a few transactions.
	type MaxBatch = ConstU32<64>;
	type MinCashShare = PatronageMinCashShare;
	/// Short enough for the test network's journeys.
	type MinClaimWindow = ConstU32<{ 2 * MINUTES }>;
	type MaxClaimWindow = ConstU32<{ 366 * DAYS }>;
	type WeightInfo = pallet_patronage::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::PatronageBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use coop_primitives::{CoopId, CoopRole, RoleSet};
	use frame_support::traits::{fungible::Mutate, Get};
	use sp_runtime::Saturating;

	use crate::configs::membership::MaxCoopMembers;

	use crate::{
		genesis_config_presets::demo_coop_bylaws, AccountId, Balances, CoopMembership, Runtime,
		RuntimeOrigin, UNIT,
	};

	/// Founds an open co-op for the patronage benchmarks, admits members and grants roles.
	pub struct PatronageBenchmarkHelper;

	impl pallet_patronage::BenchmarkHelper<AccountId> for PatronageBenchmarkHelper {
		fn coop() -> CoopId {
			let founder: AccountId = frame_benchmarking::account("patronage-founder", 0, 0);
			Balances::set_balance(&founder, 1_000_000 * UNIT);
			let coop = pallet_coop_membership::NextCoopId::<Runtime>::get();
			// Room for as many members as any co-op may have: the benchmarks go up to it.
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

		fn add_member(coop: CoopId, who: &AccountId) {
			Balances::set_balance(who, 1_000_000 * UNIT);
			let joined = CoopMembership::apply(RuntimeOrigin::signed(who.clone()), coop, 0);
			debug_assert!(joined.is_ok(), "the benchmark member joins");
		}

		fn add_operator(coop: CoopId, who: &AccountId) {
			// Granting a role takes a motion; the benchmarks write what a passed `GrantRole`
			// motion writes, keeping the co-op's role-holder count true.
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
}
