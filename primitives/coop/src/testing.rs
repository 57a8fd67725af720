//! A co-op registry for pallet unit tests (feature `testing`, std only), so that the pallets'
//! mocks share one instead of each writing its own.
//!
//! Accounts are integers (`u64` or `u128`). Co-ops 0 (the federation) and 1 exist; co-op `c`'s
//! treasury is account `1000 + c`. A test sets who the members of co-op 0 are and who holds its
//! operator role; co-op 1 has neither. Members vote and are in class 0.

extern crate std;

use crate::{CoopId, CoopInspect, CoopRole, FEDERATION};
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
