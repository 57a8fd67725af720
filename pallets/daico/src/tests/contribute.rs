//! `contribute`: into the raise's escrow, during the window, within the bounds and the cap.

use super::*;

#[test]
fn moves_the_amount_into_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open raise.
		let raise = open(params());
		// When account 1 contributes twice.
		assert_ok!(Daico::contribute(signed(1), raise, 300));
		assert_ok!(Daico::contribute(signed(1), raise, 200));
		// Then both amounts are in escrow, counted as one contributor's 500.
		assert_eq!(free(1), ENDOWMENT - 500);
		assert_eq!(free(escrow(raise)), ED + 500);
		assert_eq!(Contributions::<Test>::get(raise, 1).unwrap().amount, 500);
		let r = raise_of(raise);
		assert_eq!((r.raised, r.contributors), (500, 1));
		assert_eq!(last_event(), Event::Contributed { raise, who: 1, amount: 200, raised: 500 });
	});
}

#[test]
fn is_cut_at_the_hard_cap_then_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise 50 short of its hard cap.
		let raise = open(params());
		contribute_all(raise, &[(1, 2_000), (2, 950)]);
		// When account 3 offers 500.
		assert_ok!(Daico::contribute(signed(3), raise, 500));
		// Then only 50 is taken, and the next contribution is refused.
		assert_eq!(last_event(), Event::Contributed { raise, who: 3, amount: 50, raised: 3_000 });
		assert_eq!(free(3), ENDOWMENT - 50, "only the cut amount is paid");
		assert_noop!(Daico::contribute(signed(4), raise, 100), E::HardCapReached);
	});
}

#[test]
fn fails_outside_the_window_and_the_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise whose window is blocks 3..=10.
		let raise = open(RaiseParams { start: 3, ..params() });
		// When contributions come early, late, too small, too large, or to no raise.
		// Then each is refused.
		assert_noop!(Daico::contribute(signed(1), raise, 100), E::WindowClosed);
		run_to_block(3);
		assert_noop!(Daico::contribute(signed(1), raise, 99), E::BelowMinContribution);
		assert_ok!(Daico::contribute(signed(1), raise, 1_900));
		assert_noop!(Daico::contribute(signed(1), raise, 101), E::AboveMaxContribution);
		assert_noop!(Daico::contribute(signed(1), 7, 100), E::RaiseNotFound);
		run_to_block(11);
		assert_noop!(Daico::contribute(signed(2), raise, 100), E::WindowClosed);
	});
}

#[test]
fn members_only_rejects_a_non_member() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a members-only raise (accounts 1..=30 are members).
		let raise = open(RaiseParams { contributors: Contributors::MembersOnly, ..params() });
		// When a member and a non-member contribute, then only the member's is taken.
		assert_ok!(Daico::contribute(signed(1), raise, 100));
		assert_noop!(Daico::contribute(signed(31), raise, 100), E::NotCoopMember);
	});
}

#[test]
fn contributors_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a raise whose minimum (100) is its hard cap (3000) shared among
		// `MaxContributors` (30), and 29 accounts contributing the minimum,
		let raise = open(params());
		for who in 1..MAX_CONTRIBUTORS as AccountId {
			assert_ok!(Daico::contribute(signed(who), raise, 100));
		}
		// when the last slot is taken, the hard cap is reached with it: accounts contributing
		// the minimum cannot fill the slots and keep others out of a raise still open.
		assert_ok!(Daico::contribute(signed(30), raise, 100));
		assert_eq!(raise_of(raise).contributors, MAX_CONTRIBUTORS);
		assert_eq!(raise_of(raise).raised, 3_000);
		assert_noop!(Daico::contribute(signed(1), raise, 100), E::HardCapReached);
	});
}
