//! Storage migrations of the federation pallet.

/// Version 0 → 1: version 0 enacted at once and kept nothing; version 1 keeps the enactment
/// queue and the enactment delay. A chain upgraded from version 0 gets the delay `Delay` (its
/// genesis never set one), so that no resolution is enacted unannounced after the upgrade.
pub mod v1 {
	use crate::*;
	use frame_support::{migrations::VersionedMigration, traits::UncheckedOnRuntimeUpgrade};

	/// The migration's work, without the version check ([`MigrateV0ToV1`] adds it).
	pub struct UncheckedMigrateV0ToV1<T, Delay>(core::marker::PhantomData<(T, Delay)>);

	impl<T: Config, Delay: Get<BlockNumberFor<T>>> UncheckedOnRuntimeUpgrade
		for UncheckedMigrateV0ToV1<T, Delay>
	{
		fn on_runtime_upgrade() -> Weight {
			EnactmentDelay::<T>::put(Delay::get().min(T::MaxEnactmentDelay::get()));
			T::DbWeight::get().writes(1)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			ensure!(
				EnactmentDelay::<T>::get() == Delay::get().min(T::MaxEnactmentDelay::get()),
				"v1: the enactment delay was not set"
			);
			Ok(())
		}
	}

	/// Version 0 → 1, run only when the pallet's on-chain storage version is 0.
	pub type MigrateV0ToV1<T, Delay> = VersionedMigration<
		0,
		1,
		UncheckedMigrateV0ToV1<T, Delay>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
