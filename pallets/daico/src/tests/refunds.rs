//! `claim_refund`: in full from a failed raise, pro rata to the unit from a dissolved one, the
//! rounding remainder to the last to claim, the seed back to the co-op.

use super::*;

#[test]
fn a_failed_raise_refunds_every_contributor_in_full() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise that closed at 683, below its soft cap.
		let raise = open(params());
		contribute_all(raise, &[(1, 333), (2, 250), (3, 100)]);
		run_to_block(11);
		assert_ok!(Daico::finalize(signed(9), raise));
		assert_eq!(last_event(), Event::RaiseFailed { raise, raised: 683 });
		assert_noop!(Daico::draw_tap(signed(TEAM), raise), E::NotActive);
		// When every contributor is refunded, in any order.
		for who in [2, 1, 3] {
			assert_ok!(Daico::claim_refund(signed(9), raise, who));
			// Then each got back all they put in.
			assert_eq!(free(who), ENDOWMENT);
		}
		assert_noop!(Daico::claim_refund(signed(9), raise, 1), E::AlreadyRefunded);
		assert_noop!(Daico::claim_refund(signed(9), raise, 7), E::NotContributor);
		// And the escrow is empty, its seed back with the co-op.
		assert_eq!(free(escrow(raise)), 0);
		assert_eq!(free(TREASURY), ENDOWMENT - RAISE_DEPOSIT, "seed back with the last refund");
		// When the settled raise is pruned, the deposit is back and no record is left.
		assert_ok!(Daico::prune_raise(signed(9), raise));
		assert_eq!(free(TREASURY), ENDOWMENT);
		assert!(!Raises::<Test>::contains_key(raise));
		assert_eq!(Contributions::<Test>::iter_prefix(raise).count(), 0);
	});
}

#[test]
fn no_refunds_from_an_active_raise() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an active raise.
		let raise = active_raise(params());
		// When a contributor claims a refund, then it is refused.
		assert_noop!(Daico::claim_refund(signed(1), raise, 1), E::NotRefundable);
	});
}

#[test]
fn a_dissolved_raise_refunds_what_remains_pro_rata_to_the_unit() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1100 raised; the team draws 30 (3 blocks at 10): 1070 remain.
		let raise = active_raise(params());
		run_to_block(14);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		// When contributors vote to dissolve.
		assert_ok!(Daico::propose(signed(4), raise, Proposal::Dissolve));
		vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3, 4], true);
		close_after_vote(raise, ProposalKind::Dissolve);
		// Then the tap stops and 1070 are refundable.
		assert_eq!(last_event(), Event::RaiseDissolved { raise, refund_pool: 1_070 });
		assert_noop!(Daico::draw_tap(signed(TEAM), raise), E::NotActive);

		// When each claims: floor(1070 × c / 1100): 389, 291, 194, 97, 97 = 1068; 2 units of
		// remainder go to the last to claim.
		let expected = [(1, 389), (2, 291), (3, 194), (4, 97)];
		for (who, share) in expected {
			assert_ok!(Daico::claim_refund(signed(who), raise, who));
			assert_eq!(last_event(), Event::Refunded { raise, who, amount: share });
		}
		assert_ok!(Daico::claim_refund(signed(9), raise, 5));
		assert!(events().contains(&Event::Refunded { raise, who: 5, amount: 99 }));
		assert!(events().contains(&Event::RoundingRemainderPaid { raise, who: 5, amount: 2 }));
		// Then the refunds add up to what remained, and nothing went to the team or is stuck.
		let paid: Balance = [(1, 400), (2, 300), (3, 200), (4, 100), (5, 100)]
			.iter()
			.map(|(who, put_in)| free(*who) + put_in - ENDOWMENT)
			.sum();
		assert_eq!(paid, 1_070, "refunds add up exactly to what remained");
		assert_eq!(free(TEAM), 30, "the beneficiary got nothing from the refunds");
		assert_eq!(free(escrow(raise)), 0);
		assert_eq!(free(TREASURY), ENDOWMENT - RAISE_DEPOSIT);
	});
}

#[test]
fn dust_nobody_can_receive_and_donations_never_block_the_last_refund() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1100 raised, the tap drawn down to 50 left, and the raise dissolved,
		let raise = active_raise(params());
		run_to_block(11 + 105);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		assert_ok!(Daico::propose(signed(1), raise, Proposal::Dissolve));
		vote_all(raise, ProposalKind::Dissolve, &[1, 2, 3, 4], true);
		close_after_vote(raise, ProposalKind::Dissolve);
		assert_eq!(last_event(), Event::RaiseDissolved { raise, refund_pool: 50 });
		// and someone donating 7 to the escrow, and contributor 4's account reaped: its share,
		// floor(50 × 100 / 1100) = 4, is below the existential deposit (5),
		assert_ok!(Balances::transfer_allow_death(signed(9), escrow(raise), 7));
		assert_ok!(Balances::transfer_all(signed(4), 9, false));
		assert_eq!(System::account_exists(&4), false);
		// When 4's refund is claimed, then it is not paid, and the claim does not fail;
		assert_ok!(Daico::claim_refund(signed(9), raise, 4));
		assert_eq!(last_event(), Event::RefundBelowMinimum { raise, who: 4, amount: 4 });
		assert_eq!(free(4), 0);
		// when the others claim, the last (5) gets its share with the dust and the remainder,
		for (who, share) in [(1, 18), (2, 13), (3, 9)] {
			assert_ok!(Daico::claim_refund(signed(who), raise, who));
			assert_eq!(last_event(), Event::Refunded { raise, who, amount: share });
		}
		assert_ok!(Daico::claim_refund(signed(9), raise, 5));
		assert!(events().contains(&Event::Refunded { raise, who: 5, amount: 10 }));
		// Then the seed goes back to the co-op with the donation, and the escrow is empty.
		assert!(events().contains(&Event::SeedReturned { raise, amount: 5 + 7 }));
		assert_eq!(free(escrow(raise)), 0);
		assert_eq!(free(TREASURY), ENDOWMENT + 7 - RAISE_DEPOSIT);
		assert_eq!(raise_of(raise).refunded, raise_of(raise).refund_pool);
	});
}

#[test]
fn only_a_settled_raise_is_pruned() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an active raise with funds left in escrow and a motion open,
		let raise = active_raise(RaiseParams { milestones: milestones(&[100]), ..params() });
		assert_ok!(Daico::propose(signed(1), raise, Proposal::UnlockMilestone));
		let prune = || Daico::prune_raise(signed(9), raise);
		// when anyone prunes it, then it is refused: money is still owed from it;
		assert_noop!(prune(), E::RaiseNotSettled);
		assert_noop!(Daico::prune_raise(signed(9), 7), E::RaiseNotFound);
		// when the milestone is paid and the tap drawn to the last unit,
		vote_all(raise, ProposalKind::UnlockMilestone, &[1, 2, 3, 4], true);
		close_after_vote(raise, ProposalKind::UnlockMilestone);
		assert_ok!(Daico::propose(signed(1), raise, Proposal::Dissolve));
		run_to_block(11 + 100);
		assert_ok!(Daico::draw_tap(signed(TEAM), raise));
		let r = raise_of(raise);
		assert_eq!(r.tapped + r.milestones_paid, r.raised);
		// nothing is left to decide on it (no motion can keep it from being pruned);
		assert_noop!(
			Daico::propose(signed(2), raise, Proposal::RaiseTap { new_rate: 20 }),
			E::NotActive
		);
		// it waits for the open motion;
		assert_noop!(prune(), E::MotionStillOpen);
		assert_ok!(Daico::close_motion(signed(9), raise, ProposalKind::Dissolve));
		// then it is pruned: the seed and the deposit go back, and no record is left.
		let treasury = free(TREASURY);
		assert_ok!(prune());
		assert_eq!(free(TREASURY), treasury + ED + RAISE_DEPOSIT);
		assert_eq!(free(escrow(raise)), 0);
		assert!(!Raises::<Test>::contains_key(raise));
		assert!(!RaiseDeposits::<Test>::contains_key(raise));
		assert!(CoolingDown::<Test>::iter_prefix(raise).next().is_none());
		assert_eq!(last_event(), Event::RaisePruned { raise });
	});
}
