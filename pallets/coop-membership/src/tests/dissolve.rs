//! `dissolve_coop`.

use super::*;
use frame_support::traits::fungible::Mutate;

#[test]
fn by_its_own_special_resolution_owes_every_member_and_returns_the_deposit() {
	// Co-op 0 is the federation, which cannot dissolve: this co-op is co-op 1.
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given an open co-op of two, both for a special resolution to dissolve it,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let call = RuntimeCall::Membership(crate::Call::dissolve_coop { coop });
		let m = propose(coop, 1, Proposal::DispatchSpecial { call: Box::new(call) });
		vote_all(coop, m, &[1, 2], true);
		deliberate();
		// When the motion closes,
		assert_ok!(Membership::close_motion(signed(1), coop, m, BOUND));
		// Then the co-op is gone, its deposit returned, and each member owed the share;
		assert!(
			events().contains(&Event::MotionExecuted { coop, motion: m, result: Ok(()) }),
			"{:?}",
			events()
		);
		assert!(Coops::<Test>::get(coop).is_none());
		assert_eq!(Members::<Test>::iter_prefix(coop).count(), 0);
		assert_eq!(held(1), 0, "deposit returned");
		assert!(events().contains(&Event::CoopDissolved { coop, members: 2 }));
		let mut gone = removed();
		gone.sort();
		assert_eq!(gone, vec![(coop, 1), (coop, 2)]);
		// when the members redeem, then they are paid back in full.
		assert_ok!(Membership::redeem_share(signed(1), coop, 1));
		assert_ok!(Membership::redeem_share(signed(2), coop, 2));
		assert_eq!(free(1), ENDOWMENT);
		assert_eq!(free(2), ENDOWMENT);
	});
}

#[test]
fn fails_for_others_the_federation_and_coops_with_open_motions() {
	ExtBuilder::default().with_federation(vec![1]).build_and_execute(|| {
		// Given a federation founded by 1, and a co-op founded by 2,
		let coop = found(2, open_bylaws());
		let special = |c| -> RuntimeOrigin { Origin::CoopSpecial(c).into() };
		// when a signer dissolves it, or the federation or a missing co-op is dissolved: refused;
		assert_noop!(Membership::dissolve_coop(signed(2), coop), DispatchError::BadOrigin);
		assert_noop!(Membership::dissolve_coop(special(0), 0), E::FederationCannotDissolve);
		assert_noop!(Membership::dissolve_coop(special(9), 9), E::CoopNotFound);
		// Another co-op's motion cannot dissolve it, nor can an ordinary resolution of its own.
		assert_noop!(Membership::dissolve_coop(special(0), coop), DispatchError::BadOrigin);
		assert_noop!(
			Membership::dissolve_coop(Origin::Coop(coop).into(), coop),
			DispatchError::BadOrigin
		);
		// when the co-op has an open motion, then even its special resolution is refused.
		propose(coop, 2, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_noop!(Membership::dissolve_coop(special(coop), coop), E::CoopHasOpenMotions);
	});
}

#[test]
fn root_cannot_dissolve_a_coop() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op, when root (the chain's authority) tries to dissolve it, it is refused:
		// only the co-op's own special resolution decides that (autonomy).
		let coop = found(1, open_bylaws());
		assert_noop!(
			Membership::dissolve_coop(RuntimeOrigin::root(), coop),
			DispatchError::BadOrigin
		);
		assert!(Coops::<Test>::contains_key(coop));
	});
}

#[test]
fn an_ordinary_dispatch_motion_cannot_dissolve() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of two, both for an ordinary (not special) motion to dissolve it,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let call = RuntimeCall::Membership(crate::Call::dissolve_coop { coop });
		let m = propose(coop, 1, Proposal::Dispatch { call: Box::new(call) });
		vote_all(coop, m, &[1, 2], true);
		deliberate();
		// When the motion closes,
		assert_ok!(Membership::close_motion(signed(1), coop, m, BOUND));
		// Then the dissolution is refused the ordinary origin, and the co-op stays.
		assert!(events().contains(&Event::MotionExecuted {
			coop,
			motion: m,
			result: Err(DispatchError::BadOrigin)
		}));
		assert!(Coops::<Test>::contains_key(coop));
	});
}

#[test]
fn a_coop_in_the_federation_leaves_it_before_it_dissolves() {
	// Given a co-op whose treasury is a member of the federation (founded by 10 and the
	// co-op's treasury, so the co-op's vote counts in every federation quorum),
	ExtBuilder::default().with_federation(vec![10, Membership::treasury(1)]).build_and_execute(
		|| {
			let coop = found(1, open_bylaws());
			assert_eq!(coop, 1);
			assert_ok!(Balances::mint_into(&treasury(coop), ENDOWMENT));
			let special: RuntimeOrigin = Origin::CoopSpecial(coop).into();
			// when it dissolves, it is refused: its treasury would stay a voter of the
			// federation that nobody can act for (and keep a validator seat);
			assert_noop!(Membership::dissolve_coop(special.clone(), coop), E::StillInFederation);
			// then it leaves the federation by its motion, and dissolves.
			assert_ok!(Membership::leave(Origin::Coop(coop).into(), 0));
			assert_ok!(Membership::dissolve_coop(special, coop));
			assert_eq!(coop_info(0).voting_members, 1);
		},
	);
}

#[test]
fn pending_applications_cannot_keep_a_coop_from_dissolving() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given a co-op by vote of two, and a stranger's application pending,
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		assert_ok!(Membership::apply(signed(3), coop, WORKER));
		let application = last_motion(coop);
		// When the co-op's special resolution dissolves it,
		assert_ok!(Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop));
		// Then it is gone, and the applicant has everything back: share and deposit.
		assert!(Coops::<Test>::get(coop).is_none());
		assert!(Motions::<Test>::get(coop, application).is_none());
		assert!(Applications::<Test>::get(coop, 3).is_none());
		assert_eq!((free(3), held(3)), (ENDOWMENT, 0));
		assert!(events().contains(&Event::ApplicationRefunded {
			coop,
			applicant: 3,
			amount: SHARE
		}));
	});
}
