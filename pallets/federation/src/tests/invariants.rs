//! Each invariant of `do_try_state`, broken on purpose: every check has a case here that
//! corrupts storage and sees exactly that check report it.

use super::*;
use crate::{Enactment, EnactmentDelay};

/// With a scheduled resolution (enactment 0) and invariants that hold, `corrupt` breaks one of
/// them behind the pallet's back, and `try_state` reports `message`.
fn breaks(message: &'static str, corrupt: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		resolve(set_storage(b":coop:test", b"yes"));
		assert_ok!(Federation::do_try_state());
		corrupt();
		assert_eq!(Federation::do_try_state(), Err(message.into()), "{message}");
	});
}

#[test]
fn every_invariant_catches_its_corruption() {
	let pending = || Enactment { when: 5, call_hash: Default::default(), preimage: None };
	breaks("an enactment has an index not handed out yet", || NextEnactment::<Test>::put(0));
	breaks("a pending enactment is missing from the scheduler's agenda", || {
		NextEnactment::<Test>::put(2);
		Enactments::<Test>::insert(1, pending());
	});
	breaks("the enactment counter is wrong", || {
		let key = [
			sp_io::hashing::twox_128(b"Federation"),
			sp_io::hashing::twox_128(b"CounterForEnactments"),
		]
		.concat();
		frame_support::storage::unhashed::put(&key, &7u32);
	});
	// An enactment taken out of the scheduler's agenda behind the pallet's back.
	breaks("a pending enactment is missing from the scheduler's agenda", || {
		assert_ok!(pallet_scheduler::Pallet::<Test>::cancel_named(
			RuntimeOrigin::root(),
			Federation::task_name(0)
		));
	});
	breaks("a pending enactment's long call is not held by the preimage pallet", || {
		Enactments::<Test>::mutate(0, |e| e.as_mut().unwrap().preimage = Some(Default::default()))
	});
	breaks("more enactments than the bound", || {
		for index in 1..=MAX_PENDING {
			Enactments::<Test>::insert(index, pending());
			assert_ok!(pallet_scheduler::Pallet::<Test>::schedule_named(
				RuntimeOrigin::root(),
				Federation::task_name(index),
				5,
				None,
				0,
				Box::new(set_storage(b":coop:test", b"no")),
			));
		}
		NextEnactment::<Test>::put(MAX_PENDING + 1);
	});
	breaks("the enactment delay exceeds its bound", || EnactmentDelay::<Test>::put(1_000));
}
