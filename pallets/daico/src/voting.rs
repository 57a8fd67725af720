//! Contributors' motions: opening one on a proposal, voting, the freeze at the pre-quorum,
//! whether a motion passes, and closing it (carrying out its proposal if it passed).

use crate::{
	pallet::*, BalanceOf, Motion, MotionOf, Proposal, ProposalKind, ProposalOf, RaiseId, RaiseOf,
	RaiseState, VotingMode,
};
use coop_primitives::{CoopInspect, Tally};
use frame_support::{
	defensive, ensure,
	storage::with_storage_layer,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Defensive, DefensiveOption, DefensiveSaturating, Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// Opens a motion of contributor `who` on `proposal`.
	pub(crate) fn do_propose(
		who: T::AccountId,
		raise: RaiseId,
		proposal: ProposalOf<T>,
	) -> DispatchResult {
		let r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		ensure!(r.state == RaiseState::Active, Error::<T>::NotActive);
		// A raise drawn to the last unit has nothing left to decide (and is to be pruned).
		let settled = r.tapped.saturating_add(r.milestones_paid) == r.raised;
		ensure!(!settled, Error::<T>::NotActive);
		ensure!(Contributions::<T>::contains_key(raise, &who), Error::<T>::NotContributor);
		let kind = proposal.kind();
		ensure!(!Motions::<T>::contains_key(raise, kind), Error::<T>::MotionAlreadyOpen);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(until) = CoolingDown::<T>::get(raise, kind) {
			ensure!(now >= until, Error::<T>::ProposalCoolingDown);
			CoolingDown::<T>::remove(raise, kind);
		}
		let new_rate = match proposal {
			Proposal::RaiseTap { new_rate } => {
				Self::check_tap_raise(&r, new_rate)?;
				new_rate
			},
			Proposal::UnlockMilestone => {
				ensure!(
					(r.milestones_unlocked as usize) < r.params.milestones.len(),
					Error::<T>::NoMilestoneLeft
				);
				Zero::zero()
			},
			Proposal::Dissolve => Zero::zero(),
		};
		let deposit = T::ProposalDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::ProposalDeposit.into(), &who, deposit)?;
			MotionDeposits::<T>::insert(raise, kind, deposit);
		}
		let ends = now.saturating_add(r.params.voting_period);
		let motion = Motion {
			proposer: who.clone(),
			new_rate,
			ends,
			heads: Tally::new(),
			capital: Tally::new(),
		};
		Motions::<T>::insert(raise, kind, motion);
		Self::deposit_event(Event::MotionOpened { raise, proposal, proposer: who, ends });
		Ok(())
	}

	/// Counts contributor `who`'s vote (or changed vote) on the open motion `kind`, and
	/// freezes the tap when a dissolve motion reaches the pre-quorum.
	pub(crate) fn do_vote(
		who: T::AccountId,
		raise: RaiseId,
		kind: ProposalKind,
		aye: bool,
	) -> DispatchResult {
		let r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		let mut m = Motions::<T>::get(raise, kind).ok_or(Error::<T>::MotionNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < m.ends, Error::<T>::VotingEnded);
		let stake = Contributions::<T>::get(raise, &who).ok_or(Error::<T>::NotContributor)?.amount;
		// Heads are the co-op's members at the vote; once the co-op has dissolved, the
		// contributors it admitted still vote (nobody else could join it since).
		let members_only = r.params.contributors == crate::Contributors::MembersOnly;
		if r.params.voting.counts_heads() && members_only && T::Coops::coop_exists(r.coop) {
			ensure!(T::Coops::is_member(r.coop, &who), Error::<T>::NoLongerMember);
		}
		let previous = Votes::<T>::get((raise, kind), &who);
		ensure!(previous != Some(aye), Error::<T>::AlreadyVoted);
		// Neither count can fail: a side holds at most every contributor (every contribution),
		// and a previous vote is in the tally (invariant 5).
		m.heads.vote(previous, aye, 1).defensive()?;
		m.capital.vote(previous, aye, stake).defensive()?;
		Votes::<T>::insert((raise, kind), &who, aye);
		if kind == ProposalKind::Dissolve {
			Self::freeze_at_pre_quorum(raise, r, &m, now);
		}
		Motions::<T>::insert(raise, kind, m);
		Self::deposit_event(Event::Voted { raise, kind, who, aye });
		Ok(())
	}

	/// Freezes the tap of `raise`, banking what accrued, once the dissolve motion `m` reaches
	/// the pre-quorum.
	fn freeze_at_pre_quorum(
		raise: RaiseId,
		mut r: RaiseOf<T>,
		m: &MotionOf<T>,
		now: BlockNumberFor<T>,
	) {
		if !r.frozen && Self::reaches_pre_quorum(&r, m) {
			Self::bank(&mut r, now);
			r.frozen = true;
			Raises::<T>::insert(raise, r);
			Self::deposit_event(Event::TapFrozen { raise });
		}
	}

	/// Closes the motion `kind` after its voting period and carries out its proposal if it
	/// passed; returns how many votes it cleared.
	pub(crate) fn do_close_motion(
		raise: RaiseId,
		kind: ProposalKind,
	) -> Result<u32, DispatchError> {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		let m = Motions::<T>::get(raise, kind).ok_or(Error::<T>::MotionNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= m.ends, Error::<T>::VotingNotEnded);
		// Frozen means frozen: no tranche leaves the escrow that the contributors are voting to
		// recover. The milestone motion waits for the dissolve motion to close.
		ensure!(!(kind == ProposalKind::UnlockMilestone && r.frozen), Error::<T>::TapFrozen);

		let cleared = Votes::<T>::clear_prefix((raise, kind), T::MaxContributors::get(), None);
		Motions::<T>::remove(raise, kind);
		let passed = r.state == RaiseState::Active && Self::passes(&r, &m);
		Self::deposit_event(Event::MotionClosed {
			raise,
			kind,
			passed,
			heads: m.heads,
			capital: m.capital,
		});
		Self::settle_deposit(raise, kind, &r, &m, passed || Self::reaches_quorum(&r, &m));
		if !passed {
			// At least as long as the raise's votes: a freeze cannot follow a freeze.
			let cooldown = T::ProposalCooldown::get().max(r.params.voting_period);
			CoolingDown::<T>::insert(raise, kind, now.saturating_add(cooldown));
		}
		if passed {
			// A proposal that cannot be carried out changes nothing, and the motion still
			// closes: no failing transfer can keep a kind blocked for good.
			let before = r.clone();
			if let Err(error) = with_storage_layer(|| Self::carry_out(raise, &mut r, kind, &m)) {
				r = before;
				Self::deposit_event(Event::MotionNotCarriedOut { raise, kind, error });
			}
		} else if kind == ProposalKind::Dissolve && r.frozen {
			r.frozen = false;
			r.tap_checkpoint = now;
			Self::deposit_event(Event::TapThawed { raise });
		}
		Raises::<T>::insert(raise, r);
		Ok(cleared.unique)
	}

	/// Returns the closed motion's deposit to its proposer if it reached the quorum; else pays
	/// it to the raising co-op's treasury.
	fn settle_deposit(
		raise: RaiseId,
		kind: ProposalKind,
		r: &RaiseOf<T>,
		m: &MotionOf<T>,
		quorate: bool,
	) {
		let Some(amount) = MotionDeposits::<T>::take(raise, kind) else { return };
		let reason = HoldReason::ProposalDeposit.into();
		if !quorate {
			let forfeited = T::Currency::transfer_on_hold(
				&reason,
				&m.proposer,
				&T::Coops::treasury_account(r.coop),
				amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			);
			if forfeited.is_ok() {
				Self::deposit_event(Event::MotionDepositForfeited { raise, kind, amount });
				return;
			}
		}
		// Returned (and, should the treasury be unable to take it, returned too).
		if T::Currency::release(&reason, &m.proposer, amount, Precision::BestEffort).is_err() {
			defensive!("an open motion's deposit is held until it closes");
		}
	}

	/// Carries out the passed motion `m` of kind `kind` on the raise `r`.
	fn carry_out(
		raise: RaiseId,
		r: &mut RaiseOf<T>,
		kind: ProposalKind,
		m: &MotionOf<T>,
	) -> DispatchResult {
		match kind {
			ProposalKind::RaiseTap => {
				// Checked again: the beneficiary may have lowered the tap meanwhile.
				if m.new_rate > r.tap_rate && m.new_rate <= r.params.tap_ceiling {
					Self::set_rate(r, m.new_rate);
					Self::deposit_event(Event::TapRateChanged { raise, rate: m.new_rate });
				}
			},
			ProposalKind::UnlockMilestone => Self::unlock_milestone(raise, r)?,
			ProposalKind::Dissolve => Self::dissolve(raise, r),
		}
		Ok(())
	}

	/// Pays the next milestone tranche to the beneficiary.
	fn unlock_milestone(raise: RaiseId, r: &mut RaiseOf<T>) -> DispatchResult {
		let index = r.milestones_unlocked;
		let Some(amount) = r.params.milestones.get(index as usize).copied() else {
			return Ok(());
		};
		T::Currency::transfer(
			&Self::escrow(raise),
			&r.params.beneficiary,
			amount,
			Preservation::Preserve,
		)?;
		r.milestones_unlocked.saturating_inc();
		// The tranches paid are the first few, whose sum `validate` checked against the soft cap.
		r.milestones_paid =
			r.milestones_paid.checked_add(&amount).defensive_ok_or(ArithmeticError::Overflow)?;
		Self::deposit_event(Event::MilestoneUnlocked { raise, index, amount });
		Ok(())
	}

	/// Stops the tap for good and sets aside what remains in escrow for refunds.
	fn dissolve(raise: RaiseId, r: &mut RaiseOf<T>) {
		r.state = RaiseState::Dissolved;
		r.frozen = false;
		r.tap_banked = Zero::zero();
		// The tap and the tranches never paid more than was raised (invariant 4).
		r.refund_pool =
			r.raised.defensive_saturating_sub(r.tapped).defensive_saturating_sub(r.milestones_paid);
		Self::deposit_event(Event::RaiseDissolved { raise, refund_pool: r.refund_pool });
	}

	/// Whether a motion passes under the raise's voting mode.
	pub fn passes(r: &RaiseOf<T>, m: &MotionOf<T>) -> bool {
		let heads_cast = m.heads.cast();
		if heads_cast < T::MinVoters::get().min(r.contributors) {
			return false;
		}
		let quorum = r.params.quorum;
		let approval = r.params.approval;
		let heads_ok = m.heads.ayes > 0
			&& heads_cast >= quorum.mul_ceil(r.contributors)
			&& m.heads.ayes >= approval.mul_ceil(heads_cast);
		let capital_cast = m.capital.cast();
		let capital_ok = !m.capital.ayes.is_zero()
			&& capital_cast >= quorum.mul_ceil(r.raised)
			&& m.capital.ayes >= approval.mul_ceil(capital_cast);
		match r.params.voting {
			VotingMode::HeadCount => heads_ok,
			VotingMode::Capital => capital_ok,
			VotingMode::DoubleMajority => heads_ok && capital_ok,
		}
	}

	/// Whether the motion's turnout reached the quorum in every measure the mode counts, from
	/// at least `MinVoters` contributors (or all, if fewer), whatever the outcome.
	pub fn reaches_quorum(r: &RaiseOf<T>, m: &MotionOf<T>) -> bool {
		let heads_cast = m.heads.cast();
		if heads_cast < T::MinVoters::get().min(r.contributors).max(1) {
			return false;
		}
		let quorum = r.params.quorum;
		let heads = heads_cast >= quorum.mul_ceil(r.contributors);
		let capital = m.capital.cast() >= quorum.mul_ceil(r.raised);
		match r.params.voting {
			VotingMode::HeadCount => heads,
			VotingMode::Capital => capital,
			VotingMode::DoubleMajority => heads && capital,
		}
	}

	/// Whether a dissolve motion's ayes reach `PreQuorum` of the quorum in every measure the
	/// mode counts, from at least `MinVoters` contributors (or all, if fewer): one contributor,
	/// however large, cannot freeze the tap alone.
	fn reaches_pre_quorum(r: &RaiseOf<T>, m: &MotionOf<T>) -> bool {
		let pre = T::PreQuorum::get();
		let voters = m.heads.ayes >= T::MinVoters::get().min(r.contributors).max(1);
		let heads_needed = pre.mul_ceil(r.params.quorum.mul_ceil(r.contributors)).max(1);
		let capital_needed: BalanceOf<T> = pre.mul_ceil(r.params.quorum.mul_ceil(r.raised));
		let heads = m.heads.ayes >= heads_needed;
		let capital = !m.capital.ayes.is_zero() && m.capital.ayes >= capital_needed;
		voters
			&& match r.params.voting {
				VotingMode::HeadCount => heads,
				VotingMode::Capital => capital,
				VotingMode::DoubleMajority => heads && capital,
			}
	}
}
