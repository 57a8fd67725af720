//! A test runtime: frame-system, real pallet-balances, this pallet, and a co-op registry mock.

use crate::{self as pallet_patronage, *};
use coop_primitives::testing;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use sp_runtime::BuildStorage;

/// Accounts are `u128` (wide enough for distinct pot, reserve and fund sub-accounts); co-op
/// `c`'s treasury is account `1000 + c`.
pub type AccountId = u128;
/// Balances are `u128`, as in the runtime.
pub type Balance = u128;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Patronage: pallet_patronage,
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
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
}

pub const ED: Balance = 5;

pub use coop_primitives::testing::{MockCoopOrigin, MockCoops};

parameter_types! {
	pub const PatronagePalletId: PalletId = PalletId(*b"py/patrn");
	pub const MinCashShare: Perbill = Perbill::from_percent(20);
}

impl Config for Test {
	type Currency = Balances;
	type Coops = MockCoops;
	type CoopOrigin = MockCoopOrigin<AccountId>;
	type FundOrigin = MockCoopOrigin<AccountId>;
	type PalletId = PatronagePalletId;
	type MaxCategories = ConstU32<4>;
	type MaxTranches = ConstU32<5>;
	type MaxMembers = ConstU32<100>;
	type MaxBatch = ConstU32<8>;
	type MinCashShare = MinCashShare;
	type MinClaimWindow = ConstU64<5>;
	type MaxClaimWindow = ConstU64<1_000>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCoops;
}

/// Every test account (1..=20) starts with this much.
pub const ENDOWMENT: Balance = 10_000;
/// Each co-op treasury starts with this much.
pub const TREASURY_FUNDS: Balance = 1_000_000;
/// The treasury of co-op 0.
pub const TREASURY: AccountId = 1000;
/// Co-op 0's till, holding the operator role.
pub const TILL: AccountId = 50;
/// A customer who is not a member.
pub const CUSTOMER: AccountId = 10;
/// Category 0 of the fixture policy: purchases, weight 1.
pub const PURCHASES: CategoryIndex = 0;
/// Category 1 of the fixture policy: labour hours, weight 10.
pub const LABOUR: CategoryIndex = 1;

/// Purchases ×1 and labour hours ×10; 10 % reserve, 5 % fund, 30 % cash, equity revolves after
/// 2 further periods, 20-block claim window.
pub fn policy() -> PolicyOf<Test> {
	PatronagePolicy {
		categories: BoundedVec::truncate_from(vec![
			PatronageCategory { name: BoundedVec::truncate_from(b"purchases".to_vec()), weight: 1 },
			PatronageCategory {
				name: BoundedVec::truncate_from(b"labour hours".to_vec()),
				weight: 10,
			},
		]),
		reserve_share: Perbill::from_percent(10),
		fund_share: Perbill::from_percent(5),
		cash_share: Perbill::from_percent(30),
		revolving_periods: 2,
		claim_window: 20,
	}
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=20)
				.map(|who| (who, ENDOWMENT))
				.chain([(1000, TREASURY_FUNDS), (1001, TREASURY_FUNDS)])
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			MockCoops::set_members([1u128, 2, 3, 4]);
			MockCoops::set_operators([TILL]);
		});
		ext
	}

	/// Runs the test, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		testing::execute_with_invariants(self.build(), test, Patronage::do_try_state)
	}
}

/// Moves to block `n`, checking the invariants at every block.
pub fn run_to_block(n: u64) {
	testing::run_to_block::<Test, _>(n, Patronage::do_try_state)
}

/// This pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	testing::pallet_events::<Test, Event<Test>>()
}

/// This pallet's last event.
pub fn last_event() -> Event<Test> {
	testing::last_pallet_event::<Test, Event<Test>>()
}

/// What `who` holds, free.
pub fn balance(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// The co-op's decision (in the mock, a call signed by its treasury).
pub fn coop_origin() -> RuntimeOrigin {
	RuntimeOrigin::signed(TREASURY)
}

/// Co-op 0 sets the fixture policy.
pub fn with_policy() {
	Patronage::set_policy(coop_origin(), 0, policy()).expect("a valid policy");
}

/// The till records `amount` in `category` for `patron`.
pub fn record(patron: AccountId, category: CategoryIndex, amount: u128) {
	Patronage::record_patronage(RuntimeOrigin::signed(TILL), 0, patron, category, amount)
		.expect("the till records");
}

/// Co-op 0 closes its open period with `surplus`.
pub fn close(surplus: Balance) {
	Patronage::close_period(coop_origin(), 0, surplus).expect("the period closes");
}

/// Anyone claims `member`'s allocation for `period`.
pub fn claim(period: PeriodIndex, member: AccountId) {
	Patronage::claim(RuntimeOrigin::signed(member), 0, period, member).expect("a claim");
}
