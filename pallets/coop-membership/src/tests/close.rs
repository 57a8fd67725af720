//! `close_motion`: outcomes, deposits, early closing, and motions that cannot be carried out.

use super::*;

#[test]
fn admits_an_approved_applicant() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op by vote, 2's application, and its only voter's aye,
		let coop = found(1, bylaws());
		assert_ok!(Membership::apply(signed(2), coop, CONSUMER));
		assert_ok!(Membership::vote(signed(1), coop, 0, true));
		// Every voter (the only one) has voted: it may close once the deliberation is over.
		deliberate();
		// When anyone (here 3) closes the motion,
		assert_ok!(Membership::close_motion(signed(3), coop, 0, Weight::zero()));
		// Then 2 is a member, its share paid in, and the motion and its votes are gone.
		assert!(Members::<Test>::contains_key(coop, 2));
		assert_eq!(held(2), 0);
		assert_eq!(free(2), ENDOWMENT - SHARE);
		assert_eq!(free(treasury(coop)), 2 * SHARE);
		assert_eq!(coop_info(coop).share_capital, 2 * SHARE);
		assert!(Motions::<Test>::get(coop, 0).is_none());
		assert_eq!(Votes::<Test>::iter_prefix((coop, 0)).count(), 0);
		let evs = events();
		assert!(evs.contains(&Event::MotionClosed {
			coop,
			motion: 0,
			outcome: MotionOutcome::Approved,
			ayes: 1,
			nays: 0,
			electorate: 1
		}));
		assert_eq!(
			last_event(),
			Event::MemberAdmitted { coop, member: 2, class: CONSUMER, share_capital: SHARE }
		);
	});
}

#[test]
fn refunds_a_rejected_applicant_in_full_deposit_included() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of two by vote, and 3's application that both vote against,
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		let treasury_before = free(treasury(coop));
		assert_ok!(Membership::apply(signed(3), coop, WORKER));
		let m = last_motion(coop);
		vote_all(coop, m, &[1, 2], false);
		deliberate();
		// When the motion closes,
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then 3 is refused, and gets back both the share and the deposit: an application is
		// not a member's proposal, and an applicant cannot vote for it.
		assert!(!Members::<Test>::contains_key(coop, 3));
		assert_eq!(held(3), 0);
		assert_eq!(free(3), ENDOWMENT);
		assert_eq!(free(treasury(coop)), treasury_before);
		let evs = events();
		assert!(!evs.iter().any(|e| matches!(e, Event::MotionDepositForfeited { .. })));
		assert!(evs.contains(&Event::ApplicationRefunded { coop, applicant: 3, amount: SHARE }));
	});
}

#[test]
fn a_rejected_motion_with_support_keeps_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of three, and 1's motion that only 2 supports,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(2), coop, m, true));
		vote_all(coop, m, &[1, 3], false);
		// When it closes after the voting period,
		run_to_block(1 + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then it is rejected, but the proposer's deposit is released, not forfeited.
		assert_eq!(held(1), COOP_DEPOSIT, "motion deposit released");
		assert!(!Membership::has_role(coop, &9, CoopRole::Operator));
		assert!(events().contains(&Event::MotionClosed {
			coop,
			motion: m,
			outcome: MotionOutcome::Rejected,
			ayes: 1,
			nays: 2,
			electorate: 3
		}));
	});
}

#[test]
fn expires_without_quorum_and_refunds_everything() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of three by vote, and 4's application,
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		admit(coop, 3, WORKER, &[1, 2]);
		assert_ok!(Membership::apply(signed(4), coop, WORKER));
		let m = last_motion(coop);
		// One vote of three: below the 50 % quorum.
		assert_ok!(Membership::vote(signed(1), coop, m, false));
		// When it is closed before the period ends, then it is refused (not everyone voted);
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		// When it is closed after the voting period,
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then it has expired, and 4 gets its share and deposit back.
		assert!(events().contains(&Event::MotionClosed {
			coop,
			motion: m,
			outcome: MotionOutcome::Expired,
			ayes: 0,
			nays: 1,
			electorate: 3
		}));
		assert_eq!(free(4), ENDOWMENT, "share and deposit back in full");
		assert_eq!(held(4), 0);
	});
}

#[test]
fn closes_early_only_when_every_voter_has_voted() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of five and a motion three of them support at once,
		let coop = found(1, open_bylaws());
		for who in 2..=5 {
			join(coop, who, WORKER);
		}
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		vote_all(coop, m, &[1, 2, 3], true);
		deliberate();
		// when it is closed before the others voted, it is refused: votes may still change
		// (this closed as approved before the strict rules);
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		// then the last two vote against, and it closes at once on the full count.
		vote_all(coop, m, &[4, 5], false);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert!(Membership::has_role(coop, &9, CoopRole::Operator), "3 of 5 is a majority");

		// A motion that can no longer pass still waits for every vote or the period's end.
		let m = propose(coop, 1, Proposal::GrantRole { who: 8, role: CoopRole::Operator });
		vote_all(coop, m, &[2, 3, 4], false);
		deliberate();
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert!(!Membership::has_role(coop, &8, CoopRole::Operator));
	});
}

#[test]
fn fails_for_unknown_motions_and_low_weight_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op with no motion,
		let coop = found(1, open_bylaws());
		// When motion 0 is closed, then it is refused: there is none.
		assert_noop!(
			Membership::close_motion(signed(1), coop, 0, Weight::zero()),
			E::MotionNotFound
		);
		// Given a dispatch motion for a remark, with its proposer's aye,
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 10] });
		let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(call) });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		// When it is closed with a weight bound of zero, then it is refused.
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::CallWeightBoundTooLow
		);
		// When it is closed after the deliberation, with a bound that covers the call,
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, m, BOUND));
		// Then the call is dispatched.
		assert!(events().contains(&Event::MotionExecuted { coop, motion: m, result: Ok(()) }));
	});
}

#[test]
fn an_admission_of_a_full_coop_is_refunded() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of at most two members, and two applications, both approved,
		let coop = found(1, Bylaws { max_members: 2, ..bylaws() });
		assert_ok!(Membership::apply(signed(2), coop, WORKER));
		assert_ok!(Membership::apply(signed(3), coop, WORKER));
		assert_ok!(Membership::vote(signed(1), coop, 0, true));
		assert_ok!(Membership::vote(signed(1), coop, 1, true));
		deliberate();
		// When both motions close,
		assert_ok!(Membership::close_motion(signed(1), coop, 0, Weight::zero()));
		assert_ok!(Membership::close_motion(signed(1), coop, 1, Weight::zero()));
		// Then the second is not carried out (the co-op is full), and 3 is refunded.
		assert!(!Members::<Test>::contains_key(coop, 3));
		assert!(events().contains(&Event::MotionNotExecuted {
			coop,
			motion: 1,
			reason: E::CoopFull.into()
		}));
		assert_eq!(free(3), ENDOWMENT);
	});
}

#[test]
fn an_admission_whose_application_is_gone_is_not_carried_out() {
	// Storage is corrupted on purpose, so the invariants are not checked at every block.
	ExtBuilder::default().build().execute_with(|| {
		// Given a co-op by vote, 2's application, and its only voter's aye,
		let coop = found(1, bylaws());
		assert_ok!(Membership::apply(signed(2), coop, WORKER));
		let m = last_motion(coop);
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		// and the application removed behind the motion's back: no call removes an application
		// while its motion is open, so only writing storage directly reaches this state.
		Applications::<Test>::remove(coop, 2);
		assert_eq!(
			Membership::do_try_state(),
			Err("pending applications differ from their count".into())
		);
		System::set_block_number(System::block_number() + DELIBERATION);
		// When the motion closes, approved,
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert!(events().contains(&Event::MotionClosed {
			coop,
			motion: m,
			outcome: MotionOutcome::Approved,
			ayes: 1,
			nays: 0,
			electorate: 1
		}));
		// Then it is not carried out, for want of the application, and 2 is no member.
		assert_eq!(
			last_event(),
			Event::MotionNotExecuted { coop, motion: m, reason: E::ApplicationNotFound.into() }
		);
		assert!(!Members::<Test>::contains_key(coop, 2));
		assert_eq!(coop_info(coop).members, 1);
	});
}

#[test]
fn a_dispatch_motion_whose_call_no_longer_decodes_is_not_carried_out() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op's motion to dispatch a remark, with its founder's aye,
		let coop = found(1, open_bylaws());
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 10] });
		let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(call) });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		// whose stored call no longer decodes, as after an upgrade that removed the call's pallet
		// (255 is no pallet's index): only writing storage directly reaches this state.
		Motions::<Test>::mutate(coop, m, |motion| {
			motion.as_mut().expect("the motion is open").proposal =
				Proposal::Dispatch { call: vec![255u8, 0].try_into().expect("two bytes fit") };
		});
		deliberate();
		// When the motion closes, approved,
		assert_ok!(Membership::close_motion(signed(1), coop, m, BOUND));
		// Then nothing is dispatched: the motion is reported not carried out, undecodable.
		assert_eq!(
			last_event(),
			Event::MotionNotExecuted { coop, motion: m, reason: E::CallUndecodable.into() }
		);
		assert!(!events().iter().any(|e| matches!(e, Event::MotionExecuted { .. })));
	});
}
