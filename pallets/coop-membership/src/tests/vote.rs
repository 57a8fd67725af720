//! `vote`: who may vote, and changing a vote.

use super::*;

#[test]
fn counts_and_changes_votes() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of three and a motion,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// When 2 votes nay, then the vote is counted;
		assert_ok!(Membership::vote(signed(2), coop, m, false));
		assert_eq!(
			last_event(),
			Event::Voted { coop, motion: m, voter: 2, aye: false, ayes: 0, nays: 1 }
		);
		// when 2 changes to aye, then the vote moves;
		assert_ok!(Membership::vote(signed(2), coop, m, true));
		let motion = Motions::<Test>::get(coop, m).unwrap();
		assert_eq!((motion.tally.ayes, motion.tally.nays, motion.electorate), (1, 0, 3));
		// when 2 votes aye again, then it is refused.
		assert_noop!(Membership::vote(signed(2), coop, m, true), E::AlreadyVoted);
	});
}

#[test]
fn fails_for_strangers_non_voters_and_unknown_motions() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder and a supporter, and a motion,
		let coop = found(1, open_bylaws());
		join(coop, 2, SUPPORTER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// When a stranger, a supporter, or anyone on a missing motion or co-op votes: refused.
		assert_noop!(Membership::vote(signed(5), coop, m, true), E::NotMember);
		assert_noop!(Membership::vote(signed(2), coop, m, true), E::NotVotingMember);
		assert_noop!(Membership::vote(signed(1), coop, 42, true), E::MotionNotFound);
		assert_noop!(Membership::vote(signed(1), 9, m, true), E::CoopNotFound);
	});
}

#[test]
fn a_late_joiner_cannot_vote() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a motion opened before 2 joined,
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		join(coop, 2, WORKER);
		// When 2 votes on it, then it is refused, and the electorate stays one.
		assert_noop!(Membership::vote(signed(2), coop, m, false), E::JoinedAfterMotionOpened);
		assert_eq!(Motions::<Test>::get(coop, m).unwrap().electorate, 1);
		// They vote on motions opened after they joined.
		let next = propose(coop, 1, Proposal::GrantRole { who: 8, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(2), coop, next, false));
	});
}

#[test]
fn fails_after_the_voting_period() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a motion whose voting period has ended,
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		run_to_block(1 + VOTING_PERIOD);
		// When its proposer votes on it, then it is refused.
		assert_noop!(Membership::vote(signed(1), coop, m, true), E::VotingEnded);
	});
}
