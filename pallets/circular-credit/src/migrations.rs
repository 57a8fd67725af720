//! Storage migrations of the circular-credit pallet.

/// Version 1 → 2: unaccepted obligations get their own map and bound.
///
/// Moves every obligation not yet accepted from `Obligations` to `PendingObligations` under
/// the same number, counts each creditor's in `PendingIssued`, and recounts each circle's
/// `open_obligations` as its accepted ones. A creditor with more than `MaxPendingPerIssuer`
/// unaccepted obligations keeps them (it cannot issue more until they are accepted, rejected,
/// cancelled or expired). Balances, participants and net positions are not touched.
pub mod v2 {
	use crate::*;
	use alloc::{collections::btree_map::BTreeMap, vec::Vec};
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	use sp_runtime::{traits::Saturating, Weight};

	/// The migration's work, without the version check ([`MigrateV1ToV2`] adds it).
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut read = 0u64;
			let mut accepted: BTreeMap<CircleId, u32> = BTreeMap::new();
			let mut moved: Vec<(CircleId, ObligationId, ObligationOf<T>)> = Vec::new();
			for (circle, id, o) in Obligations::<T>::iter() {
				read.saturating_inc();
				if o.accepted {
					accepted.entry(circle).or_default().saturating_inc();
				} else {
					moved.push((circle, id, o));
				}
			}
			let writes = (moved.len() as u64).saturating_mul(3);
			for (circle, id, o) in moved {
				Obligations::<T>::remove(circle, id);
				PendingIssued::<T>::mutate(circle, &o.creditor, |n| n.saturating_inc());
				PendingObligations::<T>::insert(circle, id, o);
			}
			let mut circles = 0u64;
			for (circle, info) in Circles::<T>::iter() {
				circles.saturating_inc();
				let open = accepted.get(&circle).copied().unwrap_or_default();
				if info.open_obligations != open {
					Circles::<T>::insert(circle, CircleInfo { open_obligations: open, ..info });
				}
			}
			T::DbWeight::get().reads_writes(
				read.saturating_add(circles).saturating_add(writes),
				writes.saturating_add(circles),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			Ok(Vec::new())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 1 → 2, run only when the pallet's on-chain storage version is 1.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		UncheckedMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
