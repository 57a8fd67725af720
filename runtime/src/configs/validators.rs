//! The validator set: pallet-session rotates it every [`SESSION_PERIOD`] blocks, and the
//! federation's member co-ops choose it (pallet-coop-validators is the session manager).

use frame_support::{parameter_types, traits::Contains};
use pallet_coop_membership::EnsureMemberAccount;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::{consensus::MaxAuthorities, governance::FederationDecision};
use crate::{
	AccountId, Balance, Balances, BlockNumber, CoopMembership, CoopValidators, Runtime,
	RuntimeCall, RuntimeEvent, Session, SessionKeys, UNIT,
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
	/// pallet-session: a validator has keys when it has `NextKeys` (its `ValidatorRegistration`;
	/// validator ids are accounts here).
	type SessionKeys = Session;
	/// As many as Aura and GRANDPA accept.
	type MaxValidators = MaxAuthorities;
	type WeightInfo = pallet_coop_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::bench_support::CoopsForBenchmarks;
}

/// The runtime's call filter (`frame_system::Config::BaseCallFilter`): `session.purge_keys` only
/// while the validator set planned last keeps another validator with session keys
/// ([`pallet_coop_validators::Pallet::may_purge_session_keys`]); every other call passes.
///
/// Without it, the validators could all purge their keys, and pallet-session would queue a set
/// without keys: see the pallet's docs, "Session keys and liveness". A refused call fails with
/// `system.CallFiltered` (a filter cannot say more; the pallet's docs, which Polkadot.js shows
/// with the call's metadata, say why). The filter cannot see the signer, so while one validator
/// with keys is left nobody purges keys. Root bypasses every call filter: a federation
/// resolution dispatching `purge_keys` as the validators (`utility.dispatchAs`) is not stopped here;
/// the session manager then keeps the authorities in office (see the pallet's docs).
pub struct KeepsAKeyedValidator;

impl Contains<RuntimeCall> for KeepsAKeyedValidator {
	fn contains(call: &RuntimeCall) -> bool {
		match call {
			RuntimeCall::Session(pallet_session::Call::purge_keys {}) => {
				CoopValidators::may_purge_session_keys()
			},
			_ => true,
		}
	}
}

/// The approval benchmark needs its validator to have session keys. Benchmark accounts cannot
/// prove ownership of real keys, so keys made of the account's bytes are written as
/// pallet-session's genesis writes them (only `NextKeys` is read by the approval).
#[cfg(feature = "runtime-benchmarks")]
impl pallet_coop_validators::BenchmarkSessionKeys<AccountId>
	for super::bench_support::CoopsForBenchmarks
{
	fn set_session_keys(validator: &AccountId) {
		use codec::Decode;
		let bytes: &[u8] = validator.as_ref();
		let keys = SessionKeys::decode(&mut sp_runtime::traits::TrailingZeroInput::new(bytes));
		debug_assert!(keys.is_ok(), "two 32-byte public keys decode from any input");
		if let Ok(keys) = keys {
			pallet_session::NextKeys::<Runtime>::insert(validator, keys);
		}
	}
}
