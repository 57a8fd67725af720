//! `leave`, `redeem_share` and the redemption queue.

use super::*;

#[test]
fn withdrawal_ends_membership_and_repays_after_notice() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		assert_ok!(Membership::leave(signed(2), coop));
		assert!(!Members::<Test>::contains_key(coop, 2));
		assert_eq!(
			last_event(),
			Event::MemberLeft { coop, member: 2, amount: SHARE, redeemable_from: 1 + NOTICE }
		);
		assert_eq!(removed(), vec![(coop, 2)]);
		let info = coop_info(coop);
		assert_eq!((info.members, info.share_capital), (1, SHARE));
		assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::RedemptionNotDue);
		run_to_block(1 + NOTICE);
		assert_ok!(Membership::redeem_share(signed(5), coop, 2));
		assert_eq!(free(2), ENDOWMENT, "share paid back at face value");
		assert_eq!(last_event(), Event::ShareRedeemed { coop, member: 2, amount: SHARE });
		assert!(Redemptions::<Test>::get(coop, 2).is_none());
		assert_noop!(Membership::redeem_share(signed(2), coop, 2), E::NoRedemption);
	});
}

#[test]
fn withdraw_fails_for_non_members() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		assert_noop!(Membership::leave(signed(2), coop), E::NotMember);
		assert_noop!(Membership::leave(signed(2), 5), E::CoopNotFound);
	});
}

#[test]
fn a_leaver_s_votes_are_removed_from_open_motions() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(2), coop, m, true));
		assert_ok!(Membership::leave(signed(2), coop));
		let motion = Motions::<Test>::get(coop, m).unwrap();
		assert_eq!((motion.tally.ayes, motion.tally.nays, motion.electorate), (0, 0, 2));
		assert!(Votes::<Test>::get((coop, m), 2).is_none());
	});
}

#[test]
fn an_insolvent_treasury_queues_redemptions_first_in_first_out() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		for who in 2..=5 {
			join(coop, who, WORKER);
		}
		for who in 2..=5 {
			assert_ok!(Membership::leave(signed(who), coop));
		}
		// The co-op spent its capital: only one share is left.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), SHARE));
		run_to_block(1 + NOTICE);
		// Paid at once while there is money and nobody waits.
		assert_ok!(Membership::redeem_share(signed(3), coop, 3));
		assert_eq!(free(3), ENDOWMENT);
		for who in [2, 5, 4] {
			assert_ok!(Membership::redeem_share(signed(who), coop, who));
		}
		assert_eq!(RedemptionQueue::<Test>::get(coop).to_vec(), vec![2, 5, 4]);
		assert_eq!(
			last_event(),
			Event::RedemptionQueued { coop, member: 4, amount: SHARE, ahead: 2 }
		);
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
		let coop = found(1, open_bylaws());
		for who in 2..=5 {
			join(coop, who, WORKER);
			assert_ok!(Membership::leave(signed(who), coop));
		}
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 0));
		run_to_block(1 + NOTICE);
		for who in 2..=4 {
			assert_ok!(Membership::redeem_share(signed(who), coop, who));
		}
		assert_noop!(Membership::redeem_share(signed(5), coop, 5), E::RedemptionQueueFull);
		assert!(Redemptions::<Test>::contains_key(coop, 5));
	});
}
