//! Storage migrations run at a runtime upgrade.
//!
//! [`RecordUpgrade`] is the migration of the test upgrade (the runtime built with the
//! `upgrade-test` feature, one `spec_version` higher) that `zombienet/0004-runtime-upgrade`
//! enacts by federation motion: it records the version it upgraded to under
//! [`UPGRADE_MARKER`], and its try-runtime checks ([`snapshot`] before, [`verify`] after) prove
//! that the co-ops and the issuance came through unchanged.

#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::traits::OnRuntimeUpgrade;
use sp_runtime::Weight;

use crate::{Balance, Runtime, VERSION};

/// The storage key where [`RecordUpgrade`] writes the `spec_version` it upgraded to (SCALE u32).
pub const UPGRADE_MARKER: &[u8] = b":coopchain:upgraded-to";

/// What an upgrade must leave as it found: how many co-ops there are, and the COOP issuance.
#[derive(Encode, Decode, PartialEq, Eq, Debug)]
pub struct Snapshot {
	/// Co-ops in the registry.
	pub coops: u32,
	/// Total COOP issuance.
	pub issuance: Balance,
}

/// The state [`verify`] compares against (reads every co-op key: for checks, not for blocks).
pub fn snapshot() -> Snapshot {
	let coops = pallet_coop_membership::Coops::<Runtime>::iter_keys().count();
	Snapshot {
		coops: u32::try_from(coops).unwrap_or(u32::MAX),
		issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
	}
}

/// Checks that the upgrade recorded this runtime's version and changed nothing in `before`.
pub fn verify(before: &Snapshot) -> Result<(), &'static str> {
	let recorded = frame_support::storage::unhashed::get::<u32>(UPGRADE_MARKER)
		.ok_or("the upgrade marker is missing")?;
	if recorded != VERSION.spec_version {
		return Err("the upgrade marker names another version");
	}
	if snapshot() != *before {
		return Err("the upgrade changed the co-ops or the issuance");
	}
	Ok(())
}

/// Records the `spec_version` the chain upgraded to (see the module docs).
pub struct RecordUpgrade;

impl OnRuntimeUpgrade for RecordUpgrade {
	fn on_runtime_upgrade() -> Weight {
		frame_support::storage::unhashed::put(UPGRADE_MARKER, &VERSION.spec_version);
		<Runtime as frame_system::Config>::DbWeight::get().writes(1)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(snapshot().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let before = Snapshot::decode(&mut &state[..])
			.map_err(|_| sp_runtime::TryRuntimeError::Other("undecodable snapshot"))?;
		verify(&before).map_err(sp_runtime::TryRuntimeError::Other)
	}
}

frame_support::parameter_types! {
	/// The pallet that held the sudo key, removed.
	pub const SudoPalletName: &'static str = "Sudo";
	/// The enactment delay a chain upgraded from the federation's version 0 starts with.
	pub const UpgradedEnactmentDelay: crate::BlockNumber = crate::DAYS;
}

/// The pallets' versioned migrations, each a no-op on a chain built from this runtime's
/// genesis: sudo's storage removed (the federation alone holds root), the federation's
/// enactment delay set, the membership bylaws at version 2, applications counted apart at
/// version 3, patronage's equity ordered by maturity, circular credit's unaccepted obligations
/// kept apart at version 2.
pub type Pallets = (
	frame_support::migrations::RemovePallet<
		SudoPalletName,
		<crate::Runtime as frame_system::Config>::DbWeight,
	>,
	pallet_federation::migrations::v1::MigrateV0ToV1<crate::Runtime, UpgradedEnactmentDelay>,
	pallet_coop_membership::migrations::v2::MigrateV1ToV2<crate::Runtime>,
	pallet_coop_membership::migrations::v3::MigrateV2ToV3<crate::Runtime>,
	pallet_patronage::migrations::v2::MigrateV1ToV2<crate::Runtime>,
	pallet_circular_credit::migrations::v2::MigrateV1ToV2<crate::Runtime>,
);
