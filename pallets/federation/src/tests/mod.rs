//! Tests of the federation's root resolutions, one file per concern: [`enact`] (who may, what is
//! scheduled), [`cancel`], [`execute`] (the scheduler's side), [`delay`], [`weights`],
//! [`invariants`] and [`stories`]. Every test but the invariant-breaking ones runs in [`test`],
//! which checks the invariants after it, and [`run_to_block`] checks them at every block.

use crate::{mock::*, Enactments, Error, Event, NextEnactment};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

mod cancel;
mod delay;
mod enact;
mod execute;
mod invariants;
mod migrations;
mod stories;
mod weights;

/// A root-only call that writes `value` under `key`.
fn set_storage(key: &[u8], value: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(key.to_vec(), value.to_vec())],
	})
}

/// What is stored under `key`.
fn stored(key: &[u8]) -> Option<Vec<u8>> {
	sp_io::storage::get(key).map(|v| v.to_vec())
}

/// The federation passes a special resolution enacting `call`.
fn resolve(call: RuntimeCall) {
	assert_ok!(Federation::enact(RuntimeOrigin::signed(SPECIAL_RESOLUTION), Box::new(call)));
}

/// The outcomes of the enactments so far, by index.
fn enacted() -> Vec<(u32, sp_runtime::DispatchResult)> {
	events()
		.into_iter()
		.filter_map(|e| match e {
			Event::Enacted { index, result } => Some((index, result)),
			_ => None,
		})
		.collect()
}

/// How many preimages pallet-preimage holds or has been asked for.
fn preimages() -> usize {
	pallet_preimage::RequestStatusFor::<Test>::iter().count()
}
