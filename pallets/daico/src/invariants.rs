//! The pallet's invariants, checked by `try_state` (and after every unit test and every block
//! of the mock).

use crate::{pallet::*, BalanceOf, MotionOf, ProposalKind, RaiseId, RaiseOf};
use alloc::vec::Vec;
use coop_primitives::Tally;
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold},
		Get,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. Every raise's escrow holds at least `seed + raised − tapped − milestones paid −
	///    refunded` (more only by donations, and refunds nobody could receive, which go back to
	///    the co-op with the seed): no raise's funds are reachable from another, nothing leaks.
	/// 2. `raised` equals the sum of the raise's contributions, never above the hard cap, and
	///    `contributors` equals their number (at most `MaxContributors`).
	/// 3. Refunds never exceed what there is to refund: `refunded ≤ refund_pool ≤ raised −
	///    tapped − milestones paid`, and `refunds_claimed` equals the refunded contributions.
	/// 4. The tap never drew more than its share: `tapped ≤ raised − Σ tranches`, and the
	///    milestones paid equal the first `milestones_unlocked` tranches.
	/// 5. Open motions belong to existing raises, only contributors voted on them, and their
	///    tallies (of heads and of capital) equal their votes.
	/// 6. Every recorded motion deposit belongs to an open motion, and what each proposer has
	///    on hold for motions covers their deposits; every raise deposit belongs to a raise.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (id, r) in Raises::<T>::iter() {
			Self::try_escrow(id, &r)?;
			Self::try_contributions(id, &r)?;
			Self::try_tap_and_milestones(&r)?;
		}
		for (id, kind, m) in Motions::<T>::iter() {
			Self::try_motion(id, kind, &m)?;
		}
		Self::try_deposits()
	}

	/// Invariant 6.
	fn try_deposits() -> Result<(), TryRuntimeError> {
		let mut by_proposer: Vec<(T::AccountId, BalanceOf<T>)> = Vec::new();
		for (id, kind, deposit) in MotionDeposits::<T>::iter() {
			let m = Motions::<T>::get(id, kind).ok_or("deposit of a closed motion")?;
			match by_proposer.iter_mut().find(|(who, _)| *who == m.proposer) {
				Some((_, sum)) => *sum = sum.saturating_add(deposit),
				None => by_proposer.push((m.proposer, deposit)),
			}
		}
		for (id, _) in RaiseDeposits::<T>::iter() {
			ensure!(Raises::<T>::contains_key(id), "deposit of a pruned raise");
		}
		let reason = HoldReason::ProposalDeposit.into();
		for (who, sum) in by_proposer {
			ensure!(T::Currency::balance_on_hold(&reason, &who) >= sum, "motion deposit not held");
		}
		Ok(())
	}

	/// Invariant 1.
	fn try_escrow(id: RaiseId, r: &RaiseOf<T>) -> Result<(), TryRuntimeError> {
		let expected = r
			.seed
			.checked_add(&r.raised)
			.and_then(|x| x.checked_sub(&r.tapped))
			.and_then(|x| x.checked_sub(&r.milestones_paid))
			.and_then(|x| x.checked_sub(&r.refunded))
			.ok_or("escrow accounting underflows")?;
		ensure!(T::Currency::balance(&Self::escrow(id)) >= expected, "escrow holds too little");
		Ok(())
	}

	/// Invariants 2 and 3.
	fn try_contributions(id: RaiseId, r: &RaiseOf<T>) -> Result<(), TryRuntimeError> {
		let (mut sum, mut count, mut refunded) = (BalanceOf::<T>::zero(), 0u32, 0u32);
		for (_, c) in Contributions::<T>::iter_prefix(id) {
			sum = sum.saturating_add(c.amount);
			count.saturating_inc();
			refunded.saturating_accrue(c.refunded as u32);
		}
		ensure!(sum == r.raised, "raised differs from the contributions");
		ensure!(r.raised <= r.params.hard_cap, "raised above the hard cap");
		ensure!(count == r.contributors, "contributor count differs");
		ensure!(count <= T::MaxContributors::get(), "too many contributors");
		ensure!(refunded == r.refunds_claimed, "refund count differs");
		ensure!(r.refunded <= r.refund_pool, "refunded more than the pool");
		ensure!(
			r.refund_pool <= r.raised.saturating_sub(r.tapped).saturating_sub(r.milestones_paid),
			"refund pool above what remains"
		);
		Ok(())
	}

	/// Invariant 4.
	fn try_tap_and_milestones(r: &RaiseOf<T>) -> Result<(), TryRuntimeError> {
		let tranches = Self::tranches_total(r);
		ensure!(r.tapped <= r.raised.saturating_sub(tranches), "tap drew beyond its share");
		let paid: BalanceOf<T> = r
			.params
			.milestones
			.iter()
			.take(r.milestones_unlocked as usize)
			.fold(Zero::zero(), |a: BalanceOf<T>, t| a.saturating_add(*t));
		ensure!(paid == r.milestones_paid, "milestones paid differ");
		Ok(())
	}

	/// Invariant 5.
	fn try_motion(id: RaiseId, kind: ProposalKind, m: &MotionOf<T>) -> Result<(), TryRuntimeError> {
		ensure!(Raises::<T>::contains_key(id), "motion of a missing raise");
		let mut votes = Vec::new();
		for (who, aye) in Votes::<T>::iter_prefix((id, kind)) {
			let c = Contributions::<T>::get(id, &who).ok_or("vote of a non-contributor")?;
			votes.push((aye, c.amount));
		}
		let heads = Tally::recount(votes.iter().map(|(aye, _)| (*aye, 1u32)));
		ensure!(heads == Some(m.heads), "head tally differs from votes");
		let capital = Tally::recount(votes.iter().copied());
		ensure!(capital == Some(m.capital), "capital tally differs from votes");
		Ok(())
	}
}
