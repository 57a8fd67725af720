//! Bylaws: what a co-op's rules may say, and whether a co-op can admit one more member.

use crate::*;

/// The lowest special approval bylaws may set: 66.6666666 %, two thirds rounded down, so that
/// with the strict rule (ayes more than the share) exactly two thirds of the votes pass.
pub const SPECIAL_APPROVAL_FLOOR: Perbill = Perbill::from_parts(666_666_666);

impl<T: Config> Pallet<T> {
	/// Checks bylaws against the runtime's bounds.
	pub fn validate_bylaws(bylaws: &BylawsOf<T>) -> DispatchResult {
		let first = bylaws.classes.first().ok_or(Error::<T>::NoMemberClasses)?;
		ensure!(first.votes, Error::<T>::FirstClassMustVote);
		for (i, class) in bylaws.classes.iter().enumerate() {
			let duplicate =
				bylaws.classes.iter().skip(i.saturating_add(1)).any(|c| c.kind == class.kind);
			ensure!(!duplicate, Error::<T>::DuplicateMemberClass);
		}
		// The ayes must be more than the approval share: at 100 % nothing could pass.
		ensure!(
			bylaws.approval >= Perbill::from_percent(50) && bylaws.approval < Perbill::one(),
			Error::<T>::ApprovalBelowMajority
		);
		ensure!(
			bylaws.special_quorum >= bylaws.quorum
				&& bylaws.special_approval >= bylaws.approval
				&& bylaws.special_approval >= SPECIAL_APPROVAL_FLOOR
				&& bylaws.special_approval < Perbill::one(),
			Error::<T>::SpecialThresholdsTooLow
		);
		ensure!(
			bylaws.investor_vote_cap <= Perbill::from_percent(50),
			Error::<T>::InvestorCapTooHigh
		);
		ensure!(
			bylaws.voting_period >= T::MinVotingPeriod::get()
				&& bylaws.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodOutOfBounds
		);
		ensure!(
			bylaws.withdrawal_notice <= T::MaxWithdrawalNotice::get(),
			Error::<T>::WithdrawalNoticeTooLong
		);
		ensure!(
			bylaws.max_members >= 1 && bylaws.max_members <= T::MaxMembers::get(),
			Error::<T>::MaxMembersOutOfBounds
		);
		ensure!(
			bylaws.share_price.is_zero() || bylaws.share_price >= T::Currency::minimum_balance(),
			Error::<T>::SharePriceBelowMinimum
		);
		ensure!(
			bylaws.deliberation >= T::MinDeliberation::get()
				&& bylaws.deliberation <= bylaws.voting_period,
			Error::<T>::DeliberationOutOfBounds
		);
		Ok(())
	}

	/// Checks new bylaws for an existing co-op: valid, classes only appended, room for the
	/// current members.
	pub(crate) fn validate_bylaws_change(info: &CoopOf<T>, bylaws: &BylawsOf<T>) -> DispatchResult {
		Self::validate_bylaws(bylaws)?;
		let kept = info.bylaws.classes.len() <= bylaws.classes.len()
			&& info.bylaws.classes.iter().zip(bylaws.classes.iter()).all(|(a, b)| a == b);
		ensure!(kept, Error::<T>::ClassesMayOnlyBeAppended);
		ensure!(bylaws.max_members >= info.members, Error::<T>::MaxMembersBelowCurrent);
		Ok(())
	}

	/// Whether `coop` can admit one more member of `class` now.
	pub(crate) fn check_admissible(info: &CoopOf<T>, class: ClassIndex) -> DispatchResult {
		let class = info.bylaws.classes.get(class as usize).ok_or(Error::<T>::UnknownClass)?;
		ensure!(info.members < info.bylaws.max_members, Error::<T>::CoopFull);
		if class.is_voting_investor() {
			let investors = info.voting_investors.saturating_add(1);
			let voters = info.voting_members.saturating_add(1);
			// Compared as ratios, so that a cap of exactly 1/3 admits 1 investor of 3 voters.
			ensure!(
				Perbill::from_rational(investors, voters) <= info.bylaws.investor_vote_cap,
				Error::<T>::InvestorCapReached
			);
		}
		Ok(())
	}

	/// The runtime's bounds are consistent (the pallet's `integrity_test`).
	pub(crate) fn check_bounds() {
		assert!(T::MaxMembers::get() > 0, "MaxMembers must be positive");
		assert!(T::MaxClasses::get() > 0 && T::MaxClasses::get() <= 255, "MaxClasses in 1..=255");
		assert!(T::MinVotingPeriod::get() <= T::MaxVotingPeriod::get());
		assert!(
			T::MinDeliberation::get() >= One::one(),
			"MinDeliberation must be at least a block: no propose-vote-close in one block"
		);
		assert!(T::MinDeliberation::get() <= T::MinVotingPeriod::get());
	}
}
