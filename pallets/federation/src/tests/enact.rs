//! `enact`: only a special federation resolution schedules a root call.

use super::*;

#[test]
fn nobody_but_a_special_resolution_may_enact() {
	test(|| {
		// Given: a signer, no origin, root, and an ordinary federation resolution.
		for origin in [
			RuntimeOrigin::signed(1),
			RuntimeOrigin::none(),
			// Root itself is not the federation: enacting needs its resolution.
			RuntimeOrigin::root(),
			RuntimeOrigin::signed(ORDINARY_RESOLUTION),
		] {
			// When / then: each is refused and nothing is scheduled.
			assert_noop!(
				Federation::enact(origin, Box::new(set_storage(b":coop:test", b"no"))),
				DispatchError::BadOrigin
			);
		}
		run_to_block(10);
		assert_eq!(stored(b":coop:test"), None);
		assert_eq!(NextEnactment::<Test>::get(), 0);
	});
}

#[test]
fn a_failing_call_is_reported_in_its_enactment() {
	test(|| {
		// Given: no upgrade was authorised, so applying one fails inside.
		resolve(RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
			code: vec![1, 2, 3],
		}));
		// When: the delay is over.
		run_to_block(1 + 1 + DELAY);
		// Then: the failure is reported with the enactment's number.
		let expected = DispatchError::from(frame_system::Error::<Test>::NothingAuthorized);
		assert_eq!(enacted(), vec![(0, Err(expected.stripped()))]);
	});
}

#[test]
fn a_runtime_upgrade_is_authorised_by_enacting_authorize_upgrade_after_the_delay() {
	test(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		// Given: the call is root-only (refused when signed).
		use sp_runtime::traits::Dispatchable;
		assert_noop!(call.clone().dispatch(RuntimeOrigin::signed(1)), DispatchError::BadOrigin);
		// When: the federation enacts it.
		resolve(call);
		let authorised = || {
			System::events().iter().any(|r| {
				matches!(
					r.event,
					RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: h, .. })
						if h == code_hash
				)
			})
		};
		// Then: the upgrade is authorised only once the delay is over.
		run_to_block(1 + DELAY);
		assert!(!authorised());
		run_to_block(1 + 1 + DELAY);
		assert!(authorised());
		assert_eq!(enacted(), vec![(0, Ok(()))]);
	});
}

#[test]
fn at_most_max_pending_enactments_wait_at_once() {
	test(|| {
		// Given: the bound of resolutions awaiting enactment is reached.
		for i in 0..MAX_PENDING {
			resolve(set_storage(b":coop:test", &[i as u8]));
		}
		// When / then: one more is refused.
		assert_noop!(
			Federation::enact(
				RuntimeOrigin::signed(SPECIAL_RESOLUTION),
				Box::new(set_storage(b":coop:test", b"more"))
			),
			Error::<Test>::TooManyPendingEnactments
		);
		// Then: once they are enacted, the federation may schedule again.
		run_to_block(1 + 1 + DELAY);
		assert_eq!(enacted().len() as u32, MAX_PENDING);
		resolve(set_storage(b":coop:test", b"more"));
	});
}

#[test]
fn a_large_call_waits_in_the_preimage_pallet_and_is_removed_once_enacted() {
	test(|| {
		// Given: a call longer than the scheduler's inline bound (128 bytes).
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![7; 1000] });
		// When: the federation enacts it.
		resolve(call);
		// Then: its preimage is held until the enactment, then dropped.
		assert_eq!(preimages(), 1);
		run_to_block(1 + 1 + DELAY);
		assert_eq!(enacted(), vec![(0, Ok(()))]);
		assert_eq!(preimages(), 0);
	});
}

#[test]
fn enacting_fails_while_the_schedulers_agenda_for_its_block_is_full() {
	test(|| {
		// Given: root filled the scheduler's agenda for block 1 + 1 + DELAY, when a resolution
		// passed now would be enacted (`MaxScheduledPerBlock` is 8 in the mock).
		let when = 1 + 1 + DELAY;
		for i in 0..8u8 {
			assert_ok!(pallet_scheduler::Pallet::<Test>::schedule(
				RuntimeOrigin::root(),
				when,
				None,
				0,
				Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![i] })),
			));
		}
		// When: the federation enacts a resolution; then: it is refused, nothing is scheduled.
		assert_noop!(
			Federation::enact(
				RuntimeOrigin::signed(SPECIAL_RESOLUTION),
				Box::new(set_storage(b":coop:test", b"full"))
			),
			Error::<Test>::SchedulingFailed
		);
		assert_eq!(NextEnactment::<Test>::get(), 0);
		// Then: a block later its enactment falls on a block with room, and it is scheduled.
		run_to_block(2);
		resolve(set_storage(b":coop:test", b"later"));
		assert_eq!(Enactments::<Test>::get(0).map(|e| e.when), Some(when + 1));
	});
}
