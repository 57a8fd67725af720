//! `submit_clearing`: partial clearings, and every way a clearing is refused.

use super::*;

#[test]
fn a_partial_cycle_leaves_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		circle_of_five(true);
		owe(1, 2, 100);
		owe(2, 3, 60);
		owe(3, 1, 80);
		owe(4, 1, 10);
		let (list, p) = proposal();
		assert_ok!(CircularCredit::submit_clearing(signed(9), 0, setoffs(&list), certificate(&p)));
		let left: Vec<Credit> =
			Obligations::<Test>::iter_prefix(0).map(|(_, o)| o.amount).collect();
		assert_eq!(left.iter().sum::<Credit>(), 40 + 20 + 10);
	});
}

#[test]
fn a_clearing_that_changes_a_net_position_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		circle_of_five(false);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
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
		// Not maximal, but this circle does not ask for maximality.
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
		circle_of_five(true);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		let c = owe(3, 1, 100);
		let partial = setoffs(&[(a, 50), (b, 50), (c, 50)]);
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, partial.clone(), None),
			Error::<Test>::CertificateRequired
		);
		let (_, p) = proposal();
		assert_noop!(
			CircularCredit::submit_clearing(signed(9), 0, partial, certificate(&p)),
			Error::<Test>::NotMaximal
		);
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
		circle_of_five(false);
		let a = owe(1, 2, 100);
		let b = owe(2, 3, 100);
		CircularCredit::issue_obligation(signed(1), 0, 3, 100, 50).expect("issued");
		let (list, _) = proposal();
		assert!(list.is_empty());
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
