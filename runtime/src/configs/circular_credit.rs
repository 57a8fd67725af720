//! Circular credit: mutual credit circles, obligations and verified clearing.

use frame_support::traits::ConstU32;
use pallet_coop_membership::EnsureMemberAccount;

use super::membership::CoopDecision;
use crate::{CoopMembership, Runtime};

impl pallet_circular_credit::Config for Runtime {
	type Coops = CoopMembership;
	type CoopOrigin = CoopDecision;
	/// A participant acting: a signer, or a co-op through its own motion (its treasury takes
	/// part in the federation's circle).
	type MemberOrigin = EnsureMemberAccount<Runtime>;
	/// As many as a co-op may have members.
	type MaxParticipants = ConstU32<512>;
	/// Bounds the clearing check: one pass over at most this many obligations.
	type MaxObligations = ConstU32<1024>;
	/// Each creditor may have 16 obligations waiting for their debtors in a circle; debtors
	/// reject what they do not owe, and anyone expires what was not accepted by its due block.
	type MaxPendingPerIssuer = ConstU32<16>;
	/// As many as a circle may hold obligations: every maximal clearing fits one submission.
	type MaxSetoffs = ConstU32<1024>;
	/// A million credit units (12 decimals, like COOP).
	type MaxCreditLimit = frame_support::traits::ConstU128<1_000_000_000_000_000_000>;
	type MaxMemoLen = ConstU32<64>;
	type WeightInfo = pallet_circular_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
