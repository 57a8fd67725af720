//! The investor vote cap, at application and at admission.

use super::*;

#[test]
fn investors_never_exceed_the_cap() {
	ExtBuilder::default().build_and_execute(|| {
		// Cap: a third of the voting members.
		let coop = found(1, open_bylaws());
		assert_noop!(Membership::apply(signed(2), coop, INVESTOR), E::InvestorCapReached);
		join(coop, 2, WORKER);
		join(coop, 3, INVESTOR); // 1 investor of 3 voters
		assert_eq!(coop_info(coop).voting_investors, 1);
		assert_noop!(Membership::apply(signed(4), coop, INVESTOR), E::InvestorCapReached);
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
		let coop = found(1, bylaws());
		admit(coop, 2, WORKER, &[1]);
		// Two investor applications, each admissible alone, not both.
		assert_ok!(Membership::apply(signed(3), coop, INVESTOR));
		let first = last_motion(coop);
		assert_ok!(Membership::apply(signed(4), coop, INVESTOR));
		let second = last_motion(coop);
		vote_all(coop, first, &[1, 2], true);
		vote_all(coop, second, &[1, 2], true);
		deliberate();
		assert_ok!(Membership::close(signed(1), coop, first, Weight::zero()));
		assert_ok!(Membership::close(signed(1), coop, second, Weight::zero()));
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
