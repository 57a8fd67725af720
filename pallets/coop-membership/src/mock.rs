//! A test runtime: frame-system, real pallet-balances, and this pallet.

use crate::{self as pallet_coop_membership, *};
use coop_primitives::testing;
use core::cell::RefCell;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_runtime::{traits::IdentityLookup, BuildStorage};

/// Accounts are `u128`, wide enough that every co-op's treasury sub-account is distinct.
pub type AccountId = u128;
/// Balances are `u64`.
pub type Balance = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Membership: pallet_coop_membership,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU64<5>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

thread_local! {
	/// What the `OnMemberRemoved` hook was told, in order.
	pub static REMOVED: RefCell<Vec<(CoopId, AccountId)>> = const { RefCell::new(Vec::new()) };
}

/// Records members removed, so tests can check the hook is called.
pub struct RecordRemovals;
impl OnMemberRemoved<AccountId> for RecordRemovals {
	fn on_member_removed(coop: CoopId, who: &AccountId) {
		REMOVED.with(|r| r.borrow_mut().push((coop, *who)));
	}
}

/// The members removed so far.
pub fn removed() -> Vec<(CoopId, AccountId)> {
	REMOVED.with(|r| r.borrow().clone())
}

parameter_types! {
	pub const CoopPalletId: PalletId = PalletId(*b"py/coops");
}

pub const COOP_DEPOSIT: Balance = 100;
pub const MOTION_DEPOSIT: Balance = 10;
pub const VOTING_PERIOD: u64 = 10;
pub const NOTICE: u64 = 5;
pub const DEFENCE_WINDOW: u64 = 5;
/// The runtime's floor for the deliberation time, and the fixtures' bylaws' own.
pub const DELIBERATION: u64 = 1;

impl Config for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CoopOrigin = EnsureCoopSpecial;
	type CoopAccountOrigin = EnsureCoopAny;
	type OnMemberRemoved = RecordRemovals;
	type PalletId = CoopPalletId;
	type CoopDeposit = ConstU64<COOP_DEPOSIT>;
	type MotionDeposit = ConstU64<MOTION_DEPOSIT>;
	type MaxNameLen = ConstU32<32>;
	type MaxClasses = ConstU32<4>;
	type MaxMembers = ConstU32<12>;
	type MaxOpenMotions = ConstU32<4>;
	type MaxPendingRedemptions = ConstU32<3>;
	type MaxRoleHolders = ConstU32<2>;
	type MaxCallLen = ConstU32<256>;
	type MaxStatementLen = ConstU32<64>;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<100>;
	type MaxWithdrawalNotice = ConstU64<50>;
	type DefenceWindow = ConstU64<DEFENCE_WINDOW>;
	type MinDeliberation = ConstU64<DELIBERATION>;
	type WeightInfo = ();
}

/// Every test account starts with this much.
pub const ENDOWMENT: Balance = 1_000;
/// The share price of the fixtures' bylaws.
pub const SHARE: Balance = 50;

/// Class indices of the fixtures' bylaws.
pub const WORKER: ClassIndex = 0;
pub const CONSUMER: ClassIndex = 1;
pub const INVESTOR: ClassIndex = 2;
pub const SUPPORTER: ClassIndex = 3;

/// Bylaws used by most tests: admission by vote, four classes (supporters do not vote),
/// investors capped at a third of the voters, 50 % quorum, more than half the votes for an
/// ordinary resolution, two thirds (with a two-thirds quorum) for a special one.
pub fn bylaws() -> BylawsOf<Test> {
	Bylaws {
		share_price: SHARE,
		admission: AdmissionMode::ByVote,
		classes: vec![
			MemberClass { kind: ClassKind::Worker, votes: true },
			MemberClass { kind: ClassKind::Consumer, votes: true },
			MemberClass { kind: ClassKind::Investor, votes: true },
			MemberClass { kind: ClassKind::Supporter, votes: false },
		]
		.try_into()
		.unwrap(),
		investor_vote_cap: Perbill::from_rational(1u32, 3u32),
		quorum: Perbill::from_percent(50),
		approval: Perbill::from_percent(50),
		voting_period: VOTING_PERIOD,
		withdrawal_notice: NOTICE,
		max_members: 10,
		special_quorum: Perbill::from_rational(2u32, 3u32),
		special_approval: SPECIAL_APPROVAL_FLOOR,
		deliberation: DELIBERATION,
	}
}

/// The same bylaws with open admission.
pub fn open_bylaws() -> BylawsOf<Test> {
	Bylaws { admission: AdmissionMode::Open, ..bylaws() }
}

/// The founding member of the federation (co-op 0) that every test chain starts with, so that
/// the co-ops a test founds are ordinary co-ops (1, 2, …): the federation admits only co-ops.
pub const FEDERATION_FOUNDER: AccountId = 20;

pub struct ExtBuilder {
	federation: Vec<AccountId>,
	coops: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Test>)>,
	delegates: Vec<(CoopId, AccountId, bool)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { federation: vec![FEDERATION_FOUNDER], coops: vec![], delegates: vec![] }
	}
}

impl ExtBuilder {
	/// A federation (co-op 0) at genesis with these founding members.
	pub fn with_federation(mut self, founders: Vec<AccountId>) -> Self {
		self.federation = founders;
		self
	}

	/// Co-ops founded at genesis after the federation (numbered 1, 2, … in this order), and the
	/// delegates named at genesis.
	pub fn with_genesis_coops(
		mut self,
		coops: Vec<(Vec<u8>, Vec<AccountId>, BylawsOf<Test>)>,
		delegates: Vec<(CoopId, AccountId, bool)>,
	) -> Self {
		self.coops = coops;
		self.delegates = delegates;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=20).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut coops = if self.federation.is_empty() {
			vec![]
		} else {
			vec![(b"federation".to_vec(), self.federation, bylaws())]
		};
		coops.extend(self.coops);
		pallet_coop_membership::GenesisConfig::<Test> { coops, delegates: self.delegates }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			REMOVED.with(|r| r.borrow_mut().clear());
		});
		ext
	}

	/// Runs the test, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		testing::execute_with_invariants(self.build(), test, Membership::do_try_state)
	}
}

/// Moves to block `n`, checking the invariants at every block.
pub fn run_to_block(n: u64) {
	testing::run_to_block::<Test, _>(n, Membership::do_try_state)
}

/// This pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	testing::pallet_events::<Test, Event<Test>>()
}

/// This pallet's last event.
pub fn last_event() -> Event<Test> {
	testing::last_pallet_event::<Test, Event<Test>>()
}
