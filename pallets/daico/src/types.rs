//! The records of a raise: its parameters, its state, contributions, what contributors may
//! propose and the motions they vote on.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use coop_primitives::Tally;
use frame_support::{
	pallet_prelude::{BoundedVec, Get},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The number of a raise.
pub type RaiseId = u32;

/// Who may contribute to a raise.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Contributors {
	/// Only members of the raising co-op.
	MembersOnly,
	/// Anyone.
	Anyone,
}

/// How contributors' votes are counted.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum VotingMode {
	/// One contributor, one vote, whatever they put in (the co-op default). Only for
	/// members-only raises of co-ops that admit by vote, where a head is a member.
	HeadCount,
	/// Votes weighed by contribution (the classic DAICO).
	Capital,
	/// Both a head-count and a capital majority (each with its quorum) must agree. Heads are
	/// counted, so the same rule as for `HeadCount` applies.
	DoubleMajority,
}

impl VotingMode {
	/// Whether the mode counts heads (one contributor, one vote).
	pub fn counts_heads(self) -> bool {
		!matches!(self, VotingMode::Capital)
	}
}

/// The kind of a proposal: at most one motion of each kind is open per raise.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ProposalKind {
	/// Raise the tap rate.
	RaiseTap,
	/// Pay out the next milestone tranche.
	UnlockMilestone,
	/// Stop the tap and refund what remains in escrow, pro rata.
	Dissolve,
}

/// The phase a raise is in.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RaiseState {
	/// Before or during the contribution window (or after it, until finalised).
	Funding,
	/// The soft cap was reached: the tap runs.
	Active,
	/// The soft cap was missed: every contribution is refunded in full.
	Failed,
	/// Contributors voted to dissolve: what remained in escrow is refunded pro rata.
	Dissolved,
}

/// What a co-op chooses when it opens a raise.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxMilestones))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct RaiseParams<AccountId, Balance, BlockNumber, MaxMilestones: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Who the tap pays: the co-op's treasury or a named team account.
	pub beneficiary: AccountId,
	/// Below this the raise fails and everyone is refunded in full.
	pub soft_cap: Balance,
	/// Contributions stop here.
	pub hard_cap: Balance,
	/// First block of the contribution window.
	pub start: BlockNumber,
	/// Last block of the contribution window.
	pub end: BlockNumber,
	/// The least one contribution may be (at least the existential deposit).
	pub min_contribution: Balance,
	/// The most one account may contribute in all.
	pub max_contribution: Balance,
	/// Members of the co-op only, or anyone.
	pub contributors: Contributors,
	/// Balance released to the beneficiary per block once the raise is active.
	pub tap_rate: Balance,
	/// The tap can never be raised above this rate.
	pub tap_ceiling: Balance,
	/// How votes are counted.
	pub voting: VotingMode,
	/// Share of contributors (head count) or of capital who must vote.
	pub quorum: Perbill,
	/// Share of the votes cast that must be "aye" (at least 50 %).
	pub approval: Perbill,
	/// How long a motion stays open to votes, in blocks.
	pub voting_period: BlockNumber,
	/// Tranches paid out in order, each when contributors vote to unlock it; the tap draws only
	/// on what the tranches leave.
	pub milestones: BoundedVec<Balance, MaxMilestones>,
}

/// A raise.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxMilestones))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Raise<AccountId, Balance, BlockNumber, MaxMilestones: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The raising co-op.
	pub coop: coop_primitives::CoopId,
	/// What the co-op chose.
	pub params: RaiseParams<AccountId, Balance, BlockNumber, MaxMilestones>,
	/// The phase.
	pub state: RaiseState,
	/// The existential deposit the co-op put in the escrow so that it is never reaped
	/// mid-raise; returned to the co-op treasury once every refund is paid.
	pub seed: Balance,
	/// Contributed in all.
	pub raised: Balance,
	/// How many accounts contributed.
	pub contributors: u32,
	/// The tap's rate now.
	pub tap_rate: Balance,
	/// The tap accrues from this block (the last draw, rate change or thaw).
	pub tap_checkpoint: BlockNumber,
	/// Accrued at earlier rates (or before a freeze) and not yet drawn.
	pub tap_banked: Balance,
	/// Whether a dissolve motion has frozen the tap.
	pub frozen: bool,
	/// Paid out by the tap so far.
	pub tapped: Balance,
	/// How many milestone tranches were paid out.
	pub milestones_unlocked: u32,
	/// Paid out as milestone tranches so far.
	pub milestones_paid: Balance,
	/// On dissolution: what was in escrow to refund (without the seed).
	pub refund_pool: Balance,
	/// Refunded so far.
	pub refunded: Balance,
	/// How many contributors have been refunded.
	pub refunds_claimed: u32,
}

/// What contributors may propose, and vote on in a [`Motion`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum Proposal<Balance> {
	/// Raise the tap to `new_rate`.
	RaiseTap {
		/// The proposed rate, per block.
		new_rate: Balance,
	},
	/// Pay out the next milestone tranche to the beneficiary.
	UnlockMilestone,
	/// Stop the tap and refund the escrow pro rata.
	Dissolve,
}

impl<Balance> Proposal<Balance> {
	/// The kind of proposal (one motion may be open per kind).
	pub fn kind(&self) -> ProposalKind {
		match self {
			Proposal::RaiseTap { .. } => ProposalKind::RaiseTap,
			Proposal::UnlockMilestone => ProposalKind::UnlockMilestone,
			Proposal::Dissolve => ProposalKind::Dissolve,
		}
	}
}

/// One account's contribution to a raise.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Contribution<Balance> {
	/// How much they put in.
	pub amount: Balance,
	/// Whether they have been refunded.
	pub refunded: bool,
}

/// The open vote of a raise's contributors on a [`Proposal`] of one [`ProposalKind`].
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Motion<AccountId, Balance, BlockNumber> {
	/// Who opened it.
	pub proposer: AccountId,
	/// For `RaiseTap`: the proposed rate.
	pub new_rate: Balance,
	/// Voting closes at this block.
	pub ends: BlockNumber,
	/// Contributors for and against, one vote each.
	pub heads: Tally<u32>,
	/// Capital for and against: each vote weighs the voter's contribution.
	pub capital: Tally<Balance>,
}
