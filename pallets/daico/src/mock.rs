//! A test runtime: frame-system, real pallet-balances, this pallet, and a co-op registry mock.

use crate::{self as pallet_daico, *};
use coop_primitives::testing::prelude::*;

// Accounts are `u128` (wide enough for distinct escrow sub-accounts), balances `u64`, the
// existential deposit 5.
coop_primitives::test_runtime!(Test, u128, balances(u64, 5), [Balances: pallet_balances, Daico: pallet_daico]);
coop_primitives::use_mock_registry!();

parameter_types! {
	pub const DaicoPalletId: PalletId = PalletId(*b"py/daico");
	pub const MinQuorum: Perbill = Perbill::from_percent(20);
	pub const PreQuorum: Perbill = Perbill::from_percent(50);
	pub const MaxTapIncrease: Perbill = Perbill::from_percent(100);
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Coops = MockCoops;
	type CoopOrigin = MockCoopOrigin<AccountId>;
	type AccountOrigin = frame_system::EnsureSigned<AccountId>;
	type PalletId = DaicoPalletId;
	type MaxMilestones = ConstU32<3>;
	type MaxContributors = ConstU32<MAX_CONTRIBUTORS>;
	type MinQuorum = MinQuorum;
	type MinVoters = ConstU32<3>;
	type PreQuorum = PreQuorum;
	type MaxTapIncrease = MaxTapIncrease;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<100>;
	type RaiseDeposit = ConstU64<RAISE_DEPOSIT>;
	type ProposalDeposit = ConstU64<PROPOSAL_DEPOSIT>;
	type ProposalCooldown = ConstU64<COOLDOWN>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCoops;
}

/// Every test account (1..=40 and the treasuries) starts with this much; 1..=30 are members
/// of co-op 0.
pub const ENDOWMENT: Balance = 10_000;
/// The most contributors a raise may have (`MaxContributors`): the fixture's hard cap (3000)
/// shared among them is its minimum contribution (100).
pub const MAX_CONTRIBUTORS: u32 = 30;
/// Held from the co-op's treasury for each raise until it is pruned (`RaiseDeposit`).
pub const RAISE_DEPOSIT: Balance = 30;
/// Held from a contributor who opens a motion (`ProposalDeposit`).
pub const PROPOSAL_DEPOSIT: Balance = 20;
/// Blocks a kind waits after a motion of it failed (`ProposalCooldown`).
pub const COOLDOWN: u64 = 10;
/// The team account the fixture's tap pays.
pub const TEAM: AccountId = 99;

/// A raise of co-op 0 (which admits by vote) for its members, blocks 1..=10, soft cap 1000,
/// hard cap 3000, 100..=2000 per account, tap 10 per block (ceiling 40), head count, quorum
/// 50 %, approval 50 %, 5-block votes.
pub fn params() -> RaiseParamsOf<Test> {
	RaiseParams {
		beneficiary: TEAM,
		soft_cap: 1_000,
		hard_cap: 3_000,
		start: 1,
		end: 10,
		min_contribution: 100,
		max_contribution: 2_000,
		contributors: Contributors::MembersOnly,
		tap_rate: 10,
		tap_ceiling: 40,
		voting: VotingMode::HeadCount,
		quorum: Perbill::from_percent(50),
		approval: Perbill::from_percent(50),
		voting_period: 5,
		milestones: Default::default(),
	}
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let balances = (1..=40).chain([1000, 1001]).map(|who| (who, ENDOWMENT)).collect();
		ext_at_block_one(genesis_with_balances(balances), || MockCoops::set_members(1u128..=30))
	}
}

coop_primitives::test_helpers!(Test, Daico);
