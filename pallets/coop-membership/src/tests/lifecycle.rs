//! Attacks on the membership lifecycle: a co-op left without voters, roles that outlive the
//! membership, and the redemption queue of an unknown co-op.

use super::*;

#[test]
fn the_last_voter_cannot_leave_and_strand_the_coop() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op whose founder is its only voter, with a supporter (who does not vote),
		let coop = found(1, open_bylaws());
		join(coop, 2, SUPPORTER);
		// when the founder leaves, it is refused: nobody could propose, dissolve or spend again;
		assert_noop!(Membership::leave(signed(1), coop), E::LastVoterCannotLeave);
		// a supporter may leave,
		assert_ok!(Membership::leave(signed(2), coop));
		// and once a second voter has joined, so may the founder.
		join(coop, 3, WORKER);
		assert_ok!(Membership::leave(signed(1), coop));
		assert_noop!(Membership::leave(signed(3), coop), E::LastVoterCannotLeave);
		assert_eq!(coop_info(coop).voting_members, 1);
	});
}

#[test]
fn the_last_voter_cannot_expel_themselves() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of one voter, who moves to expel themselves and votes for it,
		let coop = found(1, open_bylaws());
		let m = propose(coop, 1, Proposal::Expel { member: 1 });
		vote_all(coop, m, &[1], true);
		run_to_block(1 + DEFENCE_WINDOW);
		// when the motion closes, approved, the expulsion is not carried out,
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert!(events().contains(&Event::MotionNotExecuted {
			coop,
			motion: m,
			reason: E::LastVoterCannotLeave.into()
		}));
		// and the co-op keeps its voter.
		assert!(Members::<Test>::contains_key(coop, 1));
		assert_eq!(coop_info(coop).voting_members, 1);
	});
}

/// Grants `role` to `who` in `coop`, whose voters are `voters`.
fn grant(coop: CoopId, who: AccountId, role: CoopRole, voters: &[AccountId]) {
	let m = propose(coop, voters[0], Proposal::GrantRole { who, role });
	vote_all(coop, m, voters, true);
	deliberate();
	assert_ok!(Membership::close_motion(signed(voters[0]), coop, m, Weight::zero()));
	assert!(Roles::<Test>::get(coop, who).unwrap_or_default().contains(role));
}

#[test]
fn roles_end_when_the_member_leaves() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 2, the co-op's operator and validator operator,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		grant(coop, 2, CoopRole::Operator, &[1, 2]);
		grant(coop, 2, CoopRole::ValidatorOperator, &[1, 2]);
		assert_eq!(coop_info(coop).role_holders, 1);
		// when 2 leaves,
		assert_ok!(Membership::leave(signed(2), coop));
		// then 2 holds no role in the co-op any more (no till records on its behalf).
		assert_eq!(Roles::<Test>::get(coop, 2), None);
		assert_eq!(coop_info(coop).role_holders, 0);
		for role in [CoopRole::Operator, CoopRole::ValidatorOperator] {
			assert!(events().contains(&Event::RoleRevoked { coop, who: 2, role }));
		}
		assert!(!<Membership as CoopInspect<AccountId>>::has_role(coop, &2, CoopRole::Operator));
	});
}

#[test]
fn an_expelled_operator_loses_the_role() {
	ExtBuilder::default().build_and_execute(|| {
		// Given operator 3, expelled by the others,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		grant(coop, 3, CoopRole::Operator, &[1, 2, 3]);
		let m = propose(coop, 1, Proposal::Expel { member: 3 });
		vote_all(coop, m, &[1, 2], true);
		vote_all(coop, m, &[3], false);
		// when the defence window passes and the motion closes,
		run_to_block(System::block_number() + DEFENCE_WINDOW);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// then the role went with the membership.
		assert!(!Members::<Test>::contains_key(coop, 3));
		assert_eq!(Roles::<Test>::get(coop, 3), None);
		assert_eq!(coop_info(coop).role_holders, 0);
	});
}

#[test]
fn a_role_held_by_a_non_member_is_not_touched_by_others_leaving() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of three that made 9 (no member) its operator,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		grant(coop, 9, CoopRole::Operator, &[1, 2, 3]);
		// When 3 leaves,
		assert_ok!(Membership::leave(signed(3), coop));
		// Then 9 keeps the role.
		assert!(Roles::<Test>::get(coop, 9).unwrap_or_default().contains(CoopRole::Operator));
		assert_eq!(coop_info(coop).role_holders, 1);
	});
}

#[test]
fn paying_the_queue_of_an_unknown_coop_is_refused_and_writes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// Given no co-op 7, when its queue is paid, then it is refused and nothing is written.
		assert_noop!(Membership::pay_redemption_queue(signed(9), 7), E::CoopNotFound);
		assert!(!RedemptionQueue::<Test>::contains_key(7));
		// A known co-op with nobody waiting: nothing paid, nothing written.
		let coop = found(1, open_bylaws());
		assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
		assert!(!RedemptionQueue::<Test>::contains_key(coop));
	});
}

#[test]
fn a_queue_paid_in_full_leaves_no_entry_and_a_dissolved_coops_queue_is_still_paid() {
	ExtBuilder::default().build_and_execute(|| {
		// Given two redemptions queued behind an empty treasury,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		join(coop, 4, WORKER);
		for who in [2, 3] {
			assert_ok!(Membership::leave(signed(who), coop));
		}
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 0));
		run_to_block(1 + NOTICE);
		for who in [2, 3] {
			assert_ok!(Membership::redeem_share(signed(who), coop, who));
		}
		assert_eq!(RedemptionQueue::<Test>::get(coop).len(), 2);
		// when the treasury can pay both, the queue is paid and its entry removed.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 2 * SHARE));
		assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
		assert!(!RedemptionQueue::<Test>::contains_key(coop));
		assert_eq!((free(2), free(3)), (ENDOWMENT, ENDOWMENT));
	});
}

#[test]
fn a_queued_member_who_rejoins_and_leaves_again_waits_for_the_new_notice() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 2's redemption queued behind an empty treasury,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		assert_ok!(Membership::leave(signed(2), coop));
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 0));
		run_to_block(1 + NOTICE);
		assert_ok!(Membership::redeem_share(signed(2), coop, 2));
		assert_eq!(RedemptionQueue::<Test>::get(coop).into_inner(), vec![2]);
		// and 2 rejoining and leaving again, so that a second share is owed after a new notice,
		join(coop, 2, WORKER);
		assert_ok!(Membership::leave(signed(2), coop));
		let due = System::block_number() + NOTICE;
		assert_eq!(
			Redemptions::<Test>::get(coop, 2).map(|r| (r.amount, r.due)),
			Some((2 * SHARE, due))
		);
		// When the queue is paid before that notice has passed, with funds for everyone,
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(coop), 10 * SHARE));
		assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
		// Then 2 is not paid yet: it keeps its place until the notice has passed.
		assert_eq!(Redemptions::<Test>::get(coop, 2).map(|r| r.amount), Some(2 * SHARE));
		assert_eq!(RedemptionQueue::<Test>::get(coop).into_inner(), vec![2]);
		// Once it has, the queue pays both shares.
		run_to_block(due);
		assert_ok!(Membership::pay_redemption_queue(signed(9), coop));
		assert!(!Redemptions::<Test>::contains_key(coop, 2));
		assert!(!RedemptionQueue::<Test>::contains_key(coop));
		assert_eq!(free(2), ENDOWMENT);
	});
}

#[test]
fn the_calls_that_remove_members_charge_the_hook_for_each() {
	use crate::weights::WeightInfo;
	use frame_support::dispatch::GetDispatchInfo;
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// `leave` and `close_motion` (an expulsion) remove one member: the hook's weight is in
		// what they charge.
		let leave = crate::Call::<Test>::leave { coop: 1 }.get_dispatch_info().call_weight;
		assert!(leave.all_gte(<() as WeightInfo>::leave() + HOOK_WEIGHT));
		let close = crate::Call::<Test>::close_motion {
			coop: 1,
			motion: 0,
			call_weight_bound: Weight::zero(),
		};
		let bound = <() as WeightInfo>::close(2 * 12, 4 + MAX_APPLICATIONS);
		assert!(close.get_dispatch_info().call_weight.all_gte(bound + HOOK_WEIGHT));
		// `dissolve_coop` removes every member: it charges the hook for each one.
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let dissolved = Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop);
		let actual = dissolved.expect("dissolved").actual_weight.expect("refunded to the members");
		assert!(actual.all_gte(<() as WeightInfo>::dissolve_coop(3) + HOOK_WEIGHT * 3));
		assert_eq!(removed().len(), 3);
	});
}
