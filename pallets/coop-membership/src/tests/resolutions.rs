//! Resolutions a minority cannot take: strict majorities, no ambush, special resolutions, free
//! first votes. Each attack here passed before these rules.

use super::*;
use frame_support::dispatch::{Pays, PostDispatchInfo};

/// A co-op of `n` open-admission members, 1..=n.
fn coop_of(n: AccountId) -> CoopId {
	let coop = found(1, open_bylaws());
	for who in 2..=n {
		join(coop, who, WORKER);
	}
	coop
}

fn outcome_of(coop: CoopId, motion: MotionIndex) -> MotionOutcome {
	events()
		.into_iter()
		.find_map(|e| match e {
			Event::MotionClosed { coop: c, motion: m, outcome, .. } if c == coop && m == motion => {
				Some(outcome)
			},
			_ => None,
		})
		.expect("the motion closed")
}

#[test]
fn a_tie_never_passes() {
	ExtBuilder::default().build_and_execute(|| {
		// Given four members at 50 % approval, when the vote is 2–2,
		let coop = coop_of(4);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		vote_all(coop, m, &[1, 2], true);
		vote_all(coop, m, &[3, 4], false);
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// then it is rejected (it passed with `ayes >= 50 % of cast`).
		assert_eq!(outcome_of(coop, m), MotionOutcome::Rejected);
		assert!(!Membership::has_role(coop, &9, CoopRole::Operator));
	});
}

#[test]
fn two_of_four_cannot_approve_early() {
	ExtBuilder::default().build_and_execute(|| {
		// Given four members, when two vote aye and close before the others could vote,
		let coop = coop_of(4);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		vote_all(coop, m, &[1, 2], true);
		deliberate();
		// then it is refused, until everyone has voted or the period is over;
		assert_noop!(
			Membership::close_motion(signed(2), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		// and the two others, voting in time, carry it.
		vote_all(coop, m, &[3, 4], false);
		assert_ok!(Membership::close_motion(signed(2), coop, m, Weight::zero()));
		assert_eq!(outcome_of(coop, m), MotionOutcome::Rejected);
	});
}

#[test]
fn propose_vote_and_close_in_one_block_fails() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of one, when its member proposes, votes and closes in one block,
		let coop = coop_of(1);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		// then the close is refused until the deliberation time has passed.
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert_eq!(outcome_of(coop, m), MotionOutcome::Approved);
	});
}

#[test]
fn the_bylaws_deliberation_time_holds_even_when_everyone_voted() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of two whose deliberation time is 4 blocks, both for a motion,
		let coop = found(1, Bylaws { deliberation: 4, ..open_bylaws() });
		join(coop, 2, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		vote_all(coop, m, &[1, 2], true);
		// when it is closed 3 blocks later, then it is refused;
		run_to_block(System::block_number() + 3);
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		// when it is closed a block later, then it closes.
		run_to_block(System::block_number() + 1);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
	});
}

#[test]
fn after_the_period_a_majority_of_the_votes_cast_decides() {
	ExtBuilder::default().build_and_execute(|| {
		// Given four members of whom two vote aye and the others stay away (quorum 50 %),
		let coop = coop_of(4);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		vote_all(coop, m, &[1, 2], true);
		// when the voting period is over, it passes: everyone had the time to vote.
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert_eq!(outcome_of(coop, m), MotionOutcome::Approved);
	});
}

#[test]
fn a_special_resolution_needs_two_thirds_and_its_quorum() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of five, and motions for a longer notice (a special resolution):
		let coop = coop_of(5);
		let longer = Bylaws { withdrawal_notice: NOTICE + 1, ..open_bylaws() };
		// 3 of 5 for a bylaws change is a majority but not two thirds: rejected.
		let m = propose(coop, 1, Proposal::ChangeBylaws { bylaws: longer.clone() });
		vote_all(coop, m, &[1, 2, 3], true);
		vote_all(coop, m, &[4, 5], false);
		deliberate();
		// when it closes, then it is rejected and the bylaws stay;
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert_eq!(outcome_of(coop, m), MotionOutcome::Rejected);
		assert_eq!(coop_info(coop).bylaws, open_bylaws());
		// 3 of 5 with the others away: below the special quorum of two thirds (4 of 5).
		let m = propose(coop, 1, Proposal::ChangeBylaws { bylaws: longer.clone() });
		vote_all(coop, m, &[1, 2, 3], true);
		// when it closes after the period, then it has expired;
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert_eq!(outcome_of(coop, m), MotionOutcome::Expired);
		// 4 of 5: more than two thirds, quorum met: the bylaws change.
		let m = propose(coop, 1, Proposal::ChangeBylaws { bylaws: longer.clone() });
		vote_all(coop, m, &[1, 2, 3, 4], true);
		assert_ok!(Membership::vote(signed(5), coop, m, false));
		deliberate();
		// when it closes, then it is approved and the bylaws change.
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		assert_eq!(outcome_of(coop, m), MotionOutcome::Approved);
		assert_eq!(coop_info(coop).bylaws, longer);
	});
}

#[test]
fn exactly_two_thirds_passes_a_special_resolution() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of three, two for a bylaws change (a special resolution), one not,
		let coop = coop_of(3);
		let longer = Bylaws { withdrawal_notice: NOTICE + 1, ..open_bylaws() };
		let m = propose(coop, 1, Proposal::ChangeBylaws { bylaws: longer.clone() });
		vote_all(coop, m, &[1, 2], true);
		assert_ok!(Membership::vote(signed(3), coop, m, false));
		deliberate();
		// When the motion closes,
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then exactly two thirds is enough: the bylaws change.
		assert_eq!(outcome_of(coop, m), MotionOutcome::Approved);
		assert_eq!(coop_info(coop).bylaws, longer);
	});
}

#[test]
fn the_majority_rule_is_exact() {
	// Given an approval of a half (below: two thirds, and all but a billionth),
	let half = Perbill::from_percent(50);
	// when ayes are weighed against the votes cast, then only strictly more passes.
	assert!(!Membership::majority(2, 4, half), "a tie");
	assert!(Membership::majority(3, 5, half));
	assert!(Membership::majority(1, 1, half));
	assert!(!Membership::majority(0, 0, half));
	assert!(Membership::majority(2, 3, SPECIAL_APPROVAL_FLOOR), "two thirds");
	assert!(!Membership::majority(3, 5, SPECIAL_APPROVAL_FLOOR), "60 %");
	let all_but_a_billionth = Perbill::from_parts(999_999_999);
	assert!(!Membership::majority(999_999_999, 1_000_000_000, all_but_a_billionth));
	assert!(Membership::majority(1_000_000_000, 1_000_000_000, all_but_a_billionth));
	assert!(Membership::majority(u32::MAX, u32::MAX, all_but_a_billionth), "no overflow");
}

#[test]
fn a_special_dispatch_carries_the_special_origin_and_an_ordinary_one_does_not() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of two,
		let coop = coop_of(2);
		let dissolve = || Box::new(RuntimeCall::Membership(crate::Call::dissolve_coop { coop }));
		// when a special dispatch motion opens, then it takes the special thresholds;
		let m = propose(coop, 1, Proposal::DispatchSpecial { call: dissolve() });
		let motion = Motions::<Test>::get(coop, m).unwrap();
		assert_eq!(
			(motion.quorum, motion.approval),
			(Perbill::from_rational(2u32, 3u32), SPECIAL_APPROVAL_FLOOR)
		);
		// when an ordinary one opens for the same call, then it takes the ordinary ones.
		let ordinary = propose(coop, 1, Proposal::Dispatch { call: dissolve() });
		let motion = Motions::<Test>::get(coop, ordinary).unwrap();
		assert_eq!(
			(motion.quorum, motion.approval),
			(Perbill::from_percent(50), Perbill::from_percent(50))
		);
	});
}

#[test]
fn bylaws_that_weaken_resolutions_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Given bylaws that each weaken resolutions in one way (below),
		// when 1 founds a co-op with them, then it is refused with that fault's error.
		let refused = |bylaws: BylawsOf<Test>, error: Error<Test>| {
			assert_noop!(Membership::create_coop(signed(1), b"weak".to_vec(), bylaws), error);
		};
		refused(Bylaws { approval: Perbill::one(), ..bylaws() }, E::ApprovalBelowMajority);
		refused(
			Bylaws { special_approval: Perbill::from_percent(66), ..bylaws() },
			E::SpecialThresholdsTooLow,
		);
		refused(
			Bylaws { special_approval: Perbill::one(), ..bylaws() },
			E::SpecialThresholdsTooLow,
		);
		refused(
			Bylaws { special_quorum: Perbill::from_percent(40), ..bylaws() },
			E::SpecialThresholdsTooLow,
		);
		refused(
			Bylaws {
				approval: Perbill::from_percent(70),
				special_approval: Perbill::from_percent(68),
				..bylaws()
			},
			E::SpecialThresholdsTooLow,
		);
		refused(Bylaws { deliberation: 0, ..bylaws() }, E::DeliberationOutOfBounds);
		refused(Bylaws { deliberation: VOTING_PERIOD + 1, ..bylaws() }, E::DeliberationOutOfBounds);
	});
}

#[test]
fn an_individual_cannot_join_the_federation() {
	ExtBuilder::default().with_federation(vec![10, 11]).build_and_execute(|| {
		// Given a federation of co-ops, when a person applies to it directly, it is refused: a
		// share of the federation is a co-op's, bought by its own motion (see the story
		// `a_coop_joins_the_federation_through_its_own_motion`).
		assert_noop!(Membership::apply(signed(5), 0, 0), E::FederationAdmitsOnlyCoops);
		// Nor may the federation's own motion make its treasury a member of itself.
		assert_noop!(Membership::apply(Origin::Coop(0).into(), 0, 0), E::FederationAdmitsOnlyCoops);
	});
}

#[test]
fn a_members_first_vote_is_free_and_a_changed_vote_pays() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of two (a share costs 50) and a motion,
		let coop = coop_of(2);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// when 2 votes the first time, then it pays no fee;
		let first: PostDispatchInfo = Membership::vote(signed(2), coop, m, true).unwrap();
		assert_eq!(first.pays_fee, Pays::No);
		// when 2 changes its vote, then it pays.
		let changed = Membership::vote(signed(2), coop, m, false).unwrap();
		assert_eq!(changed.pays_fee, Pays::Yes);
		// A refused vote is charged as usual (the transaction pays for its failure).
		let stranger = Membership::vote(signed(7), coop, m, true).unwrap_err();
		assert_eq!(stranger.post_info.pays_fee, Pays::Yes);
	});
}

/// Co-op `coop`'s treasury, funded so that it can pay a federation share and deposit.
fn funded_treasury(coop: CoopId) -> AccountId {
	use frame_support::traits::fungible::Mutate;
	let treasury = Membership::treasury(coop);
	assert_ok!(Balances::mint_into(&treasury, ENDOWMENT));
	treasury
}

#[test]
fn admission_to_the_federation_is_a_special_resolution() {
	ExtBuilder::default().with_federation(vec![10, 11, 12]).build_and_execute(|| {
		// Given a co-op applying to the federation through its own motion,
		let coop = found(1, open_bylaws());
		funded_treasury(coop);
		assert_ok!(Membership::apply(Origin::Coop(coop).into(), 0, 0));
		// then the admission motion takes the federation's special thresholds: a bare
		// majority cannot pack the federation with co-ops it controls.
		let motion = Motions::<Test>::get(0, last_motion(0)).unwrap();
		assert_eq!(motion.approval, SPECIAL_APPROVAL_FLOOR);
		assert_eq!(motion.quorum, Perbill::from_rational(2u32, 3u32));
		// 2 ayes of 3 cast is exactly two thirds: admitted.
		// When 10 and 11 vote aye, 12 nay, and the motion closes, then it is admitted.
		vote_all(0, last_motion(0), &[10, 11], true);
		assert_ok!(Membership::vote(signed(12), 0, last_motion(0), false));
		deliberate();
		assert_ok!(Membership::close_motion(signed(10), 0, last_motion(0), Weight::zero()));
		assert!(Membership::is_member(0, &Membership::treasury(coop)));
		// An admission to an ordinary co-op stays ordinary.
		let other = found(2, bylaws());
		assert_ok!(Membership::apply(signed(3), other, WORKER));
		let motion = Motions::<Test>::get(other, last_motion(other)).unwrap();
		assert_eq!(motion.approval, Perbill::from_percent(50));
	});
}

#[test]
fn a_coop_cannot_join_itself() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op, when its own motion applies to it, it is refused: its treasury
		// would be a seat that never votes and gives its majority one more vote.
		let coop = found(1, open_bylaws());
		funded_treasury(coop);
		assert_noop!(
			Membership::apply(Origin::Coop(coop).into(), coop, 0),
			E::CoopCannotJoinItself
		);
	});
}

#[test]
fn votes_are_free_only_where_membership_costs_a_share() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op whose membership costs nothing (Sybils join for free),
		let coop = found(1, Bylaws { share_price: 0, ..open_bylaws() });
		join(coop, 2, WORKER);
		let m = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// when a member votes the first time, the vote pays its fee like any call.
		let first = Membership::vote(signed(2), coop, m, true).unwrap();
		assert_eq!(first.pays_fee, Pays::Yes);
	});
}
