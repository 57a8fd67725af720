//! Each invariant of `do_try_state`, broken on purpose: every check has a case here that
//! corrupts storage and sees exactly that check report it.

use super::*;
use coop_primitives::Tally;

/// A sound state: `active` with five contributors and a tap motion (1 aye, 2 nay, 1's deposit
/// held), `failed` below its soft cap with one refund claimed.
struct World {
	active: RaiseId,
	failed: RaiseId,
}

fn world() -> World {
	let active = active_raise(params());
	assert_ok!(Daico::propose(signed(1), active, Proposal::RaiseTap { new_rate: 20 }));
	assert_ok!(Daico::vote(signed(1), active, ProposalKind::RaiseTap, true));
	assert_ok!(Daico::vote(signed(2), active, ProposalKind::RaiseTap, false));
	let now = System::block_number();
	let failed = open(RaiseParams { start: now, end: now + 2, ..params() });
	contribute_all(failed, &[(6, 100), (7, 200)]);
	run_to_block(now + 3);
	assert_ok!(Daico::finalize(signed(9), failed));
	assert_ok!(Daico::claim_refund(signed(9), failed, 6));
	assert_eq!(raise_of(failed).state, RaiseState::Failed);
	assert_ok!(Daico::do_try_state());
	World { active, failed }
}

/// In a fresh `world()`, `corrupt` breaks storage and `try_state` reports `message`.
fn breaks(message: &'static str, corrupt: impl FnOnce(&World)) {
	ExtBuilder::default().build().execute_with(|| {
		let w = world();
		corrupt(&w);
		assert_eq!(Daico::do_try_state(), Err(message.into()), "{message}");
	});
}

fn raise(id: RaiseId, f: impl FnOnce(&mut RaiseOf<Test>)) {
	Raises::<Test>::mutate(id, |r| f(r.as_mut().expect("the raise exists")));
}

fn tap_motion(id: RaiseId, f: impl FnOnce(&mut MotionOf<Test>)) {
	Motions::<Test>::mutate(id, ProposalKind::RaiseTap, |m| f(m.as_mut().expect("open")));
}

#[test]
fn every_invariant_catches_its_corruption() {
	// 1
	breaks("escrow accounting underflows", |w| raise(w.active, |r| r.tapped = r.raised + 100));
	breaks("escrow holds too little", |w| raise(w.active, |r| r.raised += 1));
	// 2
	breaks("raised differs from the contributions", |w| {
		Contributions::<Test>::mutate(w.active, 1, |c| c.as_mut().unwrap().amount -= 1)
	});
	breaks("raised above the hard cap", |w| raise(w.active, |r| r.params.hard_cap = 1));
	breaks("contributor count differs", |w| raise(w.active, |r| r.contributors += 1));
	breaks("too many contributors", |w| {
		for who in 100..100 + MAX_CONTRIBUTORS as AccountId {
			let nothing = Contribution { amount: 0, refunded: false };
			Contributions::<Test>::insert(w.active, who, nothing);
		}
		raise(w.active, |r| r.contributors += MAX_CONTRIBUTORS);
	});
	// 3
	breaks("refund count differs", |w| raise(w.failed, |r| r.refunds_claimed += 1));
	breaks("refunded more than the pool", |w| raise(w.failed, |r| r.refunded = r.refund_pool + 1));
	breaks("refund pool above what remains", |w| raise(w.failed, |r| r.refund_pool = r.raised + 1));
	// 4
	breaks("tap drew beyond its share", |w| raise(w.active, |r| r.tapped = r.raised + 1));
	breaks("milestones paid differ", |w| raise(w.active, |r| r.milestones_paid = 1));
	// 5
	breaks("motion of a missing raise", |w| {
		let m = Motions::<Test>::get(w.active, ProposalKind::RaiseTap).unwrap();
		Motions::<Test>::insert(9, ProposalKind::RaiseTap, m);
	});
	breaks("vote of a non-contributor", |w| {
		Votes::<Test>::insert((w.active, ProposalKind::RaiseTap), 31, true)
	});
	breaks("head tally differs from votes", |w| tap_motion(w.active, |m| m.heads.ayes += 1));
	breaks("capital tally differs from votes", |w| {
		tap_motion(w.active, |m| m.capital = Tally { ayes: 1, nays: 300 })
	});
	// 6
	breaks("deposit of a closed motion", |w| {
		MotionDeposits::<Test>::insert(w.active, ProposalKind::Dissolve, 5)
	});
	breaks("deposit of a pruned raise", |_| RaiseDeposits::<Test>::insert(9, 30));
	breaks("motion deposit not held", |w| {
		MotionDeposits::<Test>::mutate(w.active, ProposalKind::RaiseTap, |d| {
			*d.as_mut().unwrap() += 1
		})
	});
}
