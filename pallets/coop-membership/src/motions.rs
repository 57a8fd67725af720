//! Motions: opening one, voting, when it may close and how it ended, the deposit, and carrying
//! out each kind of proposal.

use crate::*;
use frame_support::traits::DefensiveSaturating;
use sp_runtime::PerThing;

/// What carrying out a passed motion cost, beyond `close_motion`'s own work.
#[derive(Default)]
pub(crate) struct CarriedOut {
	/// The actual weight of a dispatch motion's call.
	pub call_weight: Weight,
	/// The open motions an expulsion went through to take the member's votes out.
	pub scanned_motions: u32,
}

impl<T: Config> Pallet<T> {
	/// `propose`: checks the proposal against the co-op as it is, and opens the motion.
	pub(crate) fn do_propose(
		who: T::AccountId,
		coop: CoopId,
		proposal: ProposalOf<T>,
	) -> DispatchResult {
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		Self::ensure_voting_member(coop, &info, &who)?;
		let (stored, call_weight) = Self::check_proposal(coop, &info, proposal)?;
		Self::open_motion(coop, &mut info, who, stored, call_weight)?;
		Coops::<T>::insert(coop, info);
		Ok(())
	}

	/// A proposal as it is stored (a call encoded, with its weight), if it can be proposed now.
	fn check_proposal(
		coop: CoopId,
		info: &CoopOf<T>,
		proposal: ProposalOf<T>,
	) -> Result<(StoredProposalOf<T>, Weight), DispatchError> {
		let held = |holder: &T::AccountId, role| {
			Roles::<T>::get(coop, holder).unwrap_or_default().contains(role)
		};
		Ok(match proposal {
			Proposal::Admit { .. } => return Err(Error::<T>::AdmissionIsByApplication.into()),
			Proposal::Expel { member } => {
				ensure!(Members::<T>::contains_key(coop, &member), Error::<T>::NotMember);
				(Proposal::Expel { member }, Weight::zero())
			},
			Proposal::ChangeBylaws { bylaws } => {
				Self::validate_bylaws_change(info, &bylaws)?;
				(Proposal::ChangeBylaws { bylaws }, Weight::zero())
			},
			Proposal::Dispatch { call } => {
				let (call, call_weight) = Self::encode_call(&call)?;
				(Proposal::Dispatch { call }, call_weight)
			},
			Proposal::DispatchSpecial { call } => {
				let (call, call_weight) = Self::encode_call(&call)?;
				(Proposal::DispatchSpecial { call }, call_weight)
			},
			Proposal::GrantRole { who: holder, role } => {
				ensure!(!held(&holder, role), Error::<T>::RoleAlreadyHeld);
				(Proposal::GrantRole { who: holder, role }, Weight::zero())
			},
			Proposal::RevokeRole { who: holder, role } => {
				ensure!(held(&holder, role), Error::<T>::RoleNotHeld);
				(Proposal::RevokeRole { who: holder, role }, Weight::zero())
			},
		})
	}

	/// A motion's call as it is stored, and its weight.
	fn encode_call(
		call: &<T as Config>::RuntimeCall,
	) -> Result<(EncodedCallOf<T>, Weight), DispatchError> {
		let call_weight = call.get_dispatch_info().call_weight;
		let encoded: EncodedCallOf<T> =
			call.encode().try_into().map_err(|_| Error::<T>::CallTooLong)?;
		Ok((encoded, call_weight))
	}

	/// Opens a motion, holding the deposit from the proposer. The thresholds are the bylaws'
	/// special ones for a special resolution, else the ordinary ones; the motion cannot close
	/// before the deliberation time (and an expulsion's defence window) has passed.
	pub(crate) fn open_motion(
		coop: CoopId,
		info: &mut CoopOf<T>,
		proposer: T::AccountId,
		proposal: StoredProposalOf<T>,
		call_weight: Weight,
	) -> Result<MotionIndex, DispatchError> {
		// Applications and members' motions have separate slots: outsiders applying cannot
		// stop the members' governance.
		let applications = OpenApplications::<T>::get(coop);
		let deposit = if matches!(proposal, Proposal::Admit { .. }) {
			ensure!(applications < T::MaxOpenApplications::get(), Error::<T>::TooManyApplications);
			OpenApplications::<T>::insert(coop, applications.saturating_add(1));
			T::ApplicationDeposit::get()
		} else {
			let members_motions = info.open_motions.saturating_sub(applications);
			ensure!(members_motions < T::MaxOpenMotions::get(), Error::<T>::TooManyOpenMotions);
			T::MotionDeposit::get()
		};
		T::Currency::hold(&HoldReason::MotionDeposit.into(), &proposer, deposit)?;

		let index = info.next_motion;
		info.next_motion = index.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		info.open_motions.saturating_inc();
		let now = frame_system::Pallet::<T>::block_number();
		let deliberation = info.bylaws.deliberation.max(T::MinDeliberation::get());
		let earliest_close = match proposal {
			Proposal::Expel { .. } => now.saturating_add(deliberation.max(T::DefenceWindow::get())),
			_ => now.saturating_add(deliberation),
		};
		let (quorum, approval) = if Self::is_special(coop, &proposal) {
			(info.bylaws.special_quorum, info.bylaws.special_approval)
		} else {
			(info.bylaws.quorum, info.bylaws.approval)
		};
		let voting_ends = now.saturating_add(info.bylaws.voting_period).max(earliest_close);
		let motion = MotionOf::<T> {
			proposer: proposer.clone(),
			deposit,
			proposal,
			call_weight,
			opened: now,
			earliest_close,
			voting_ends,
			electorate: info.voting_members,
			tally: Tally::new(),
			quorum,
			approval,
			defended: false,
			investors: Tally::new(),
			investor_cap: info.bylaws.investor_vote_cap,
		};
		Motions::<T>::insert(coop, index, motion);
		Self::deposit_event(Event::MotionProposed {
			coop,
			motion: index,
			proposer,
			electorate: info.voting_members,
			voting_ends,
		});
		Ok(index)
	}

	/// Whether a motion of `coop` on `proposal` is a special resolution: a bylaws change, an
	/// expulsion, a `DispatchSpecial`, and an admission to the federation (a bare majority must
	/// not pack the federation with co-ops it controls).
	pub fn is_special(coop: CoopId, proposal: &StoredProposalOf<T>) -> bool {
		proposal.is_special()
			|| (coop == coop_primitives::FEDERATION && matches!(proposal, Proposal::Admit { .. }))
	}

	/// `vote`: [`Self::cast_vote`], and a vote a co-op decided by its own motion
	/// (`by_own_motion`) is marked so that its delegate cannot change it. Returns whether the
	/// vote is free of fees.
	pub(crate) fn do_vote(
		voter: T::AccountId,
		coop: CoopId,
		motion: MotionIndex,
		aye: bool,
		by_own_motion: bool,
	) -> Result<bool, DispatchError> {
		let free = Self::cast_vote(voter.clone(), coop, motion, aye)?;
		if by_own_motion {
			OwnVotes::<T>::insert((coop, motion), voter, ());
		}
		Ok(free)
	}

	/// One vote per eligible member, changeable until the motion closes. Returns whether the
	/// vote is free of fees: a member's first vote on the motion, in a co-op whose membership
	/// costs a share of at least the existential deposit (so that Sybils cannot vote for free
	/// in co-ops that cost nothing to join).
	pub(crate) fn cast_vote(
		voter: T::AccountId,
		coop: CoopId,
		motion: MotionIndex,
		aye: bool,
	) -> Result<bool, DispatchError> {
		let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		let mut m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < m.voting_ends, Error::<T>::VotingEnded);
		let member = Self::ensure_voting_member(coop, &info, &voter)?;
		ensure!(member.first_motion <= motion, Error::<T>::JoinedAfterMotionOpened);

		let previous = Votes::<T>::get((coop, motion), &voter);
		ensure!(previous != Some(aye), Error::<T>::AlreadyVoted);
		m.tally.vote(previous, aye, 1)?;
		if Self::is_voting_investor(&info, member.class) {
			m.investors.vote(previous, aye, 1)?;
		}
		Votes::<T>::insert((coop, motion), &voter, aye);
		let Tally { ayes, nays } = m.tally;
		Motions::<T>::insert(coop, motion, m);
		Self::deposit_event(Event::Voted { coop, motion, voter, aye, ayes, nays });
		let share = info.bylaws.share_price;
		Ok(previous.is_none() && !share.is_zero() && share >= T::Currency::minimum_balance())
	}

	/// Takes a leaving member's votes and seats out of the open motions they could vote on.
	pub(crate) fn leave_open_motions(
		coop: CoopId,
		who: &T::AccountId,
		first_motion: MotionIndex,
		investor: bool,
	) {
		for (index, mut motion) in Motions::<T>::iter_prefix(coop) {
			if index < first_motion {
				continue;
			}
			motion.electorate.saturating_dec();
			OwnVotes::<T>::remove((coop, index), who);
			if let Some(aye) = Votes::<T>::take((coop, index), who) {
				if motion.tally.retract(aye, 1).is_err() {
					defensive!("a stored vote is in its motion's tally");
				}
				if investor && motion.investors.retract(aye, 1).is_err() {
					defensive!("an investor's stored vote is in its motion's investor tally");
				}
			}
			Motions::<T>::insert(coop, index, motion);
		}
	}

	/// How the motion ends if closed at `now`, or `None` if it cannot close yet.
	///
	/// Never before `earliest_close` (the deliberation time, and an expulsion's defence
	/// window). Before the voting period ends, only once every eligible voter has voted: votes
	/// can change until the close, so no partial count is certain. Then: `Expired` if the
	/// turnout is below the quorum, else `Approved` when the ayes are **more than** the
	/// approval share of the votes cast (a tie never passes), else `Rejected`.
	pub fn outcome(motion: &MotionOf<T>, now: BlockNumberFor<T>) -> Option<MotionOutcome> {
		if now < motion.earliest_close {
			return None;
		}
		let cast = motion.tally.cast();
		if now < motion.voting_ends && cast < motion.electorate {
			return None;
		}
		let quorum_needed = motion.quorum.mul_ceil(motion.electorate).max(1);
		if cast < quorum_needed {
			return Some(MotionOutcome::Expired);
		}
		Some(if Self::capped_majority(motion) {
			MotionOutcome::Approved
		} else {
			MotionOutcome::Rejected
		})
	}

	/// Whether a member of `class` is a voting investor under `info`'s bylaws.
	pub(crate) fn is_voting_investor(info: &CoopOf<T>, class: ClassIndex) -> bool {
		info.bylaws.classes.get(class as usize).is_some_and(|c| c.is_voting_investor())
	}

	/// Whether the ayes are strictly more than the approval share of the votes cast, with the
	/// investors' votes weighed down, if they are more than `investor_cap` of the votes, to
	/// exactly that share. Exits can leave investors above the cap among the members; their
	/// votes never count for more.
	///
	/// With `N` votes of others (`Nₐ` ayes), `I` of investors (`Iₐ` ayes) and cap `c` (of
	/// `P` parts), investors over the cap (`I·P > c·(N + I)`) each weigh
	/// `w = c·N / ((P − c)·I)`, so that `w·I / (N + w·I) = c / P`; the motion passes when
	/// `(Nₐ + w·Iₐ)·P > approval·(N + w·I)`, which, times `(P − c)·I`, is
	/// `Nₐ·(P − c)·I + Iₐ·c·N > approval·N·I`: exact, in 128 bits.
	pub fn capped_majority(motion: &MotionOf<T>) -> bool {
		let (cast, ayes) = (motion.tally.cast(), motion.tally.ayes);
		let investors = motion.investors;
		let parts = u128::from(Perbill::ACCURACY);
		let cap = u128::from(motion.investor_cap.deconstruct());
		let i = u128::from(investors.cast());
		let n = u128::from(cast.saturating_sub(investors.cast()));
		if i.saturating_mul(parts) <= cap.saturating_mul(n.saturating_add(i)) {
			return Self::majority(ayes, cast, motion.approval);
		}
		let n_ayes = u128::from(ayes.saturating_sub(investors.ayes));
		let i_ayes = u128::from(investors.ayes);
		let approval = u128::from(motion.approval.deconstruct());
		// Each term is below 2³² · 2³² · 2³⁰: none saturates.
		n_ayes
			.saturating_mul(parts.saturating_sub(cap))
			.saturating_mul(i)
			.saturating_add(i_ayes.saturating_mul(cap).saturating_mul(n))
			> approval.saturating_mul(n).saturating_mul(i)
	}

	/// Whether `ayes` are strictly more than `approval` of `cast`, exactly (no rounding).
	pub fn majority(ayes: u32, cast: u32, approval: Perbill) -> bool {
		let parts = u128::from(Perbill::ACCURACY);
		u128::from(ayes).saturating_mul(parts)
			> u128::from(approval.deconstruct()).saturating_mul(u128::from(cast))
	}

	/// `close_motion`: decides the motion, settles its deposit and carries it out if it passed.
	/// Returns the actual weight.
	pub(crate) fn do_close_motion(
		coop: CoopId,
		motion: MotionIndex,
		call_weight_bound: Weight,
	) -> Result<Weight, DispatchError> {
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		let m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
		ensure!(m.call_weight.all_lte(call_weight_bound), Error::<T>::CallWeightBoundTooLow);
		let now = frame_system::Pallet::<T>::block_number();
		let outcome = Self::outcome(&m, now).ok_or(Error::<T>::TooEarlyToClose)?;

		// The motion leaves storage before it is carried out, so what it dispatches sees a
		// consistent co-op (and cannot close it twice).
		let proposer_aye = Votes::<T>::get((coop, motion), &m.proposer) == Some(true);
		let votes_cleared =
			Votes::<T>::clear_prefix((coop, motion), T::MaxMembers::get(), None).unique;
		let own_cleared =
			OwnVotes::<T>::clear_prefix((coop, motion), T::MaxMembers::get(), None).unique;
		Motions::<T>::remove(coop, motion);
		info.open_motions.saturating_dec();
		if matches!(m.proposal, Proposal::Admit { .. }) {
			Self::application_closed(coop);
		}
		Self::deposit_event(Event::MotionClosed {
			coop,
			motion,
			outcome,
			ayes: m.tally.ayes,
			nays: m.tally.nays,
			electorate: m.electorate,
		});
		Self::settle_deposit(coop, motion, &m, outcome, proposer_aye)?;
		// The co-op as it is now (one motion fewer) is written before the motion is carried
		// out, so that what it does sees a consistent co-op.
		Coops::<T>::insert(coop, info);

		let carried = Self::carry_out_if_approved(coop, motion, m.proposal, outcome);
		// A co-op's own vote is one more entry cleared, as a vote is.
		let cleared = votes_cleared.saturating_add(own_cleared);
		Ok(<T as Config>::WeightInfo::close(cleared, carried.scanned_motions)
			.saturating_add(carried.call_weight))
	}

	/// One application fewer is pending in `coop`.
	pub(crate) fn application_closed(coop: CoopId) {
		OpenApplications::<T>::mutate_exists(coop, |open| {
			let left = open.unwrap_or_default().defensive_saturating_sub(1);
			*open = (left > 0).then_some(left);
		});
	}

	/// Returns a closed motion's deposit, unless it was spam (a member's motion rejected, with
	/// not one aye but the proposer's): then it goes to the co-op's treasury. An application's
	/// deposit always comes back: the applicant cannot vote for it, and a refusal is not spam.
	fn settle_deposit(
		coop: CoopId,
		motion: MotionIndex,
		m: &MotionOf<T>,
		outcome: MotionOutcome,
		proposer_aye: bool,
	) -> DispatchResult {
		let others_aye = m.tally.ayes.saturating_sub(proposer_aye as u32);
		let application = matches!(m.proposal, Proposal::Admit { .. });
		if outcome == MotionOutcome::Rejected
			&& others_aye == 0
			&& !application
			&& !m.deposit.is_zero()
		{
			T::Currency::transfer_on_hold(
				&HoldReason::MotionDeposit.into(),
				&m.proposer,
				&Self::treasury(coop),
				m.deposit,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)?;
			Self::deposit_event(Event::MotionDepositForfeited { coop, motion, amount: m.deposit });
		} else {
			T::Currency::release(
				&HoldReason::MotionDeposit.into(),
				&m.proposer,
				m.deposit,
				Precision::BestEffort,
			)?;
		}
		Ok(())
	}

	/// Carries out an approved motion in its own storage layer (on error nothing it did stays,
	/// and `MotionNotExecuted` says why); refunds an application that was not carried out.
	fn carry_out_if_approved(
		coop: CoopId,
		motion: MotionIndex,
		proposal: StoredProposalOf<T>,
		outcome: MotionOutcome,
	) -> CarriedOut {
		let applicant = match &proposal {
			Proposal::Admit { applicant } => Some(applicant.clone()),
			_ => None,
		};
		let mut carried = CarriedOut::default();
		let executed = outcome == MotionOutcome::Approved
			&& match frame_support::storage::with_storage_layer(|| {
				Self::carry_out(coop, motion, proposal)
			}) {
				Ok(done) => {
					carried = done;
					true
				},
				Err(reason) => {
					Self::deposit_event(Event::MotionNotExecuted { coop, motion, reason });
					false
				},
			};
		if !executed {
			if let Some(applicant) = applicant {
				Self::refund_application(coop, &applicant);
			}
		}
		carried
	}

	/// Carries out a passed motion.
	fn carry_out(
		coop: CoopId,
		motion: MotionIndex,
		proposal: StoredProposalOf<T>,
	) -> Result<CarriedOut, DispatchError> {
		match &proposal {
			Proposal::Dispatch { call } => {
				let origin = Origin::Coop(coop);
				let call_weight = Self::dispatch_as_coop(coop, motion, call, origin)?;
				return Ok(CarriedOut { call_weight, scanned_motions: 0 });
			},
			Proposal::DispatchSpecial { call } => {
				let origin = Origin::CoopSpecial(coop);
				let call_weight = Self::dispatch_as_coop(coop, motion, call, origin)?;
				return Ok(CarriedOut { call_weight, scanned_motions: 0 });
			},
			_ => {},
		}
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		let mut carried = CarriedOut::default();
		match proposal {
			Proposal::Admit { applicant } => Self::admit_applicant(coop, &mut info, applicant)?,
			Proposal::Expel { member } => {
				carried.scanned_motions = info.open_motions;
				Self::expel(coop, &mut info, member)?;
			},
			Proposal::ChangeBylaws { bylaws } => {
				Self::validate_bylaws_change(&info, &bylaws)?;
				info.bylaws = bylaws;
				Self::deposit_event(Event::BylawsChanged { coop });
			},
			Proposal::GrantRole { who, role } => Self::grant_role(coop, &mut info, who, role)?,
			Proposal::RevokeRole { who, role } => Self::revoke_role(coop, &mut info, who, role)?,
			Proposal::Dispatch { .. } | Proposal::DispatchSpecial { .. } => {},
		}
		Coops::<T>::insert(coop, info);
		Ok(carried)
	}

	/// Dispatches a passed motion's call with the co-op's (ordinary or special) origin; returns
	/// its actual weight.
	fn dispatch_as_coop(
		coop: CoopId,
		motion: MotionIndex,
		call: &EncodedCallOf<T>,
		origin: Origin,
	) -> Result<Weight, DispatchError> {
		let call = <T as Config>::RuntimeCall::decode(&mut &call[..])
			.map_err(|_| Error::<T>::CallUndecodable)?;
		let dispatch_info = call.get_dispatch_info();
		let result = call.dispatch(origin.into());
		Self::deposit_event(Event::MotionExecuted {
			coop,
			motion,
			result: result.map(|_| ()).map_err(|e| e.error),
		});
		Ok(extract_actual_weight(&result, &dispatch_info))
	}

	/// Expels `member`: their capital is redeemable at once, no notice applies.
	fn expel(coop: CoopId, info: &mut CoopOf<T>, member: T::AccountId) -> DispatchResult {
		let (amount, _) = Self::remove_member(coop, info, &member)?;
		Redemptions::<T>::mutate(coop, &member, |r| {
			if let Some(r) = r {
				r.due = frame_system::Pallet::<T>::block_number();
			}
		});
		Self::deposit_event(Event::MemberExpelled { coop, member, amount });
		Ok(())
	}

	/// Grants `role` to `who`, counting a new role holder.
	pub(crate) fn grant_role(
		coop: CoopId,
		info: &mut CoopOf<T>,
		who: T::AccountId,
		role: CoopRole,
	) -> DispatchResult {
		let held = Roles::<T>::get(coop, &who);
		let set = held.unwrap_or_default();
		ensure!(!set.contains(role), Error::<T>::RoleAlreadyHeld);
		if held.is_none() {
			ensure!(info.role_holders < T::MaxRoleHolders::get(), Error::<T>::TooManyRoleHolders);
			info.role_holders.saturating_inc();
		}
		Roles::<T>::insert(coop, &who, set.with(role));
		Self::deposit_event(Event::RoleGranted { coop, who, role });
		Ok(())
	}

	/// Takes `role` back from `who`, forgetting a holder left with no role.
	fn revoke_role(
		coop: CoopId,
		info: &mut CoopOf<T>,
		who: T::AccountId,
		role: CoopRole,
	) -> DispatchResult {
		let set = Roles::<T>::get(coop, &who).unwrap_or_default();
		ensure!(set.contains(role), Error::<T>::RoleNotHeld);
		let set = set.without(role);
		if set.is_empty() {
			Roles::<T>::remove(coop, &who);
			info.role_holders.saturating_dec();
		} else {
			Roles::<T>::insert(coop, &who, set);
		}
		Self::deposit_event(Event::RoleRevoked { coop, who, role });
		Ok(())
	}

	/// `defend`: the accused's statement on an expulsion motion.
	pub(crate) fn do_defend(
		who: T::AccountId,
		coop: CoopId,
		motion: MotionIndex,
		statement: Vec<u8>,
	) -> DispatchResult {
		let mut m = Motions::<T>::get(coop, motion).ok_or(Error::<T>::MotionNotFound)?;
		match &m.proposal {
			Proposal::Expel { member } => ensure!(member == &who, Error::<T>::NotTheAccused),
			_ => return Err(Error::<T>::NotAnExpulsion.into()),
		}
		let statement: BoundedVec<u8, T::MaxStatementLen> =
			statement.try_into().map_err(|_| Error::<T>::StatementTooLong)?;
		m.defended = true;
		Motions::<T>::insert(coop, motion, m);
		Self::deposit_event(Event::DefenceSubmitted { coop, motion, member: who, statement });
		Ok(())
	}
}
