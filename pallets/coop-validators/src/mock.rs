//! A test runtime: frame-system, pallet-balances (session-key deposits), pallet-session with
//! this pallet as its session manager, the runtime's call filter on `session.purge_keys`, a
//! consensus stand-in that takes the authorities pallet-session hands it, and a federation whose
//! members a test sets.

use crate::{self as pallet_coop_validators, *};
use coop_primitives::testing::prelude::*;
use frame_support::traits::{Contains, OnInitialize};
use sp_runtime::{
	testing::UintAuthorityId,
	traits::{ConvertInto, Dispatchable, OpaqueKeys},
	DispatchResult,
};

// Accounts are `u64` (members 1..=9, their validators 11..=19), balances `u64` for the
// session-key deposits; the runtime's call filter keeps a keyed validator in the planned set.
coop_primitives::test_runtime!(
	Test,
	u64,
	balances(u64, 1),
	call_filter(KeepsAKeyedValidator),
	[Balances: pallet_balances, CoopValidators: pallet_coop_validators, Session: pallet_session]
);

/// The runtime's call filter: `session.purge_keys` only while
/// [`Pallet::may_purge_session_keys`].
pub struct KeepsAKeyedValidator;
impl Contains<RuntimeCall> for KeepsAKeyedValidator {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Session(pallet_session::Call::purge_keys {}) => {
				CoopValidators::may_purge_session_keys()
			},
			_ => true,
		}
	}
}

/// Blocks per session.
pub const SESSION_PERIOD: u64 = 10;
/// Held from a validator account while it has session keys.
pub const KEY_DEPOSIT: Balance = 10;

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	/// Validators are plain accounts, as in the runtime.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<ConstU64<SESSION_PERIOD>, ConstU64<0>>;
	type NextSessionRotation =
		pallet_session::PeriodicSessions<ConstU64<SESSION_PERIOD>, ConstU64<0>>;
	type SessionManager = CoopValidators;
	type SessionHandler = Consensus;
	/// Validator `v`'s keys are `UintAuthorityId(v)` in the tests.
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<KEY_DEPOSIT>;
}

parameter_types! {
	/// The validators whose keys consensus authorises, as pallet-session last handed them over.
	pub static Authorities: Vec<AccountId> = Vec::new();
}

/// Consensus as GRANDPA takes the set: every change pallet-session announces, even to an
/// empty set (Aura would ignore an empty one; GRANDPA would finalise nothing after it).
pub struct Consensus;
impl pallet_session::SessionHandler<AccountId> for Consensus {
	const KEY_TYPE_IDS: &'static [sp_runtime::KeyTypeId] = &[sp_runtime::key_types::DUMMY];
	fn on_genesis_session<Ks: OpaqueKeys>(validators: &[(AccountId, Ks)]) {
		Authorities::set(validators.iter().map(|(v, _)| *v).collect());
	}
	fn on_new_session<Ks: OpaqueKeys>(
		changed: bool,
		validators: &[(AccountId, Ks)],
		_queued: &[(AccountId, Ks)],
	) {
		if changed {
			Authorities::set(validators.iter().map(|(v, _)| *v).collect());
		}
	}
	fn on_disabled(_: u32) {}
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
	type SessionKeys = Session;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCoops;
}

/// Benchmark accounts have no balance for the key deposit: their keys are written as
/// pallet-session's genesis writes them.
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkSessionKeys<AccountId> for MockCoops {
	fn set_session_keys(validator: &AccountId) {
		pallet_session::NextKeys::<Test>::insert(validator, UintAuthorityId(*validator));
	}
}

/// What every account of the tests (1..=20) starts with.
pub const ENDOWMENT: Balance = 1_000;

/// Genesis storage: members 1 and 2 in the federation, their validators 11 and 12 approved,
/// every test account endowed; with `in_office`, pallet-session's genesis too, with the keys of
/// 11 and 12 (it asks this pallet for the first sets, as the runtime's genesis does).
fn chain_storage(in_office: bool) -> sp_io::TestExternalities {
	MockCoops::set_members([1u64, 2]);
	let mut storage = genesis_with_balances((1..=20).map(|who| (who, ENDOWMENT)).collect());
	pallet_coop_validators::GenesisConfig::<Test> { validators: vec![(1, 11), (2, 12)] }
		.assimilate_storage(&mut storage)
		.unwrap();
	if in_office {
		pallet_session::GenesisConfig::<Test> {
			keys: [11u64, 12].iter().map(|&v| (v, v, UintAuthorityId(v))).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
	}
	sp_io::TestExternalities::new(storage)
}

/// Storage with members 1 and 2 in the federation, their validators 11 and 12 approved at
/// genesis with session keys (set in block 1), no session planned yet; block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut ext = chain_storage(false);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_session_keys(11);
		set_session_keys(12);
	});
	ext
}

/// A running chain: as [`new_test_ext`], but pallet-session started at genesis with 11 and 12
/// in office and queued, and their keys handed to [`Consensus`]; block 1 of session 0.
pub fn new_chain_ext() -> sp_io::TestExternalities {
	let mut ext = chain_storage(true);
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

/// Runs a test on a running chain ([`new_chain_ext`]), then checks the pallet's invariants.
pub fn chain_test(f: impl FnOnce()) {
	coop_primitives::testing::execute_with_invariants(
		new_chain_ext(),
		f,
		CoopValidators::do_try_state,
	)
}

/// `validator` sets its session keys (`UintAuthorityId(validator)`) by the real call.
pub fn set_session_keys(validator: AccountId) {
	Session::set_keys(RuntimeOrigin::signed(validator), UintAuthorityId(validator), vec![])
		.expect("a funded account sets its session keys");
}

/// `who` purges its session keys by a signed `session.purge_keys`, dispatched as a transaction
/// is: through the call filter.
pub fn purge_keys(who: AccountId) -> DispatchResult {
	RuntimeCall::Session(pallet_session::Call::purge_keys {})
		.dispatch(RuntimeOrigin::signed(who))
		.map(|_| ())
		.map_err(|e| e.error)
}

/// Whether `validator` has session keys for the coming sessions.
pub fn has_keys(validator: AccountId) -> bool {
	pallet_session::NextKeys::<Test>::contains_key(validator)
}

/// Runs to the first block of the next session, whose `on_initialize` makes pallet-session
/// rotate (and ask this pallet for the set after it); then checks the invariants.
pub fn next_session() {
	let next = (System::block_number() / SESSION_PERIOD + 1) * SESSION_PERIOD;
	System::set_block_number(next);
	<Session as OnInitialize<u64>>::on_initialize(next);
	CoopValidators::do_try_state().expect("the invariants hold at every session");
}

/// pallet-session's validators in office.
pub fn in_office() -> Vec<AccountId> {
	pallet_session::Validators::<Test>::get()
}

/// The validators pallet-session queued for the next session (each with the keys it had).
pub fn queued() -> Vec<AccountId> {
	pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(v, _)| v).collect()
}

/// The pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	coop_primitives::testing::pallet_events::<Test, Event<Test>>()
}

/// The pallet's last event.
pub fn last_event() -> Event<Test> {
	coop_primitives::testing::last_pallet_event::<Test, Event<Test>>()
}
