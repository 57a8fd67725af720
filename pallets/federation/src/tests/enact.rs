//! `enact`: who may, failures, the upgrade two-step, weights.

use super::*;

#[test]
fn nobody_else_may_enact() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(1), RuntimeOrigin::none()] {
			assert_noop!(
				Federation::enact(origin, Box::new(set_storage(b":coop:test", b"no"))),
				DispatchError::BadOrigin
			);
		}
		// Root itself is not the federation: enacting needs its motion.
		assert_noop!(
			Federation::enact(RuntimeOrigin::root(), Box::new(set_storage(b":coop:test", b"no"))),
			DispatchError::BadOrigin
		);
		assert_eq!(sp_io::storage::get(b":coop:test"), None);
		assert!(enacted_results().is_empty());
	});
}

#[test]
fn a_failing_call_is_reported_and_enact_itself_succeeds() {
	new_test_ext().execute_with(|| {
		// No upgrade was authorised, so applying one fails inside.
		let call = RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
			code: vec![1, 2, 3],
		});
		assert_ok!(Federation::enact(RuntimeOrigin::signed(FEDERATION_MOTION), Box::new(call)));
		let expected = DispatchError::from(frame_system::Error::<Test>::NothingAuthorized);
		assert_eq!(enacted_results(), vec![Err(expected.stripped())]);
	});
}

#[test]
fn a_runtime_upgrade_is_authorised_by_enacting_authorize_upgrade() {
	new_test_ext().execute_with(|| {
		let code_hash = sp_core::H256::repeat_byte(7);
		let call = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		// Root-only: refused when signed.
		assert_noop!(call.clone().dispatch(RuntimeOrigin::signed(1)), DispatchError::BadOrigin);
		assert_ok!(Federation::enact(RuntimeOrigin::signed(FEDERATION_MOTION), Box::new(call)));
		assert_eq!(enacted_results(), vec![Ok(())]);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash: h, .. })
				if h == code_hash
		)));
	});
}

#[test]
fn enact_weighs_its_own_cost_plus_the_call_and_keeps_the_call_class() {
	new_test_ext().execute_with(|| {
		let call = set_storage(b":coop:test", b"weight");
		let inner = call.get_dispatch_info();
		let outer = RuntimeCall::Federation(crate::Call::enact { call: Box::new(call) })
			.get_dispatch_info();
		let own = <() as crate::WeightInfo>::enact();
		assert_eq!(outer.call_weight, own.saturating_add(inner.call_weight));
		assert_eq!(outer.class, inner.class);
		assert_eq!(inner.class, DispatchClass::Operational);
		assert!(own.any_gt(Weight::zero()));
	});
}
