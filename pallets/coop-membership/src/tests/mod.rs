//! Tests of every call, every error, and whole co-operative stories: one file per call or
//! concern, sharing the fixtures below.

mod apply;
mod close;
mod create_coop;
mod delegates;
mod dissolve;
mod expulsion;
mod invariants;
mod investor_cap;
mod leave_and_redeem;
mod lifecycle;
mod migrations;
mod propose;
mod resolutions;
mod stories;
mod vote;

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, TokenError};

type E = Error<Test>;

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
fn held(who: AccountId) -> Balance {
	Balances::total_balance_on_hold(&who)
}
fn treasury(coop: CoopId) -> AccountId {
	Membership::treasury(coop)
}
fn coop_info(coop: CoopId) -> CoopOf<Test> {
	Coops::<Test>::get(coop).expect("co-op exists")
}
fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
const BOUND: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);

/// Founder `who` creates a co-op with `bylaws`; returns its id.
fn found(who: AccountId, bylaws: BylawsOf<Test>) -> CoopId {
	let coop = NextCoopId::<Test>::get();
	assert_ok!(Membership::create_coop(signed(who), b"bakery".to_vec(), bylaws));
	coop
}

/// `who` joins an open co-op in `class`.
fn join(coop: CoopId, who: AccountId, class: ClassIndex) {
	assert_ok!(Membership::apply(signed(who), coop, class));
	assert!(Members::<Test>::contains_key(coop, who));
}

/// The index of the motion opened last in `coop`.
fn last_motion(coop: CoopId) -> MotionIndex {
	coop_info(coop).next_motion - 1
}

/// `voters` vote `aye` on `motion`.
fn vote_all(coop: CoopId, motion: MotionIndex, voters: &[AccountId], aye: bool) {
	for v in voters {
		assert_ok!(Membership::vote(signed(*v), coop, motion, aye));
	}
}

/// Moves past the deliberation time of a motion opened in this block.
fn deliberate() {
	run_to_block(System::block_number() + DELIBERATION);
}

/// `applicant` applies to a by-vote co-op and `voters` (all of its voters) admit them, closing
/// early once the deliberation time has passed.
fn admit(coop: CoopId, applicant: AccountId, class: ClassIndex, voters: &[AccountId]) {
	assert_ok!(Membership::apply(signed(applicant), coop, class));
	let motion = last_motion(coop);
	vote_all(coop, motion, voters, true);
	deliberate();
	assert_ok!(Membership::close_motion(signed(applicant), coop, motion, Weight::zero()));
	assert!(Members::<Test>::contains_key(coop, applicant), "admitted");
}

/// `proposer` proposes `proposal` in `coop`; returns the motion.
fn propose(coop: CoopId, proposer: AccountId, proposal: ProposalOf<Test>) -> MotionIndex {
	assert_ok!(Membership::propose(signed(proposer), coop, Box::new(proposal)));
	last_motion(coop)
}
