//! The storage migration from version 1 (no maturity order).

use super::*;
use crate::migrations::v2;
use frame_support::assert_ok;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn version_1_equity_is_ordered_by_maturity() {
	ExtBuilder::default().build_and_execute(|| {
		// Given member 1's matured equity (from period 0) and maturing equity (from period 2),
		// stored as version 1 stored them (no maturity order),
		two_members_period();
		close(10_000);
		claim(0, 1);
		close(0);
		record(1, PURCHASES, 100);
		close(1_000);
		claim(2, 1);
		let (maturing, matured): (Vec<_>, _) =
			(Maturing::<Test>::iter().collect(), Matured::<Test>::get(0));
		assert_eq!(matured.len(), 1);
		assert_eq!(maturing.len(), 1);
		let _ = Maturing::<Test>::clear(u32::MAX, None);
		Matured::<Test>::remove(0);
		StorageVersion::new(1).put::<Patronage>();
		assert!(Patronage::do_try_state().is_err(), "version 1 storage has no order");
		// when the migration runs,
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		// then the order is what the calls would have built, and the invariants hold;
		assert_eq!(Patronage::on_chain_storage_version(), 2);
		assert_eq!(Maturing::<Test>::iter().collect::<Vec<_>>(), maturing);
		assert_eq!(Matured::<Test>::get(0), matured);
		assert_ok!(Patronage::do_try_state());
		// run again, it changes nothing (the version is 2 now).
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Matured::<Test>::get(0), matured);
	});
}
