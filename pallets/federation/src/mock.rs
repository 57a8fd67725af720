//! A test runtime: frame-system, balances, pallet-preimage, pallet-scheduler and this pallet.
//! Account 100 signs for a passed special resolution of the federation, account 101 for an
//! ordinary one; the enactment delay is [`DELAY`] blocks.

use crate::{self as pallet_federation, *};
use coop_primitives::testing::prelude::*;
use frame_support::{ord_parameter_types, traits::EqualPrivilegeOnly};
use frame_system::EnsureSignedBy;

coop_primitives::test_runtime!(Test, u64, balances(u64, 1), [Balances: pallet_balances, Preimage: pallet_preimage, Scheduler: pallet_scheduler, Federation: pallet_federation]);

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = ();
}

parameter_types! {
	pub MaximumSchedulerWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<u64>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<8>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// The account whose signature stands for a passed special resolution of the federation.
pub const SPECIAL_RESOLUTION: u64 = 100;
/// The account whose signature stands for a passed ordinary resolution of the federation.
pub const ORDINARY_RESOLUTION: u64 = 101;
/// The enactment delay at genesis, in blocks.
pub const DELAY: u64 = 3;
/// The most resolutions awaiting enactment in these tests.
pub const MAX_PENDING: u32 = 4;

ord_parameter_types! {
	pub const Special: u64 = SPECIAL_RESOLUTION;
	pub const Ordinary: u64 = ORDINARY_RESOLUTION;
}

impl Config for Test {
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type FederationOrigin = EnsureSignedBy<Special, u64>;
	type CancelOrigin = frame_support::traits::EitherOf<
		EnsureSignedBy<Special, u64>,
		EnsureSignedBy<Ordinary, u64>,
	>;
	type MaxEnactmentDelay = ConstU64<100>;
	type MaxPendingEnactments = ConstU32<MAX_PENDING>;
	type WeightInfo = ();
}

/// Storage at block 1, with the enactment delay [`DELAY`].
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = genesis();
	pallet_federation::GenesisConfig::<Test> { enactment_delay: DELAY }
		.assimilate_storage(&mut storage)
		.unwrap();
	ext_at_block_one(storage, || {})
}

/// Runs a test at block 1, then checks the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	coop_primitives::testing::execute_with_invariants(new_test_ext(), f, Federation::do_try_state)
}

/// Runs the blocks up to `n` with every pallet's hooks (the scheduler enacts in
/// `on_initialize`), checking the invariants at each.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		System::run_to_block::<AllPalletsWithSystem>(System::block_number() + 1);
		Federation::do_try_state().expect("the invariants hold at every block");
	}
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	coop_primitives::testing::pallet_events::<Test, Event<Test>>()
}
