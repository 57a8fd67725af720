//! The storage migration from version 1 (unaccepted obligations among the accepted ones).

use super::*;
use crate::migrations::v2;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn version_1_unaccepted_obligations_are_kept_apart() {
	ExtBuilder::default().build_and_execute(|| {
		// Given 1 owes 2 30 (accepted) and two obligations 2 and 3 issued on 4 and 5 that their
		// debtors have not accepted, stored as version 1 stored them: all in `Obligations`,
		// all counted in the circle's open obligations (and no deposits: version 1 had none).
		TestDeposit::set(0);
		circle_of_five(false);
		let owed = owe(1, 2, 30);
		assert_ok!(CircularCredit::issue_obligation(signed(2), 0, 4, 20, 100));
		assert_ok!(CircularCredit::issue_obligation(signed(3), 0, 5, 10, 100));
		let pending: Vec<_> = PendingObligations::<Test>::drain_prefix(0).collect();
		assert_eq!(pending.len(), 2);
		for (id, o) in &pending {
			Obligations::<Test>::insert(0, id, o);
		}
		let _ = PendingIssued::<Test>::clear_prefix(0, u32::MAX, None);
		Circles::<Test>::mutate(0, |c| c.as_mut().expect("open").open_obligations = 3);
		StorageVersion::new(1).put::<CircularCredit>();
		assert!(CircularCredit::do_try_state().is_err(), "version 1 keeps them together");
		// When the migration runs.
		v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		// Then the unaccepted obligations wait apart under their numbers, counted per creditor,
		// the circle counts its one accepted obligation, and the invariants hold.
		assert_eq!(CircularCredit::on_chain_storage_version(), 2);
		assert_eq!(PendingObligations::<Test>::iter_prefix(0).collect::<Vec<_>>().len(), 2);
		for (id, o) in &pending {
			assert_eq!(PendingObligations::<Test>::get(0, id).as_ref(), Some(o));
		}
		assert_eq!(
			Obligations::<Test>::iter_prefix(0).map(|(id, _)| id).collect::<Vec<_>>(),
			[owed]
		);
		assert_eq!((PendingIssued::<Test>::get(0, 2), PendingIssued::<Test>::get(0, 3)), (1, 1));
		assert_eq!(Circles::<Test>::get(0).map(|c| c.open_obligations), Some(1));
		assert_ok!(CircularCredit::do_try_state());
		// When the debtor accepts a migrated obligation, then it joins the accepted ones.
		let (id, _) = pending[0];
		assert_ok!(CircularCredit::accept_obligation(signed(4), 0, id));
		assert_eq!(Circles::<Test>::get(0).map(|c| c.open_obligations), Some(2));
	});
}
