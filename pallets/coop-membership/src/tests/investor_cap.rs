//! The investor vote cap, at application and at admission.

use super::*;

#[test]
fn investors_never_exceed_the_cap() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder alone,
		// Cap: a third of the voting members.
		let coop = found(1, open_bylaws());
		// when an investor applies, then it is refused: 1 investor of 2 voters is over a third;
		assert_noop!(Membership::apply(signed(2), coop, INVESTOR), E::InvestorCapReached);
		// when a worker joins first, then an investor may join;
		join(coop, 2, WORKER);
		join(coop, 3, INVESTOR); // 1 investor of 3 voters
		assert_eq!(coop_info(coop).voting_investors, 1);
		// when a second investor applies (2 of 4), then it is refused;
		assert_noop!(Membership::apply(signed(4), coop, INVESTOR), E::InvestorCapReached);
		// when two consumers join, then a second investor may (2 of 6).
		join(coop, 4, CONSUMER);
		join(coop, 5, CONSUMER);
		join(coop, 6, INVESTOR); // 2 investors of 6 voters
		assert_eq!(coop_info(coop).voting_investors, 2);
		// Non-voting supporters do not help investors.
		join(coop, 7, SUPPORTER);
		assert_noop!(Membership::apply(signed(8), coop, INVESTOR), E::InvestorCapReached);
	});
}

#[test]
fn cap_is_checked_again_at_admission() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of two by vote,
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		// Two investor applications, each admissible alone, not both.
		assert_ok!(Membership::apply(signed(3), coop, INVESTOR));
		let first = last_motion(coop);
		assert_ok!(Membership::apply(signed(4), coop, INVESTOR));
		let second = last_motion(coop);
		// When both are approved and closed, one after the other,
		vote_all(coop, first, &[1, 2], true);
		vote_all(coop, second, &[1, 2], true);
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, first, Weight::zero()));
		assert_ok!(Membership::close_motion(signed(1), coop, second, Weight::zero()));
		// Then the first is admitted, the second refused over the cap and refunded.
		assert!(Members::<Test>::contains_key(coop, 3));
		assert!(!Members::<Test>::contains_key(coop, 4));
		assert!(events().contains(&Event::MotionNotExecuted {
			coop,
			motion: second,
			reason: E::InvestorCapReached.into()
		}));
		assert_eq!(held(4), 0, "refused applicant refunded");
		assert_eq!(free(4), ENDOWMENT);
	});
}

/// An open co-op of 1 and 2 (workers), 3 and 6 (investors, within the cap: 2 of 6 voters), 4
/// and 5 (consumers).
fn six_voters_two_investors() -> CoopId {
	let coop = found(1, open_bylaws());
	join(coop, 2, WORKER);
	join(coop, 3, INVESTOR);
	join(coop, 4, CONSUMER);
	join(coop, 5, CONSUMER);
	join(coop, 6, INVESTOR);
	coop
}

#[test]
fn investors_left_over_the_cap_by_others_leaving_never_count_for_more_than_it() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op whose investors 3 and 6 were admitted within the cap (2 of 6
		// voters), and then workers and consumers 2, 4 and 5 left: investors are 2 of 3 voters,
		let coop = six_voters_two_investors();
		for who in [2, 4, 5] {
			assert_ok!(Membership::leave(signed(who), coop));
		}
		assert_eq!((coop_info(coop).voting_members, coop_info(coop).voting_investors), (3, 2));
		// when the two investors vote for a motion and the worker against,
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(1), coop, m, false));
		vote_all(coop, m, &[3, 6], true);
		assert_eq!(Motions::<Test>::get(coop, m).unwrap().investors, Tally { ayes: 2, nays: 0 });
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// then it is rejected: their two votes count as a third of the votes (the cap), so the
		// ayes are a third, not more than half.
		assert!(events().contains(&Event::MotionClosed {
			coop,
			motion: m,
			outcome: MotionOutcome::Rejected,
			ayes: 2,
			nays: 1,
			electorate: 3
		}));
		assert!(!Roles::<Test>::contains_key(coop, 9));
	});
}

#[test]
fn investors_within_the_cap_count_in_full_and_an_investor_who_leaves_leaves_the_count() {
	ExtBuilder::default().build_and_execute(|| {
		// Given investors 3 and 6 within the cap (2 of 6 voters), a motion, and every voter's
		// vote but investor 6's,
		let coop = six_voters_two_investors();
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		vote_all(coop, m, &[1, 2, 3, 6], true);
		vote_all(coop, m, &[4, 5], false);
		assert_eq!(Motions::<Test>::get(coop, m).unwrap().investors, Tally { ayes: 2, nays: 0 });
		// when investor 6 leaves, its vote leaves the investors' count too;
		assert_ok!(Membership::leave(signed(6), coop));
		assert_eq!(Motions::<Test>::get(coop, m).unwrap().investors, Tally { ayes: 1, nays: 0 });
		// and at the close 3 ayes (one an investor's, within the cap) against 2 pass.
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert!(Roles::<Test>::contains_key(coop, 9));
	});
}
