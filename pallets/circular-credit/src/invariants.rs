//! The pallet's invariants, checked by `try_state` (and after every unit test of the mock).

use crate::{pallet::*, BalanceOf, CircleId, CircleInfo, CreditBalance};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{Saturating, TryRuntimeError};

/// Per participant of a circle: how many open obligations it is a party to, and the net
/// position its open accepted obligations add up to.
type OpenObligations<AccountId> = BTreeMap<AccountId, (u32, CreditBalance)>;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants.
	///
	/// ## Invariants
	///
	/// 1. The balances of each circle and its loss account sum to exactly zero: the balances
	///    sum to what the co-op wrote off.
	/// 2. No balance is below its participant's credit limit, nor above its ceiling.
	/// 3. Every open obligation is positive and its parties take part in its circle; accepted
	///    ones are in `Obligations`, unaccepted ones in `PendingObligations`.
	/// 4. Clearing never changed a net position: each participant's recorded net position in
	///    accepted obligations (moved only by accepting, settling and cancelling) equals the
	///    one its open accepted obligations add up to.
	/// 5. Each circle's accepted-obligation and participant counts, each participant's
	///    open-obligation count and each creditor's pending count match storage.
	/// 6. Every deposit belongs to an unaccepted obligation, and what is held from each
	///    participant for obligation deposits is exactly the sum of its obligations' deposits.
	/// 7. Clearing with liquidity is set only for circles, and only participants consent to it.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (circle, info) in Circles::<T>::iter() {
			let mut open = Self::try_balances(circle, &info)?;
			Self::try_obligations(circle, &info, &mut open)?;
			for (who, (n, net)) in open {
				let p = Participants::<T>::get(circle, &who).ok_or("participant")?;
				ensure!(p.open_obligations == n, "a participant's obligation count matches");
				ensure!(p.obligation_net == net, "clearing never changed a net position");
			}
		}
		Self::try_deposits()?;
		Self::try_liquidity()
	}

	/// Invariant 7.
	fn try_liquidity() -> Result<(), TryRuntimeError> {
		for circle in LiquidityCircles::<T>::iter_keys() {
			ensure!(Circles::<T>::contains_key(circle), "liquidity is set only for circles");
		}
		for (circle, who, ()) in LiquidityConsents::<T>::iter() {
			ensure!(
				Participants::<T>::contains_key(circle, &who),
				"only participants consent to liquidity"
			);
		}
		Ok(())
	}

	/// Invariant 6.
	fn try_deposits() -> Result<(), TryRuntimeError> {
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (circle, id, deposit) in PendingDeposits::<T>::iter() {
			let o = PendingObligations::<T>::get(circle, id)
				.ok_or("a deposit belongs to an unaccepted obligation")?;
			let sum = held.entry(o.creditor).or_default();
			*sum = sum.saturating_add(deposit);
		}
		for (_, who, _) in Participants::<T>::iter() {
			held.entry(who).or_default();
		}
		let reason = HoldReason::ObligationDeposit.into();
		for (who, sum) in held {
			ensure!(
				T::Currency::balance_on_hold(&reason, &who) == sum,
				"what is held from a participant is the sum of its obligations' deposits"
			);
		}
		Ok(())
	}

	/// Invariants 1, 2 and the participant count of 5; returns the circle's participants, with
	/// nothing counted yet.
	fn try_balances(
		circle: CircleId,
		info: &CircleInfo,
	) -> Result<OpenObligations<T::AccountId>, TryRuntimeError> {
		let mut sum: CreditBalance = 0;
		let mut count = 0u32;
		let mut open = OpenObligations::<T::AccountId>::new();
		for (who, p) in Participants::<T>::iter_prefix(circle) {
			sum = sum.checked_add(p.balance).ok_or("balance sum overflows")?;
			count.saturating_inc();
			ensure!(p.index < info.next_index, "participant numbers are issued by the circle");
			ensure!(
				p.balance >= 0 || p.balance.unsigned_abs() <= p.credit_limit,
				"no balance is below its credit limit"
			);
			ensure!(
				p.ceiling.is_none_or(|c| p.balance <= 0 || p.balance.unsigned_abs() <= c),
				"no balance is above its ceiling"
			);
			open.insert(who, (0, 0));
		}
		let written_off = CreditBalance::try_from(WrittenOff::<T>::get(circle))
			.map_err(|_| "written-off credit too large")?;
		ensure!(sum == written_off, "the balances of a circle sum to what it wrote off");
		ensure!(count == info.participants, "participant count matches");
		Ok(open)
	}

	/// Invariant 3 and the obligation counts of 5; counts each participant's open obligations
	/// and adds up its accepted ones into `open`.
	fn try_obligations(
		circle: CircleId,
		info: &CircleInfo,
		open: &mut OpenObligations<T::AccountId>,
	) -> Result<(), TryRuntimeError> {
		let mut accepted = 0u32;
		let mut pending: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let all = Obligations::<T>::iter_prefix(circle)
			.map(|(_, o)| (true, o))
			.chain(PendingObligations::<T>::iter_prefix(circle).map(|(_, o)| (false, o)));
		for (in_accepted, o) in all {
			ensure!(o.amount > 0, "open obligations are positive");
			ensure!(o.accepted == in_accepted, "an obligation is kept where its acceptance says");
			if o.accepted {
				accepted.saturating_inc();
			} else {
				pending.entry(o.creditor.clone()).or_default().saturating_inc();
			}
			let amount = CreditBalance::try_from(o.amount).map_err(|_| "obligation too large")?;
			for (who, sign) in [(&o.debtor, -1i128), (&o.creditor, 1i128)] {
				let (n, net) = open.get_mut(who).ok_or("an obligation's parties take part")?;
				n.saturating_inc();
				if o.accepted {
					*net = amount
						.checked_mul(sign)
						.and_then(|d| net.checked_add(d))
						.ok_or("net overflows")?;
				}
			}
		}
		ensure!(accepted == info.open_obligations, "open obligation count matches");
		for (creditor, n) in PendingIssued::<T>::iter_prefix(circle) {
			ensure!(pending.remove(&creditor) == Some(n), "a creditor's pending count matches");
		}
		ensure!(pending.is_empty(), "a creditor's pending count matches");
		Ok(())
	}
}
