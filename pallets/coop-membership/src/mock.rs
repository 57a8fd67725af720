//! A test runtime: frame-system, real pallet-balances, and this pallet.

use crate::{self as pallet_coop_membership, *};
use coop_primitives::testing::prelude::*;
use core::cell::RefCell;

// Accounts are `u128`, wide enough that every co-op's treasury sub-account is distinct;
// balances `u64`, the existential deposit 5.
coop_primitives::test_runtime!(Test, u128, balances(u64, 5), [Balances: pallet_balances, Membership: pallet_coop_membership]);

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
	fn on_member_removed_weight() -> Weight {
		HOOK_WEIGHT
	}
}

thread_local! {
	/// What the mock's co-ops owe their members besides share capital.
	pub static EQUITY_OWED: RefCell<Balance> = const { RefCell::new(0) };
}

/// Reports `EQUITY_OWED` for every co-op.
pub struct MockEquity;
impl MemberEquity<Balance> for MockEquity {
	fn owed_to_members(_: CoopId) -> Balance {
		EQUITY_OWED.with(|e| *e.borrow())
	}
}

/// Where dissolved co-ops' indivisible assets go (`DissolvedAssetsTo`).
pub const DEVELOPMENT_FUND: AccountId = 777;

parameter_types! {
	pub const DissolvedAssetsTo: AccountId = DEVELOPMENT_FUND;
}

/// What the mock's hook declares it takes per member, so that tests see the calls charge it.
pub const HOOK_WEIGHT: Weight = Weight::from_parts(7_000_000, 70);

/// The members removed so far.
pub fn removed() -> Vec<(CoopId, AccountId)> {
	REMOVED.with(|r| r.borrow().clone())
}

parameter_types! {
	pub const CoopPalletId: PalletId = PalletId(*b"py/coops");
}

/// Every test account starts with this much.
pub const ENDOWMENT: Balance = 1_000;
/// The share price of the fixtures' bylaws.
pub const SHARE: Balance = 50;
/// Held from a co-op's founder while the co-op exists (`CoopDeposit`).
pub const COOP_DEPOSIT: Balance = 100;
/// Held from a member while its motion is open (`MotionDeposit`).
pub const MOTION_DEPOSIT: Balance = 10;
/// Held from an applicant to a co-op by vote while the application is pending.
pub const APPLICATION_DEPOSIT: Balance = 15;
/// The most applications a co-op may have pending (`MaxOpenApplications`).
pub const MAX_APPLICATIONS: u32 = 5;
/// The fixtures' bylaws' voting period, in blocks.
pub const VOTING_PERIOD: u64 = 10;
/// The fixtures' bylaws' notice before a leaving member's shares are redeemed, in blocks.
pub const NOTICE: u64 = 5;
/// The blocks an expelled member has to answer before the motion may close (`DefenceWindow`).
pub const DEFENCE_WINDOW: u64 = 5;
/// The runtime's floor for the deliberation time, and the fixtures' bylaws' own.
pub const DELIBERATION: u64 = 1;

impl Config for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type CoopOrigin = EnsureCoopSpecial;
	type CoopAccountOrigin = EnsureCoopAny;
	// Money: deposits are held on the members' own accounts.
	type Currency = Balances;
	type CoopDeposit = ConstU64<COOP_DEPOSIT>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MotionDeposit = ConstU64<MOTION_DEPOSIT>;
	type ApplicationDeposit = ConstU64<APPLICATION_DEPOSIT>;
	type PalletId = CoopPalletId;
	type OnMemberRemoved = RecordRemovals;
	type MemberEquity = MockEquity;
	type OnDissolved = ();
	type DissolvedAssetsTo = DissolvedAssetsTo;
	type MaxCoopMemberships = ConstU32<2>;
	type MaxNameLen = ConstU32<32>;
	type MaxClasses = ConstU32<4>;
	type MaxMembers = ConstU32<12>;
	type MaxOpenMotions = ConstU32<4>;
	type MaxOpenApplications = ConstU32<MAX_APPLICATIONS>;
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

/// Class indices of the fixtures' bylaws.
pub const WORKER: ClassIndex = 0;
pub const CONSUMER: ClassIndex = 1;
pub const INVESTOR: ClassIndex = 2;
pub const SUPPORTER: ClassIndex = 3;

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
		let mut storage = genesis_with_balances((1..=20).map(|who| (who, ENDOWMENT)).collect());
		let mut coops = if self.federation.is_empty() {
			vec![]
		} else {
			vec![(b"federation".to_vec(), self.federation, bylaws())]
		};
		coops.extend(self.coops);
		pallet_coop_membership::GenesisConfig::<Test> { coops, delegates: self.delegates }
			.assimilate_storage(&mut storage)
			.unwrap();
		ext_at_block_one(storage, || REMOVED.with(|r| r.borrow_mut().clear()))
	}
}

coop_primitives::test_helpers!(Test, Membership);
