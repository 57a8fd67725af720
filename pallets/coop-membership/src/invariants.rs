//! The pallet's invariants, checked by `try_state` and after every unit test.

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. Every co-op's `members`, `voting_members` and `voting_investors` equal the counts over
	///    its entries in `Members`, and `members` ≤ the bylaws' `max_members`.
	/// 2. Every co-op's `share_capital` equals the sum of its members' share capital.
	/// 3. Every co-op's `open_motions` equals its entries in `Motions`; of them,
	///    `OpenApplications` are admissions (at most `MaxOpenApplications`) and the rest, the
	///    members' motions, are at most `MaxOpenMotions`; every motion index is below
	///    `next_motion`.
	/// 4. For every open motion, `ayes + nays` equals its entries in `Votes`, votes are counted
	///    the right way, the investor tally is the voting investors' votes, and
	///    `ayes + nays ≤ electorate ≤ voting_members`.
	/// 5. Every pending application points at an open admission motion for that applicant, and
	///    `OpenApplications` counts them.
	/// 6. Every queued redemption has a `Redemptions` entry; queued accounts are distinct.
	/// 7. Every co-op's `role_holders` equals its entries in `Roles`, none of them empty.
	/// 8. Every co-op id is below `NextCoopId`; members, motions, roles and delegates belong to
	///    co-ops that exist.
	/// 9. Every vote a co-op cast through its own motion (`OwnVotes`) is a vote of the motion.
	/// 10. `CoopMemberships` lists, once each, exactly the co-ops each co-op's treasury is a
	///     member of.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next_id = NextCoopId::<T>::get();
		for (coop, info) in Coops::<T>::iter() {
			ensure!(coop < next_id, "co-op id not below NextCoopId");
			Self::try_state_coop(coop, &info)?;
		}
		// 6
		for (coop, queue) in RedemptionQueue::<T>::iter() {
			for (i, who) in queue.iter().enumerate() {
				ensure!(Redemptions::<T>::contains_key(coop, who), "queued without a redemption");
				ensure!(!queue.iter().skip(i.saturating_add(1)).any(|w| w == who), "queued twice");
			}
		}
		// 8
		for (coop, _, _) in Members::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "member of a missing co-op");
		}
		for (coop, _) in OpenApplications::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "applications counted for a missing co-op");
		}
		// 10
		let mut indexed = 0usize;
		for (member, of) in CoopMemberships::<T>::iter() {
			ensure!(!of.is_empty(), "empty membership list stored");
			for (i, coop) in of.iter().enumerate() {
				ensure!(
					Members::<T>::contains_key(coop, Self::treasury(member)),
					"indexed membership is not a membership"
				);
				ensure!(!of.iter().skip(i.saturating_add(1)).any(|c| c == coop), "indexed twice");
			}
			indexed = indexed.saturating_add(of.len());
		}
		let treasuries = Members::<T>::iter_keys()
			.filter(|(_, who)| Self::coop_of_treasury(who).is_some())
			.count();
		ensure!(indexed == treasuries, "a co-op's membership is not indexed");
		for (coop, _, _) in Motions::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "motion of a missing co-op");
		}
		for (coop, _, _) in Roles::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "role in a missing co-op");
		}
		for (coop, _) in Delegates::<T>::iter() {
			ensure!(Coops::<T>::contains_key(coop), "delegate of a missing co-op");
		}
		Ok(())
	}

	/// Invariants 1–5, 7 and 9 for one co-op.
	#[cfg(any(feature = "try-runtime", test))]
	fn try_state_coop(coop: CoopId, info: &CoopOf<T>) -> Result<(), sp_runtime::TryRuntimeError> {
		// 1, 2
		let (mut members, mut voting, mut investors) = (0u32, 0u32, 0u32);
		let mut capital: BalanceOf<T> = Zero::zero();
		for (_, member) in Members::<T>::iter_prefix(coop) {
			let class = info
				.bylaws
				.classes
				.get(member.class as usize)
				.ok_or("member of an unknown class")?;
			members.saturating_inc();
			voting.saturating_accrue(class.votes as u32);
			investors.saturating_accrue(class.is_voting_investor() as u32);
			capital = capital.saturating_add(member.share_capital);
		}
		ensure!(members == info.members, "member count differs from the member map");
		ensure!(voting == info.voting_members, "voting member count differs");
		ensure!(investors == info.voting_investors, "voting investor count differs");
		ensure!(info.members <= info.bylaws.max_members, "more members than the bylaws allow");
		ensure!(capital == info.share_capital, "share capital differs from the members' sum");
		// 3, 4
		let mut open = 0u32;
		let mut admissions = 0u32;
		for (index, motion) in Motions::<T>::iter_prefix(coop) {
			open.saturating_inc();
			admissions.saturating_accrue(matches!(motion.proposal, Proposal::Admit { .. }) as u32);
			ensure!(index < info.next_motion, "motion index not below next_motion");
			let recount =
				Tally::recount(Votes::<T>::iter_prefix((coop, index)).map(|(_, aye)| (aye, 1)));
			ensure!(recount == Some(motion.tally), "tally differs from votes");
			let investors = Tally::recount(
				Votes::<T>::iter_prefix((coop, index))
					.filter(|(voter, _)| {
						Members::<T>::get(coop, voter)
							.is_some_and(|m| Self::is_voting_investor(info, m.class))
					})
					.map(|(_, aye)| (aye, 1)),
			);
			ensure!(investors == Some(motion.investors), "investor tally differs from votes");
			ensure!(motion.tally.cast() <= motion.electorate, "more votes than voters");
			ensure!(motion.electorate <= info.voting_members, "electorate above voters");
			// 9
			for (voter, ()) in OwnVotes::<T>::iter_prefix((coop, index)) {
				ensure!(
					Votes::<T>::contains_key((coop, index), &voter),
					"a co-op's own vote is not a vote"
				);
			}
		}
		ensure!(open == info.open_motions, "open motion count differs");
		let applications = OpenApplications::<T>::get(coop);
		ensure!(admissions == applications, "open application count differs");
		ensure!(applications <= T::MaxOpenApplications::get(), "too many open applications");
		ensure!(
			open.saturating_sub(applications) <= T::MaxOpenMotions::get(),
			"too many open motions"
		);
		// 5
		let mut pending = 0u32;
		for (applicant, application) in Applications::<T>::iter_prefix(coop) {
			pending.saturating_inc();
			let motion =
				Motions::<T>::get(coop, application.motion).ok_or("application without motion")?;
			ensure!(
				motion.proposal == Proposal::Admit { applicant },
				"application's motion is not its admission"
			);
		}
		ensure!(pending == applications, "pending applications differ from their count");
		// 7
		let mut holders = 0u32;
		for (_, set) in Roles::<T>::iter_prefix(coop) {
			ensure!(!set.is_empty(), "empty role set stored");
			holders.saturating_inc();
		}
		ensure!(holders == info.role_holders, "role holder count differs");
		Ok(())
	}
}
