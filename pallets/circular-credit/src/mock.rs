//! A test runtime: frame-system, balances (for deposits), this pallet, and the shared co-op
//! registry mock (`coop_primitives::testing`).

use crate::{self as pallet_circular_credit, *};
use coop_primitives::testing::prelude::*;

// Accounts are `u64`.
coop_primitives::test_runtime!(
	Test,
	u64,
	balances(u64, 1),
	[Balances: pallet_balances, CircularCredit: pallet_circular_credit]
);
coop_primitives::use_mock_registry!();

/// What each account 0..=1100 (members and co-op treasuries) holds at genesis.
pub const ENDOWMENT: Balance = 1_000;
/// The deposit of an unaccepted obligation, unless a test changes it.
pub const DEPOSIT: Balance = 10;

frame_support::parameter_types! {
	/// The deposit of an unaccepted obligation (a test may set it, e.g. to zero).
	pub static TestDeposit: Balance = DEPOSIT;
}

impl Config for Test {
	type Coops = MockCoops;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ObligationDeposit = TestDeposit;
	type CoopOrigin = MockCoopOrigin<AccountId>;
	type MemberOrigin = frame_system::EnsureSigned<AccountId>;
	type MaxParticipants = ConstU32<20>;
	type MaxObligations = ConstU32<40>;
	type MaxPendingPerIssuer = ConstU32<3>;
	type MaxSetoffs = ConstU32<40>;
	type MaxCreditLimit = ConstU128<1_000>;
	type MaxMemoLen = ConstU32<16>;
	type WeightInfo = ();
	/// Co-op 0 exists; members join it.
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockCoops;
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let balances = (0u64..=1100).map(|who| (who, ENDOWMENT)).collect();
		ext_at_block_one(genesis_with_balances(balances), || {
			MockCoops::set_members([1u64, 2, 3, 4, 5])
		})
	}
}

coop_primitives::test_helpers!(Test, CircularCredit);

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// Co-op 0 opens its circle; members 1..=5 join with a credit limit of 100.
pub fn circle_of_five(require_maximal: bool) {
	CircularCredit::open_circle(signed(TREASURY), 0, require_maximal).expect("opens");
	for who in 1..=5 {
		CircularCredit::join(signed(who), 0).expect("joins");
		CircularCredit::set_credit_limit(signed(TREASURY), 0, who, 100, None).expect("limit");
	}
}

pub fn balance(who: AccountId) -> CreditBalance {
	Participants::<Test>::get(0, who).map(|p| p.balance).unwrap_or_default()
}

/// `creditor` issues an obligation on `debtor` and `debtor` accepts it; returns its id.
pub fn owe(debtor: AccountId, creditor: AccountId, amount: Credit) -> ObligationId {
	let id = Circles::<Test>::get(0).expect("circle").next_obligation;
	CircularCredit::issue_obligation(signed(creditor), 0, debtor, amount, 100).expect("issued");
	CircularCredit::accept_obligation(signed(debtor), 0, id).expect("accepted");
	id
}

pub fn memo() -> BoundedVec<u8, ConstU32<16>> {
	BoundedVec::truncate_from(b"bread".to_vec())
}
