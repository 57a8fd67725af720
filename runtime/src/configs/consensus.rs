//! Aura (block authoring, one slot per 6 s) and GRANDPA (finality).

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU32},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

use crate::{Aura, Historical, Offences, Runtime, RuntimeEvent, Session};

/// At most this many validators (member co-ops) author and finalise blocks.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	/// A validator disabled for an offence (see pallet-session's disabling strategy in
	/// `validators`) cannot author until the session ends.
	type DisabledValidators = Session;
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

/// The block author: the validator of the Aura slot (its index into the session's validators).
/// GRANDPA's equivocation reports name it as their reporter, and the fee model pays its co-op.
impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}

parameter_types! {
	/// GRANDPA sets remembered for equivocation reports (each maps to the session it began in):
	/// with one set per validator change, far more than a report's life.
	pub const MaxSetIdSessionEntries: u64 = 1_000;
	/// An equivocation report stays valid in the pool for an hour of blocks.
	pub const ReportLongevity: u64 = 600;
}

/// GRANDPA equivocations are reported on chain: a node that sees a validator vote twice in a
/// round submits the proof (unsigned, free) with a key-ownership proof from the historical
/// session roots; pallet-offences records the offence, and the runtime's handler
/// (`validators::OffenceToFederation`) tells the federation and disables the validator for the
/// rest of the session.
impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}
