//! Each invariant of `do_try_state`, broken on purpose.

use super::*;
use crate::{Enactment, EnactmentDelay};

fn breaks(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		// Given: a scheduled resolution, and invariants that hold;
		resolve(set_storage(b":coop:test", b"yes"));
		assert_ok!(Federation::do_try_state());
		// when: `f` breaks one of them behind the pallet's back,
		f();
		// then: `try_state` reports it.
		assert!(Federation::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_broken_invariants() {
	// Given / when / then (see `breaks`): each invariant below, broken on purpose, is reported.
	let pending = || Enactment { when: 5, call_hash: Default::default(), preimage: None };
	// An index not handed out yet.
	breaks(|| NextEnactment::<Test>::put(0));
	// A pending enactment the scheduler does not know.
	breaks(|| {
		NextEnactment::<Test>::put(2);
		Enactments::<Test>::insert(1, pending());
	});
	// The count of pending enactments differs from the map.
	breaks(|| {
		let key = [
			sp_io::hashing::twox_128(b"Federation"),
			sp_io::hashing::twox_128(b"CounterForEnactments"),
		]
		.concat();
		frame_support::storage::unhashed::put(&key, &7u32);
	});
	// An enactment taken out of the scheduler's agenda behind the pallet's back.
	breaks(|| {
		assert_ok!(pallet_scheduler::Pallet::<Test>::cancel_named(
			RuntimeOrigin::root(),
			Federation::task_name(0)
		));
	});
	// The delay above its bound.
	breaks(|| EnactmentDelay::<Test>::put(1_000));
}
