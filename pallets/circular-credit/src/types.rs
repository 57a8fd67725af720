//! What a circle stores: the circle itself, its participants and their obligations, and the
//! numbered view of the accepted obligations that the clearing check and the runtime API read.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use coop_clearing::{Liquidity, Obligation as ClearingObligation};
use coop_primitives::CoopId;
use scale_info::TypeInfo;

/// A credit circle: the circle of co-op `c` is number `c` (the federation's is 0).
pub type CircleId = CoopId;
/// The number of an obligation within its circle.
pub type ObligationId = u32;
/// An amount of credit, in hundredths of the circle's unit of account (2 decimals: `12345` is
/// 123.45 units), as a co-op's ledger books it.
pub type Credit = u128;
/// A signed credit balance.
pub type CreditBalance = i128;
/// A participant's number within its circle (used by the clearing check).
pub type ParticipantIndex = u32;

/// A credit circle.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct CircleInfo {
	/// How many accounts have ever joined (the next participant's number).
	pub next_index: ParticipantIndex,
	/// How many accounts take part now.
	pub participants: u32,
	/// The next obligation's number.
	pub next_obligation: ObligationId,
	/// How many accepted obligations are open (at most `MaxObligations`; unaccepted ones are
	/// counted per creditor in `PendingIssued`).
	pub open_obligations: u32,
	/// Whether a clearing must come with a certificate of maximality.
	pub require_maximal: bool,
}

/// A participant in a circle.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Participant {
	/// Its number in the circle.
	pub index: ParticipantIndex,
	/// Its balance: negative when it owes the circle.
	pub balance: CreditBalance,
	/// How far below zero its balance may go.
	pub credit_limit: Credit,
	/// How far above zero its balance may go, if bounded.
	pub ceiling: Option<Credit>,
	/// Frozen when it left the co-op while in the circle: it can only settle.
	pub frozen: bool,
	/// Open obligations it is a party to, accepted or not.
	pub open_obligations: u32,
	/// Its net position in accepted obligations: owed to it minus owed by it. Settling and
	/// cancelling change it; a clearing changes it only by moving its balance the opposite way
	/// (with liquidity, with its consent), so its balance plus this never changes in a
	/// clearing.
	pub obligation_net: CreditBalance,
}

/// An obligation: `debtor` owes `creditor` `amount` of credit by `due`.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Obligation<AccountId, BlockNumber> {
	/// Who owes.
	pub debtor: AccountId,
	/// Who is owed.
	pub creditor: AccountId,
	/// What is outstanding.
	pub amount: Credit,
	/// When it falls due.
	pub due: BlockNumber,
	/// Whether the debtor has accepted it (only accepted obligations are cleared).
	pub accepted: bool,
}

/// A circle's accepted obligations as the clearing solver needs them (runtime API).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ClearingInput {
	/// How many participants the obligations touch: they are numbered from 0 to this
	/// (exclusive) in the order of their participant numbers, and a certificate has one
	/// potential for each.
	pub participants: u32,
	/// Whether a clearing must carry a certificate.
	pub require_maximal: bool,
	/// The accepted obligations: id, debtor's number, creditor's number, outstanding amount.
	pub obligations: Vec<(ObligationId, ParticipantIndex, ParticipantIndex, Credit)>,
	/// When the circle clears with liquidity, each numbered participant's credit line: what it
	/// may pay in credit and be paid (`None`: no ceiling); `(0, Some(0))` for one that lends
	/// none. A certificate then has one more potential, the circle's, last.
	pub liquidity: Option<Vec<(Credit, Option<Credit>)>>,
}

/// A circle's accepted obligations, numbered for the clearing check.
pub struct ClearingGraph<AccountId> {
	/// How many participants the obligations touch (numbered `0..participants`).
	pub participants: u32,
	/// The obligations' ids, ascending.
	pub ids: Vec<ObligationId>,
	/// The obligations, with their parties numbered `0..participants`.
	pub obligations: Vec<ClearingObligation>,
	/// Who each obligation's parties are (debtor, creditor).
	pub parties: Vec<(AccountId, AccountId)>,
	/// Who each numbered participant is.
	pub accounts: Vec<AccountId>,
	/// When the circle clears with liquidity, each numbered participant's credit line.
	pub liquidity: Option<Vec<Liquidity>>,
}
