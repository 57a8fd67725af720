//! `propose`: every kind of proposal, and who may propose.

use super::*;

#[test]
fn holds_the_deposit_and_opens_the_motion() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder alone,
		let coop = found(1, open_bylaws());
		// When 1 proposes an expulsion (of itself: any member may be named),
		let m = propose(coop, 1, Proposal::Expel { member: 1 });
		// Then the deposit is held, and the motion cannot close before the defence window.
		assert_eq!(held(1), COOP_DEPOSIT + MOTION_DEPOSIT);
		let motion = Motions::<Test>::get(coop, m).unwrap();
		assert_eq!(motion.earliest_close, 1 + DEFENCE_WINDOW);
		assert_eq!(
			last_event(),
			Event::MotionProposed {
				coop,
				motion: m,
				proposer: 1,
				electorate: 1,
				voting_ends: 1 + VOTING_PERIOD
			}
		);
	});
}

/// Founder 1 of `coop` (two members) proposes bylaws changes that cannot be proposed: each is
/// refused.
fn bylaws_changes_that_cannot_be_proposed(coop: CoopId) {
	let mut fewer = open_bylaws();
	fewer.classes.pop();
	assert_noop!(
		Membership::propose(signed(1), coop, Box::new(Proposal::ChangeBylaws { bylaws: fewer })),
		E::ClassesMayOnlyBeAppended
	);
	assert_noop!(
		Membership::propose(
			signed(1),
			coop,
			Box::new(Proposal::ChangeBylaws { bylaws: Bylaws { max_members: 1, ..open_bylaws() } })
		),
		E::MaxMembersBelowCurrent
	);
}

#[test]
fn fails_for_non_voters_and_bad_proposals() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder and a supporter (who does not vote),
		let coop = found(1, open_bylaws());
		join(coop, 2, SUPPORTER);
		let grant = || Box::new(Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// when a stranger, the supporter, or 1 in a missing co-op proposes, then it is refused;
		assert_noop!(Membership::propose(signed(3), coop, grant()), E::NotMember);
		assert_noop!(Membership::propose(signed(2), coop, grant()), E::NotVotingMember);
		assert_noop!(Membership::propose(signed(1), 5, grant()), E::CoopNotFound);
		// when 1 proposes an admission, a stranger's expulsion, a long call or an unheld role's
		// revocation, then each is refused;
		assert_noop!(
			Membership::propose(signed(1), coop, Box::new(Proposal::Admit { applicant: 3 })),
			E::AdmissionIsByApplication
		);
		assert_noop!(
			Membership::propose(signed(1), coop, Box::new(Proposal::Expel { member: 3 })),
			E::NotMember
		);
		let long = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 300] });
		assert_noop!(
			Membership::propose(
				signed(1),
				coop,
				Box::new(Proposal::Dispatch { call: Box::new(long) })
			),
			E::CallTooLong
		);
		assert_noop!(
			Membership::propose(
				signed(1),
				coop,
				Box::new(Proposal::RevokeRole { who: 9, role: CoopRole::Operator })
			),
			E::RoleNotHeld
		);
		// when 1 proposes bylaws that drop a class or allow fewer members than it has, then
		// each is refused;
		bylaws_changes_that_cannot_be_proposed(coop);
		// when four motions are open (`MaxOpenMotions`), then a fifth is refused.
		for _ in 0..4 {
			assert_ok!(Membership::propose(signed(1), coop, grant()));
		}
		assert_noop!(Membership::propose(signed(1), coop, grant()), E::TooManyOpenMotions);
	});
}

#[test]
fn bylaws_change_by_motion() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op by vote, and its founder's aye on new bylaws (share 70, open admission),
		let coop = found(1, bylaws());
		let new = Bylaws { share_price: 70, admission: AdmissionMode::Open, ..bylaws() };
		let m = propose(coop, 1, Proposal::ChangeBylaws { bylaws: new.clone() });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		deliberate();
		// When the motion closes,
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then the bylaws change, and the next member pays the new share price.
		assert_eq!(coop_info(coop).bylaws, new);
		assert_eq!(last_event(), Event::BylawsChanged { coop });
		join(coop, 2, WORKER);
		assert_eq!(Members::<Test>::get(coop, 2).unwrap().share_capital, 70);
	});
}

#[test]
fn roles_are_granted_and_revoked_by_motion() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder alone, who passes each motion (`pass`),
		let coop = found(1, open_bylaws());
		let pass = |p: ProposalOf<Test>| {
			let m = propose(coop, 1, p);
			assert_ok!(Membership::vote(signed(1), coop, m, true));
			deliberate();
			assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		};
		// when a role is granted, then 9 holds that role only;
		pass(Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert!(Membership::has_role(coop, &9, CoopRole::Operator));
		assert!(!Membership::has_role(coop, &9, CoopRole::ValidatorOperator));
		// when 9 gets a second role and 8 the operator role, then there are two holders;
		pass(Proposal::GrantRole { who: 9, role: CoopRole::ValidatorOperator });
		pass(Proposal::GrantRole { who: 8, role: CoopRole::Operator });
		assert_eq!(coop_info(coop).role_holders, 2);
		// when 7 is granted a role too, then it is not carried out:
		// A third holder is over `MaxRoleHolders`.
		pass(Proposal::GrantRole { who: 7, role: CoopRole::Operator });
		assert!(!Membership::has_role(coop, &7, CoopRole::Operator));
		assert!(matches!(
			last_event(),
			Event::MotionNotExecuted { reason, .. } if reason == E::TooManyRoleHolders.into()
		));
		// when 9's operator role is revoked, then 9 holds it no more;
		pass(Proposal::RevokeRole { who: 9, role: CoopRole::Operator });
		assert!(!Membership::has_role(coop, &9, CoopRole::Operator));
		assert_eq!(last_event(), Event::RoleRevoked { coop, who: 9, role: CoopRole::Operator });
		// when 8 is proposed for its role again, then it is refused: 8 holds it.
		assert_noop!(
			Membership::propose(
				signed(1),
				coop,
				Box::new(Proposal::GrantRole { who: 8, role: CoopRole::Operator })
			),
			E::RoleAlreadyHeld
		);
	});
}
