//! Whole co-operative stories.

use super::*;

#[docify::export]
#[test]
fn found_admit_reject_leave_and_redeem() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op by vote, founded by 1, that admits 2, 3 and 4 in turn,
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		admit(coop, 3, CONSUMER, &[1, 2]);
		admit(coop, 4, CONSUMER, &[1, 2, 3]);
		// Given applicant 5, whom three of the four vote against,
		assert_ok!(Membership::apply(signed(5), coop, WORKER));
		let m = last_motion(coop);
		vote_all(coop, m, &[1, 2, 3], false);
		assert_ok!(Membership::vote(signed(4), coop, m, true));
		// When the motion closes after the voting period,
		run_to_block(1 + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(5), coop, m, Weight::zero()));
		// Then 5 is refused and refunded in full; the co-op keeps four members.
		assert!(!Members::<Test>::contains_key(coop, 5));
		assert_eq!(free(5), ENDOWMENT, "refused in full; supported, so no forfeit");
		assert_eq!(coop_info(coop).members, 4);
		assert_eq!(free(treasury(coop)), 4 * SHARE);
		// When member 3 leaves and redeems after the notice,
		assert_ok!(Membership::leave(signed(3), coop));
		run_to_block(System::block_number() + NOTICE);
		assert_ok!(Membership::redeem_share(signed(3), coop, 3));
		// Then 3 has its share back, and the share capital is three shares.
		assert_eq!(free(3), ENDOWMENT);
		assert_eq!(coop_info(coop).share_capital, 3 * SHARE);
		assert_eq!(free(treasury(coop)), 3 * SHARE);
	});
}

#[test]
fn a_coop_joins_the_federation_through_its_own_motion() {
	ExtBuilder::default().with_federation(vec![10, 11]).build_and_execute(|| {
		// Given a federation of 10 and 11, and an open co-op of 1 and 2,
		let federation = coop_primitives::FEDERATION;
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let member_account = treasury(coop);
		// The co-op's treasury pays the federation's share and deposit from members' capital.
		let apply = RuntimeCall::Membership(crate::Call::apply { coop: federation, class: 0 });
		let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(apply) });
		vote_all(coop, m, &[1, 2], true);
		deliberate();
		// When the co-op's motion to apply closes,
		assert_ok!(Membership::close_motion(signed(1), coop, m, BOUND));
		// Then the co-op's treasury has applied to the federation.
		assert!(events().contains(&Event::ApplicationSubmitted {
			coop: federation,
			applicant: member_account,
			class: 0,
			motion: 0
		}));
		// The federation's member co-ops admit it.
		vote_all(federation, 0, &[10, 11], true);
		deliberate();
		// When the federation admits it, then the treasury is a voting member.
		assert_ok!(Membership::close_motion(signed(10), federation, 0, Weight::zero()));
		assert!(Membership::is_voting_member(federation, &member_account));
		assert_eq!(Members::<Test>::get(federation, member_account).unwrap().share_capital, SHARE);

		// Now the co-op votes in the federation, again through its own motion.
		let fm = propose(federation, 10, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		let vote =
			RuntimeCall::Membership(crate::Call::vote { coop: federation, motion: fm, aye: true });
		let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(vote) });
		vote_all(coop, m, &[1, 2], true);
		deliberate();
		// When the co-op's motion to vote closes, then its treasury's vote is cast.
		assert_ok!(Membership::close_motion(signed(1), coop, m, BOUND));
		assert_eq!(Votes::<Test>::get((federation, fm), member_account), Some(true));
		// A signed account cannot pose as the co-op.
		assert_noop!(Membership::vote(signed(1), federation, fm, true), E::NotMember);
	});
}

#[test]
fn genesis_federation_has_its_founders() {
	ExtBuilder::default().with_federation(vec![10, 11, 12]).build_and_execute(|| {
		// Given a federation founded at genesis by 10, 11 and 12 (no share capital),
		let info = coop_info(0);
		// Then it is co-op 0 with three voters and no depositor, and the next co-op is 1.
		assert_eq!((info.members, info.voting_members, info.share_capital), (3, 3, 0));
		assert_eq!(info.depositor, None);
		assert_eq!(NextCoopId::<Test>::get(), 1);
		assert_eq!(found(1, bylaws()), 1);
	});
}
