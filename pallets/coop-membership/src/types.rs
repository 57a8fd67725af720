//! The records this pallet keeps: co-ops, bylaws, members, motions, applications, redemptions.

use alloc::boxed::Box;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use coop_primitives::{CoopRole, Tally};
use frame_support::traits::fungible::Inspect;
use frame_support::{
	pallet_prelude::{BoundedVec, Get},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// The number of a motion within its co-op (0, 1, 2, … in the order they were proposed).
pub type MotionIndex = u32;

/// The index of a member class in a co-op's bylaws.
pub type ClassIndex = u8;

/// How a co-op admits new members.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum AdmissionMode {
	/// Paying the share price makes the applicant a member at once (voluntary, open membership).
	Open,
	/// An application opens a motion; the members admit or refuse the applicant by vote.
	ByVote,
}

/// What kind of member a class holds. Investors are capped in voting power by the bylaws.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ClassKind {
	/// People who work in the co-op.
	Worker,
	/// People who buy from the co-op.
	Consumer,
	/// People who sell to the co-op (e.g. farmers of a marketing co-op).
	Producer,
	/// Capital providers; their votes never exceed the bylaws' investor cap.
	Investor,
	/// Supporters of the co-op's purpose.
	Supporter,
	/// Co-ops, as members of a federation.
	Cooperative,
}

/// One member class of a co-op.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub struct MemberClass {
	/// What kind of member the class holds.
	pub kind: ClassKind,
	/// Whether members of this class vote on motions.
	pub votes: bool,
}

impl MemberClass {
	/// Whether members of this class are voting investors (counted against the investor cap).
	pub fn is_voting_investor(&self) -> bool {
		self.votes && self.kind == ClassKind::Investor
	}
}

/// A co-op's rules. Changed only by the co-op's own motion.
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
	serde::Serialize,
	serde::Deserialize,
)]
#[scale_info(skip_type_params(MaxClasses))]
#[codec(mel_bound(Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
#[serde(bound(
	serialize = "Balance: serde::Serialize, BlockNumber: serde::Serialize",
	deserialize = "Balance: serde::Deserialize<'de>, BlockNumber: serde::Deserialize<'de>"
))]
pub struct Bylaws<Balance, BlockNumber, MaxClasses: Get<u32>>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Share capital each member pays on admission, and is paid back at face value on exit.
	pub share_price: Balance,
	/// Open admission, or admission by vote.
	pub admission: AdmissionMode,
	/// The member classes; the first one is the founder's and must vote. Classes may only be
	/// appended by later bylaws, never changed or removed.
	pub classes: BoundedVec<MemberClass, MaxClasses>,
	/// Voting investors never exceed this share of all voting members (at most 50 %).
	pub investor_vote_cap: Perbill,
	/// Ordinary resolutions: share of the eligible voting members who must vote for a motion
	/// to count.
	pub quorum: Perbill,
	/// Ordinary resolutions: the ayes must be **more than** this share of the votes cast (at
	/// least 50 %, so a tie never passes).
	pub approval: Perbill,
	/// How long a motion stays open for votes, in blocks.
	pub voting_period: BlockNumber,
	/// How long a leaving member waits before the share capital is redeemed, in blocks.
	pub withdrawal_notice: BlockNumber,
	/// The most members the co-op admits (within the runtime's `MaxMembers`).
	pub max_members: u32,
	/// Special resolutions (changing the bylaws, expelling a member, dissolving, and every
	/// `DispatchSpecial` motion): the quorum, at least the ordinary quorum.
	pub special_quorum: Perbill,
	/// Special resolutions: the ayes must be more than this share of the votes cast, at least
	/// the ordinary approval and at least 66.6666666 % (so exactly two thirds passes).
	pub special_approval: Perbill,
	/// No motion closes before it has been open this long, in blocks (at least the runtime's
	/// `MinDeliberation`, at most the voting period), even when every voter has voted.
	pub deliberation: BlockNumber,
}

/// A co-operative.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxName, MaxClasses))]
#[codec(mel_bound(
	AccountId: MaxEncodedLen,
	Balance: MaxEncodedLen,
	BlockNumber: MaxEncodedLen
))]
pub struct Coop<AccountId, Balance, BlockNumber, MaxName: Get<u32>, MaxClasses: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The co-op's name.
	pub name: BoundedVec<u8, MaxName>,
	/// The co-op's rules.
	pub bylaws: Bylaws<Balance, BlockNumber, MaxClasses>,
	/// Who paid the storage deposit (none for co-ops created at genesis).
	pub depositor: Option<AccountId>,
	/// The storage deposit held from the depositor, returned on dissolution.
	pub deposit: Balance,
	/// How many members the co-op has.
	pub members: u32,
	/// How many of them are in voting classes.
	pub voting_members: u32,
	/// How many of the voting members are investors.
	pub voting_investors: u32,
	/// The share capital paid in by the current members (what the co-op owes them on exit).
	pub share_capital: Balance,
	/// The index the next motion will get.
	pub next_motion: MotionIndex,
	/// How many motions are open.
	pub open_motions: u32,
	/// How many accounts hold at least one role.
	pub role_holders: u32,
}

/// A member of a co-op.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct MemberRecord<Balance> {
	/// The member's class (an index into the bylaws' classes).
	pub class: ClassIndex,
	/// Share capital the member paid in.
	pub share_capital: Balance,
	/// The first motion this member may vote on: members vote only on motions opened after
	/// they joined (no joining to swing a vote).
	pub first_motion: MotionIndex,
}

/// A co-op's delegate: the account that casts the co-op's vote in the motions of the co-ops it
/// is a member of (the federation first of all), as a co-op sends a delegate to its
/// federation's general assembly. Named and revoked by the co-op's own motion.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Delegate<AccountId> {
	/// Who votes for the co-op.
	pub account: AccountId,
	/// Whether the delegate may vote on ordinary resolutions only (special ones then take the
	/// co-op's own motion).
	pub ordinary_only: bool,
}

/// A pending application to a co-op that admits by vote. The share price is held on the
/// applicant's account until the motion closes: moved to the treasury on admission, released
/// in full on refusal or expiry.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Application<Balance> {
	/// The class applied for.
	pub class: ClassIndex,
	/// The motion that decides the application.
	pub motion: MotionIndex,
	/// The share price held on the applicant's account.
	pub held: Balance,
}

/// Share capital the co-op owes a former member.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Redemption<Balance, BlockNumber> {
	/// The amount owed, at face value.
	pub amount: Balance,
	/// From when it may be redeemed (the end of the withdrawal notice).
	pub due: BlockNumber,
}

/// What a motion decides. Used both for proposals (with the call as a runtime call) and for the
/// stored motion (with the call encoded).
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
pub enum Proposal<AccountId, BylawsT, Call>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BylawsT: Clone + PartialEq + Eq + core::fmt::Debug,
	Call: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Admit an applicant (opened by `apply` in co-ops that admit by vote, not by `propose`).
	Admit {
		/// The applicant.
		applicant: AccountId,
	},
	/// Expel a member. Cannot close before the defence window has passed.
	Expel {
		/// The member to expel.
		member: AccountId,
	},
	/// Replace the co-op's bylaws.
	ChangeBylaws {
		/// The new bylaws.
		bylaws: BylawsT,
	},
	/// Dispatch a call with the co-op's own origin (e.g. to act as a member of the federation).
	Dispatch {
		/// The call.
		call: Call,
	},
	/// Grant a role to an account.
	GrantRole {
		/// The account.
		who: AccountId,
		/// The role.
		role: CoopRole,
	},
	/// Take a role back.
	RevokeRole {
		/// The account.
		who: AccountId,
		/// The role.
		role: CoopRole,
	},
	/// Dispatch a call with the co-op's special-resolution origin ([`crate::Origin::CoopSpecial`]),
	/// decided by the special thresholds: what a co-op reserves for a special resolution
	/// (dissolving it; in the federation, acting with the chain's root authority).
	DispatchSpecial {
		/// The call.
		call: Call,
	},
}

impl<AccountId, BylawsT, Call> Proposal<AccountId, BylawsT, Call>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	BylawsT: Clone + PartialEq + Eq + core::fmt::Debug,
	Call: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Whether this proposal is decided by a special resolution.
	pub fn is_special(&self) -> bool {
		matches!(
			self,
			Proposal::Expel { .. }
				| Proposal::ChangeBylaws { .. }
				| Proposal::DispatchSpecial { .. }
		)
	}
}

/// An open motion.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
pub struct Motion<AccountId, Balance, BlockNumber, Kind>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	Kind: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Who proposed it (the applicant, for an admission).
	pub proposer: AccountId,
	/// The deposit held from the proposer.
	pub deposit: Balance,
	/// What it decides.
	pub proposal: Kind,
	/// The weight of the call, for a dispatch motion.
	pub call_weight: frame_support::weights::Weight,
	/// When it opened.
	pub opened: BlockNumber,
	/// It cannot close before this block (the defence window, for an expulsion).
	pub earliest_close: BlockNumber,
	/// The end of the voting period.
	pub voting_ends: BlockNumber,
	/// How many members may vote on it (voting members who joined before it opened, less those
	/// who left since).
	pub electorate: u32,
	/// The votes cast so far, one per member (encoded as ayes then nays, as before the
	/// shared tally type).
	pub tally: Tally<u32>,
	/// Quorum, from the bylaws when it opened.
	pub quorum: Perbill,
	/// Approval threshold, from the bylaws when it opened.
	pub approval: Perbill,
	/// Whether the accused has answered (expulsion motions).
	pub defended: bool,
	/// The part of `tally` cast by voting investors.
	pub investors: Tally<u32>,
	/// The bylaws' `investor_vote_cap` when it opened: investors' votes are weighed down at
	/// the close so that they count for at most this share of the votes, whoever left since.
	pub investor_cap: Perbill,
}

/// How a motion ended.
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
pub enum MotionOutcome {
	/// Quorum met and the approval threshold reached: it was carried out.
	Approved,
	/// Quorum met, approval threshold missed.
	Rejected,
	/// The voting period ended without quorum.
	Expired,
}

// ---- the types above, as this runtime stores them ----

/// The balance type of the currency share capital is paid in.
pub type BalanceOf<T> =
	<<T as crate::Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Bylaws, as this runtime stores them.
pub type BylawsOf<T> = Bylaws<BalanceOf<T>, BlockNumberFor<T>, <T as crate::Config>::MaxClasses>;
/// A co-op, as this runtime stores it.
pub type CoopOf<T> = Coop<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as crate::Config>::MaxNameLen,
	<T as crate::Config>::MaxClasses,
>;
/// A call a dispatch motion carries, encoded.
pub type EncodedCallOf<T> = BoundedVec<u8, <T as crate::Config>::MaxCallLen>;
/// What a user proposes.
pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	BylawsOf<T>,
	Box<<T as crate::Config>::RuntimeCall>,
>;
/// What a stored motion decides.
pub type StoredProposalOf<T> =
	Proposal<<T as frame_system::Config>::AccountId, BylawsOf<T>, EncodedCallOf<T>>;
/// An open motion, as this runtime stores it.
pub type MotionOf<T> = Motion<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	StoredProposalOf<T>,
>;
