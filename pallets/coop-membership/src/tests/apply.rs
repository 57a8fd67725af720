//! `apply`: open admission and admission by vote.

use super::*;

#[test]
fn open_admission_admits_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op that admits anyone who pays for a share,
		let coop = found(1, open_bylaws());
		// When 2 applies as a consumer,
		assert_ok!(Membership::apply(signed(2), coop, CONSUMER));
		// Then 2 is a member at once, and its share is in the treasury and the capital.
		assert_eq!(
			last_event(),
			Event::MemberAdmitted { coop, member: 2, class: CONSUMER, share_capital: SHARE }
		);
		assert_eq!(free(2), ENDOWMENT - SHARE);
		assert_eq!(free(treasury(coop)), 2 * SHARE);
		let info = coop_info(coop);
		assert_eq!((info.members, info.voting_members, info.share_capital), (2, 2, 2 * SHARE));
	});
}

#[test]
fn non_voting_class_counts_as_member_not_voter() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op,
		let coop = found(1, open_bylaws());
		// When 2 joins as a supporter (a class that does not vote),
		join(coop, 2, SUPPORTER);
		// Then 2 counts as a member but not as a voter.
		let info = coop_info(coop);
		assert_eq!((info.members, info.voting_members), (2, 1));
		assert!(Membership::is_member(coop, &2));
		assert!(!Membership::is_voting_member(coop, &2));
	});
}

#[test]
fn by_vote_holds_the_share_and_opens_an_admission_motion() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op that admits by vote,
		let coop = found(1, bylaws());
		// When 2 applies as a worker,
		assert_ok!(Membership::apply(signed(2), coop, WORKER));
		// Then 2 is no member yet: its share and deposit are held, an admission motion opens.
		assert!(!Members::<Test>::contains_key(coop, 2));
		assert_eq!(held(2), SHARE + APPLICATION_DEPOSIT);
		assert_eq!(free(treasury(coop)), SHARE, "nothing paid in yet");
		let motion = Motions::<Test>::get(coop, 0).unwrap();
		assert_eq!(motion.proposal, Proposal::Admit { applicant: 2 });
		assert_eq!(motion.electorate, 1);
		assert_eq!(
			Applications::<Test>::get(coop, 2),
			Some(Application { class: WORKER, motion: 0, held: SHARE })
		);
		assert_eq!(
			last_event(),
			Event::ApplicationSubmitted { coop, applicant: 2, class: WORKER, motion: 0 }
		);
	});
}

#[test]
fn fails_for_missing_coop_member_pending_or_unknown_class() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no co-op 7, when 2 applies to it, then it is refused.
		assert_noop!(Membership::apply(signed(2), 7, WORKER), E::CoopNotFound);
		// Given a co-op that admits by vote,
		let coop = found(1, bylaws());
		// when its founder applies, then it is refused: already a member;
		assert_noop!(Membership::apply(signed(1), coop, WORKER), E::AlreadyMember);
		// when 2 applies twice, then the second is refused while the first is pending;
		assert_ok!(Membership::apply(signed(2), coop, WORKER));
		assert_noop!(Membership::apply(signed(2), coop, WORKER), E::ApplicationPending);
		// when 3 applies in class 9, which the bylaws lack, then it is refused.
		assert_noop!(Membership::apply(signed(3), coop, 9), E::UnknownClass);
	});
}

#[test]
fn fails_when_the_coop_is_full() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op whose bylaws allow two members, and two members,
		let coop = found(1, Bylaws { max_members: 2, ..open_bylaws() });
		join(coop, 2, WORKER);
		// When 3 applies, then it is refused: the co-op is full.
		assert_noop!(Membership::apply(signed(3), coop, WORKER), E::CoopFull);
	});
}

#[test]
fn applications_cannot_starve_the_members_motions() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op by vote, and as many strangers applying as a co-op may have motions
		// open (`MaxOpenMotions` is 4),
		let coop = found(1, bylaws());
		for who in 2..6 {
			assert_ok!(Membership::apply(signed(who), coop, WORKER));
		}
		// When a member proposes, then the motion opens: applications have their own slots.
		propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// And the members can still fill every slot of their own.
		for who in 10..13 {
			propose(coop, 1, Proposal::GrantRole { who, role: CoopRole::Operator });
		}
		assert_noop!(
			Membership::propose(
				signed(1),
				coop,
				Box::new(Proposal::GrantRole { who: 13, role: CoopRole::Operator })
			),
			E::TooManyOpenMotions
		);
	});
}

#[test]
fn fails_without_funds_for_the_share() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op,
		let coop = found(1, open_bylaws());
		// When 99, who has no funds, applies, then it is refused: it cannot pay the share.
		assert_noop!(Membership::apply(signed(99), coop, WORKER), TokenError::FundsUnavailable);
	});
}

#[test]
fn applications_have_their_own_bound_and_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op by vote with `MaxOpenApplications` (5) applications pending,
		let coop = found(1, bylaws());
		for who in 2..2 + MAX_APPLICATIONS as AccountId {
			assert_ok!(Membership::apply(signed(who), coop, WORKER));
			// each holding the share and the application deposit (not the motion deposit),
			assert_eq!(held(who), SHARE + APPLICATION_DEPOSIT);
		}
		assert_eq!(OpenApplications::<Test>::get(coop), MAX_APPLICATIONS);
		// When one more applies, then it is refused until the members decide one.
		assert_noop!(Membership::apply(signed(20), coop, WORKER), E::TooManyApplications);
		let first = last_motion(coop) + 1 - MAX_APPLICATIONS;
		vote_all(coop, first, &[1], false);
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, first, Weight::zero()));
		assert_eq!(OpenApplications::<Test>::get(coop), MAX_APPLICATIONS - 1);
		assert_ok!(Membership::apply(signed(20), coop, WORKER));
	});
}
