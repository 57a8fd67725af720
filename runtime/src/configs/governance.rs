//! Governance: the federation of co-ops (co-op 0) holds the chain's root authority.
//!
//! A passed special resolution of the federation (a `DispatchSpecial` motion, two thirds of
//! the member co-ops' votes under the special quorum) that carries `federation.enact(call)`
//! schedules `call` (pallet-scheduler, a named task) to be dispatched as root after the
//! federation's enactment delay, during which any federation motion may cancel it
//! (`federation.cancel(index)`):
//! runtime upgrades (`system.authorize_upgrade`, then anyone applies the code), parameter
//! changes, and any other root call. Validator approval and removal take a special resolution
//! of the federation directly ([`FederationDecision`]).
//!
//! Thresholds are the federation's bylaws: one co-op, one vote; an ordinary motion passes when
//! at least the bylaws' quorum of member co-ops vote (50 % on the test networks) and the ayes
//! are more than its approval share of the votes cast (50 %: a tie never passes); a special
//! resolution needs more than 66.6666666 % of the votes cast with a two-thirds quorum. No
//! motion closes before its deliberation time, nor before the end of its voting period unless
//! every member co-op has voted. Only a special resolution of the federation changes those
//! bylaws.
//!
//! There is no sudo: every chain, `development` included, is governed by its federation.

use coop_primitives::FEDERATION;
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU32, EitherOf, EnsureOrigin, EnsureOriginWithArg,
		EqualPrivilegeOnly, LinearStoragePrice,
	},
	weights::Weight,
};
use frame_system::EnsureRoot;
use pallet_coop_membership::{EnsureCoop, EnsureCoopSpecial};
use sp_runtime::Perbill;

use super::system::RuntimeBlockWeights;
use crate::{
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, DAYS, UNIT,
};

/// Accepts the origin of a passed motion of the federation (co-op 0).
pub struct FederationMotion;

impl EnsureOrigin<RuntimeOrigin> for FederationMotion {
	type Success = ();

	fn try_origin(o: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		EnsureCoop::try_origin(o, &FEDERATION)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		<EnsureCoop as EnsureOriginWithArg<RuntimeOrigin, _>>::try_successful_origin(&FEDERATION)
	}
}

/// Accepts the origin of a passed **special resolution** of the federation (co-op 0): a
/// `DispatchSpecial` motion, decided by the federation bylaws' special thresholds.
pub struct FederationSpecialResolution;

impl EnsureOrigin<RuntimeOrigin> for FederationSpecialResolution {
	type Success = ();

	fn try_origin(o: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		EnsureCoopSpecial::try_origin(o, &FEDERATION)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		<EnsureCoopSpecial as EnsureOriginWithArg<RuntimeOrigin, _>>::try_successful_origin(
			&FEDERATION,
		)
	}
}

/// The federation's decision on its validators (approving or removing one): a passed special
/// resolution of the federation, or root (itself such a resolution, through `federation.enact`).
pub type FederationDecision = EitherOf<EnsureRoot<AccountId>, FederationSpecialResolution>;

/// A production chain's federation should wait hours to a day before a resolution acts as
/// root; no federation may wait longer than a week.
pub const MAX_ENACTMENT_DELAY: BlockNumber = 7 * DAYS;

impl pallet_federation::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	/// Only a passed special resolution of the federation may act with root authority.
	type FederationOrigin = FederationSpecialResolution;
	/// Any passed federation motion may stop a scheduled enactment before it happens.
	type CancelOrigin = FederationMotion;
	type MaxEnactmentDelay = ConstU32<MAX_ENACTMENT_DELAY>;
	type MaxPendingEnactments = ConstU32<16>;
	type WeightInfo = pallet_federation::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The scheduler may use most of a block for what it dispatches (the federation's
	/// enactments), like a normal extrinsic would.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
	/// A preimage noted by an account holds 1 COOP plus 0.01 COOP per byte (a preimage the
	/// federation's own enactment notes holds nothing: only a special resolution puts it
	/// there).
	pub const PreimageBaseDeposit: Balance = UNIT;
	/// Per byte of a noted preimage.
	pub const PreimageByteDeposit: Balance = UNIT / 100;
	/// Why a preimage's deposit is held.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only root (a federation resolution) schedules by call; the federation pallet schedules
	/// through the trait.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}
