//! `set_enactment_delay`: root (a federation resolution) sets it, bounded.

use super::*;

#[test]
fn the_delay_is_set_by_root_within_its_bound_and_applies_to_later_resolutions() {
	test(|| {
		// Given: a resolution scheduled with the genesis delay.
		resolve(set_storage(b":coop:first", b"1"));
		// When: a signer or an overlong delay: refused.
		assert_noop!(
			Federation::set_enactment_delay(RuntimeOrigin::signed(SPECIAL_RESOLUTION), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Federation::set_enactment_delay(RuntimeOrigin::root(), 101),
			Error::<Test>::DelayTooLong
		);
		// When: root sets a delay of 0.
		assert_ok!(Federation::set_enactment_delay(RuntimeOrigin::root(), 0));
		assert_eq!(events().last(), Some(&Event::EnactmentDelaySet { delay: 0 }));
		resolve(set_storage(b":coop:second", b"2"));
		// Then: the new resolution is enacted at the next block, the earlier one keeps its time.
		run_to_block(2);
		assert_eq!(stored(b":coop:second"), Some(b"2".to_vec()));
		assert_eq!(stored(b":coop:first"), None);
		run_to_block(1 + 1 + DELAY);
		assert_eq!(stored(b":coop:first"), Some(b"1".to_vec()));
	});
}
