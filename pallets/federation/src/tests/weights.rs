//! The weights charged: `enact` by the call's length, the enactment by the call's own weight.

use super::*;
use frame_support::dispatch::{DispatchClass, GetDispatchInfo};

#[test]
fn enact_weighs_by_length_and_the_enactment_adds_the_call_and_keeps_its_class() {
	test(|| {
		// Given: a short root call, and a long remark (below).
		let call = set_storage(b":coop:test", b"weight");
		let inner = call.get_dispatch_info();
		let enact = |call: RuntimeCall| {
			RuntimeCall::Federation(crate::Call::enact { call: Box::new(call) }).get_dispatch_info()
		};
		let long = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 4000] });
		// When: `enact` is weighed; then: by the call's length (a longer call weighs more).
		// enact is charged at least its benchmarked cost for the call's length.
		use codec::Encode;
		assert_eq!(
			enact(call.clone()).call_weight,
			<() as crate::WeightInfo>::enact(call.encoded_size() as u32)
		);
		assert!(enact(long).call_weight.any_gt(enact(call.clone()).call_weight));
		// When: the enactment is weighed; then: its own cost plus the call's, in its class.
		// The enactment weighs its own cost plus the call's, in the call's class.
		let execute = RuntimeCall::Federation(crate::Call::execute_enactment {
			index: 0,
			call: Box::new(call),
		})
		.get_dispatch_info();
		let own = <() as crate::WeightInfo>::execute_enactment();
		assert_eq!(execute.call_weight, own.saturating_add(inner.call_weight));
		assert_eq!(execute.class, inner.class);
		assert_eq!(inner.class, DispatchClass::Operational);
	});
}
