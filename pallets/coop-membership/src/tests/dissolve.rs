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

#[test]
fn a_dissolving_coop_leaves_every_coop_it_belongs_to() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given co-op 1 whose treasury is a voting member of co-op 2 (with 2's founder),
		let coop = found(1, open_bylaws());
		let other = found(2, open_bylaws());
		assert_ok!(Balances::mint_into(&treasury(coop), ENDOWMENT));
		assert_ok!(Membership::apply(Origin::Coop(coop).into(), other, WORKER));
		assert_eq!(CoopMemberships::<Test>::get(coop).into_inner(), vec![other]);
		assert_eq!(coop_info(other).voting_members, 2);
		// When co-op 1 dissolves,
		assert_ok!(Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop));
		// Then its treasury is no longer a member of co-op 2, so it no longer counts in 2's
		// quorums; its share there is owed to it after 2's notice, and the hooks ran.
		assert!(!Members::<Test>::contains_key(other, treasury(coop)));
		assert_eq!(coop_info(other).voting_members, 1);
		assert!(events().contains(&Event::MemberLeft {
			coop: other,
			member: treasury(coop),
			amount: SHARE,
			redeemable_from: 1 + NOTICE,
		}));
		assert!(removed().contains(&(other, treasury(coop))));
		assert!(!CoopMemberships::<Test>::contains_key(coop));
		// Once the notice has passed, the share comes back to the dissolved co-op's treasury.
		run_to_block(1 + NOTICE);
		let before = free(treasury(coop));
		assert_ok!(Membership::redeem_share(signed(9), other, treasury(coop)));
		assert_eq!(free(treasury(coop)), before + SHARE);
	});
}

#[test]
fn a_coop_that_is_the_last_voter_of_another_cannot_dissolve() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given co-op 1's treasury, the last voter of co-op 2 (its founder left),
		let coop = found(1, open_bylaws());
		let other = found(2, open_bylaws());
		assert_ok!(Balances::mint_into(&treasury(coop), ENDOWMENT));
		assert_ok!(Membership::apply(Origin::Coop(coop).into(), other, WORKER));
		assert_ok!(Membership::leave(signed(2), other));
		// When co-op 1 dissolves, then it is refused: co-op 2 would be left without voters.
		assert_noop!(
			Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop),
			E::LastVoterCannotLeave
		);
	});
}

#[test]
fn a_dissolved_coops_indivisible_assets_go_to_the_development_fund_once_members_are_paid() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given a co-op of two with 500 more in its treasury than its members' shares, and 100
		// owed to its members on their capital accounts,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		assert_ok!(Balances::mint_into(&treasury(coop), 500));
		EQUITY_OWED.with(|e| *e.borrow_mut() = 100);
		let transfer = || Membership::transfer_dissolved_assets(signed(9), coop);
		// while it exists, nothing is passed on;
		assert_noop!(transfer(), E::NotDissolved);
		assert_noop!(Membership::transfer_dissolved_assets(signed(9), 7), E::NotDissolved);
		// when it dissolves, not before its members' shares are redeemed;
		assert_ok!(Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop));
		assert_noop!(transfer(), E::RedemptionsOutstanding);
		assert_ok!(Membership::redeem_share(signed(9), coop, 1));
		assert_ok!(Membership::redeem_share(signed(9), coop, 2));
		// then what is left beyond what its members' capital accounts hold goes on: the
		// treasury keeps 100 spendable on top of its existential deposit,
		assert_ok!(transfer());
		let ed = <Balances as frame_support::traits::fungible::Inspect<_>>::minimum_balance();
		assert_eq!(
			last_event(),
			Event::DissolvedAssetsTransferred { coop, to: DEVELOPMENT_FUND, amount: 400 - ed }
		);
		assert_eq!(free(DEVELOPMENT_FUND), 400 - ed);
		assert_eq!(free(treasury(coop)), 100 + ed);
		assert_noop!(transfer(), E::NothingToTransfer);
		// and once the members' equity is paid, the treasury is empty.
		EQUITY_OWED.with(|e| *e.borrow_mut() = 0);
		assert_ok!(transfer());
		assert_eq!(free(treasury(coop)), 0);
		assert_eq!(free(DEVELOPMENT_FUND), 500);
	});
}

#[test]
fn a_coop_that_dissolved_while_applying_is_not_admitted() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given co-op 1's application (by its motion) to co-op 2, which admits by vote,
		let coop = found(1, open_bylaws());
		let other = found(2, bylaws());
		assert_ok!(Balances::mint_into(&treasury(coop), ENDOWMENT));
		assert_ok!(Membership::apply(Origin::Coop(coop).into(), other, WORKER));
		let application = last_motion(other);
		// and co-op 1 dissolved meanwhile,
		assert_ok!(Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop));
		// when co-op 2 approves the application, then nobody is admitted: the dead co-op's
		// treasury would be a voter nobody can act for. Its share and deposit go back.
		vote_all(other, application, &[2], true);
		deliberate();
		assert_ok!(Membership::close_motion(signed(2), other, application, Weight::zero()));
		assert!(events().contains(&Event::MotionNotExecuted {
			coop: other,
			motion: application,
			reason: E::CoopNotFound.into()
		}));
		assert!(!Members::<Test>::contains_key(other, treasury(coop)));
		assert!(!CoopMemberships::<Test>::contains_key(coop));
		assert_eq!(held(treasury(coop)), 0);
	});
}
