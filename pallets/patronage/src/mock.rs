//! A test runtime: frame-system, real pallet-balances, this pallet, and a co-op registry mock.

use crate::{self as pallet_patronage, *};
use coop_primitives::testing::prelude::*;

// Accounts are `u128` (wide enough for distinct pot, reserve and fund sub-accounts), balances
// `u128` as in the runtime, the existential deposit 5.
coop_primitives::test_runtime!(Test, u128, balances(u128, 5), [Balances: pallet_balances, Patronage: pallet_patronage]);
coop_primitives::use_mock_registry!();

parameter_types! {
	pub const PatronagePalletId: PalletId = PalletId(*b"py/patrn");
	pub const MinCashShare: Perbill = Perbill::from_percent(20);
}

/// The most buckets of matured unpaid equity a co-op keeps (`MaxMaturities`).
pub const MAX_MATURITIES: u32 = 2;

/// Where dissolved co-ops' reserves go (`DissolvedAssetsTo`).
pub const DEVELOPMENT_FUND: AccountId = 777;

parameter_types! {
	pub const DevelopmentFund: AccountId = DEVELOPMENT_FUND;
}

impl Config for Test {
	type Currency = Balances;
	type Coops = MockCoops;
	type CoopOrigin = MockCoopOrigin<AccountId>;
	type FundOrigin = MockCoopOrigin<AccountId>;
	type PalletId = PatronagePalletId;
	type DissolvedAssetsTo = DevelopmentFund;
	type MaxCategories = ConstU32<4>;
	type MaxTranches = ConstU32<5>;
	type MaxMaturities = ConstU32<MAX_MATURITIES>;
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
		let balances = (1..=20)
			.map(|who| (who, ENDOWMENT))
			.chain([(1000, TREASURY_FUNDS), (1001, TREASURY_FUNDS)])
			.collect();
		ext_at_block_one(genesis_with_balances(balances), || {
			MockCoops::set_members([1u128, 2, 3, 4]);
			MockCoops::set_operators([TILL]);
		})
	}
}

coop_primitives::test_helpers!(Test, Patronage);

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
