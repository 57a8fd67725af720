//! Each invariant of `do_try_state`, broken on purpose: every check has a case here that
//! corrupts storage and sees exactly that check report it.

use super::*;

/// In a fresh chain (members 1 and 2 hold approved seats for validators 11 and 12), `corrupt`
/// breaks storage and `try_state` reports `message`.
fn breaks(message: &'static str, corrupt: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		assert_eq!(CoopValidators::do_try_state(), Ok(()));
		corrupt();
		assert_eq!(CoopValidators::do_try_state(), Err(message.into()), "{message}");
	});
}

#[test]
fn every_invariant_catches_its_corruption() {
	breaks("SeatOf does not point back to the seat's member", || SeatOf::<Test>::insert(11, 2));
	// A seat of an account that is no longer a federation member (the hook was bypassed).
	breaks("a seat belongs to an account that is not a federation member", || {
		MockCoops::remove_member(1u64)
	});
	breaks("an approved seat's validator is missing from Approved", || {
		Approved::<Test>::mutate(|a| a.retain(|v| *v != 12))
	});
	breaks("SeatOf names a member whose seat holds another validator", || {
		SeatOf::<Test>::insert(13, 1)
	});
	breaks("Approved holds a validator without an approved seat", || {
		assert!(Approved::<Test>::try_append(13u64).is_ok())
	});
	// A planned set in which no validator has session keys (13 has none).
	breaks("no validator of the planned set has session keys", || {
		assert!(Planned::<Test>::try_append(13u64).is_ok())
	});
}
