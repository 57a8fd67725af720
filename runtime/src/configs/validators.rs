//! The validator set: pallet-session rotates it every [`SESSION_PERIOD`] blocks, and the
//! federation's member co-ops choose it (pallet-coop-validators is the session manager).

use frame_support::parameter_types;
use pallet_coop_membership::EnsureMemberAccount;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::{consensus::MaxAuthorities, governance::FederationDecision};
use crate::{
	AccountId, Balance, Balances, BlockNumber, CoopMembership, CoopValidators, Runtime,
	RuntimeEvent, SessionKeys, UNIT,
};

/// Blocks per session: a new validator set may take office every minute (two session changes
/// after its approval). Short, so that the test networks show rotation within minutes.
pub const SESSION_PERIOD: BlockNumber = 10;

parameter_types! {
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	pub const SessionOffset: BlockNumber = 0;
	/// Held from a validator account while it has session keys registered.
	pub const SessionKeyDeposit: Balance = UNIT;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Validators are plain accounts: the account a member co-op registered.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = CoopValidators;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// No slashing or disabling: validators are trusted member co-ops, removed by motion.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_coop_validators::Config for Runtime {
	type Coops = CoopMembership;
	/// A federation member acting: its founding account, or a co-op through its own motion
	/// (the co-op's treasury is the federation member).
	type MemberOrigin = EnsureMemberAccount<Runtime>;
	type FederationOrigin = FederationDecision;
	/// As many as Aura and GRANDPA accept.
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_coop_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}
