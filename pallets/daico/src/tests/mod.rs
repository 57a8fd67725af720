//! Tests of every call, every error, whole raises, and a property test of the escrow.
//!
//! One file per call or concern: [`create_raise`], [`contribute`], [`finalize`], [`tap`]
//! (`draw_tap`, `lower_tap`), [`voting`] (`propose`, `vote`, `close_motion`, the freeze),
//! [`voting_modes`], [`refunds`], [`stories`] (whole raises) and [`properties`]. Every test
//! runs in [`ExtBuilder::build_and_execute`], which checks the invariants after it, and
//! [`run_to_block`] checks them at every block.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

mod contribute;
mod create_raise;
mod finalize;
mod invariants;
mod properties;
mod refunds;
mod stories;
mod tap;
mod voting;
mod voting_modes;

type E = Error<Test>;

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
fn escrow(raise: RaiseId) -> AccountId {
	Daico::escrow(raise)
}
fn raise_of(raise: RaiseId) -> RaiseOf<Test> {
	Raises::<Test>::get(raise).expect("raise exists")
}

/// Co-op 0 opens a raise with `p`; returns its id.
fn open(p: RaiseParamsOf<Test>) -> RaiseId {
	let id = NextRaiseId::<Test>::get();
	assert_ok!(Daico::create_raise(signed(TREASURY), 0, p));
	id
}

/// Contributions `(who, amount)` to `raise`.
fn contribute_all(raise: RaiseId, contributions: &[(AccountId, Balance)]) {
	for (who, amount) in contributions {
		assert_ok!(Daico::contribute(signed(*who), raise, *amount));
	}
}

/// A raise that succeeded with five contributors (400, 300, 200, 100, 100 = 1100), active
/// from block 11.
fn active_raise(p: RaiseParamsOf<Test>) -> RaiseId {
	let raise = open(p);
	contribute_all(raise, &[(1, 400), (2, 300), (3, 200), (4, 100), (5, 100)]);
	run_to_block(11);
	assert_ok!(Daico::finalize(signed(9), raise));
	assert_eq!(raise_of(raise).state, RaiseState::Active);
	raise
}

/// `voters` vote `aye` on the open motion `kind`.
fn vote_all(raise: RaiseId, kind: ProposalKind, voters: &[AccountId], aye: bool) {
	for v in voters {
		assert_ok!(Daico::vote(signed(*v), raise, kind, aye));
	}
}

/// Closes the motion `kind` after its voting period.
fn close_after_vote(raise: RaiseId, kind: ProposalKind) {
	let ends = Motions::<Test>::get(raise, kind).expect("open").ends;
	run_to_block(ends);
	assert_ok!(Daico::close_motion(signed(9), raise, kind));
}

fn milestones(m: &[Balance]) -> BoundedVec<Balance, ConstU32<3>> {
	m.to_vec().try_into().unwrap()
}
