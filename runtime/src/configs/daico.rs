//! DAICO fundraising: escrow, tap, contributor votes.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

use super::membership::CoopDecision;
use crate::{Balances, CoopMembership, Runtime, RuntimeHoldReason, DAYS, UNIT};

parameter_types! {
	/// Raise escrows are sub-accounts of this id.
	pub const DaicoPalletId: PalletId = PalletId(*b"coop/dai");
	/// No raise may set a quorum below a fifth of its contributors (or capital).
	pub const DaicoMinQuorum: Perbill = Perbill::from_percent(20);
	/// A dissolve vote freezes the tap once its ayes reach half of the quorum.
	pub const DaicoPreQuorum: Perbill = Perbill::from_percent(50);
	/// One vote may at most double the tap.
	pub const DaicoMaxTapIncrease: Perbill = Perbill::from_percent(100);
	/// Held from a co-op's treasury for each raise until the settled raise is pruned.
	pub const DaicoRaiseDeposit: crate::Balance = UNIT / 2;
	/// Held from a contributor who opens a motion; lost if the motion misses the quorum.
	pub const DaicoProposalDeposit: crate::Balance = UNIT;
}

/// The longest voting period of a DAICO vote: 30 days.
pub const MAX_RAISE_VOTING_PERIOD: crate::BlockNumber = 30 * DAYS;

impl pallet_daico::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Coops = CoopMembership;
	type CoopOrigin = CoopDecision;
	/// A raise whose beneficiary is a co-op's treasury is drawn by the co-op's motion.
	type AccountOrigin = pallet_coop_membership::EnsureMemberAccount<Runtime>;
	type PalletId = DaicoPalletId;
	type MaxMilestones = ConstU32<8>;
	type MaxContributors = ConstU32<512>;
	type MinQuorum = DaicoMinQuorum;
	/// At least three contributors (or all, if fewer) must vote.
	type MinVoters = ConstU32<3>;
	type PreQuorum = DaicoPreQuorum;
	type MaxTapIncrease = DaicoMaxTapIncrease;
	/// A parameter the federation tunes (a day by default).
	type MinVotingPeriod = super::parameters::MinRaiseVotingPeriod;
	type MaxVotingPeriod = ConstU32<MAX_RAISE_VOTING_PERIOD>;
	type RaiseDeposit = DaicoRaiseDeposit;
	type ProposalDeposit = DaicoProposalDeposit;
	/// A kind whose motion failed waits as long as the shortest vote (a day by default, two
	/// blocks on the test networks) before another opens.
	type ProposalCooldown = super::parameters::MinRaiseVotingPeriod;
	type WeightInfo = pallet_daico::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
