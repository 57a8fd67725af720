//! Storage migrations of the patronage pallet.

/// Version 1 → 2: the co-op-wide order of retained equity by maturity.
///
/// Fills `Maturing` and `Matured` from the capital accounts: each tranche not matured yet (its
/// maturity at or after the open period) under its maturity; the matured ones in buckets by
/// maturity, oldest first. A co-op with more distinct matured maturities than `MaxMaturities`
/// has its newest ones merged into its last bucket (keyed by the newest), as later closes
/// would. Nothing is paid or moved.
pub mod v2 {
	use crate::*;
	use alloc::collections::btree_map::BTreeMap;
	#[cfg(feature = "try-runtime")]
	use alloc::vec::Vec;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};
	use sp_runtime::{traits::Saturating, Weight};

	/// The migration's work, without the version check ([`MigrateV1ToV2`] adds it).
	pub struct UncheckedMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut accounts = 0u64;
			let mut matured: BTreeMap<CoopId, BTreeMap<PeriodIndex, BalanceOf<T>>> =
				BTreeMap::new();
			for (coop, _, tranches) in CapitalAccounts::<T>::iter() {
				accounts.saturating_inc();
				let open = OpenPeriods::<T>::get(coop).map(|o| o.index).unwrap_or_default();
				let open = Pallet::<T>::horizon(coop, open);
				for t in tranches {
					if t.matures_after >= open {
						Maturing::<T>::mutate(coop, t.matures_after, |owed| {
							owed.saturating_accrue(t.amount)
						});
					} else {
						let owed =
							matured.entry(coop).or_default().entry(t.matures_after).or_default();
						owed.saturating_accrue(t.amount);
					}
				}
			}
			let coops = matured.len() as u64;
			for (coop, by_maturity) in matured {
				let mut buckets = MaturedOf::<T>::default();
				for (m, owed) in by_maturity {
					Pallet::<T>::add_matured(&mut buckets, m, owed);
				}
				Matured::<T>::insert(coop, buckets);
			}
			log::info!(
				target: "runtime::patronage",
				"v2: {accounts} capital accounts ordered by maturity, {coops} co-ops with matured equity"
			);
			T::DbWeight::get()
				.reads_writes(accounts.saturating_mul(3), accounts.saturating_add(coops))
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
