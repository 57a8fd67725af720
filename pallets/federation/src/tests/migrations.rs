//! The migration from version 0 (enactment at once, no storage).

use super::*;
use crate::{migrations::v1, EnactmentDelay};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

frame_support::parameter_types! {
	pub const ADay: u64 = 14_400;
}

#[test]
fn a_chain_from_version_0_gets_an_enactment_delay() {
	new_test_ext().execute_with(|| {
		// Given a chain at version 0 (no delay stored: it enacted at once),
		EnactmentDelay::<Test>::kill();
		StorageVersion::new(0).put::<Federation>();
		// when it upgrades, then it waits the given delay, capped at the runtime's bound;
		v1::MigrateV0ToV1::<Test, ADay>::on_runtime_upgrade();
		assert_eq!(EnactmentDelay::<Test>::get(), 100, "MaxEnactmentDelay in the mock");
		assert_eq!(Federation::on_chain_storage_version(), 1);
		// and a second run changes nothing.
		EnactmentDelay::<Test>::put(7);
		v1::MigrateV0ToV1::<Test, ADay>::on_runtime_upgrade();
		assert_eq!(EnactmentDelay::<Test>::get(), 7);
	});
}
