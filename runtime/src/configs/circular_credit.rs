//! Circular credit: mutual credit circles, obligations and verified clearing.

use frame_support::traits::ConstU32;
use pallet_coop_membership::EnsureCoopAny;

use super::membership::CoopDecision;
use crate::{CoopMembership, Runtime, RuntimeEvent};

impl pallet_circular_credit::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Coops = CoopMembership;
	type CoopOrigin = CoopDecision;
	/// A co-op acting through its motion takes part in the federation's circle as its treasury.
	type CoopAccountOrigin = EnsureCoopAny;
	/// As many as a co-op may have members.
	type MaxParticipants = ConstU32<512>;
	/// Bounds the clearing check: one pass over at most this many obligations.
	type MaxObligations = ConstU32<1024>;
	type MaxSetoffs = ConstU32<256>;
	/// A million credit units (12 decimals, like COOP).
	type MaxCreditLimit = frame_support::traits::ConstU128<1_000_000_000_000_000_000>;
	type MaxMemoLen = ConstU32<64>;
	type WeightInfo = pallet_circular_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
