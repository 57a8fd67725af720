//! The funding phase: opening a raise with its seeded escrow, contributions, and finalising
//! the raise once its window has closed.

use crate::{
	pallet::*, BalanceOf, Contribution, Contributors, RaiseId, RaiseOf, RaiseParamsOf, RaiseState,
};
use coop_primitives::{CoopId, CoopInspect};
use frame_support::{
	defensive, ensure,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Precision, Preservation},
		DefensiveOption, DefensiveSaturating, Get,
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

impl<T: Config> Pallet<T> {
	/// The keyless escrow account of a raise.
	pub fn escrow(raise: RaiseId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(raise)
	}

	/// Checks a raise's parameters.
	pub fn validate(coop: CoopId, p: &RaiseParamsOf<T>) -> DispatchResult {
		ensure!(!p.soft_cap.is_zero() && p.soft_cap <= p.hard_cap, Error::<T>::InvalidCaps);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(p.start >= now && p.end > p.start, Error::<T>::InvalidWindow);
		// The minimum is at least the hard cap shared among `MaxContributors`: accounts
		// contributing the minimum cannot fill every contributor slot before the cap is reached.
		let slots: BalanceOf<T> = T::MaxContributors::get().max(1).into();
		let mut floor = p.hard_cap / slots;
		if floor.saturating_mul(slots) < p.hard_cap {
			floor.saturating_inc();
		}
		ensure!(
			p.min_contribution >= T::Currency::minimum_balance()
				&& p.min_contribution >= floor
				&& p.min_contribution <= p.max_contribution,
			Error::<T>::InvalidContributionBounds
		);
		// Heads are counted only where they are real: members the co-op admitted by vote.
		if p.voting.counts_heads() {
			ensure!(
				p.contributors == Contributors::MembersOnly && T::Coops::admits_by_vote(coop),
				Error::<T>::HeadCountNeedsAdmittedMembers
			);
		}
		ensure!(!p.tap_rate.is_zero() && p.tap_rate <= p.tap_ceiling, Error::<T>::InvalidTapRate);
		ensure!(p.quorum >= T::MinQuorum::get(), Error::<T>::QuorumTooLow);
		ensure!(p.approval >= Perbill::from_percent(50), Error::<T>::ApprovalBelowMajority);
		ensure!(
			p.voting_period >= T::MinVotingPeriod::get()
				&& p.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::VotingPeriodOutOfBounds
		);
		let mut total: BalanceOf<T> = Zero::zero();
		for tranche in p.milestones.iter() {
			// At least the existential deposit: a tranche is always payable, even to a
			// beneficiary whose account was reaped.
			ensure!(*tranche >= T::Currency::minimum_balance(), Error::<T>::InvalidMilestones);
			total = total.checked_add(tranche).ok_or(Error::<T>::InvalidMilestones)?;
		}
		ensure!(total <= p.soft_cap, Error::<T>::InvalidMilestones);
		Ok(())
	}

	/// Opens a raise of `coop` (whose origin the call checked) and seeds its escrow from the
	/// co-op's treasury.
	pub(crate) fn do_create_raise(coop: CoopId, params: RaiseParamsOf<T>) -> DispatchResult {
		ensure!(T::Coops::coop_exists(coop), Error::<T>::CoopNotFound);
		Self::validate(coop, &params)?;
		let raise = NextRaiseId::<T>::get();
		let next = raise.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let escrow = Self::escrow(raise);
		let seed = T::Currency::minimum_balance();
		let treasury = T::Coops::treasury_account(coop);
		T::Currency::transfer(&treasury, &escrow, seed, Preservation::Preserve)?;
		let deposit = T::RaiseDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::RaiseDeposit.into(), &treasury, deposit)?;
			RaiseDeposits::<T>::insert(raise, deposit);
		}
		Raises::<T>::insert(raise, Self::new_raise(coop, params, seed));
		NextRaiseId::<T>::put(next);
		Self::deposit_event(Event::RaiseCreated { raise, coop, escrow });
		Ok(())
	}

	/// `prune_raise`: removes a settled raise; returns how many contributions it removed.
	pub(crate) fn do_prune_raise(raise: RaiseId) -> Result<u32, DispatchError> {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		let settled = match r.state {
			RaiseState::Funding => false,
			RaiseState::Active => r.tapped.saturating_add(r.milestones_paid) == r.raised,
			RaiseState::Failed | RaiseState::Dissolved => r.refunds_claimed == r.contributors,
		};
		ensure!(settled, Error::<T>::RaiseNotSettled);
		ensure!(Motions::<T>::iter_prefix(raise).next().is_none(), Error::<T>::MotionStillOpen);
		// An active raise's escrow still holds its seed (and any donation): it goes back.
		Self::return_seed(raise, &mut r)?;
		let removed = Contributions::<T>::clear_prefix(raise, T::MaxContributors::get(), None);
		let _ = CoolingDown::<T>::clear_prefix(raise, 3, None);
		Raises::<T>::remove(raise);
		if let Some(deposit) = RaiseDeposits::<T>::take(raise) {
			let treasury = T::Coops::treasury_account(r.coop);
			let reason = HoldReason::RaiseDeposit.into();
			if T::Currency::release(&reason, &treasury, deposit, Precision::BestEffort).is_err() {
				defensive!("a raise's deposit is held until it is pruned");
			}
		}
		Self::deposit_event(Event::RaisePruned { raise });
		Ok(removed.unique)
	}

	/// A raise in its funding phase, nothing raised yet.
	fn new_raise(coop: CoopId, params: RaiseParamsOf<T>, seed: BalanceOf<T>) -> RaiseOf<T> {
		let tap_rate = params.tap_rate;
		RaiseOf::<T> {
			coop,
			params,
			state: RaiseState::Funding,
			seed,
			raised: Zero::zero(),
			contributors: 0,
			tap_rate,
			tap_checkpoint: Zero::zero(),
			tap_banked: Zero::zero(),
			frozen: false,
			tapped: Zero::zero(),
			milestones_unlocked: 0,
			milestones_paid: Zero::zero(),
			refund_pool: Zero::zero(),
			refunded: Zero::zero(),
			refunds_claimed: 0,
		}
	}

	/// Moves `who`'s contribution, cut at the hard cap, into the raise's escrow.
	pub(crate) fn do_contribute(
		who: T::AccountId,
		raise: RaiseId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			r.state == RaiseState::Funding && now >= r.params.start && now <= r.params.end,
			Error::<T>::WindowClosed
		);
		if r.params.contributors == Contributors::MembersOnly {
			ensure!(T::Coops::is_member(r.coop, &who), Error::<T>::NotCoopMember);
		}
		// `raised` never exceeds the hard cap (invariant 2).
		let room = r.params.hard_cap.defensive_saturating_sub(r.raised);
		ensure!(!room.is_zero(), Error::<T>::HardCapReached);
		let amount = amount.min(room);
		// A contribution cut by the hard cap may be below the minimum: it fills the cap.
		ensure!(
			amount >= r.params.min_contribution || amount == room,
			Error::<T>::BelowMinContribution
		);
		let previous = Contributions::<T>::get(raise, &who);
		let total = previous
			.as_ref()
			.map_or(Zero::zero(), |c| c.amount)
			.checked_add(&amount)
			.ok_or(ArithmeticError::Overflow)?;
		ensure!(total <= r.params.max_contribution, Error::<T>::AboveMaxContribution);
		if previous.is_none() {
			ensure!(r.contributors < T::MaxContributors::get(), Error::<T>::TooManyContributors);
			r.contributors.saturating_inc();
		}
		T::Currency::transfer(&who, &Self::escrow(raise), amount, Preservation::Preserve)?;
		// `amount ≤ room = hard_cap − raised`, so the sum stays within the hard cap.
		r.raised = r.raised.checked_add(&amount).defensive_ok_or(ArithmeticError::Overflow)?;
		Contributions::<T>::insert(raise, &who, Contribution { amount: total, refunded: false });
		let raised = r.raised;
		Raises::<T>::insert(raise, r);
		Self::deposit_event(Event::Contributed { raise, who, amount, raised });
		Ok(())
	}

	/// Ends the funding phase: active at or above the soft cap, failed below it.
	pub(crate) fn do_finalize(raise: RaiseId) -> DispatchResult {
		let mut r = Raises::<T>::get(raise).ok_or(Error::<T>::RaiseNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(r.state == RaiseState::Funding && now > r.params.end, Error::<T>::CannotFinalize);
		if r.raised >= r.params.soft_cap {
			r.state = RaiseState::Active;
			r.tap_checkpoint = now;
			Self::deposit_event(Event::RaiseSucceeded { raise, raised: r.raised });
		} else {
			r.state = RaiseState::Failed;
			r.refund_pool = r.raised;
			Self::deposit_event(Event::RaiseFailed { raise, raised: r.raised });
			if r.contributors == 0 {
				Self::return_seed(raise, &mut r)?;
			}
		}
		Raises::<T>::insert(raise, r);
		Ok(())
	}
}
