//! Each invariant of `do_try_state`, broken on purpose.

use super::*;

#[test]
fn try_state_detects_broken_invariants() {
	new_test_ext().execute_with(|| {
		assert!(CoopValidators::do_try_state().is_ok());
		SeatOf::<Test>::insert(11, 2);
		assert!(CoopValidators::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		Approved::<Test>::mutate(|a| a.retain(|v| *v != 12));
		assert!(CoopValidators::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		// A seat of an account that is no longer a federation member (the hook was bypassed).
		MockCoops::remove_member(1u64);
		assert!(CoopValidators::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		// A planned set in which no validator has session keys (13 has none).
		assert!(Planned::<Test>::try_append(13u64).is_ok());
		assert!(CoopValidators::do_try_state().is_err());
	});
}
