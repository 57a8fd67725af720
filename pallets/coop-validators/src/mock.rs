//! A test runtime: frame-system, this pallet, and a federation whose members a test sets.

use crate::{self as pallet_coop_validators, *};
use frame_support::{derive_impl, traits::ConstU32};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::BuildStorage;

/// Accounts are `u64`: members 1..=9, their validators 11..=19.
pub type AccountId = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		CoopValidators: pallet_coop_validators,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
}

pub use coop_primitives::testing::MockCoops;

/// Makes `who` a member of the federation.
pub fn join_federation(who: AccountId) {
	MockCoops::add_member(who);
}

/// Takes `who` out of the federation, calling the hook as the membership pallet does.
pub fn leave_federation(who: AccountId) {
	MockCoops::remove_member(who);
	<CoopValidators as OnMemberRemoved<AccountId>>::on_member_removed(FEDERATION, &who);
}

/// The most validators in a test: 4.
pub const MAX_VALIDATORS: u32 = 4;

impl Config for Test {
	type Coops = MockCoops;
	/// Members act by signing.
	type MemberOrigin = EnsureSigned<AccountId>;
	/// The federation decides as root.
	type FederationOrigin = EnsureRoot<AccountId>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCoops;
}

/// Storage with members 1 and 2 in the federation, their validators 11 and 12 approved at
/// genesis; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MockCoops::set_members([1u64, 2]);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_coop_validators::GenesisConfig::<Test> { validators: vec![(1, 11), (2, 12)] }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	coop_primitives::testing::execute_with_invariants(
		new_test_ext(),
		f,
		CoopValidators::do_try_state,
	)
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	coop_primitives::testing::pallet_events::<Test, Event<Test>>()
}

/// The pallet's last event.
pub fn last_event() -> Event<Test> {
	coop_primitives::testing::last_pallet_event::<Test, Event<Test>>()
}
