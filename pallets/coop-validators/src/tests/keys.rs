//! Session keys: a validator is approved only with them, planning skips validators without them,
//! the last validator with keys in the planned set cannot purge them, and consensus is never
//! handed a set without keys (issue #18).

use super::*;

/// A signed `session.purge_keys` refused by the runtime's call filter.
fn filtered() -> DispatchError {
	frame_system::Error::<Test>::CallFiltered.into()
}

/// Consensus has authorities; pallet-session has validators in office and queued, and one of
/// those queued still has keys.
fn assert_alive() {
	assert!(!Authorities::get().is_empty(), "consensus has authorities");
	assert!(!in_office().is_empty(), "pallet-session has validators in office");
	assert!(queued().iter().any(|v| has_keys(*v)), "a queued validator has keys");
}

mod approve_validator {
	use super::*;

	#[test]
	fn fails_without_session_keys() {
		test(|| {
			join_federation(3);
			assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(3), 13));
			assert_noop!(
				CoopValidators::approve_validator(RuntimeOrigin::root(), 3),
				Error::<Test>::NoSessionKeys
			);

			set_session_keys(13);
			assert_ok!(CoopValidators::approve_validator(RuntimeOrigin::root(), 3));
			assert_eq!(last_event(), Event::ValidatorApproved { member: 3, validator: 13 });
		});
	}

	#[test]
	fn fails_once_the_keys_are_purged() {
		test(|| {
			assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
			join_federation(3);
			assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(3), 13));
			set_session_keys(13);
			assert_ok!(purge_keys(13));
			assert_noop!(
				CoopValidators::approve_validator(RuntimeOrigin::root(), 3),
				Error::<Test>::NoSessionKeys
			);
		});
	}
}

mod planning {
	use super::*;

	#[test]
	fn skips_an_approved_validator_without_keys() {
		test(|| {
			assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
			seat(3, 13);
			assert_ok!(purge_keys(12));

			// 12 stays approved but is left out of the set while it has no keys.
			assert_eq!(CoopValidators::new_session(1), Some(vec![11, 13]));
			assert_eq!(last_event(), Event::NewValidatorSet { session: 1, validators: 2 });
			assert_eq!(approved(), vec![11, 12, 13]);
			assert_eq!(CoopValidators::new_session(2), None);

			// With keys again, it is back in the next set.
			set_session_keys(12);
			assert_eq!(CoopValidators::new_session(3), Some(vec![11, 12, 13]));
		});
	}

	#[test]
	fn keeps_the_set_in_office_when_no_approved_validator_has_keys() {
		test(|| {
			assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
			// The federation replaces 11 and 12 by 13, which purges its keys before the
			// session changes.
			seat(3, 13);
			assert_ok!(CoopValidators::remove_validator(RuntimeOrigin::root(), 1));
			assert_ok!(CoopValidators::remove_validator(RuntimeOrigin::root(), 2));
			assert_ok!(purge_keys(13));
			assert_eq!(approved(), vec![13]);

			assert_eq!(CoopValidators::new_session(1), None);
			assert_eq!(last_event(), Event::ValidatorSetKept { session: 1 });
			assert_eq!(Planned::<Test>::get().into_inner(), vec![11, 12]);
		});
	}

	#[test]
	fn the_kept_set_loses_its_validators_that_purged_their_keys() {
		test(|| {
			seat(3, 13);
			assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12, 13]));
			// Every seat goes; 12 purges its keys meanwhile.
			assert_ok!(CoopValidators::remove_validator(RuntimeOrigin::root(), 1));
			assert_ok!(CoopValidators::retire_validator(RuntimeOrigin::signed(2)));
			leave_federation(3);
			assert_ok!(purge_keys(12));

			assert_eq!(CoopValidators::new_session(1), Some(vec![11, 13]));
			assert_eq!(last_event(), Event::ValidatorSetKept { session: 1 });
			assert_eq!(Planned::<Test>::get().into_inner(), vec![11, 13]);

			// 13 purges too; 11, the last with keys, cannot.
			assert_ok!(purge_keys(13));
			assert_noop!(purge_keys(11), filtered());
			assert_eq!(CoopValidators::new_session(2), Some(vec![11]));
			assert_eq!(CoopValidators::new_session(3), None);
			assert_eq!(last_event(), Event::ValidatorSetKept { session: 3 });
		});
	}
}

mod purge_keys {
	use super::*;

	#[test]
	fn the_last_validator_with_keys_in_the_planned_set_cannot_purge_them() {
		test(|| {
			assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
			assert!(CoopValidators::may_purge_session_keys());
			assert_ok!(purge_keys(11));
			assert!(!has_keys(11));

			assert!(!CoopValidators::may_purge_session_keys());
			assert_noop!(purge_keys(12), filtered());
			// The filter sees the call, not its signer: nobody purges keys meanwhile.
			set_session_keys(15);
			assert_noop!(purge_keys(15), filtered());
			// Rotating keys stays open to the last one.
			assert_ok!(Session::set_keys(
				RuntimeOrigin::signed(12),
				sp_runtime::testing::UintAuthorityId(112),
				vec![]
			));

			// Once a second validator with keys is planned, keys may be purged again: 15's,
			// then 12's (13 is left with keys).
			seat(3, 13);
			assert_eq!(CoopValidators::new_session(1), Some(vec![12, 13]));
			assert_ok!(purge_keys(15));
			assert_ok!(purge_keys(12));
			assert_noop!(purge_keys(13), filtered());
		});
	}

	#[test]
	fn nobody_purges_keys_before_a_set_is_planned() {
		test(|| {
			assert!(Planned::<Test>::get().is_empty());
			assert_noop!(purge_keys(11), filtered());
		});
	}
}

mod liveness {
	use super::*;

	/// The attack of issue #18: every validator in office purges its session keys, one after
	/// another, a session apart. Each leaves the set cleanly; the last cannot, and it authors
	/// alone.
	#[test]
	fn validators_purging_their_keys_in_turn_never_leave_consensus_without_authorities() {
		chain_test(|| {
			// Given: validators 11 to 14 in office (13 and 14 approved, then two sessions).
			seat(3, 13);
			seat(4, 14);
			next_session();
			next_session();
			assert_eq!(in_office(), vec![11, 12, 13, 14]);
			assert_eq!(Authorities::get(), vec![11, 12, 13, 14]);

			for (validator, left) in [(11, vec![12, 13, 14]), (12, vec![13, 14]), (13, vec![14])] {
				// When: one purges its keys.
				assert_ok!(purge_keys(validator));
				assert_alive();
				// Then: the next rotation queues the others only.
				next_session();
				assert_eq!(queued(), left);
				assert_alive();
			}

			// The last validator with keys cannot purge them.
			assert_noop!(purge_keys(14), filtered());
			next_session();
			next_session();
			assert_eq!(in_office(), vec![14]);
			assert_eq!(queued(), vec![14]);
			assert_eq!(Authorities::get(), vec![14]);
			assert!(has_keys(14));
			assert_alive();
		});
	}

	/// Planning alone, without the runtime's call filter (the purges here call pallet-session
	/// directly): once nobody planned has keys, pallet-session queues nobody but announces no
	/// change, so consensus keeps its authorities instead of being handed none; the next set
	/// with keys takes over. (pallet-session's own list of validators in office does empty:
	/// that is what the call filter prevents.)
	#[test]
	fn without_the_filter_consensus_keeps_its_authorities_until_a_set_with_keys_is_planned() {
		chain_test(|| {
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(11)));
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(12)));
			// The approved set changes too: a session manager that handed pallet-session the
			// approved set ([11]) here would hand consensus an empty set a session later.
			assert_ok!(CoopValidators::retire_validator(RuntimeOrigin::signed(2)));

			for _ in 0..3 {
				next_session();
				let planned = pallet_session::CurrentIndex::<Test>::get() + 1;
				assert_eq!(last_event(), Event::ValidatorSetKept { session: planned });
				assert_eq!(Authorities::get(), vec![11, 12]);
			}
			assert!(queued().is_empty());
			assert!(Planned::<Test>::get().is_empty());

			set_session_keys(11);
			next_session();
			assert_eq!(queued(), vec![11]);
			next_session();
			assert_eq!(in_office(), vec![11]);
			assert_eq!(Authorities::get(), vec![11]);
		});
	}
}
