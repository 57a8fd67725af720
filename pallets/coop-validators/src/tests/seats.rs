//! Registering, approving, retiring and removing validator seats.

use super::*;

#[test]
fn only_federation_members_register_one_validator_each() {
	test(|| {
		assert_noop!(
			CoopValidators::register_validator(RuntimeOrigin::signed(3), 13),
			Error::<Test>::NotFederationMember
		);
		join_federation(3);
		assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(3), 13));
		assert_eq!(last_event(), Event::ValidatorRegistered { member: 3, validator: 13 });
		assert_eq!(Seats::<Test>::get(3).map(|s| s.approved), Some(false));
		assert_eq!(SeatOf::<Test>::get(13), Some(3));
		// Not in the set until the federation approves it.
		assert_eq!(approved(), vec![11, 12]);

		assert_noop!(
			CoopValidators::register_validator(RuntimeOrigin::signed(3), 14),
			Error::<Test>::AlreadyRegistered
		);
		join_federation(4);
		assert_noop!(
			CoopValidators::register_validator(RuntimeOrigin::signed(4), 11),
			Error::<Test>::ValidatorTaken
		);
		assert_noop!(
			CoopValidators::register_validator(RuntimeOrigin::root(), 14),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_federation_approves_and_the_next_session_includes_it() {
	test(|| {
		CoopValidators::new_session_genesis(0);
		join_federation(3);
		assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(3), 13));
		set_session_keys(13);
		assert_noop!(
			CoopValidators::approve_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert_noop!(
			CoopValidators::approve_validator(RuntimeOrigin::root(), 9),
			Error::<Test>::NoSeat
		);
		assert_ok!(CoopValidators::approve_validator(RuntimeOrigin::root(), 3));
		assert_eq!(last_event(), Event::ValidatorApproved { member: 3, validator: 13 });
		assert_noop!(
			CoopValidators::approve_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::AlreadyApproved
		);
		assert_eq!(CoopValidators::new_session(1), Some(vec![11, 12, 13]));
		assert_eq!(last_event(), Event::NewValidatorSet { session: 1, validators: 3 });
	});
}

#[test]
fn retired_and_removed_validators_leave_at_the_next_session() {
	test(|| {
		seat(3, 13);
		assert_eq!(CoopValidators::new_session(1), Some(vec![11, 12, 13]));

		assert_ok!(CoopValidators::retire_validator(RuntimeOrigin::signed(1)));
		assert_eq!(
			last_event(),
			Event::ValidatorRemoved { member: 1, validator: 11, reason: RemovalReason::Retired }
		);
		assert_noop!(
			CoopValidators::retire_validator(RuntimeOrigin::signed(1)),
			Error::<Test>::NoSeat
		);
		assert_noop!(
			CoopValidators::remove_validator(RuntimeOrigin::signed(2), 3),
			DispatchError::BadOrigin
		);
		assert_ok!(CoopValidators::remove_validator(RuntimeOrigin::root(), 3));
		assert_eq!(
			last_event(),
			Event::ValidatorRemoved {
				member: 3,
				validator: 13,
				reason: RemovalReason::RemovedByFederation
			}
		);
		assert_noop!(
			CoopValidators::remove_validator(RuntimeOrigin::root(), 3),
			Error::<Test>::NoSeat
		);
		assert_eq!(SeatOf::<Test>::get(13), None);
		assert_eq!(CoopValidators::new_session(2), Some(vec![12]));

		// The validator account is free again, for another member.
		join_federation(4);
		assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(4), 11));
	});
}

#[test]
fn a_member_leaving_the_federation_loses_its_seat() {
	test(|| {
		CoopValidators::new_session_genesis(0);
		leave_federation(1);
		assert_eq!(
			last_event(),
			Event::ValidatorRemoved {
				member: 1,
				validator: 11,
				reason: RemovalReason::LeftFederation
			}
		);
		assert_eq!(Seats::<Test>::get(1), None);
		assert_eq!(CoopValidators::new_session(1), Some(vec![12]));

		// Leaving another co-op changes nothing here.
		<CoopValidators as coop_primitives::OnMemberRemoved<AccountId>>::on_member_removed(5, &2);
		assert_eq!(approved(), vec![12]);
		// A member without a seat leaving the federation changes nothing either.
		join_federation(7);
		let events = System::events().len();
		leave_federation(7);
		assert_eq!(System::events().len(), events);
	});
}

#[test]
fn an_unapproved_seat_is_never_in_the_set_and_can_be_retired() {
	test(|| {
		join_federation(3);
		assert_ok!(CoopValidators::register_validator(RuntimeOrigin::signed(3), 13));
		assert_eq!(CoopValidators::new_session_genesis(0), Some(vec![11, 12]));
		assert_ok!(CoopValidators::retire_validator(RuntimeOrigin::signed(3)));
		assert_eq!(approved(), vec![11, 12]);
		assert_eq!(CoopValidators::new_session(1), None);
	});
}

#[test]
fn an_offence_is_recorded_with_the_member_holding_the_seat() {
	test(|| {
		// Given validator 11, whose seat member 1 holds, and validator 19, which has no seat,
		// when each is reported for an offence,
		let severity = sp_runtime::Perbill::from_percent(56);
		CoopValidators::note_offence(11, 3, severity);
		// then the event names the validator and its member,
		assert_eq!(
			last_event(),
			Event::OffenceReported { validator: 11, member: Some(1), session: 3, severity }
		);
		CoopValidators::note_offence(19, 3, severity);
		assert_eq!(
			last_event(),
			Event::OffenceReported { validator: 19, member: None, session: 3, severity }
		);
		// and nothing else changes: the federation decides by motion.
		assert_eq!(approved(), vec![11, 12]);
		assert_eq!(SeatOf::<Test>::get(11), Some(1));
	});
}
