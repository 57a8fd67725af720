//! Patronage dividends: surplus returned to members, part cash, part revolving equity.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

use super::membership::{CoopDecision, MaxCoopMembers};
use crate::{Balances, CoopMembership, Runtime, DAYS, MINUTES};

parameter_types! {
	/// Pots, reserves and funds are sub-accounts of this id.
	pub const PatronagePalletId: PalletId = PalletId(*b"coop/pat");
	/// At least 20 % of every allocation is paid in cash (US Subchapter T's qualified notice
	/// of allocation).
	pub const PatronageMinCashShare: Perbill = Perbill::from_percent(20);
}

impl pallet_patronage::Config for Runtime {
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
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
