//! Whole raises, told from start to end.

use super::*;
use coop_primitives::Tally;

#[docify::export]
#[test]
fn a_raise_from_its_opening_to_the_last_refund() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise that reached its soft cap (1100 from accounts 1, 2 and 3), whose tap of
		// 10 per block has paid `TEAM` 5 × 10 by block 16 (a helper in `src/tests/stories.rs`).
		let raise = a_raise_that_reached_its_soft_cap_and_paid_its_first_draw();

		// When all three contributors vote to double the tap and the motion closes.
		let double = Proposal::RaiseTap { new_rate: 20 };
		assert_ok!(Daico::propose(RuntimeOrigin::signed(2), raise, double));
		vote_all(raise, ProposalKind::RaiseTap, &[1, 2, 3], true);
		run_to_block(21);
		assert_ok!(Daico::close_motion(RuntimeOrigin::signed(9), raise, ProposalKind::RaiseTap));
		// Then the tap is 20 per block, what accrued at 10 kept for the team.
		assert!(events().contains(&Event::MotionClosed {
			raise,
			kind: ProposalKind::RaiseTap,
			passed: true,
			heads: Tally { ayes: 3, nays: 0 },
			capital: Tally { ayes: 1_100, nays: 0 },
		}));
		assert_eq!(last_event(), Event::TapRateChanged { raise, rate: 20 });

		// When a contributor moves to dissolve and two of the three vote aye, then the heads'
		// pre-quorum is reached but not by `MinVoters` (3) contributors: the tap is not frozen.
		assert_ok!(Daico::propose(RuntimeOrigin::signed(3), raise, Proposal::Dissolve));
		assert_ok!(Daico::vote(RuntimeOrigin::signed(1), raise, ProposalKind::Dissolve, true));
		assert_ok!(Daico::vote(RuntimeOrigin::signed(2), raise, ProposalKind::Dissolve, true));
		assert_eq!(
			last_event(),
			Event::Voted { raise, kind: ProposalKind::Dissolve, who: 2, aye: true }
		);
		assert!(!events().contains(&Event::TapFrozen { raise }));
		assert!(!Raises::<Test>::get(raise).unwrap().frozen);

		// When the third votes nay and the motion closes, two of three carry it.
		assert_ok!(Daico::vote(RuntimeOrigin::signed(3), raise, ProposalKind::Dissolve, false));
		run_to_block(26);
		assert_ok!(Daico::close_motion(RuntimeOrigin::signed(9), raise, ProposalKind::Dissolve));
		// Then what the tap did not pay (1100 − 50) is refundable; what it had accrued is not.
		assert_eq!(last_event(), Event::RaiseDissolved { raise, refund_pool: 1_050 });

		// When every contributor claims: ⌊1050 × c / 1100⌋ is 572, 286 and 190.
		for who in [1, 2, 3] {
			assert_ok!(Daico::claim_refund(RuntimeOrigin::signed(who), raise, who));
		}
		// Then the last to claim also gets the 2 units of rounding remainder, and the escrow's
		// seed goes back to the co-op: nothing stuck, nothing to the team.
		assert!(events().contains(&Event::Refunded { raise, who: 1, amount: 572 }));
		assert!(events().contains(&Event::Refunded { raise, who: 2, amount: 286 }));
		assert!(events().contains(&Event::Refunded { raise, who: 3, amount: 192 }));
		assert!(events().contains(&Event::RoundingRemainderPaid { raise, who: 3, amount: 2 }));
		assert_eq!(last_event(), Event::SeedReturned { raise, amount: ED });
		assert_eq!([free(1), free(2), free(3)], [9_972, 9_986, 9_992]);
		assert_eq!(free(TEAM), 50);
		assert_eq!(free(escrow(raise)), 0);
		// Once settled, anyone prunes the raise: its deposit goes back to the co-op.
		assert_ok!(Daico::prune_raise(signed(9), raise));
		assert_eq!(free(TREASURY), ENDOWMENT);
	});
}

/// The opening of the story above. Co-op 0, whose decisions come from its treasury account in
/// the mock, opens a raise (soft cap 1000, window blocks 1..=10, tap 10 per block to `TEAM`,
/// head count); three accounts contribute 1100 in all; the window closes and the raise is
/// finalised, its tap running from block 11; after 5 blocks the team draws 5 × 10.
fn a_raise_that_reached_its_soft_cap_and_paid_its_first_draw() -> RaiseId {
	assert_ok!(Daico::create_raise(RuntimeOrigin::signed(TREASURY), 0, params()));
	let raise = 0;
	for (who, amount) in [(1, 600), (2, 300), (3, 200)] {
		assert_ok!(Daico::contribute(RuntimeOrigin::signed(who), raise, amount));
	}
	run_to_block(11);
	assert_ok!(Daico::finalize(RuntimeOrigin::signed(9), raise));
	assert_eq!(last_event(), Event::RaiseSucceeded { raise, raised: 1_100 });
	run_to_block(16);
	assert_ok!(Daico::draw_tap(RuntimeOrigin::signed(TEAM), raise));
	assert_eq!(last_event(), Event::TapDrawn { raise, amount: 50 });
	raise
}
