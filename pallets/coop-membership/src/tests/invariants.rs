//! Each invariant of `do_try_state`, broken on purpose: every check has a case here that
//! corrupts storage and sees exactly that check report it.

use super::*;
use frame_support::traits::fungible::Mutate;

/// A sound state that holds something for every invariant to look at.
struct World {
	/// A co-op by vote: founder 1, member 2, operator 9, a motion 1 voted on, 3's application;
	/// its treasury is a member of `open`.
	by_vote: CoopId,
	/// The open motion 1 voted on.
	motion: MotionIndex,
	/// 3's admission motion.
	application: MotionIndex,
	/// An open co-op (founder 4), where former member 5's redemption is queued.
	open: CoopId,
}

fn world() -> World {
	let by_vote = found(1, bylaws());
	admit(by_vote, 2, WORKER, &[1]);
	let grant = propose(by_vote, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
	vote_all(by_vote, grant, &[1, 2], true);
	deliberate();
	assert_ok!(Membership::close_motion(signed(1), by_vote, grant, Weight::zero()));
	let motion = propose(by_vote, 1, Proposal::GrantRole { who: 8, role: CoopRole::Operator });
	assert_ok!(Membership::vote(signed(1), by_vote, motion, true));
	assert_ok!(Membership::apply(signed(3), by_vote, WORKER));
	let application = last_motion(by_vote);

	let open = found(4, open_bylaws());
	assert_ok!(Balances::mint_into(&treasury(by_vote), ENDOWMENT));
	assert_ok!(Membership::apply(Origin::Coop(by_vote).into(), open, WORKER));
	join(open, 5, WORKER);
	assert_ok!(Membership::leave(signed(5), open));
	assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), treasury(open), 0));
	run_to_block(System::block_number() + NOTICE);
	assert_ok!(Membership::redeem_share(signed(5), open, 5));
	assert_eq!(RedemptionQueue::<Test>::get(open).into_inner(), vec![5]);
	assert_ok!(Membership::do_try_state());
	World { by_vote, motion, application, open }
}

/// In a fresh `world()`, `corrupt` breaks storage and `try_state` reports `message`.
fn breaks(message: &'static str, corrupt: impl FnOnce(&World)) {
	ExtBuilder::default().with_federation(vec![10]).build().execute_with(|| {
		let w = world();
		corrupt(&w);
		assert_eq!(Membership::do_try_state(), Err(message.into()), "{message}");
	});
}

fn info(coop: CoopId, f: impl FnOnce(&mut CoopOf<Test>)) {
	Coops::<Test>::mutate(coop, |c| f(c.as_mut().expect("the co-op exists")));
}

fn motion(coop: CoopId, index: MotionIndex, f: impl FnOnce(&mut MotionOf<Test>)) {
	Motions::<Test>::mutate(coop, index, |m| f(m.as_mut().expect("the motion is open")));
}

/// Adds `n` copies of `index` (no votes) as new open motions of `coop`, counted.
fn copy_motion(coop: CoopId, index: MotionIndex, n: u32) {
	let m = Motions::<Test>::get(coop, index).expect("open");
	for _ in 0..n {
		let next = coop_info(coop).next_motion;
		Motions::<Test>::insert(coop, next, MotionOf::<Test> { tally: Tally::new(), ..m.clone() });
		info(coop, |c| {
			c.next_motion += 1;
			c.open_motions += 1;
		});
	}
}

#[test]
fn every_invariant_catches_its_corruption() {
	// 8
	breaks("co-op id not below NextCoopId", |_| NextCoopId::<Test>::put(1));
	breaks("member of a missing co-op", |_| {
		Members::<Test>::insert(9, 7, MemberRecord { class: 0, share_capital: 0, first_motion: 0 })
	});
	breaks("applications counted for a missing co-op", |_| OpenApplications::<Test>::insert(9, 1));
	breaks("motion of a missing co-op", |w| {
		let m = Motions::<Test>::get(w.by_vote, w.motion).unwrap();
		Motions::<Test>::insert(9, 0, m);
	});
	breaks("role in a missing co-op", |_| {
		Roles::<Test>::insert(9, 7, RoleSet::default().with(CoopRole::Operator))
	});
	breaks("delegate of a missing co-op", |_| {
		Delegates::<Test>::insert(9, Delegate { account: 7, ordinary_only: false })
	});
	// 6
	breaks("queued without a redemption", |w| Redemptions::<Test>::remove(w.open, 5));
	breaks("queued twice", |w| RedemptionQueue::<Test>::mutate(w.open, |q| q.try_push(5).unwrap()));
	// 10
	breaks("empty membership list stored", |w| {
		CoopMemberships::<Test>::insert(w.open, BoundedVec::default())
	});
	breaks("indexed membership is not a membership", |w| {
		CoopMemberships::<Test>::mutate(w.by_vote, |of| of.try_push(0).unwrap())
	});
	breaks("indexed twice", |w| {
		CoopMemberships::<Test>::mutate(w.by_vote, |of| of.try_push(w.open).unwrap())
	});
	breaks("a co-op's membership is not indexed", |w| CoopMemberships::<Test>::remove(w.by_vote));
	// 1, 2
	breaks("member of an unknown class", |w| {
		Members::<Test>::mutate(w.by_vote, 2, |m| m.as_mut().unwrap().class = 200)
	});
	breaks("member count differs from the member map", |w| info(w.by_vote, |c| c.members += 1));
	breaks("voting member count differs", |w| info(w.by_vote, |c| c.voting_members += 1));
	breaks("voting investor count differs", |w| info(w.by_vote, |c| c.voting_investors += 1));
	breaks("more members than the bylaws allow", |w| info(w.by_vote, |c| c.bylaws.max_members = 1));
	breaks("share capital differs from the members' sum", |w| {
		info(w.by_vote, |c| c.share_capital += 1)
	});
	// 3, 4, 9
	breaks("motion index not below next_motion", |w| info(w.by_vote, |c| c.next_motion = 0));
	breaks("tally differs from votes", |w| motion(w.by_vote, w.motion, |m| m.tally.ayes += 1));
	breaks("investor tally differs from votes", |w| {
		motion(w.by_vote, w.motion, |m| m.investors.ayes += 1)
	});
	breaks("more votes than voters", |w| motion(w.by_vote, w.motion, |m| m.electorate = 0));
	breaks("electorate above voters", |w| motion(w.by_vote, w.motion, |m| m.electorate = 99));
	breaks("a co-op's own vote is not a vote", |w| {
		OwnVotes::<Test>::insert((w.by_vote, w.motion), 2, ())
	});
	breaks("open motion count differs", |w| info(w.by_vote, |c| c.open_motions += 1));
	breaks("open application count differs", |w| OpenApplications::<Test>::insert(w.by_vote, 2));
	breaks("too many open applications", |w| {
		copy_motion(w.by_vote, w.application, MAX_APPLICATIONS);
		OpenApplications::<Test>::insert(w.by_vote, MAX_APPLICATIONS + 1);
	});
	breaks("too many open motions", |w| copy_motion(w.by_vote, w.motion, 4));
	// 5
	breaks("application without motion", |w| {
		Applications::<Test>::mutate(w.by_vote, 3, |a| a.as_mut().unwrap().motion = 99)
	});
	breaks("application's motion is not its admission", |w| {
		Applications::<Test>::mutate(w.by_vote, 3, |a| a.as_mut().unwrap().motion = w.motion)
	});
	breaks("pending applications differ from their count", |w| {
		Applications::<Test>::remove(w.by_vote, 3)
	});
	// 7
	breaks("empty role set stored", |w| Roles::<Test>::insert(w.by_vote, 1, RoleSet::default()));
	breaks("role holder count differs", |w| info(w.by_vote, |c| c.role_holders += 1));
}
