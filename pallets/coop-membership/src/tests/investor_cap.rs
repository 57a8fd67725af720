//! The investor vote cap, at application and at admission.

use super::*;

#[test]
fn investors_never_exceed_the_cap() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of its founder alone,
		// Cap: a third of the voting members.
		let coop = found(1, open_bylaws());
		// when an investor applies, then it is refused: 1 investor of 2 voters is over a third;
		assert_noop!(Membership::apply(signed(2), coop, INVESTOR), E::InvestorCapReached);
		// when a worker joins first, then an investor may join;
		join(coop, 2, WORKER);
		join(coop, 3, INVESTOR); // 1 investor of 3 voters
		assert_eq!(coop_info(coop).voting_investors, 1);
		// when a second investor applies (2 of 4), then it is refused;
		assert_noop!(Membership::apply(signed(4), coop, INVESTOR), E::InvestorCapReached);
		// when two consumers join, then a second investor may (2 of 6).
		join(coop, 4, CONSUMER);
		join(coop, 5, CONSUMER);
		join(coop, 6, INVESTOR); // 2 investors of 6 voters
		assert_eq!(coop_info(coop).voting_investors, 2);
		// Non-voting supporters do not help investors.
		join(coop, 7, SUPPORTER);
		assert_noop!(Membership::apply(signed(8), coop, INVESTOR), E::InvestorCapReached);
	});
}

#[test]
fn cap_is_checked_again_at_admission() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a co-op of two by vote,
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		// Two investor applications, each admissible alone, not both.
		assert_ok!(Membership::apply(signed(3), coop, INVESTOR));
		let first = last_motion(coop);
		assert_ok!(Membership::apply(signed(4), coop, INVESTOR));
		let second = last_motion(coop);
		// When both are approved and closed, one after the other,
		vote_all(coop, first, &[1, 2], true);
		vote_all(coop, second, &[1, 2], true);
		deliberate();
		assert_ok!(Membership::close_motion(signed(1), coop, first, Weight::zero()));
		assert_ok!(Membership::close_motion(signed(1), coop, second, Weight::zero()));
		// Then the first is admitted, the second refused over the cap and refunded.
		assert!(Members::<Test>::contains_key(coop, 3));
		assert!(!Members::<Test>::contains_key(coop, 4));
		assert!(events().contains(&Event::MotionNotExecuted {
			coop,
			motion: second,
			reason: E::InvestorCapReached.into()
		}));
		assert_eq!(held(4), 0, "refused applicant refunded");
		assert_eq!(free(4), ENDOWMENT);
	});
}
