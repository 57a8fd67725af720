//! Expulsion: the defence window and `defend`.

use super::*;

#[test]
fn waits_for_the_defence_window_then_expels_and_owes_the_share() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of three, and a motion to expel 3 that 1 and 2 support,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::Expel { member: 3 });
		vote_all(coop, m, &[1, 2], true);
		// The accused votes too, and has the right to answer before it closes.
		assert_ok!(Membership::vote(signed(3), coop, m, false));
		// When it is closed at once, then it is refused: the defence window is open;
		assert_noop!(
			Membership::close_motion(signed(1), coop, m, Weight::zero()),
			E::TooEarlyToClose
		);
		// when 3 answers the charge, then its statement is recorded;
		assert_ok!(Membership::defend(signed(3), coop, m, b"I paid my dues".to_vec()));
		assert!(Motions::<Test>::get(coop, m).unwrap().defended);
		assert_eq!(
			last_event(),
			Event::DefenceSubmitted {
				coop,
				motion: m,
				member: 3,
				statement: b"I paid my dues".to_vec().try_into().unwrap()
			}
		);
		// When the motion closes after the defence window,
		run_to_block(1 + DEFENCE_WINDOW);
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then 3 is expelled, and owed its share.
		assert!(!Members::<Test>::contains_key(coop, 3));
		assert_eq!(last_event(), Event::MemberExpelled { coop, member: 3, amount: SHARE });
		assert_eq!(removed(), vec![(coop, 3)]);
		// Redeemed as on withdrawal (without waiting for a notice).
		assert_ok!(Membership::redeem_share(signed(3), coop, 3));
		assert_eq!(free(3), ENDOWMENT);
	});
}

#[test]
fn defend_fails_for_others_and_other_motions() {
	ExtBuilder::default().build_and_execute(|| {
		// Given an open co-op of two, a motion to expel 2 and a motion to grant a role,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let expel = propose(coop, 1, Proposal::Expel { member: 2 });
		let grant = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		// When 1 defends for 2, 2 on the wrong or an unknown motion, or at over 64 bytes,
		// then each is refused.
		assert_noop!(Membership::defend(signed(1), coop, expel, vec![]), E::NotTheAccused);
		assert_noop!(Membership::defend(signed(2), coop, grant, vec![]), E::NotAnExpulsion);
		assert_noop!(Membership::defend(signed(2), coop, 9, vec![]), E::MotionNotFound);
		assert_noop!(Membership::defend(signed(2), coop, expel, vec![0; 65]), E::StatementTooLong);
	});
}

#[test]
fn expelling_someone_who_already_left_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a motion to expel 2, supported by 1, and 2 leaving before it closes,
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let m = propose(coop, 1, Proposal::Expel { member: 2 });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		assert_ok!(Membership::leave(signed(2), coop));
		run_to_block(1 + DEFENCE_WINDOW);
		// When the motion closes after the defence window,
		assert_ok!(Membership::close_motion(signed(1), coop, m, Weight::zero()));
		// Then it is not carried out (2 is no member), and 2's notice still holds.
		assert_eq!(
			last_event(),
			Event::MotionNotExecuted { coop, motion: m, reason: E::NotMember.into() }
		);
		assert_eq!(Redemptions::<Test>::get(coop, 2).unwrap().due, 1 + NOTICE);
	});
}
