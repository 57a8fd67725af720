//! `leave`, `redeem_share` and the redemption queue.

use super::*;

#[test]
fn withdrawal_ends_membership_and_repays_after_notice() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of two,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		// When 2 leaves,
		assert_ok!(Membership::leave(signed(2), coop));
		// Then 2 is no member, and is owed its share once the notice is over;
		assert!(!Members::<Test>::contains_key(coop, 2));
		assert_eq!(
			last_event(),
			Event::MemberLeft { coop, member: 2, amount: SHARE, redeemable_from: 1 + NOTICE }
		);
		assert_eq!(removed(), vec![(coop, 2)]);
		let info = coop_info(coop);
		assert_eq!((info.members, info.share_capital), (1, SHARE));
		// when 2 redeems before the notice is over, then it is refused;
		assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::RedemptionNotDue);
		// When anyone redeems for 2 after the notice,
		run_to_block(1 + NOTICE);
		assert_ok!(Membership::redeem_share(signed(5), coop, 2));
		// Then 2 is paid back, once: nothing is left to redeem.
		assert_eq!(free(2), ENDOWMENT, "share paid back at face value");
		assert_eq!(last_event(), Event::ShareRedeemed { coop, member: 2, amount: SHARE });
		assert!(Redemptions::<Test>::get(coop, 2).is_none());
		assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::NoRedemption);
	});
}

#[test]
fn leave_fails_for_non_members() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder alone,
		let coop = found(1, open_bylaws());
		// When a stranger leaves it, or leaves a co-op that does not exist, then it is refused.
		assert_noop!(Membership::leave(signed(2), coop), E::NotMember);
		assert_noop!(Membership::leave(signed(2), 5), E::CoopNotFound);
	});
}

#[test]
fn a_leaver_s_votes_are_removed_from_open_motions() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of three, and 2's aye on an open motion,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(2), coop, m, true));
		// When 2 leaves,
		assert_ok!(Membership::leave(signed(2), coop));
		// Then 2's vote and seat are taken out of the motion.
		let motion = Motions::<Test>::get(coop, m).unwrap();
		assert_eq!((motion.tally.ayes, motion.tally.nays, motion.electorate), (0, 0, 2));
		assert!(Votes::<Test>::get((coop, m), 2).is_none());
	});
}

#[test]
fn an_insolvent_treasury_queues_redemptions_first_in_first_out() {
	ExtBuilder::default().build_and_execute(|| {
		// Given four members who left an open co-op,
		let coop = found(1, open_bylaws());
		for who in 2..=5 {
			join(coop, who, WORKER);
		}
		for who in 2..=5 {
			assert_ok!(Membership::leave(signed(who), coop));
		}
		// The co-op spent its capital: only one share is left.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), SHARE));
		// When the notice is over and 3, then 2, 5 and 4 redeem,
		run_to_block(1 + NOTICE);
		// Paid at once while there is money and nobody waits.
		assert_ok!(Membership::redeem_share(signed(3), coop, 3));
		assert_eq!(free(3), ENDOWMENT);
		for who in [2, 5, 4] {
			assert_ok!(Membership::redeem_share(signed(who), coop, who));
		}
		// Then 3 is paid, and the others queue in the order they asked;
		assert_eq!(RedemptionQueue::<Test>::get(coop).to_vec(), vec![2, 5, 4]);
		assert_eq!(
			last_event(),
			Event::RedemptionQueued { coop, member: 4, amount: SHARE, ahead: 2 }
		);
		// when 2 redeems again, then it is refused: already queued.
		assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::AlreadyQueued);
		// Nothing is paid while the treasury is empty.
		assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
		assert_eq!(RedemptionQueue::<Test>::get(coop).len(), 3);
		// Funds arrive for two shares: the first two in line are paid, in order.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 2 * SHARE));
		assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
		assert_eq!(free(2), ENDOWMENT);
		assert_eq!(free(5), ENDOWMENT);
		assert_eq!(free(4), ENDOWMENT - SHARE, "still owed, never lost");
		assert_eq!(RedemptionQueue::<Test>::get(coop).to_vec(), vec![4]);
		assert_eq!(Redemptions::<Test>::get(coop, 4).unwrap().amount, SHARE);
	});
}

#[test]
fn a_full_queue_refuses_more_but_keeps_the_claim() {
	ExtBuilder::default().build_and_execute(|| {
		// Given four members who left an open co-op whose treasury is then emptied,
		let coop = found(1, open_bylaws());
		for who in 2..=5 {
			join(coop, who, WORKER);
			assert_ok!(Membership::leave(signed(who), coop));
		}
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 0));
		// When, after the notice, three redeem (`MaxPendingRedemptions` is 3) and a fourth,
		run_to_block(1 + NOTICE);
		for who in 2..=4 {
			assert_ok!(Membership::redeem_share(signed(who), coop, who));
		}
		// Then the fourth is refused, but keeps its claim.
		assert_noop!(Membership::redeem_share(signed(5), coop, 5), E::RedemptionQueueFull);
		assert!(Redemptions::<Test>::contains_key(coop, 5));
	});
}
