//! Fixtures for the pallets' unit tests (feature `testing`, std only), so that the pallets'
//! mocks share one copy of each instead of each writing its own:
//!
//! - [`MockCoops`]: a co-op registry. Accounts are integers (`u64` or `u128`). Co-ops 0 (the
//!   federation) and 1 exist; co-op `c`'s treasury is account `1000 + c`. A test sets who the
//!   members of co-op 0 are and who holds its operator role; co-op 1 has neither. Members vote
//!   and are in class 0.
//! - [`MockCoopOrigin`]: a co-op decides by a signed call from its treasury account.
//! - [`pallet_events`], [`last_pallet_event`], [`run_to_block`], [`execute_with_invariants`]:
//!   what every mock's test helpers do, once.
//! - [`test_runtime!`](crate::test_runtime): the test runtime itself (`construct_runtime!` with
//!   frame-system, and the frame-system and pallet-balances configuration every mock shares),
//!   with its genesis storage and externalities at block 1;
//!   [`test_helpers!`](crate::test_helpers): the helpers a pallet's tests call;
//!   [`use_mock_registry!`](crate::use_mock_registry): the registry and co-op 0's treasury.

extern crate std;

use crate::{CoopId, CoopInspect, CoopRole, FEDERATION};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{dispatch::RawOrigin, traits::EnsureOriginWithArg};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::traits::One;
use std::{cell::RefCell, vec::Vec};

/// What a pallet's mock imports besides its own crate: `use coop_primitives::testing::prelude::*;`.
pub mod prelude {
	pub use frame_support::{
		parameter_types,
		sp_runtime::{BuildStorage, Perbill},
		traits::{ConstU128, ConstU32, ConstU64},
		weights::Weight,
		PalletId,
	};
	pub use frame_system::{EnsureRoot, EnsureSigned};
}

std::thread_local! {
	/// Members of co-op 0.
	static MEMBERS: RefCell<Vec<u128>> = const { RefCell::new(Vec::new()) };
	/// Holders of co-op 0's `Operator` role.
	static OPERATORS: RefCell<Vec<u128>> = const { RefCell::new(Vec::new()) };
	/// Co-ops the test dissolved.
	static DISSOLVED: RefCell<Vec<CoopId>> = const { RefCell::new(Vec::new()) };
}

/// The test registry: co-ops 0 and 1, members and operators of co-op 0 as the test sets them.
pub struct MockCoops;

impl MockCoops {
	/// Makes `members` the members of co-op 0.
	pub fn set_members<A: Into<u128>>(members: impl IntoIterator<Item = A>) {
		MEMBERS.with(|m| *m.borrow_mut() = members.into_iter().map(Into::into).collect());
	}
	/// Makes `operators` the holders of co-op 0's operator role.
	pub fn set_operators<A: Into<u128>>(operators: impl IntoIterator<Item = A>) {
		OPERATORS.with(|o| *o.borrow_mut() = operators.into_iter().map(Into::into).collect());
	}
	/// Adds `who` to co-op 0's members.
	pub fn add_member(who: impl Into<u128>) {
		let who = who.into();
		MEMBERS.with(|m| m.borrow_mut().push(who));
	}
	/// Removes `who` from co-op 0's members (without calling any hook).
	pub fn remove_member(who: impl Into<u128>) {
		let who = who.into();
		MEMBERS.with(|m| m.borrow_mut().retain(|x| *x != who));
	}
	/// Dissolves `coop` (it no longer exists; its members are kept, as no hook runs).
	pub fn dissolve(coop: CoopId) {
		DISSOLVED.with(|d| d.borrow_mut().push(coop));
	}
	/// Grants `who` co-op 0's operator role.
	pub fn add_operator(who: impl Into<u128>) {
		let who = who.into();
		OPERATORS.with(|o| o.borrow_mut().push(who));
	}
}

impl<A: Copy + Into<u128> + From<u64>> CoopInspect<A> for MockCoops {
	fn coop_exists(coop: CoopId) -> bool {
		coop <= 1 && !DISSOLVED.with(|d| d.borrow().contains(&coop))
	}
	fn is_member(coop: CoopId, who: &A) -> bool {
		let who: u128 = (*who).into();
		coop == FEDERATION && MEMBERS.with(|m| m.borrow().contains(&who))
	}
	fn is_voting_member(coop: CoopId, who: &A) -> bool {
		<Self as CoopInspect<A>>::is_member(coop, who)
	}
	fn member_count(coop: CoopId) -> u32 {
		if coop == FEDERATION {
			MEMBERS.with(|m| m.borrow().len() as u32)
		} else {
			0
		}
	}
	fn member_class(coop: CoopId, who: &A) -> Option<u8> {
		<Self as CoopInspect<A>>::is_member(coop, who).then_some(0)
	}
	fn treasury_account(coop: CoopId) -> A {
		A::from(1000 + u64::from(coop))
	}
	fn has_role(coop: CoopId, who: &A, role: CoopRole) -> bool {
		let who: u128 = (*who).into();
		coop == FEDERATION
			&& role == CoopRole::Operator
			&& OPERATORS.with(|o| o.borrow().contains(&who))
	}
	/// Co-op 0 admits by vote (its members are the ones the test set); co-op 1 is open.
	fn admits_by_vote(coop: CoopId) -> bool {
		coop == FEDERATION
	}
}

/// The test registry's benchmark fixtures: co-op 0, whose members and operators it records.
#[cfg(feature = "runtime-benchmarks")]
impl<A: Copy + Into<u128> + From<u64>> crate::BenchmarkCoops<A> for MockCoops {
	fn coop() -> CoopId {
		FEDERATION
	}
	fn add_member(_: CoopId, who: &A) {
		MockCoops::add_member(*who);
	}
	fn add_operator(_: CoopId, who: &A) {
		MockCoops::add_operator(*who);
	}
	fn make_federation_member(who: &A) {
		MockCoops::add_member(*who);
	}
}

/// In a mock, a co-op decides by a signed call from its treasury account (`1000 + coop`).
pub struct MockCoopOrigin<AccountId>(PhantomData<AccountId>);

impl<O, A> EnsureOriginWithArg<O, CoopId> for MockCoopOrigin<A>
where
	O: Clone + Into<Result<RawOrigin<A>, O>> + From<RawOrigin<A>>,
	A: Copy + PartialEq + Into<u128> + From<u64>,
{
	type Success = ();

	fn try_origin(o: O, coop: &CoopId) -> Result<(), O> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who))
				if who == <MockCoops as CoopInspect<A>>::treasury_account(*coop) =>
			{
				Ok(())
			},
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(coop: &CoopId) -> Result<O, ()> {
		Ok(O::from(RawOrigin::Signed(<MockCoops as CoopInspect<A>>::treasury_account(*coop))))
	}
}

/// The events of one pallet (`E`, its `Event<T>`) in the current block, oldest first.
pub fn pallet_events<T, E>() -> Vec<E>
where
	T: frame_system::Config,
	<T as frame_system::Config>::RuntimeEvent: TryInto<E>,
{
	frame_system::Pallet::<T>::events()
		.into_iter()
		.filter_map(|record| record.event.try_into().ok())
		.collect()
}

/// The last event of one pallet in the current block.
pub fn last_pallet_event<T, E>() -> E
where
	T: frame_system::Config,
	<T as frame_system::Config>::RuntimeEvent: TryInto<E>,
{
	pallet_events::<T, E>().pop().expect("the pallet emitted an event")
}

/// Moves to block `n` one block at a time, running `invariants` at every block left behind.
/// Hooks do not run (the pallets that use this have none); events are kept.
pub fn run_to_block<T: frame_system::Config, E: Debug>(
	n: BlockNumberFor<T>,
	invariants: impl Fn() -> Result<(), E>,
) {
	while frame_system::Pallet::<T>::block_number() < n {
		invariants().expect("the invariants hold at every block");
		let next = frame_system::Pallet::<T>::block_number() + One::one();
		frame_system::Pallet::<T>::set_block_number(next);
	}
}

/// Runs `test` in `ext`, then checks the pallet's invariants.
pub fn execute_with_invariants<E: Debug>(
	mut ext: sp_io::TestExternalities,
	test: impl FnOnce(),
	invariants: impl FnOnce() -> Result<(), E>,
) {
	ext.execute_with(|| {
		test();
		invariants().expect("the invariants hold after the test");
	})
}

/// Declares a pallet's test runtime: `construct_runtime!` with `System` and the pallets listed,
/// `AccountId` and frame-system's test configuration with integer accounts looked up as
/// themselves, and, with `balances(..)`, `Balance`, `ED` and pallet-balances' test configuration
/// with that balance type and existential deposit (list `Balances: pallet_balances` among the
/// pallets then), and, with `call_filter(..)` after it, that `BaseCallFilter` (the runtime's own,
/// where a pallet's rules rely on it). The caller implements its own pallet's `Config` (and any
/// other pallet's).
///
/// ```text
/// coop_primitives::test_runtime!(Test, u128, balances(u64, 5), [Balances: pallet_balances, Daico: pallet_daico]);
/// coop_primitives::test_runtime!(Test, u64, balances(u64, 1), call_filter(KeepsAKeyedValidator), [Balances: pallet_balances, CoopValidators: pallet_coop_validators, Session: pallet_session]);
/// coop_primitives::test_runtime!(Test, u64, [CircularCredit: pallet_circular_credit]);
/// ```
#[macro_export]
macro_rules! test_runtime {
	($runtime:ident, $account:ty, balances($balance:ty, $ed:literal), [$($pallet:ident: $path:ident),+ $(,)?]) => {
		$crate::test_runtime!($runtime, $account, balances($balance, $ed), call_filter(frame_support::traits::Everything), [$($pallet: $path),+]);
	};
	($runtime:ident, $account:ty, balances($balance:ty, $ed:literal), call_filter($filter:ty), [$($pallet:ident: $path:ident),+ $(,)?]) => {
		$crate::test_runtime!(@runtime $runtime, $account, pallet_balances::AccountData<$balance>, $filter, [$($pallet: $path),+]);

		/// The test runtime's balances.
		pub type Balance = $balance;
		/// The test runtime's existential deposit.
		pub const ED: Balance = $ed;

		#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for $runtime {
			type Balance = Balance;
			type ExistentialDeposit = frame_support::traits::ConstUint<$ed>;
			type AccountStore = System;
		}

		/// Genesis storage of frame-system and pallet-balances with these accounts' balances.
		#[allow(dead_code)]
		pub fn genesis_with_balances(balances: Vec<($account, $balance)>) -> sp_runtime::Storage {
			let mut storage = genesis();
			sp_runtime::BuildStorage::assimilate_storage(
				&pallet_balances::GenesisConfig::<$runtime> { balances, ..Default::default() },
				&mut storage,
			)
			.expect("the balances' genesis builds");
			storage
		}
	};
	($runtime:ident, $account:ty, [$($pallet:ident: $path:ident),+ $(,)?]) => {
		$crate::test_runtime!(@runtime $runtime, $account, (), frame_support::traits::Everything, [$($pallet: $path),+]);
	};
	(@runtime $runtime:ident, $account:ty, $data:ty, $filter:ty, [$($pallet:ident: $path:ident),+]) => {
		/// The test runtime's accounts.
		pub type AccountId = $account;

		type Block = frame_system::mocking::MockBlock<$runtime>;

		// `derive_impl` expands to itself again by its bare name.
		use frame_support::derive_impl;

		frame_support::construct_runtime!(
			pub enum $runtime {
				System: frame_system,
				$($pallet: $path,)+
			}
		);

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for $runtime {
			type Block = Block;
			type AccountId = AccountId;
			type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
			type AccountData = $data;
			type BaseCallFilter = $filter;
		}

		/// frame-system's genesis storage.
		#[allow(dead_code)]
		pub fn genesis() -> sp_runtime::Storage {
			sp_runtime::BuildStorage::build_storage(&frame_system::GenesisConfig::<$runtime>::default())
				.expect("frame-system's genesis builds")
		}

		/// Externalities on `storage` at block 1, after `setup` ran in them.
		#[allow(dead_code)]
		pub fn ext_at_block_one(storage: sp_runtime::Storage, setup: impl FnOnce()) -> sp_io::TestExternalities {
			let mut ext = sp_io::TestExternalities::new(storage);
			ext.execute_with(|| {
				System::set_block_number(1);
				setup();
			});
			ext
		}
	};
}

/// The helpers a pallet's tests call, for a mock whose `ExtBuilder` has `build()`: `build_and_execute`
/// (the test, then the pallet's `do_try_state`), `run_to_block` (the invariants at every block),
/// `events` and `last_event` (the pallet's own). `$pallet` is the pallet's name in the test runtime.
#[macro_export]
macro_rules! test_helpers {
	($runtime:ident, $pallet:ident) => {
		impl ExtBuilder {
			/// Runs the test, then checks the pallet's invariants.
			#[allow(dead_code)]
			pub fn build_and_execute(self, test: impl FnOnce()) {
				$crate::testing::execute_with_invariants(self.build(), test, $pallet::do_try_state)
			}
		}

		/// Moves to block `n`, checking the invariants at every block.
		#[allow(dead_code)]
		pub fn run_to_block(n: frame_system::pallet_prelude::BlockNumberFor<$runtime>) {
			$crate::testing::run_to_block::<$runtime, _>(n, $pallet::do_try_state)
		}

		/// This pallet's events, oldest first.
		#[allow(dead_code)]
		pub fn events() -> Vec<Event<$runtime>> {
			$crate::testing::pallet_events::<$runtime, Event<$runtime>>()
		}

		/// This pallet's last event.
		#[allow(dead_code)]
		pub fn last_event() -> Event<$runtime> {
			$crate::testing::last_pallet_event::<$runtime, Event<$runtime>>()
		}
	};
}

/// Brings the shared co-op registry into a mock: [`MockCoops`], [`MockCoopOrigin`] and
/// `TREASURY`, the treasury of co-op 0 (co-op `c`'s is account `1000 + c`) as the mock's
/// `AccountId`.
#[macro_export]
macro_rules! use_mock_registry {
	() => {
		pub use $crate::testing::{MockCoopOrigin, MockCoops};
		/// The treasury of co-op 0 in the shared registry (co-op `c`'s is account `1000 + c`): in
		/// the mock, its decisions are signed by it.
		pub const TREASURY: AccountId = 1000;
	};
}
