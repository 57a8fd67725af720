//! `execute_enactment`: the scheduler's call, root only, for what was scheduled, once.

use super::*;

#[test]
fn execute_enactment_dispatches_only_the_scheduled_call() {
	test(|| {
		// Given: resolution 0 writes "yes".
		resolve(set_storage(b":coop:test", b"yes"));
		let execute =
			|index, call| Federation::execute_enactment(RuntimeOrigin::root(), index, call);
		// When: a signer calls it: refused.
		assert_noop!(
			Federation::execute_enactment(
				RuntimeOrigin::signed(SPECIAL_RESOLUTION),
				0,
				Box::new(set_storage(b":coop:test", b"yes"))
			),
			DispatchError::BadOrigin
		);
		// When: root names an index that is not pending, or another call: refused.
		assert_noop!(
			execute(5, Box::new(set_storage(b":coop:test", b"yes"))),
			Error::<Test>::NoSuchEnactment
		);
		assert_noop!(
			execute(0, Box::new(set_storage(b":coop:test", b"other"))),
			Error::<Test>::NoSuchEnactment
		);
		// Then: the scheduled call is still enacted at its time.
		run_to_block(1 + 1 + DELAY);
		assert_eq!(stored(b":coop:test"), Some(b"yes".to_vec()));
		assert_eq!(enacted(), vec![(0, Ok(()))]);
	});
}

#[test]
fn an_enactment_cannot_be_executed_before_its_time() {
	test(|| {
		// Given: resolution 0 is scheduled for block 1 + 1 + DELAY.
		resolve(set_storage(b":coop:test", b"early"));
		// When: root (say an earlier enactment) executes it before its time, it is refused:
		// the federation's window to cancel it holds.
		assert_noop!(
			Federation::execute_enactment(
				RuntimeOrigin::root(),
				0,
				Box::new(set_storage(b":coop:test", b"early"))
			),
			Error::<Test>::NotYetDue
		);
		assert_eq!(stored(b":coop:test"), None);
		// Then: it is enacted at its time, once.
		run_to_block(1 + 1 + DELAY);
		assert_eq!(enacted(), vec![(0, Ok(()))]);
	});
}
