//! The session manager: the validator set of each new session.

use super::*;

#[test]
fn genesis_validators_form_the_first_set_and_an_unchanged_set_is_not_reannounced() {
	test(|| {
		assert_eq!(approved(), vec![11, 12]);
		assert_eq!(Seats::<Test>::get(1).map(|s| (s.validator, s.approved)), Some((11, true)));
		assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
		assert_eq!(Planned::<Test>::get().into_inner(), vec![11, 12]);
		assert_eq!(CoopValidators::new_session(1), None);
		assert_eq!(CoopValidators::new_session(2), None);
	});
}

#[test]
fn the_set_is_bounded_by_max_validators() {
	test(|| {
		seat(3, 13);
		seat(4, 14);
		assert_eq!(approved().len() as u32, MAX_VALIDATORS);
		join_federation(5);
		assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(5), 15));
		set_session_keys(15);
		assert_noop!(
			CoopValidators::approve_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
		assert_eq!(CoopValidators::new_session(1), Some(vec![11, 12, 13, 14]));
	});
}

#[test]
fn the_set_is_never_empty_the_last_one_stays() {
	test(|| {
		assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
		assert_ok!(CoopValidators::retire_validator(RuntimeOrigin::signed(1)));
		leave_federation(2);
		assert!(approved().is_empty());
		assert_eq!(CoopValidators::new_session(1), None);
		assert_eq!(last_event(), Event::ValidatorSetKept { session: 1 });
		assert_eq!(Planned::<Test>::get().into_inner(), vec![11, 12]);

		// A newly approved validator replaces the kept set at the next session.
		seat(3, 13);
		assert_eq!(CoopValidators::new_session(2), Some(vec![13]));
	});
}
