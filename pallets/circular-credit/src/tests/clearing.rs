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

/// `UnknownParticipant` guards a state the pallet's invariants rule out, so this test corrupts
/// storage to reach it. The branch is `defensive!`: in builds with debug assertions (as tests
/// usually run) it panics, which this test expects; without them the call returns the error,
/// which `assert_noop!` checks.
#[test]
#[cfg_attr(debug_assertions, should_panic(expected = "Defensive failure has been triggered"))]
fn an_obligation_naming_a_participant_the_circle_never_numbered_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Given a cycle where 1 owes 2, 2 owes 3 and 3 owes 1 100 each, and participant 3's
		// number overwritten in storage with one the circle never handed out.
		circle_of_five(false);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
		let index = Participants::<Test>::get(0, 3).expect("joined").index;
		Participants::<Test>::mutate(0, 3, |p| p.as_mut().expect("joined").index = 99);
		// When anyone submits a clearing of the cycle.
		// Then it is refused as naming an unknown participant (a defensive failure).
		assert_noop!(
			CircularCredit::submit_clearing(
				signed(9),
				0,
				setoffs(&[(a, 100), (b, 100), (c, 100)]),
				None
			),
			Error::<Test>::UnknownParticipant
		);
		// Restore the number, so that the invariants checked after the test hold.
		Participants::<Test>::mutate(0, 3, |p| p.as_mut().expect("joined").index = index);
	});
}
