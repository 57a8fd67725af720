//! How the voting mode decides: head count, capital, or both.

use super::*;

/// Given contributor 1 with more capital (1500) than the four others together (4 × 100), when
/// the four vote aye and contributor 1 nay on raising the tap, and the motion closes.
fn whale_raise(voting: VotingMode) -> RaiseId {
	split_vote(voting, false)
}

/// The whale's raise, where the whale votes `whale_aye` and the four others the opposite.
fn split_vote(voting: VotingMode, whale_aye: bool) -> RaiseId {
	let raise = open(RaiseParams { voting, ..params() });
	contribute_all(raise, &[(1, 1_500), (2, 100), (3, 100), (4, 100), (5, 100)]);
	run_to_block(11);
	assert_ok!(Daico::finalize(signed(9), raise));
	assert_ok!(Daico::propose(signed(2), raise, Proposal::RaiseTap { new_rate: 20 }));
	vote_all(raise, ProposalKind::RaiseTap, &[2, 3, 4, 5], !whale_aye);
	assert_ok!(Daico::vote(signed(1), raise, ProposalKind::RaiseTap, whale_aye));
	close_after_vote(raise, ProposalKind::RaiseTap);
	raise
}

#[test]
fn head_count_outvotes_a_whale() {
	ExtBuilder::default().build_and_execute(|| {
		// Given, when: the whale's motion under head count.
		let raise = whale_raise(VotingMode::HeadCount);
		// Then the four heads carry it.
		assert_eq!(raise_of(raise).tap_rate, 20);
	});
}

#[test]
fn capital_lets_the_whale_decide() {
	ExtBuilder::default().build_and_execute(|| {
		// Given, when: the whale's motion under capital.
		let raise = whale_raise(VotingMode::Capital);
		// Then the whale's capital defeats it.
		assert_eq!(raise_of(raise).tap_rate, 10);
	});
}

#[test]
fn double_majority_needs_both() {
	ExtBuilder::default().build_and_execute(|| {
		// Given, when: the whale's motion under double majority, the heads for it and the
		// capital against,
		let raise = whale_raise(VotingMode::DoubleMajority);
		// then the heads alone do not carry it;
		assert_eq!(raise_of(raise).tap_rate, 10);
		assert!(matches!(last_event(), Event::MotionClosed { passed: false, .. }));
	});
	ExtBuilder::default().build_and_execute(|| {
		// given, when: the capital for it (the whale) and the heads against,
		let raise = split_vote(VotingMode::DoubleMajority, true);
		// then the capital alone does not carry it either;
		assert_eq!(raise_of(raise).tap_rate, 10);
		assert!(matches!(last_event(), Event::MotionClosed { passed: false, .. }));
	});
	ExtBuilder::default().build_and_execute(|| {
		// and the same split carries it where the capital alone counts.
		let raise = split_vote(VotingMode::Capital, true);
		assert_eq!(raise_of(raise).tap_rate, 20);
	});
}
