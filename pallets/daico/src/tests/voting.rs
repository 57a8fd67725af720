//! Contributors' motions: `propose`, `vote`, `close_motion`, and the freeze of the tap while a
//! dissolve motion has reached its pre-quorum.

use super::*;
use coop_primitives::Tally;
use frame_support::traits::fungible::InspectHold;

#[test]
fn contributors_raise_the_tap() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an active raise and a motion to double the tap, three of five voting aye.
		let raise = active_raise(params());
		assert_ok!(Daico::propose(signed(1), raise, Proposal::RaiseTap { new_rate: 20 }));
		vote_all(raise, ProposalKind::RaiseTap, &[1, 2, 3], true);
		assert_noop!(
			Daico::close_motion(signed(9), raise, ProposalKind::RaiseTap),
			E::VotingNotEnded
		);
		// When it closes after its voting period.
		close_after_vote(raise, ProposalKind::RaiseTap);
		// Then the tap is 20: 5 blocks at 10 before the change, then 20 per block.
		assert_eq!(last_event(), Event::TapRateChanged { raise, rate: 20 });
		run_to_block(20);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		assert_eq!(free(TEAM), 5 * 10 + 4 * 20);
	});
}

#[test]
fn a_tap_raise_without_quorum_fails_and_costs_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise with an 80 % quorum (4 of 5 heads), a motion to raise the tap, and
		// three contributors voting aye: `MinVoters` (3) met, the quorum not,
		let raise = active_raise(RaiseParams { quorum: Perbill::from_percent(80), ..params() });
		assert_ok!(Daico::propose(signed(1), raise, Proposal::RaiseTap { new_rate: 20 }));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::ProposalDeposit.into(), &1),
			PROPOSAL_DEPOSIT
		);
		vote_all(raise, ProposalKind::RaiseTap, &[1, 2, 3], true);
		let treasury_before = free(TREASURY);
		// When it closes,
		close_after_vote(raise, ProposalKind::RaiseTap);
		// Then it did not pass, the tap is unchanged, and the deposit went to the treasury.
		assert!(events().contains(&Event::MotionClosed {
			raise,
			kind: ProposalKind::RaiseTap,
			passed: false,
			heads: Tally { ayes: 3, nays: 0 },
			capital: Tally { ayes: 900, nays: 0 },
		}));
		assert_eq!(raise_of(raise).tap_rate, 10);
		assert_eq!(
			last_event(),
			Event::MotionDepositForfeited {
				raise,
				kind: ProposalKind::RaiseTap,
				amount: PROPOSAL_DEPOSIT
			}
		);
		assert_eq!(free(TREASURY), treasury_before + PROPOSAL_DEPOSIT);
		assert_eq!(Balances::total_balance_on_hold(&1), 0);
	});
}

#[test]
fn a_tap_raise_below_min_voters_fails_whatever_the_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise with the lowest quorum (20 %: one head of five), and two contributors
		// voting aye: the quorum met, `MinVoters` (3) not,
		let raise = active_raise(RaiseParams { quorum: Perbill::from_percent(20), ..params() });
		assert_ok!(Daico::propose(signed(1), raise, Proposal::RaiseTap { new_rate: 20 }));
		vote_all(raise, ProposalKind::RaiseTap, &[1, 2], true);
		// When it closes, then it did not pass.
		close_after_vote(raise, ProposalKind::RaiseTap);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::MotionClosed { passed: false, heads: Tally { ayes: 2, .. }, .. }
		)));
		assert_eq!(raise_of(raise).tap_rate, 10);
	});
}

#[test]
fn a_motion_that_reaches_the_quorum_returns_its_deposit_even_if_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a motion to raise the tap that four of five reject,
		let raise = active_raise(params());
		assert_ok!(Daico::propose(signed(1), raise, Proposal::RaiseTap { new_rate: 20 }));
		vote_all(raise, ProposalKind::RaiseTap, &[1, 2, 3, 4], false);
		let before = free(1);
		// When it closes, then it failed but was no spam: the deposit comes back.
		close_after_vote(raise, ProposalKind::RaiseTap);
		assert_eq!(free(1), before + PROPOSAL_DEPOSIT);
		assert!(!events().iter().any(|e| matches!(e, Event::MotionDepositForfeited { .. })));
	});
}

#[test]
fn colluders_cannot_keep_the_tap_frozen_by_reproposing() {
	ExtBuilder::default().build_and_execute(|| {
		// Given eight contributors and an 80 % quorum (7 heads; the pre-quorum is 4 ayes),
		let raise = open(RaiseParams { quorum: Perbill::from_percent(80), ..params() });
		contribute_all(raise, &(1..=8).map(|who| (who, 300)).collect::<Vec<_>>());
		run_to_block(11);
		assert_ok!(Daico::finalize(signed(9), raise));
		// and four colluders freezing the tap with a dissolve motion nobody else votes on,
		let dissolve = || Daico::propose(signed(5), raise, Proposal::Dissolve);
		assert_ok!(dissolve());
		vote_all(raise, ProposalKind::Dissolve, &[5, 6, 7, 8], true);
		assert!(raise_of(raise).frozen);
		// when it closes without the quorum, the tap thaws, and the proposer loses the deposit;
		close_after_vote(raise, ProposalKind::Dissolve);
		assert!(!raise_of(raise).frozen);
		assert!(events().contains(&Event::MotionDepositForfeited {
			raise,
			kind: ProposalKind::Dissolve,
			amount: PROPOSAL_DEPOSIT
		}));
		// Then no dissolve motion opens again until the cooldown has passed, so the tap runs:
		let closed = System::block_number();
		assert_noop!(dissolve(), E::ProposalCoolingDown);
		run_to_block(closed + COOLDOWN - 1);
		assert_noop!(dissolve(), E::ProposalCoolingDown);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		run_to_block(closed + COOLDOWN);
		assert_ok!(dissolve());
	});
}

#[test]
fn tap_raises_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an active raise with a tap of 10 and `MaxTapIncrease` of 100 %.
		let raise = active_raise(params());
		let propose =
			|rate| Daico::propose(signed(1), raise, Proposal::RaiseTap { new_rate: rate });
		// When contributors propose no raise, more than double, double, and another.
		// Then only the double is opened, and no second motion of its kind.
		assert_noop!(propose(10), E::InvalidTapRaise);
		assert_noop!(propose(21), E::InvalidTapRaise); // more than 2×
		assert_ok!(propose(20));
		assert_noop!(propose(15), E::MotionAlreadyOpen);
	});
}

#[test]
fn only_contributors_propose_and_vote() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an active raise; account 9 did not contribute.
		let raise = active_raise(params());
		// When a non-contributor proposes or votes, a vote has no motion, a vote repeats or
		// comes after the voting period.
		// Then each is refused.
		assert_noop!(Daico::propose(signed(9), raise, Proposal::Dissolve), E::NotContributor);
		assert_noop!(
			Daico::vote(signed(1), raise, ProposalKind::Dissolve, true),
			E::MotionNotFound
		);
		assert_ok!(Daico::propose(signed(1), raise, Proposal::Dissolve));
		assert_noop!(
			Daico::vote(signed(9), raise, ProposalKind::Dissolve, true),
			E::NotContributor
		);
		assert_ok!(Daico::vote(signed(2), raise, ProposalKind::Dissolve, false));
		assert_noop!(Daico::vote(signed(2), raise, ProposalKind::Dissolve, false), E::AlreadyVoted);
		run_to_block(16);
		assert_noop!(Daico::vote(signed(3), raise, ProposalKind::Dissolve, true), E::VotingEnded);
	});
}

#[test]
fn no_motions_before_the_raise_is_active() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise still in its funding phase.
		let raise = open(params());
		contribute_all(raise, &[(1, 500)]);
		// When a contributor proposes, then it is refused.
		assert_noop!(Daico::propose(signed(1), raise, Proposal::Dissolve), E::NotActive);
	});
}

#[test]
fn milestones_unlock_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an active raise with tranches of 300 and 200.
		let raise = active_raise(RaiseParams { milestones: milestones(&[300, 200]), ..params() });
		// When contributors vote to unlock one, then the other.
		for (index, amount) in [(0u32, 300), (1, 200)] {
			assert_ok!(Daico::propose(signed(2), raise, Proposal::UnlockMilestone));
			vote_all(raise, ProposalKind::UnlockMilestone, &[1, 2, 3], true);
			close_after_vote(raise, ProposalKind::UnlockMilestone);
			assert_eq!(last_event(), Event::MilestoneUnlocked { raise, index, amount });
		}
		// Then the team got both, and there is nothing left to unlock.
		assert_eq!(free(TEAM), 500);
		assert_noop!(
			Daico::propose(signed(2), raise, Proposal::UnlockMilestone),
			E::NoMilestoneLeft
		);
	});
}

#[test]
fn a_dissolve_motion_freezes_the_tap_during_the_vote_and_thaws_if_it_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a dissolve motion at block 13 (tap running since 11).
		let raise = active_raise(params());
		run_to_block(13);
		assert_ok!(Daico::propose(signed(4), raise, Proposal::Dissolve));
		// When its ayes reach the pre-quorum (half of the quorum, 3 of 5 heads: 2 ayes) from
		// `MinVoters` (3) contributors.
		assert_ok!(Daico::vote(signed(4), raise, ProposalKind::Dissolve, true));
		assert_ok!(Daico::vote(signed(5), raise, ProposalKind::Dissolve, true));
		assert!(!raise_of(raise).frozen, "two contributors do not freeze the tap");
		assert_ok!(Daico::vote(signed(3), raise, ProposalKind::Dissolve, true));
		// Then the tap is frozen until the motion closes.
		assert!(events().contains(&Event::TapFrozen { raise }));
		run_to_block(16);
		assert_noop!(Daico::draw_tap(signed(TEAM), raise), E::TapFrozen);
		// When the motion fails (3 changes its mind: 2 ayes, 3 nays), then the tap thaws.
		vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3], false);
		close_after_vote(raise, ProposalKind::Dissolve);
		assert_eq!(last_event(), Event::TapThawed { raise });
		// Accrued before the freeze (2 blocks) is kept; nothing accrued while frozen.
		run_to_block(20);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		assert_eq!(free(TEAM), 2 * 10 + 2 * 10);
	});
}

/// An active raise with a 300 tranche, a milestone motion that 1, 2 and 3 carry, and a
/// dissolve motion whose ayes from 3, 4 and 5 freeze the tap while it runs.
fn milestone_during_a_freeze() -> RaiseId {
	let raise = active_raise(RaiseParams { milestones: milestones(&[300]), ..params() });
	assert_ok!(Daico::propose(signed(2), raise, Proposal::UnlockMilestone));
	vote_all(raise, ProposalKind::UnlockMilestone, &[1, 2, 3], true);
	assert_ok!(Daico::propose(signed(4), raise, Proposal::Dissolve));
	vote_all(raise, ProposalKind::Dissolve, &[3, 4, 5], true);
	assert!(raise_of(raise).frozen);
	raise
}

#[test]
fn no_milestone_is_paid_while_a_dissolve_vote_has_frozen_the_tap() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a milestone that passes during a freeze, and a dissolve motion all carry,
		let raise = milestone_during_a_freeze();
		vote_all(raise, ProposalKind::Dissolve, &[1, 2], true);
		// when the milestone's voting period is over, it cannot be closed during the freeze
		// (before, the tranche left the escrow the contributors were voting to recover);
		let ends = Motions::<Test>::get(raise, ProposalKind::UnlockMilestone).unwrap().ends;
		run_to_block(ends);
		assert_noop!(
			Daico::close_motion(signed(9), raise, ProposalKind::UnlockMilestone),
			E::TapFrozen
		);
		assert_eq!(free(TEAM), 0);
		// then the contributors dissolve the raise, and the milestone motion closes unpaid:
		// the tranche is in the refund pool.
		close_after_vote(raise, ProposalKind::Dissolve);
		assert_eq!(raise_of(raise).state, RaiseState::Dissolved);
		assert_ok!(Daico::close_motion(signed(9), raise, ProposalKind::UnlockMilestone));
		assert_eq!(free(TEAM), 0);
		assert_eq!(raise_of(raise).milestones_paid, 0);
		assert_eq!(raise_of(raise).refund_pool, raise_of(raise).raised - raise_of(raise).tapped);
	});
}

#[test]
fn a_milestone_waits_for_a_failed_dissolve_vote_and_is_then_paid() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a milestone that passes during a freeze, when the dissolve vote fails (3
		// changes its mind: 2 ayes, 3 nays), then the milestone is paid after it.
		let raise = milestone_during_a_freeze();
		vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3], false);
		close_after_vote(raise, ProposalKind::Dissolve);
		assert!(!raise_of(raise).frozen);
		assert_ok!(Daico::close_motion(signed(9), raise, ProposalKind::UnlockMilestone));
		assert_eq!(free(TEAM), 300);
	});
}

#[test]
fn one_contributor_cannot_freeze_the_tap() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a head-count raise with the lowest quorum (20 % of 5 heads: the pre-quorum is one
		// aye), where one aye used to freeze the tap, and re-proposing at each expiry kept it so,
		let raise = active_raise(RaiseParams { quorum: Perbill::from_percent(20), ..params() });
		assert_ok!(Daico::propose(signed(5), raise, Proposal::Dissolve));
		// when one contributor, then a second, votes aye, the tap keeps running;
		vote_all(raise, ProposalKind::Dissolve, &[5, 4], true);
		assert!(!raise_of(raise).frozen);
		run_to_block(13);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		// then only `MinVoters` (3) contributors freeze it.
		vote_all(raise, ProposalKind::Dissolve, &[3], true);
		assert!(raise_of(raise).frozen);
	});
}

#[test]
fn a_whale_cannot_freeze_a_double_majority_tap_alone() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a double-majority raise where contributor 1 holds 400 of 1,100: more than the
		// capital pre-quorum (half of half of 1,100 = 275), which used to freeze it alone,
		let raise = active_raise(RaiseParams { voting: VotingMode::DoubleMajority, ..params() });
		assert_ok!(Daico::propose(signed(1), raise, Proposal::Dissolve));
		// when contributor 1 votes aye on a dissolve motion,
		vote_all(raise, ProposalKind::Dissolve, &[1], true);
		// then the tap is not frozen: the heads must reach the pre-quorum too, from three
		// contributors.
		assert!(!raise_of(raise).frozen);
		vote_all(raise, ProposalKind::Dissolve, &[2], true);
		assert!(!raise_of(raise).frozen);
		vote_all(raise, ProposalKind::Dissolve, &[3], true);
		assert!(raise_of(raise).frozen);
	});
}

#[test]
fn a_contributor_who_left_the_coop_no_longer_counts_as_a_head() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a head-count raise and a motion, and contributor 4 no longer a member,
		let raise = active_raise(params());
		assert_ok!(Daico::propose(signed(1), raise, Proposal::RaiseTap { new_rate: 20 }));
		MockCoops::remove_member(4u128);
		// When 4 votes, then it is refused: heads are counted by membership at the vote.
		assert_noop!(
			Daico::vote(signed(4), raise, ProposalKind::RaiseTap, true),
			E::NoLongerMember
		);
		assert_ok!(Daico::vote(signed(5), raise, ProposalKind::RaiseTap, true));
		// In a raise that counts capital, a contribution votes whoever holds it.
		let capital = RaiseParams {
			voting: VotingMode::Capital,
			contributors: Contributors::Anyone,
			start: System::block_number() + 1,
			end: System::block_number() + 5,
			..params()
		};
		let id = open(capital);
		run_to_block(System::block_number() + 1);
		contribute_all(id, &[(31, 600), (32, 600)]);
		run_to_block(System::block_number() + 5);
		assert_ok!(Daico::finalize(signed(9), id));
		assert_ok!(Daico::propose(signed(31), id, Proposal::RaiseTap { new_rate: 20 }));
		assert_ok!(Daico::vote(signed(32), id, ProposalKind::RaiseTap, true));
	});
}

#[test]
fn once_the_coop_has_dissolved_its_contributors_still_vote_by_head() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a head-count raise of co-op 0, contributor 4 removed from its members, and the
		// co-op then dissolved,
		let raise = active_raise(params());
		MockCoops::remove_member(4u128);
		MockCoops::dissolve(0);
		// when the contributors vote to dissolve the raise, every one of them counts (nobody
		// could join the dissolved co-op since), and the escrow becomes refundable.
		assert_ok!(Daico::propose(signed(1), raise, Proposal::Dissolve));
		vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3, 4, 5], true);
		close_after_vote(raise, ProposalKind::Dissolve);
		assert_eq!(raise_of(raise).state, RaiseState::Dissolved);
	});
}

#[test]
fn a_failed_kind_cools_down_at_least_as_long_as_the_raises_votes() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise whose votes last 20 blocks (longer than `ProposalCooldown`, 10), and a
		// dissolve motion that failed,
		let raise = active_raise(RaiseParams { voting_period: 20, ..params() });
		assert_ok!(Daico::propose(signed(5), raise, Proposal::Dissolve));
		close_after_vote(raise, ProposalKind::Dissolve);
		let closed = System::block_number();
		// when a new dissolve motion is proposed before 20 blocks have passed, then it is
		// refused: one freeze cannot follow another with the tap barely running between.
		run_to_block(closed + COOLDOWN);
		assert_noop!(Daico::propose(signed(5), raise, Proposal::Dissolve), E::ProposalCoolingDown);
		run_to_block(closed + 20);
		assert_ok!(Daico::propose(signed(5), raise, Proposal::Dissolve));
	});
}
