//! Expulsion: the defence window and `defend`.

use super::*;

#[test]
fn waits_for_the_defence_window_then_expels_and_owes_the_share() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		join(coop, 3, WORKER);
		let m = propose(coop, 1, Proposal::Expel { member: 3 });
		vote_all(coop, m, &[1, 2], true);
		// The accused votes too, and has the right to answer before it closes.
		assert_ok!(Membership::vote(signed(3), coop, m, false));
		assert_noop!(Membership::close(signed(1), coop, m, Weight::zero()), E::TooEarlyToClose);
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
		run_to_block(1 + DEFENCE_WINDOW);
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
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
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let expel = propose(coop, 1, Proposal::Expel { member: 2 });
		let grant = propose(coop, 1, Proposal::GrantRole { who: 9, role: CoopRole::Operator });
		assert_noop!(Membership::defend(signed(1), coop, expel, vec![]), E::NotTheAccused);
		assert_noop!(Membership::defend(signed(2), coop, grant, vec![]), E::NotAnExpulsion);
		assert_noop!(Membership::defend(signed(2), coop, 9, vec![]), E::MotionNotFound);
		assert_noop!(Membership::defend(signed(2), coop, expel, vec![0; 65]), E::StatementTooLong);
	});
}

#[test]
fn expelling_someone_who_already_left_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = found(1, open_bylaws());
		join(coop, 2, WORKER);
		let m = propose(coop, 1, Proposal::Expel { member: 2 });
		assert_ok!(Membership::vote(signed(1), coop, m, true));
		assert_ok!(Membership::leave(signed(2), coop));
		run_to_block(1 + DEFENCE_WINDOW);
		assert_ok!(Membership::close(signed(1), coop, m, Weight::zero()));
		assert_eq!(
			last_event(),
			Event::MotionNotExecuted { coop, motion: m, reason: E::NotMember.into() }
		);
		assert_eq!(Redemptions::<Test>::get(coop, 2).unwrap().due, 1 + NOTICE);
	});
}
