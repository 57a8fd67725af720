//! Co-ops, members and one-member-one-vote motions.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use pallet_coop_membership::{EnsureCoop, EnsureCoopAny, EnsureCoopSpecial};

use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin, DAYS,
	UNIT,
};

parameter_types! {
	/// Co-op treasuries are sub-accounts of this id.
	pub const CoopPalletId: PalletId = PalletId(*b"coop/mbr");
	/// Held from whoever creates a co-op, returned on dissolution.
	pub const CoopDeposit: Balance = 10 * UNIT;
	/// Held from a member who proposes a motion (forfeited if nobody else supports it).
	pub const MotionDeposit: Balance = UNIT;
	/// Held, with the share price, from whoever applies to a co-op that admits by vote;
	/// returned whatever the members decide.
	pub const ApplicationDeposit: Balance = UNIT;
	/// The most members a co-op may have.
	pub const MaxCoopMembers: u32 = 512;
}

/// The shortest voting period the test networks' presets allow (12 s). On the production chain
/// it is a day (the parameter
/// [`governance::MinVotingPeriod`](super::parameters::dynamic_params::governance::MinVotingPeriod)).
pub const TEST_MIN_VOTING_PERIOD: BlockNumber = 2;
/// The longest voting period bylaws may set.
pub const MAX_VOTING_PERIOD: BlockNumber = 30 * DAYS;

/// Who decides for a co-op: its own passed motion (ordinary or special), and nobody else. Root
/// does not act inside a co-op: what the federation decides about a member co-op is a motion
/// about its membership in the federation.
pub type CoopDecision = EnsureCoop;

/// A co-op does not deliberate for less than a block: no motion is proposed, voted and closed
/// in one block. Bylaws set their own, longer deliberation time.
pub const MIN_DELIBERATION: BlockNumber = 1;

impl pallet_coop_membership::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Dissolving a co-op takes its own special resolution.
	type CoopOrigin = EnsureCoopSpecial;
	type CoopAccountOrigin = EnsureCoopAny;
	/// A member who leaves is frozen in the co-op's credit circle until settled, and a co-op
	/// that leaves the federation loses its validator seat.
	type OnMemberRemoved = (crate::CircularCredit, crate::CoopValidators);
	/// A dissolved co-op's treasury keeps what its members' capital accounts hold.
	type MemberEquity = crate::Patronage;
	/// A dissolved co-op's retained equity all matures at once.
	type OnDissolved = crate::Patronage;
	/// What is left of a dissolved co-op goes to the federation's development fund.
	type DissolvedAssetsTo = super::patronage::FederationFund;
	/// A co-op may be a member of up to sixteen co-ops.
	type MaxCoopMemberships = ConstU32<16>;
	type PalletId = CoopPalletId;
	type CoopDeposit = CoopDeposit;
	type MotionDeposit = MotionDeposit;
	type ApplicationDeposit = ApplicationDeposit;
	type MaxNameLen = ConstU32<64>;
	type MaxClasses = ConstU32<6>;
	type MaxMembers = MaxCoopMembers;
	type MaxOpenMotions = ConstU32<16>;
	/// Applications have their own eight slots; withdrawing them is part of a dissolution's
	/// weight (each up to `MaxCoopMembers` votes to clear).
	type MaxOpenApplications = ConstU32<8>;
	type MaxPendingRedemptions = ConstU32<64>;
	type MaxRoleHolders = ConstU32<16>;
	type MaxCallLen = ConstU32<4096>;
	type MaxStatementLen = ConstU32<512>;
	/// A parameter the federation tunes (a day by default).
	type MinVotingPeriod = super::parameters::MinVotingPeriod;
	type MaxVotingPeriod = ConstU32<MAX_VOTING_PERIOD>;
	type MaxWithdrawalNotice = ConstU32<{ 365 * DAYS }>;
	/// A member accused in an expulsion motion has at least a day to answer.
	type DefenceWindow = ConstU32<DAYS>;
	type MinDeliberation = ConstU32<MIN_DELIBERATION>;
	type WeightInfo = pallet_coop_membership::weights::SubstrateWeight<Runtime>;
}
