//! Delegates: a member co-op's vote cast by the account it names, overridden by its own motion.

use super::*;
use frame_support::{dispatch::Pays, traits::fungible::Mutate};

/// A federation of its founding member 10 and two member co-ops, `a` (members 1, 2) and `b`
/// (members 3, 4): the co-ops apply through their own motions, the founder admits them.
fn federation_of_coops() -> (CoopId, CoopId) {
	let a = found(1, open_bylaws());
	join(a, 2, WORKER);
	let b = found(3, open_bylaws());
	join(b, 4, WORKER);
	let mut admissions = vec![];
	for coop in [a, b] {
		assert_ok!(Balances::mint_into(&Membership::treasury(coop), ENDOWMENT));
		assert_ok!(Membership::apply(Origin::Coop(coop).into(), 0, 0));
		admissions.push(last_motion(0));
	}
	for m in &admissions {
		vote_all(0, *m, &[10], true);
	}
	deliberate();
	for m in admissions {
		assert_ok!(Membership::close_motion(signed(10), 0, m, Weight::zero()));
	}
	for coop in [a, b] {
		assert!(Membership::is_member(0, &Membership::treasury(coop)));
	}
	(a, b)
}

fn name_delegate(coop: CoopId, delegate: AccountId, ordinary_only: bool) {
	assert_ok!(Membership::set_delegate(Origin::Coop(coop).into(), Some(delegate), ordinary_only));
}

#[test]
fn a_delegate_votes_for_its_coop_and_is_revoked_by_motion() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		let (a, _) = federation_of_coops();
		// Given co-op a names 7 its delegate (by its motion: the origin is its own),
		name_delegate(a, 7, false);
		assert_eq!(
			last_event(),
			Event::DelegateSet { coop: a, delegate: Some(7), ordinary_only: false }
		);
		// when 7 votes on a federation motion for a, the vote is a's treasury's, and free;
		let m = propose(0, 10, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		let voted = Membership::vote_as_delegate(signed(7), 0, m, a, true).unwrap();
		assert_eq!(voted.pays_fee, Pays::No);
		assert_eq!(Votes::<Test>::get((0, m), Membership::treasury(a)), Some(true));
		assert_eq!(
			last_event(),
			Event::DelegateVoted { coop: 0, motion: m, member: a, delegate: 7, aye: true }
		);
		// and may change it (paying, as any member does);
		let changed = Membership::vote_as_delegate(signed(7), 0, m, a, false).unwrap();
		assert_eq!(changed.pays_fee, Pays::Yes);
		// then, revoked by a's motion, 7 votes no more.
		assert_ok!(Membership::set_delegate(Origin::Coop(a).into(), None, false));
		assert_noop!(Membership::vote_as_delegate(signed(7), 0, m, a, true), E::NotDelegate);
	});
}

#[test]
fn only_the_named_delegate_votes_and_only_where_the_coop_is_a_member() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given co-ops a and b in the federation, a having named 7 its delegate, and a motion,
		let (a, b) = federation_of_coops();
		name_delegate(a, 7, false);
		let m = propose(0, 10, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// when anyone but a's delegate votes for a, or 7 for b, then it is refused;
		assert_noop!(Membership::vote_as_delegate(signed(8), 0, m, a, true), E::NotDelegate);
		assert_noop!(Membership::vote_as_delegate(signed(7), 0, m, b, true), E::NotDelegate);
		// when 7 votes on a motion that does not exist, then it is refused.
		assert_noop!(Membership::vote_as_delegate(signed(7), 0, 99, a, true), E::MotionNotFound);
		// Co-op a is not a member of co-op b: its delegate cannot vote there.
		let in_b = propose(b, 3, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_noop!(Membership::vote_as_delegate(signed(7), b, in_b, a, true), E::NotMember);
		// Only the co-op's own motion names its delegate.
		assert_noop!(Membership::set_delegate(signed(1), Some(7), false), DispatchError::BadOrigin);
	});
}

#[test]
fn the_coops_own_vote_overrides_its_delegate() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		let (a, _) = federation_of_coops();
		name_delegate(a, 7, false);
		let m = propose(0, 10, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote_as_delegate(signed(7), 0, m, a, true));
		// Given the co-op votes itself, through its own motion (here its origin),
		assert_ok!(Membership::vote(Origin::Coop(a).into(), 0, m, false));
		assert_eq!(Votes::<Test>::get((0, m), Membership::treasury(a)), Some(false));
		// then its delegate can no longer change that vote.
		assert_noop!(Membership::vote_as_delegate(signed(7), 0, m, a, true), E::VoteCastByCoop);
		// Closing clears the record with the votes.
		run_to_block(System::block_number() + VOTING_PERIOD);
		assert_ok!(Membership::close_motion(signed(10), 0, m, Weight::zero()));
		assert_eq!(OwnVotes::<Test>::iter_prefix((0, m)).count(), 0);
	});
}

#[test]
fn a_delegate_limited_to_ordinary_resolutions_cannot_vote_on_a_special_one() {
	ExtBuilder::default().with_federation(vec![10]).build_and_execute(|| {
		// Given co-op a in the federation, whose delegate 7 may vote on ordinary resolutions only,
		let (a, _) = federation_of_coops();
		name_delegate(a, 7, true);
		// when 7 votes on an ordinary motion, then the vote counts;
		let ordinary = propose(0, 10, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_ok!(Membership::vote_as_delegate(signed(7), 0, ordinary, a, true));
		// when 7 votes on a bylaws change (a special resolution), then it is refused.
		let longer = Bylaws { withdrawal_notice: NOTICE + 1, ..bylaws() };
		let special = propose(0, 10, Proposal::ChangeBylaws { bylaws: longer });
		assert_noop!(
			Membership::vote_as_delegate(signed(7), 0, special, a, true),
			E::DelegateOrdinaryOnly
		);
	});
}

#[test]
fn a_dissolved_coop_has_no_delegate() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op that named 7 its delegate,
		let coop = found(1, open_bylaws());
		name_delegate(coop, 7, false);
		// When it dissolves by its special resolution,
		assert_ok!(Membership::dissolve_coop(Origin::CoopSpecial(coop).into(), coop));
		// Then its delegate is gone with it.
		assert!(Delegates::<Test>::get(coop).is_none());
	});
}

#[test]
fn a_federation_founded_by_coops_at_genesis_votes_through_their_delegates() {
	// Given a federation whose founding members are the treasuries of co-ops 1 and 2 (founded
	// at genesis after it, by 1 and 3), each with its delegate named at genesis,
	let founders = vec![Membership::treasury(1), Membership::treasury(2)];
	ExtBuilder::default()
		.with_federation(founders)
		.with_genesis_coops(
			vec![(b"one".to_vec(), vec![1], bylaws()), (b"two".to_vec(), vec![3], bylaws())],
			vec![(1, 5, false), (2, 6, true)],
		)
		.build_and_execute(|| {
			assert_eq!(Coops::<Test>::get(0).unwrap().voting_members, 2);
			assert_eq!(
				Delegates::<Test>::get(1),
				Some(Delegate { account: 5, ordinary_only: false })
			);
			assert_eq!(
				Delegates::<Test>::get(2),
				Some(Delegate { account: 6, ordinary_only: true })
			);
			// when co-op 1 proposes in the federation (its treasury, as its motion does) and
			// both delegates vote aye,
			assert_ok!(Balances::mint_into(&Membership::treasury(1), ENDOWMENT));
			let m = propose(
				0,
				Membership::treasury(1),
				Proposal::GrantRole { who: 9, role: CoopRole::Operator },
			);
			assert_ok!(Membership::vote_as_delegate(signed(5), 0, m, 1, true));
			assert_ok!(Membership::vote_as_delegate(signed(6), 0, m, 2, true));
			// then the motion passes on the co-ops' votes, and nobody else could vote.
			assert_noop!(Membership::vote(signed(1), 0, m, true), E::NotMember);
			deliberate();
			assert_ok!(Membership::close_motion(signed(1), 0, m, Weight::zero()));
			assert!(Roles::<Test>::get(0, 9).unwrap_or_default().contains(CoopRole::Operator));
		});
}

#[test]
#[should_panic(expected = "genesis: a delegate of no co-op")]
fn a_genesis_delegate_of_no_coop_is_refused() {
	// Given a delegate named at genesis for co-op 7, which does not exist,
	// when the chain is built, then genesis panics (the expected message above).
	ExtBuilder::default().with_genesis_coops(vec![], vec![(7, 5, false)]).build();
}

#[test]
#[should_panic(expected = "genesis: a co-op joins itself")]
fn a_genesis_coop_cannot_count_its_own_treasury_among_its_founders() {
	// Given a genesis co-op 1 whose founders include its own treasury, the chain does not
	// start: by calls, a co-op cannot join itself (`CoopCannotJoinItself`).
	ExtBuilder::default()
		.with_federation(vec![10])
		.with_genesis_coops(
			vec![(b"loop".to_vec(), vec![1, Membership::treasury(1)], bylaws())],
			vec![],
		)
		.build();
}
