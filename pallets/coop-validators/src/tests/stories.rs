//! A validator's whole life, as the README tells it.

use super::*;

#[docify::export]
#[test]
fn a_validator_from_registration_to_retirement() {
	test(|| {
		// Given: members 1 and 2 run the genesis validators 11 and 12; co-op 3 joins the
		// federation.
		assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
		join_federation(3);

		// When: co-op 3 registers the validator it runs, 13.
		assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(3), 13));
		// Then: it waits for the federation; the next session keeps the set.
		assert_eq!(CoopValidators::new_session(1), None);

		// When: the validator sets its session keys, and the federation approves it by motion
		// (root in this mock); without keys it could not be approved.
		set_session_keys(13);
		assert_ok!(CoopValidators::approve_validator(RuntimeOrigin::root(), 3));
		// Then: the next session's set includes it, after the genesis validators.
		assert_eq!(CoopValidators::new_session(2), Some(vec![11, 12, 13]));
		assert_eq!(events().last(), Some(&Event::NewValidatorSet { session: 2, validators: 3 }));

		// When: co-op 3 retires it.
		assert_ok!(CoopValidators::retire_validator(RuntimeOrigin::signed(3)));
		// Then: its seat is gone and the next session's set is the genesis one again.
		assert_eq!(Seats::<Test>::get(3), None);
		assert_eq!(SeatOf::<Test>::get(13), None);
		assert_eq!(CoopValidators::new_session(3), Some(vec![11, 12]));
	});
}
