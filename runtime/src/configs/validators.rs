//! The validator set: pallet-session rotates it every [`SessionPeriod`] blocks, and the
//! federation's member co-ops choose it (pallet-coop-validators is the session manager).

use alloc::vec::Vec;
use frame_support::{parameter_types, traits::Contains, weights::Weight};
use pallet_coop_membership::EnsureMemberAccount;
use sp_runtime::{
	traits::{Convert, ConvertInto, OpaqueKeys},
	Perbill,
};
use sp_staking::{
	offence::{OffenceDetails, OffenceSeverity, OnOffenceHandler},
	SessionIndex,
};

use super::{consensus::MaxAuthorities, governance::FederationDecision};
use crate::{
	AccountId, Balance, Balances, BlockNumber, CoopMembership, CoopValidators, Runtime,
	RuntimeCall, RuntimeEvent, Session, SessionKeys, UNIT,
};

/// Blocks per session on the test networks (their presets set
/// [`parameters::dynamic_params::session::Period`](super::parameters::dynamic_params::session::Period),
/// an hour by default, to it): a new validator set may take office every minute, so that the
/// test networks show rotation within minutes.
pub const TEST_SESSION_PERIOD: BlockNumber = 10;

/// Blocks per session: a parameter the federation tunes (read within bounds).
pub use super::parameters::SessionPeriod;

parameter_types! {
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
	/// The federation's choice, with each session's validators kept as a historical root so
	/// that GRANDPA equivocation reports can prove who held a key.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, ChosenValidators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// A validator reported for an offence is disabled (it cannot author, see Aura's
	/// `DisabledValidators`) until the session ends ([`ChosenValidators`] clears the list at
	/// every session's end), at most a third of the set at once (none in a set of one to three,
	/// one in four to six, …). Nothing is slashed; the federation
	/// decides by motion whether it keeps its seat.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

/// pallet-coop-validators as the historical session manager: the same sets, each validator with
/// no further identification (the co-op holding a seat is looked up when an offence is
/// reported, so a seat changing hands cannot invalidate a key-ownership proof).
pub struct ChosenValidators;
impl pallet_session::SessionManager<AccountId> for ChosenValidators {
	fn new_session(index: SessionIndex) -> Option<Vec<AccountId>> {
		<CoopValidators as pallet_session::SessionManager<_>>::new_session(index)
	}
	fn new_session_genesis(index: SessionIndex) -> Option<Vec<AccountId>> {
		<CoopValidators as pallet_session::SessionManager<_>>::new_session_genesis(index)
	}
	fn start_session(index: SessionIndex) {
		<CoopValidators as pallet_session::SessionManager<_>>::start_session(index)
	}
	fn end_session(index: SessionIndex) {
		// A validator disabled for an offence is disabled for the rest of its session only:
		// pallet-session clears the list only when the set changes, and an unchanged set is
		// not re-announced here (coop-validators keeps GRANDPA's set as long as it can).
		pallet_session::DisabledValidators::<Runtime>::kill();
		// The historical roots an equivocation report can still need: the last
		// `HISTORY_DEPTH` sessions; older ones are pruned, so the map stays bounded.
		pallet_session::historical::Pallet::<Runtime>::prune_up_to(
			index.saturating_sub(HISTORY_DEPTH),
		);
		<CoopValidators as pallet_session::SessionManager<_>>::end_session(index)
	}
}

/// Sessions whose validator roots are kept for key-ownership proofs: 168 (a week of hour-long
/// sessions on coopchain), far beyond an equivocation report's life in the pool (600 blocks).
pub const HISTORY_DEPTH: SessionIndex = 168;

impl pallet_session::historical::SessionManager<AccountId, ()> for ChosenValidators {
	fn new_session(index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session(index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn new_session_genesis(index: SessionIndex) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn start_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::start_session(index)
	}
	fn end_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::end_session(index)
	}
}

/// Every validator is identified by its account alone (see [`ChosenValidators`]).
pub struct NoFurtherIdentification;
impl Convert<AccountId, Option<()>> for NoFurtherIdentification {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = NoFurtherIdentification;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = OffenceToFederation;
}

/// What an offence recorded by pallet-offences does on this chain: for each offender, an event
/// naming the validator and the co-op holding its seat (`coopValidators.OffenceReported`), and
/// pallet-session's disabling strategy (the validator stops authoring until the session ends).
/// No money is slashed: the federation decides the consequence by motion.
pub struct OffenceToFederation;
impl OnOffenceHandler<AccountId, pallet_session::historical::IdentificationTuple<Runtime>, Weight>
	for OffenceToFederation
{
	fn on_offence(
		offenders: &[OffenceDetails<
			AccountId,
			pallet_session::historical::IdentificationTuple<Runtime>,
		>],
		severities: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		let mut weight = Weight::zero();
		for (details, severity) in offenders.iter().zip(severities) {
			let (validator, ()) = &details.offender;
			weight.saturating_accrue(CoopValidators::note_offence(
				validator.clone(),
				session,
				*severity,
			));
			Session::report_offence(validator.clone(), OffenceSeverity(*severity));
			// The strategy reads the validators and the disabled list, and writes the latter.
			weight.saturating_accrue(db.reads_writes(2, 1));
		}
		weight
	}
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
