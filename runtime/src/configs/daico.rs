//! DAICO fundraising: escrow, tap, contributor votes.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

use super::membership::CoopDecision;
use crate::{Balances, CoopMembership, Runtime, RuntimeEvent, DAYS};

parameter_types! {
	/// Raise escrows are sub-accounts of this id.
	pub const DaicoPalletId: PalletId = PalletId(*b"coop/dai");
	/// No raise may set a quorum below a fifth of its contributors (or capital).
	pub const DaicoMinQuorum: Perbill = Perbill::from_percent(20);
	/// A dissolve vote freezes the tap once its ayes reach half of the quorum.
	pub const DaicoPreQuorum: Perbill = Perbill::from_percent(50);
	/// One vote may at most double the tap.
	pub const DaicoMaxTapIncrease: Perbill = Perbill::from_percent(100);
}

impl pallet_daico::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type Coops = CoopMembership;
	type CoopOrigin = CoopDecision;
	type PalletId = DaicoPalletId;
	type MaxMilestones = ConstU32<8>;
	type MaxContributors = ConstU32<512>;
	type MinQuorum = DaicoMinQuorum;
	/// At least three contributors (or all, if fewer) must vote.
	type MinVoters = ConstU32<3>;
	type PreQuorum = DaicoPreQuorum;
	type MaxTapIncrease = DaicoMaxTapIncrease;
	type MinVotingPeriod = ConstU32<2>;
	type MaxVotingPeriod = ConstU32<{ 30 * DAYS }>;
	type WeightInfo = pallet_daico::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helper::DaicoBenchmarkHelper;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helper {
	use coop_primitives::CoopId;
	use frame_support::traits::fungible::Mutate;

	use crate::{
		genesis_config_presets::demo_coop_bylaws, AccountId, Balances, CoopMembership, Runtime,
		RuntimeOrigin, UNIT,
	};

	/// Founds an open co-op for the DAICO benchmarks and admits members to it.
	pub struct DaicoBenchmarkHelper;

	impl pallet_daico::BenchmarkHelper<AccountId> for DaicoBenchmarkHelper {
		fn coop() -> CoopId {
			let founder: AccountId = frame_benchmarking::account("daico-founder", 0, 0);
			Balances::set_balance(&founder, 1_000_000 * UNIT);
			let coop = pallet_coop_membership::NextCoopId::<Runtime>::get();
			let created = CoopMembership::create_coop(
				RuntimeOrigin::signed(founder),
				b"benchmark co-op".to_vec(),
				demo_coop_bylaws(),
			);
			debug_assert!(created.is_ok(), "the benchmark co-op is founded");
			coop
		}

		fn add_member(coop: CoopId, who: &AccountId) {
			Balances::set_balance(who, 1_000_000 * UNIT);
			let joined = CoopMembership::apply(RuntimeOrigin::signed(who.clone()), coop, 0);
			debug_assert!(joined.is_ok(), "the benchmark member joins");
		}
	}
}
