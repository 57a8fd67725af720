//! The events of the pallet (a pallet section, imported into `lib.rs`'s pallet module): what
//! each call reports, documented field by field, as Polkadot.js shows them.

use frame_support::pallet_macros::pallet_section;

/// The pallet's events.
#[pallet_section]
mod events {
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op was created.
		CoopCreated {
			/// The new co-op.
			coop: CoopId,
			/// Its founder and first member.
			founder: T::AccountId,
			/// Its treasury account.
			treasury: T::AccountId,
		},
		/// A co-op was dissolved; its members' share capital is owed to them as redemptions.
		CoopDissolved {
			/// The co-op.
			coop: CoopId,
			/// How many members it had.
			members: u32,
		},
		/// What was left in a dissolved co-op's treasury, once its members were paid, went
		/// where co-operative law sends indivisible assets.
		DissolvedAssetsTransferred {
			/// The dissolved co-op.
			coop: CoopId,
			/// Where it went (`DissolvedAssetsTo`).
			to: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// Someone became a member.
		MemberAdmitted {
			/// The co-op.
			coop: CoopId,
			/// The new member.
			member: T::AccountId,
			/// Their class.
			class: ClassIndex,
			/// The share capital they paid in.
			share_capital: BalanceOf<T>,
		},
		/// Someone applied to a co-op that admits by vote; a motion decides.
		ApplicationSubmitted {
			/// The co-op.
			coop: CoopId,
			/// The applicant.
			applicant: T::AccountId,
			/// The class applied for.
			class: ClassIndex,
			/// The admission motion.
			motion: MotionIndex,
		},
		/// An application was refused or expired; the share price held was released in full.
		ApplicationRefunded {
			/// The co-op.
			coop: CoopId,
			/// The applicant.
			applicant: T::AccountId,
			/// The amount released.
			amount: BalanceOf<T>,
		},
		/// A member left the co-op; their share capital is redeemable after the notice period.
		MemberLeft {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The share capital owed.
			amount: BalanceOf<T>,
			/// From when it may be redeemed.
			redeemable_from: BlockNumberFor<T>,
		},
		/// A member was expelled by motion; their share capital is owed as on withdrawal.
		MemberExpelled {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The share capital owed.
			amount: BalanceOf<T>,
		},
		/// Share capital was paid back to a former member.
		ShareRedeemed {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The amount paid.
			amount: BalanceOf<T>,
		},
		/// The treasury could not pay a redemption now: it waits in the queue.
		RedemptionQueued {
			/// The co-op.
			coop: CoopId,
			/// The former member.
			member: T::AccountId,
			/// The amount owed.
			amount: BalanceOf<T>,
			/// How many redemptions wait ahead of it.
			ahead: u32,
		},
		/// A motion was proposed.
		MotionProposed {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// Who proposed it.
			proposer: T::AccountId,
			/// How many members may vote on it.
			electorate: u32,
			/// When its voting period ends.
			voting_ends: BlockNumberFor<T>,
		},
		/// A member voted (or changed their vote).
		Voted {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// The voter.
			voter: T::AccountId,
			/// For (true) or against (false).
			aye: bool,
			/// Ayes so far.
			ayes: u32,
			/// Nays so far.
			nays: u32,
		},
		/// The accused answered an expulsion motion.
		DefenceSubmitted {
			/// The co-op.
			coop: CoopId,
			/// The expulsion motion.
			motion: MotionIndex,
			/// The accused member.
			member: T::AccountId,
			/// Their statement.
			statement: BoundedVec<u8, T::MaxStatementLen>,
		},
		/// A motion closed.
		MotionClosed {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// How it ended.
			outcome: MotionOutcome,
			/// Ayes.
			ayes: u32,
			/// Nays.
			nays: u32,
			/// Members who could vote.
			electorate: u32,
		},
		/// A passed dispatch motion's call was dispatched with the co-op's origin.
		MotionExecuted {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// What the call returned.
			result: DispatchResult,
		},
		/// A passed motion could no longer be carried out (e.g. the co-op filled up, the member
		/// had already left, the call no longer decodes); nothing changed.
		MotionNotExecuted {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// Why.
			reason: DispatchError,
		},
		/// A spam motion's deposit went to the co-op's treasury.
		MotionDepositForfeited {
			/// The co-op.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// The amount.
			amount: BalanceOf<T>,
		},
		/// A co-op's bylaws were replaced by motion.
		BylawsChanged {
			/// The co-op.
			coop: CoopId,
		},
		/// A co-op granted a role by motion.
		RoleGranted {
			/// The co-op.
			coop: CoopId,
			/// The holder.
			who: T::AccountId,
			/// The role.
			role: CoopRole,
		},
		/// A co-op named (or revoked) its delegate by motion.
		DelegateSet {
			/// The co-op.
			coop: CoopId,
			/// Its delegate, or none (revoked).
			delegate: Option<T::AccountId>,
			/// Whether the delegate votes on ordinary resolutions only.
			ordinary_only: bool,
		},
		/// A delegate voted for its co-op.
		DelegateVoted {
			/// Where the vote was cast.
			coop: CoopId,
			/// The motion.
			motion: MotionIndex,
			/// The member co-op the delegate votes for.
			member: CoopId,
			/// The delegate.
			delegate: T::AccountId,
			/// For (true) or against (false).
			aye: bool,
		},
		/// A co-op took a role back by motion.
		RoleRevoked {
			/// The co-op.
			coop: CoopId,
			/// The former holder.
			who: T::AccountId,
			/// The role.
			role: CoopRole,
		},
	}
}
