//! A test runtime: frame-system, real pallet-balances, this pallet, and a co-op registry mock.

use crate::{self as pallet_daico, *};
use coop_primitives::testing;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_runtime::BuildStorage;

/// Accounts are `u128` (wide enough for distinct escrow sub-accounts); co-op `c`'s treasury is
/// account `1000 + c`.
pub type AccountId = u128;
/// Balances are `u64`.
pub type Balance = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Daico: pallet_daico,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU64<ED>;
	type AccountStore = System;
}

pub const ED: Balance = 5;

pub use coop_primitives::testing::{MockCoopOrigin, MockCoops};

parameter_types! {
	pub const DaicoPalletId: PalletId = PalletId(*b"py/daico");
	pub const MinQuorum: Perbill = Perbill::from_percent(20);
	pub const PreQuorum: Perbill = Perbill::from_percent(50);
	pub const MaxTapIncrease: Perbill = Perbill::from_percent(100);
}

impl Config for Test {
	type Currency = Balances;
	type Coops = MockCoops;
	type CoopOrigin = MockCoopOrigin<AccountId>;
	type AccountOrigin = frame_system::EnsureSigned<AccountId>;
	type PalletId = DaicoPalletId;
	type MaxMilestones = ConstU32<3>;
	type MaxContributors = ConstU32<8>;
	type MinQuorum = MinQuorum;
	type MinVoters = ConstU32<3>;
	type PreQuorum = PreQuorum;
	type MaxTapIncrease = MaxTapIncrease;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<100>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCoops;
}

/// Every test account (1..=20 and the treasuries) starts with this much.
pub const ENDOWMENT: Balance = 10_000;
/// The treasury of co-op 0.
pub const TREASURY: AccountId = 1000;
/// The team account the fixture's tap pays.
pub const TEAM: AccountId = 99;

/// A raise of co-op 0 open to anyone, blocks 1..=10, soft cap 1000, hard cap 3000, 100..=2000
/// per account, tap 10 per block (ceiling 40), head count, quorum 50 %, approval 50 %, 5-block
/// votes.
pub fn params() -> RaiseParamsOf<Test> {
	RaiseParams {
		beneficiary: TEAM,
		soft_cap: 1_000,
		hard_cap: 3_000,
		start: 1,
		end: 10,
		min_contribution: 100,
		max_contribution: 2_000,
		contributors: Contributors::Anyone,
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
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=20).chain([1000, 1001]).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			MockCoops::set_members([1u128, 2, 3]);
		});
		ext
	}

	/// Runs the test, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		testing::execute_with_invariants(self.build(), test, Daico::do_try_state)
	}
}

/// Moves to block `n`, checking the invariants at every block.
pub fn run_to_block(n: u64) {
	testing::run_to_block::<Test, _>(n, Daico::do_try_state)
}

/// This pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	testing::pallet_events::<Test, Event<Test>>()
}

/// This pallet's last event.
pub fn last_event() -> Event<Test> {
	testing::last_pallet_event::<Test, Event<Test>>()
}
