//! `cancel`: a later federation motion stops a scheduled resolution.

use super::*;

#[test]
fn an_ordinary_resolution_cancels_a_scheduled_one_before_it_is_enacted() {
	test(|| {
		// Given: a scheduled resolution holding a large call (its preimage is held).
		resolve(RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 1000] }));
		resolve(set_storage(b":coop:test", b"cancelled"));
		assert_eq!(preimages(), 1);
		run_to_block(2);
		// When: an ordinary federation resolution cancels both.
		assert_ok!(Federation::cancel(RuntimeOrigin::signed(ORDINARY_RESOLUTION), 0));
		assert_ok!(Federation::cancel(RuntimeOrigin::signed(ORDINARY_RESOLUTION), 1));
		// Then: they are gone, with their preimage, and never enacted.
		assert_eq!(events().last(), Some(&Event::EnactmentCancelled { index: 1 }));
		assert_eq!(preimages(), 0);
		run_to_block(10);
		assert_eq!(stored(b":coop:test"), None);
		assert!(enacted().is_empty());
	});
}

#[test]
fn only_a_federation_resolution_cancels_and_only_what_is_pending() {
	test(|| {
		// Given: a resolution scheduled to write "yes".
		resolve(set_storage(b":coop:test", b"yes"));
		// When / then: each cancel below is refused.
		// A signer, or root, cannot cancel.
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::root()] {
			assert_noop!(Federation::cancel(origin, 0), DispatchError::BadOrigin);
		}
		// An index never handed out.
		assert_noop!(
			Federation::cancel(RuntimeOrigin::signed(ORDINARY_RESOLUTION), 7),
			Error::<Test>::NoSuchEnactment
		);
		// Once enacted, it cannot be cancelled any more.
		run_to_block(1 + 1 + DELAY);
		assert_eq!(stored(b":coop:test"), Some(b"yes".to_vec()));
		assert_noop!(
			Federation::cancel(RuntimeOrigin::signed(ORDINARY_RESOLUTION), 0),
			Error::<Test>::NoSuchEnactment
		);
	});
}

#[test]
fn a_resolution_whose_task_was_taken_off_the_agenda_can_still_be_cancelled() {
	new_test_ext().execute_with(|| {
		// Given: a scheduled resolution whose task root took off the scheduler's agenda,
		resolve(set_storage(b":coop:test", b"gone"));
		assert_ok!(pallet_scheduler::Pallet::<Test>::cancel_named(
			RuntimeOrigin::root(),
			Federation::task_name(0)
		));
		// when the federation cancels it, then its entry goes too: no slot stays taken.
		assert_ok!(Federation::cancel(RuntimeOrigin::signed(ORDINARY_RESOLUTION), 0));
		assert_eq!(Enactments::<Test>::count(), 0);
		assert_ok!(Federation::do_try_state());
	});
}
