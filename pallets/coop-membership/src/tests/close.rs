//! `close`: outcomes, deposits, early closing.

use super::*;

#[test]
fn admits_an_approved_applicant() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, bylaws());
		assert_ok!(Membership::apply(signed(2), coop, CONSUMER));
		assert_ok!(Membership::vote(signed(1), coop, 0, true));
		// Every voter (the only one) has voted: it may close once the deliberation is over.
		deliberate();
		assert_ok!(Membership::close(signed(3), coop, 0, Weight::zero()));
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
fn refuses_a_rejected_applicant_in_full_and_forfeits_a_spam_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		let treasury_before = free(treasury(coop));
		assert_ok!(Membership::apply(signed(3), coop, WORKER));
		let m = last_motion(coop);
		vote_all(coop, m, &[1, 2], false);
		deliberate();
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
		assert!(!Members::<Test>::contains_key(coop, 3));
		assert_eq!(held(3), 0);
		// Share refunded in full; the deposit of a motion nobody supported is forfeited.
		assert_eq!(free(3), ENDOWMENT - MOTION_DEPOSIT);
		assert_eq!(free(treasury(coop)), treasury_before + MOTION_DEPOSIT);
		let evs = events();
		assert!(evs.contains(&Event::MotionDepositForfeited {
			coop,
			motion: m,
			amount: MOTION_DEPOSIT
		}));
		assert!(evs.contains(&Event::ApplicationRefunded { coop, applicant: 3, amount: SHARE }));
	});
}

#[test]
fn a_rejected_motion_with_support_keeps_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(2), coop, m, true));
		vote_all(coop, m, &[1, 3], false);
		run_to_block(1 + VOTING_PERIOD);
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
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
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		admit(coop, 3, WORKER, &[1, 2]);
		assert_ok!(Membership::apply(signed(4), coop, WORKER));
		let m = last_motion(coop);
		// One vote of three: below the 50 % quorum.
		assert_ok!(Membership::vote(signed(1), coop, m, false));
		assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
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
		assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
		// then the last two vote against, and it closes at once on the full count.
		vote_all(coop, m, &[4, 5], false);
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
		assert!(Membership::has_role(coop, &9, CoopRole::Operator), "3 of 5 is a majority");

		// A motion that can no longer pass still waits for every vote or the period's end.
		let m = propose(coop, 1, Proposal::GrantRole { who: 8, role: CoopRole::Operator });
		vote_all(coop, m, &[2, 3, 4], false);
		deliberate();
		assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
		assert!(!Membership::has_role(coop, &8, CoopRole::Operator));
	});
}

#[test]
fn fails_for_unknown_motions_and_low_weight_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		assert_noop!(Membership::close(signed(1), coop, 0, Weight::zero()), E::MotionNotFound);
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 10] });
		let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(call) });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		assert_noop!(
			Membership::close(signed(1), coop, m, Weight::zero()),
			E::CallWeightBoundTooLow
		);
		deliberate();
		assert_ok!(Membership::close(signed(1), coop, m, BOUND));
		assert!(events().contains(&Event::MotionExecuted { coop, motion: m, result: Ok(()) }));
	});
}

#[test]
fn an_admission_of_a_full_coop_is_refunded() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, Bylaws { max_members: 2, ..bylaws() });
		assert_ok!(Membership::apply(signed(2), coop, WORKER));
		assert_ok!(Membership::apply(signed(3), coop, WORKER));
		assert_ok!(Membership::vote(signed(1), coop, 0, true));
		assert_ok!(Membership::vote(signed(1), coop, 1, true));
		deliberate();
		assert_ok!(Membership::close(signed(1), coop, 0, Weight::zero()));
		assert_ok!(Membership::close(signed(1), coop, 1, Weight::zero()));
		assert!(!Members::<Test>::contains_key(coop, 3));
		assert!(events().contains(&Event::MotionNotExecuted {
			coop,
			motion: 1,
			reason: E::CoopFull.into()
		}));
		assert_eq!(free(3), ENDOWMENT);
	});
}
