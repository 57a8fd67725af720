//! Governance: the federation of co-ops (co-op 0) holds the chain's root authority.
//!
//! A passed federation motion that carries `federation.enact(call)` dispatches `call` as root:
//! runtime upgrades (`system.authorize_upgrade`, then anyone applies the code), parameter
//! changes, and any other root call. Validator approval and removal take a federation motion
//! directly ([`FederationDecision`]).
//!
//! Thresholds are the federation's bylaws: one co-op, one vote; a motion passes when at least
//! the bylaws' quorum of member co-ops vote (50 % on the test networks) and its approval
//! threshold of the votes cast are ayes (more than 50 %: the pallet refuses bylaws below a
//! majority); only a federation motion may change those bylaws.
//!
//! Sudo stays in the runtime for the `development` preset only (Alice holds the key there); the
//! `local_testnet` preset has no sudo key, so its four founding co-ops govern it.

use coop_primitives::FEDERATION;
use frame_support::traits::{EitherOf, EnsureOrigin, EnsureOriginWithArg};
use frame_system::EnsureRoot;
use pallet_coop_membership::EnsureCoop;

use crate::{AccountId, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin};

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

/// The federation's decision: its passed motion, or root (which is itself a federation motion
/// through `federation.enact`, or sudo on the development chain).
pub type FederationDecision = EitherOf<EnsureRoot<AccountId>, FederationMotion>;

impl pallet_federation::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	/// Only a passed federation motion may enact with root authority.
	type FederationOrigin = FederationMotion;
	type WeightInfo = pallet_federation::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
