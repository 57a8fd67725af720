//! Each invariant of `do_try_state`, broken on purpose.

use super::*;

#[test]
fn try_state_catches_a_broken_member_count() {
	ExtBuilder::default().build().execute_with(|| {
		let coop = found(1, open_bylaws());
		Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().members = 5);
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_broken_tally() {
	ExtBuilder::default().build().execute_with(|| {
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		Motions::<Test>::mutate(coop, m, |x| x.as_mut().unwrap().tally.ayes = 1);
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_missing_share_capital() {
	ExtBuilder::default().build().execute_with(|| {
		let coop = found(1, open_bylaws());
		Coops::<Test>::mutate(coop, |c| c.as_mut().unwrap().share_capital = 1);
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_coops_own_vote_that_is_no_vote() {
	ExtBuilder::default().build().execute_with(|| {
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::do_try_state());
		OwnVotes::<Test>::insert((coop, m), 1, ());
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn try_state_catches_a_delegate_of_a_missing_coop() {
	ExtBuilder::default().build().execute_with(|| {
		Delegates::<Test>::insert(9, Delegate { account: 7, ordinary_only: false });
		assert!(Membership::do_try_state().is_err());
	});
}
