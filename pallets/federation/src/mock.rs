//! A test runtime: frame-system and this pallet; account 100 stands for the federation's motion.

use crate::{self as pallet_federation, *};
use frame_support::{derive_impl, ord_parameter_types};
use frame_system::EnsureSignedBy;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Federation: pallet_federation,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The account whose signature stands for a passed federation motion in these tests.
pub const FEDERATION_MOTION: u64 = 100;

ord_parameter_types! {
	pub const FederationMotion: u64 = FEDERATION_MOTION;
}

impl Config for Test {
	type RuntimeCall = RuntimeCall;
	type FederationOrigin = EnsureSignedBy<FederationMotion, u64>;
	type WeightInfo = ();
}

/// Storage at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
