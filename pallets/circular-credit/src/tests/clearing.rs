//! `submit_clearing`: partial clearings, and every way a clearing is refused.

use super::*;

#[test]
fn a_partial_cycle_leaves_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle that requires maximal clearings, where 1 owes 2 100, 2 owes 3 60,
		// 3 owes 1 80 and 4 owes 1 10.
		circle_of_five(true);
		owe(1, 2, 100);
		owe(2, 3, 60);
		owe(3, 1, 80);
		owe(4, 1, 10);
		// When anyone submits the solver's clearing with its certificate.
		let (list, p) = proposal();
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		// Then the cycle is set off by its smallest link (60), and the rest stays owed.
		let left: Vec<Credit> =
			Obligations::<Test>::iter_prefix(0).map(|(_, o)| o.amount).collect();
		assert_eq!(left.iter().sum::<Credit>(), 40 + 20 + 10);
	});
}

#[test]
fn a_clearing_that_changes_a_net_position_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle where 1 owes 2, 2 owes 3 and 3 owes 1 100 each.
		circle_of_five(false);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
		// When a clearing sets off unequal amounts around the cycle, more than is owed, one
		// obligation twice, an obligation that does not exist, or nothing at all.
		// Then each is refused with the error naming why.
		assert_noop!(
			CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 100), (b, 90), (c, 100)]),
				None
			),
			Error::<Test>::NetPositionChanged
		);
		assert_noop!(
			CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 101), (b, 101), (c, 101)]),
				None
			),
			Error::<Test>::SetoffExceedsObligation
		);
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(a, 1), (a, 1)]), None),
			Error::<Test>::DuplicateSetoff
		);
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&[(77, 1)]), None),
			Error::<Test>::UnknownObligation
		);
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, setoffs(&[]), None),
			Error::<Test>::NothingCleared
		);
		// When a balanced partial clearing comes without a certificate, then it is accepted:
		// not maximal, but this circle does not ask for maximality.
		assert_ok!(CircularCredit::submit_clearing(
			signed(9),
			0,
			setoffs(&[(a, 50), (b, 50), (c, 50)]),
			None
		));
	});
}

#[test]
fn a_non_maximal_clearing_is_refused_with_its_certificate() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle that requires maximal clearings, where 1 owes 2, 2 owes 3 and 3 owes
		// 1 100 each, and a clearing that sets off only half of the cycle.
		circle_of_five(true);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
		let partial = setoffs(&[(a, 50), (b, 50), (c, 50)]);
		// When it comes without a certificate, then a certificate is required.
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, partial.clone(), None),
			Error::<Test>::CertificateRequired
		);
		// When it comes with the solver's certificate, then the certificate shows it is not
		// maximal.
		let (_, p) = proposal();
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, partial, certificate(&p)),
			Error::<Test>::NotMaximal
		);
		// When the full clearing comes with a certificate of two potentials for five
		// participants, then the certificate is refused.
		assert_noop!(
			CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 100), (b, 100), (c, 100)]),
				certificate(&[0, 0])
			),
			Error::<Test>::CertificateLength
		);
	});
}

#[test]
fn unaccepted_obligations_are_not_cleared() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 owes 2 and 2 owes 3 100 each in accepted obligations, and 1 has issued an
		// obligation of 100 on 3 (id 2) that 3 has not accepted.
		circle_of_five(false);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		CircularCredit::issue_obligation(signed(1), 0, 3, 100, 50).expect("issued");
		// When the solver proposes a clearing, then it proposes none: no accepted cycle.
		let (list, _) = proposal();
		assert!(list.is_empty());
		// When a clearing sets off the unaccepted obligation too, then it is unknown to the
		// clearing.
		assert_noop!(
			CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 100), (b, 100), (2, 100)]),
				None
			),
			Error::<Test>::UnknownObligation
		);
	});
}

/// An open obligation's parties cannot leave its circle, so the clearing graph guards a state
/// the pallet's invariants rule out; this test corrupts storage to reach it. The branch is
/// `defensive!`: in builds with debug assertions (as tests usually run) it panics, which this
/// test expects; without them the obligation is left out of the clearing, and a set-off naming
/// it is refused as unknown.
#[test]
#[cfg_attr(debug_assertions, should_panic(expected = "Defensive failure has been triggered"))]
fn an_obligation_whose_party_left_the_circle_is_not_cleared() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a cycle where 1 owes 2, 2 owes 3 and 3 owes 1 100 each, and participant 3
		// removed from storage behind the pallet's back.
		circle_of_five(false);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
		let three = Participants::<Test>::take(0, 3).expect("joined");
		// When anyone submits a clearing of the cycle.
		// Then the obligations of 3 are not in the clearing (a defensive failure).
		assert_noop!(
			CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 100), (b, 100), (c, 100)]),
				None
			),
			Error::<Test>::UnknownObligation
		);
		// Restore the participant, so that the invariants checked after the test hold.
		Participants::<Test>::insert(0, 3, three);
	});
}

#[test]
fn the_certificate_follows_the_obligations_not_the_circles_history() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle that requires maximal clearings, where 600 accounts joined and left
		// (more than `MaxParticipants` = 20 ever took part), then 1 owes 2, 2 owes 3 and 3
		// owes 1 100 each.
		CircularCredit::open_circle(signed(TREASURY), 0, true).expect("opens");
		MockCoops::set_members((1u64..=5).chain(100..700));
		for who in 100u64..700 {
			assert_ok!(CircularCredit::join(signed(who), 0));
			assert_ok!(CircularCredit::leave(signed(who), 0));
		}
		for who in 1..=5 {
			assert_ok!(CircularCredit::join(signed(who), 0));
			assert_ok!(CircularCredit::set_credit_limit(signed(TREASURY), 0, who, 100, None));
		}
		assert_eq!(Circles::<Test>::get(0).map(|c| c.next_index), Some(605));
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
		// When anyone submits the solver's clearing with its certificate.
		let (list, p) = proposal();
		// Then the certificate has one potential per participant the obligations touch (3),
		// and the cycle is cleared in full.
		assert_eq!(p.len(), 3);
		assert_eq!(list, vec![(a, 100), (b, 100), (c, 100)]);
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		assert_eq!(Obligations::<Test>::iter_prefix(0).count(), 0);
	});
}

#[test]
fn a_maximal_clearing_of_every_obligation_fits_one_submission() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a circle that requires maximal clearings, where 1 and 2 owe each other 20
		// obligations of 10 each way (`MaxObligations` = 40 in all): the one maximal clearing
		// sets off all 40.
		circle_of_five(true);
		for _ in 0..20 {
			owe(1, 2, 10);
			owe(2, 1, 10);
		}
		// When anyone submits the solver's clearing with its certificate.
		let (list, p) = proposal();
		assert_eq!(list.len(), 40);
		// Then it fits one submission and is accepted: nothing is left owed.
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		assert_eq!(Obligations::<Test>::iter_prefix(0).count(), 0);
	});
}
