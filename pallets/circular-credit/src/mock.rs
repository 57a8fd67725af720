//! A test runtime: frame-system, this pallet, and a co-op registry mock.

use crate::{self as pallet_circular_credit, *};
use coop_primitives::CoopRole;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ConstU128, ConstU32, NeverEnsureOrigin},
};
use frame_system::RawOrigin;
use sp_runtime::BuildStorage;

/// Accounts are `u64`; co-op `c`'s treasury is account `1000 + c`.
pub type AccountId = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		CircularCredit: pallet_circular_credit,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
}

thread_local! {
	/// Members of co-op 0 (co-op 1 exists too, with no members).
	pub static MEMBERS: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// Co-ops 0 and 1 exist; `MEMBERS` are members of co-op 0.
pub struct MockCoops;
impl CoopInspect<AccountId> for MockCoops {
	fn coop_exists(coop: CoopId) -> bool {
		coop <= 1
	}
	fn is_member(coop: CoopId, who: &AccountId) -> bool {
		coop == 0 && MEMBERS.with(|m| m.borrow().contains(who))
	}
	fn is_voting_member(coop: CoopId, who: &AccountId) -> bool {
		Self::is_member(coop, who)
	}
	fn member_count(coop: CoopId) -> u32 {
		if coop == 0 {
			MEMBERS.with(|m| m.borrow().len() as u32)
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

/// In the mock, a co-op decides by a signed call from its treasury account.
pub struct MockCoopOrigin;
impl EnsureOriginWithArg<RuntimeOrigin, CoopId> for MockCoopOrigin {
	type Success = ();
	fn try_origin(o: RuntimeOrigin, coop: &CoopId) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == MockCoops::treasury_account(*coop) => Ok(()),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(coop: &CoopId) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(MockCoops::treasury_account(*coop)))
	}
}

impl Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Coops = MockCoops;
	type CoopOrigin = MockCoopOrigin;
	type CoopAccountOrigin = NeverEnsureOrigin<CoopId>;
	type MaxParticipants = ConstU32<20>;
	type MaxObligations = ConstU32<40>;
	type MaxSetoffs = ConstU32<16>;
	type MaxCreditLimit = ConstU128<1_000>;
	type MaxMemoLen = ConstU32<16>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Co-op 0 exists; members join it.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn coop() -> CoopId {
		0
	}
	fn add_member(_: CoopId, who: &AccountId) {
		MEMBERS.with(|m| m.borrow_mut().push(*who));
	}
}

/// The treasury of co-op 0: in the mock, its decisions.
pub const TREASURY: AccountId = 1000;

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			MEMBERS.with(|m| *m.borrow_mut() = vec![1, 2, 3, 4, 5]);
		});
		ext
	}

	/// Runs the test, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			CircularCredit::do_try_state().expect("invariants hold after the test");
		})
	}
}

/// This pallet's events, oldest first.
pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::CircularCredit(e) = r.event { Some(e) } else { None })
		.collect()
}

/// This pallet's last event.
pub fn last_event() -> Event<Test> {
	events().pop().expect("an event")
}

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
