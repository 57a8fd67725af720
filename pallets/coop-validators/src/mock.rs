//! A test runtime: frame-system, this pallet, and a federation whose members a test sets.

use crate::{self as pallet_coop_validators, *};
use coop_primitives::CoopRole;
use core::cell::RefCell;
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

thread_local! {
	/// Members of the federation (co-op 0).
	pub static FEDERATION_MEMBERS: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Makes `who` a member of the federation.
pub fn join_federation(who: AccountId) {
	FEDERATION_MEMBERS.with(|m| m.borrow_mut().push(who));
}

/// Takes `who` out of the federation, calling the hook as the membership pallet does.
pub fn leave_federation(who: AccountId) {
	FEDERATION_MEMBERS.with(|m| m.borrow_mut().retain(|x| *x != who));
	<CoopValidators as OnMemberRemoved<AccountId>>::on_member_removed(FEDERATION, &who);
}

/// Only the federation (co-op 0) exists.
pub struct MockCoops;
impl CoopInspect<AccountId> for MockCoops {
	fn coop_exists(coop: CoopId) -> bool {
		coop == FEDERATION
	}
	fn is_member(coop: CoopId, who: &AccountId) -> bool {
		coop == FEDERATION && FEDERATION_MEMBERS.with(|m| m.borrow().contains(who))
	}
	fn is_voting_member(coop: CoopId, who: &AccountId) -> bool {
		Self::is_member(coop, who)
	}
	fn member_count(coop: CoopId) -> u32 {
		if coop == FEDERATION {
			FEDERATION_MEMBERS.with(|m| m.borrow().len() as u32)
		} else {
			0
		}
	}
	fn member_class(coop: CoopId, who: &AccountId) -> Option<u8> {
		Self::is_member(coop, who).then_some(0)
	}
	fn treasury_account(coop: CoopId) -> AccountId {
		1000 + coop as AccountId
	}
	fn has_role(_: CoopId, _: &AccountId, _: CoopRole) -> bool {
		false
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockCoops {
	fn make_federation_member(who: &AccountId) {
		join_federation(*who);
	}
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
	FEDERATION_MEMBERS.with(|m| *m.borrow_mut() = vec![1, 2]);
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
	new_test_ext().execute_with(|| {
		f();
		CoopValidators::do_try_state().unwrap();
	});
}
