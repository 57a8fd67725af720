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

extern crate std;

use crate::{CoopId, CoopInspect, CoopRole, FEDERATION};
use core::{fmt::Debug, marker::PhantomData};
use frame_support::{dispatch::RawOrigin, traits::EnsureOriginWithArg};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::traits::One;
use std::{cell::RefCell, vec::Vec};

std::thread_local! {
	/// Members of co-op 0.
	static MEMBERS: RefCell<Vec<u128>> = const { RefCell::new(Vec::new()) };
	/// Holders of co-op 0's `Operator` role.
	static OPERATORS: RefCell<Vec<u128>> = const { RefCell::new(Vec::new()) };
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
	/// Grants `who` co-op 0's operator role.
	pub fn add_operator(who: impl Into<u128>) {
		let who = who.into();
		OPERATORS.with(|o| o.borrow_mut().push(who));
	}
}

impl<A: Copy + Into<u128> + From<u64>> CoopInspect<A> for MockCoops {
	fn coop_exists(coop: CoopId) -> bool {
		coop <= 1
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
