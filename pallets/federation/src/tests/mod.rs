//! Tests of `enact`: root authority for the federation's decisions only.

mod enact;
mod stories;

use crate::{mock::*, Event};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::Weight,
};
use sp_runtime::{traits::Dispatchable, DispatchError};

fn enacted_results() -> Vec<sp_runtime::DispatchResult> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Federation(Event::Enacted { result }) => Some(result),
			_ => None,
		})
		.collect()
}

fn set_storage(key: &[u8], value: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(key.to_vec(), value.to_vec())],
	})
}
