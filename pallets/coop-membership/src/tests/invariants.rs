//! Each invariant of `do_try_state`, broken on purpose.

use super::*;

#[test]
fn try_state_catches_a_broken_member_count() {
	ExtBuilder::default().build().execute_with(|| {
		// Given an open co-op of one member,
		let coop = found(1, open_bylaws());
		// When its member count is overwritten in storage,
		Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().members = 5);
		// Then `try_state` reports it.
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_broken_tally() {
	ExtBuilder::default().build().execute_with(|| {
		// Given an open co-op with a motion nobody voted on,
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// When its tally is overwritten with an aye in storage,
		Motions::<Test>::mutate(coop, m, |x| x.as_mut().unwrap().tally.ayes = 1);
		// Then `try_state` reports it.
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_missing_share_capital() {
	ExtBuilder::default().build().execute_with(|| {
		// Given an open co-op with its founder's share,
		let coop = found(1, open_bylaws());
		// When its share capital is overwritten in storage,
		Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().share_capital = 1);
		// Then `try_state` reports it.
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_coops_own_vote_that_is_no_vote() {
	ExtBuilder::default().build().execute_with(|| {
		// Given an open co-op with a motion, its state sound,
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::do_try_state());
		// When a co-op's own vote with no vote behind it is written in storage,
		OwnVotes::<Test>::insert((coop, m), 1, ());
		// Then `try_state` reports it.
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_delegate_of_a_missing_coop() {
	ExtBuilder::default().build().execute_with(|| {
		// Given no co-op 9, when a delegate for it is written in storage,
		Delegates::<Test>::insert(9, Delegate { account: 7, ordinary_only: false });
		// Then `try_state` reports it.
		assert!(Membership::do_try_state().is_err());
	});
}
