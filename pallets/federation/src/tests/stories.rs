//! A root resolution's whole life, as the README tells it.

use super::*;

#[docify::export]
#[test]
fn a_resolution_is_scheduled_and_enacted_after_the_delay() {
	test(|| {
		// Given: at block 1 the federation passes a special resolution to write a storage item
		// (root only); the enactment delay is 3 blocks.
		let call = set_storage(b":coop:test", b"yes");
		let call_hash = <Test as frame_system::Config>::Hashing::hash_of(&call);

		// When: the resolution's motion enacts it.
		resolve(call);

		// Then: it is scheduled for the start of block 1 + 1 + 3, not dispatched.
		assert_eq!(
			events().last(),
			Some(&Event::EnactmentScheduled { index: 0, when: 5, call_hash })
		);
		assert_eq!(stored(b":coop:test"), None);

		// When: the blocks before it pass, nothing happens (a motion could still cancel it).
		run_to_block(4);
		assert_eq!(stored(b":coop:test"), None);
		assert!(Enactments::<Test>::contains_key(0));

		// Then: at block 5 the scheduler enacts it with root authority, once.
		run_to_block(5);
		assert_eq!(stored(b":coop:test"), Some(b"yes".to_vec()));
		assert_eq!(enacted(), vec![(0, Ok(()))]);
		assert!(!Enactments::<Test>::contains_key(0));
		run_to_block(8);
		assert_eq!(enacted().len(), 1);
	});
}

use sp_runtime::traits::Hash;
