//! Circular credit: mutual credit circles, obligations and verified clearing.

use frame_support::{parameter_types, traits::ConstU32};
use pallet_coop_membership::EnsureMemberAccount;

use super::membership::CoopDecision;
use crate::{Balances, CoopMembership, Runtime, RuntimeHoldReason, UNIT};

parameter_types! {
	/// Held from a creditor for each obligation its debtor has not answered yet (at most
	/// `MaxPendingPerIssuer` per creditor and circle): returned on acceptance, cancellation or
	/// expiry, paid to the debtor on rejection.
	pub const CreditObligationDeposit: crate::Balance = UNIT / 10;
}

impl pallet_circular_credit::Config for Runtime {
	type Coops = CoopMembership;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ObligationDeposit = CreditObligationDeposit;
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
	/// A million units of account: credit is booked in hundredths (2 decimals), so this is
	/// 100 000 000 cents.
	type MaxCreditLimit = frame_support::traits::ConstU128<100_000_000>;
	type MaxMemoLen = ConstU32<64>;
	type WeightInfo = pallet_circular_credit::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
