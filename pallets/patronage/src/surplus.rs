//! The surplus arithmetic of the crate docs: closing a period splits its surplus and stores a
//! rate, claiming pays one member's allocation, sweeping moves what is left to the reserve.

use crate::*;
use frame_support::traits::{DefensiveOption, DefensiveSaturating};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, CheckedSub, EnsureAdd, Saturating, Zero},
	ArithmeticError, FixedPointNumber, Rounding,
};

/// How a period's surplus is split when it closes.
pub(crate) struct SurplusSplit<Balance> {
	pub reserve: Balance,
	pub fund: Balance,
	pub non_member_share: Balance,
	pub allocatable: Balance,
	pub rate: FixedU128,
}

impl<T: Config> Pallet<T> {
	/// Closes the open period with `surplus` from the treasury, pays out its split and opens
	/// the next period.
	pub(crate) fn do_close_period(coop: CoopId, surplus: BalanceOf<T>) -> DispatchResult {
		let policy = Policies::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
		let open = OpenPeriods::<T>::get(coop).ok_or(Error::<T>::NoPolicy)?;
		let treasury = T::Coops::treasury_account(coop);
		let spendable = Self::spendable(&treasury);
		ensure!(spendable >= surplus, Error::<T>::TreasuryTooPoor);
		// The treasury keeps what matured equity is owed, with what matures with this close: a
		// surplus comes only out of what is left (closing with none is always possible).
		let matured = Self::matured_owed(coop).saturating_add(Maturing::<T>::get(coop, open.index));
		ensure!(
			surplus.is_zero() || spendable.saturating_sub(surplus) >= matured,
			Error::<T>::MaturedEquityUnpaid
		);

		let split = Self::split_surplus(&policy, &open, surplus)?;
		let now = frame_system::Pallet::<T>::block_number();
		let closed = Self::closed_period(&policy, &open, surplus, &split, now);
		Self::pay_out_split(coop, &treasury, &split)?;

		let next = open.index.ensure_add(1)?;
		Self::mature(coop, open.index);
		ClosedPeriods::<T>::insert(coop, open.index, &closed);
		OpenPeriods::<T>::insert(
			coop,
			OpenPeriod { index: next, opened_at: now, member_units: 0, non_member_units: 0 },
		);
		Self::deposit_event(Event::PeriodClosed {
			coop,
			period: open.index,
			surplus,
			reserve: closed.reserve,
			fund: closed.fund,
			non_member_share: closed.non_member_share,
			allocatable: closed.allocatable,
			rate: closed.rate,
			claim_deadline: closed.claim_deadline,
		});
		Self::deposit_event(Event::PeriodOpened { coop, period: next });
		Ok(())
	}

	/// The record of a period closed at `now` with `surplus`, split as `split`, nothing
	/// claimed yet.
	fn closed_period(
		policy: &PolicyOf<T>,
		open: &OpenPeriod<BlockNumberFor<T>>,
		surplus: BalanceOf<T>,
		split: &SurplusSplit<BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) -> ClosedPeriodOf<T> {
		ClosedPeriod {
			surplus,
			reserve: split.reserve,
			fund: split.fund,
			non_member_share: split.non_member_share,
			allocatable: split.allocatable,
			rate: split.rate,
			cash_share: policy.cash_share,
			matures_after: open.index.saturating_add(policy.revolving_periods),
			member_units: open.member_units,
			non_member_units: open.non_member_units,
			claimed_units: 0,
			claimed: Zero::zero(),
			closed_at: now,
			claim_deadline: now.saturating_add(policy.claim_window),
			swept: None,
		}
	}

	/// Moves the split from the treasury: reserve and non-member share to the reserve, the
	/// fund share to the fund, the allocatable surplus to the pot.
	fn pay_out_split(
		coop: CoopId,
		treasury: &T::AccountId,
		split: &SurplusSplit<BalanceOf<T>>,
	) -> DispatchResult {
		// Both are parts of the surplus, which is a balance.
		let to_reserve = split
			.reserve
			.checked_add(&split.non_member_share)
			.defensive_ok_or(ArithmeticError::Overflow)?;
		Self::pay(treasury, &Self::reserve_account(coop), to_reserve)?;
		Self::pay(treasury, &Self::fund_account(coop), split.fund)?;
		Self::pay(treasury, &Self::pot_account(coop), split.allocatable)?;
		Ok(())
	}

	/// Splits `surplus` by the policy and the period's patronage:
	/// `reserve = ⌊surplus × reserve_share⌋`, `fund = ⌊surplus × fund_share⌋`,
	/// `rest = surplus − reserve − fund`, `non_member_share = ⌊rest × N / (M + N)⌋` (all of
	/// `rest` if no member did business), `allocatable = rest − non_member_share`, and
	/// `rate = ⌊allocatable × 10^18 / M⌋ / 10^18`, where `M` and `N` are member and non-member
	/// weighted units.
	pub(crate) fn split_surplus(
		policy: &PolicyOf<T>,
		open: &OpenPeriod<BlockNumberFor<T>>,
		surplus: BalanceOf<T>,
	) -> Result<SurplusSplit<BalanceOf<T>>, DispatchError> {
		let reserve = policy.reserve_share.mul_floor(surplus);
		let fund = policy.fund_share.mul_floor(surplus);
		// A valid policy's shares add up to at most the whole, and each is rounded down.
		let rest = surplus
			.checked_sub(&reserve)
			.and_then(|r| r.checked_sub(&fund))
			.defensive_ok_or(ArithmeticError::Underflow)?;
		let (member, non_member) = (open.member_units, open.non_member_units);
		let non_member_share = Self::non_member_share(rest, member, non_member)?;
		// The non-member share is a rounded-down part of the rest.
		let allocatable =
			rest.checked_sub(&non_member_share).defensive_ok_or(ArithmeticError::Underflow)?;
		let rate = Self::rate(allocatable, member)?;
		Ok(SurplusSplit { reserve, fund, non_member_share, allocatable, rate })
	}

	/// `⌊rest × N / (M + N)⌋`, or all of `rest` if no member did business.
	fn non_member_share(
		rest: BalanceOf<T>,
		member: PatronageUnits,
		non_member: PatronageUnits,
	) -> Result<BalanceOf<T>, DispatchError> {
		if member == 0 {
			return Ok(rest);
		}
		if non_member == 0 {
			return Ok(Zero::zero());
		}
		let all = member.ensure_add(non_member)?;
		// `N / (M + N) < 1`, so the share is below `rest` and cannot overflow.
		let share = multiply_by_rational_with_rounding(
			Self::to_u128(rest)?,
			non_member,
			all,
			Rounding::Down,
		)
		.defensive_ok_or(ArithmeticError::Overflow)?;
		Self::from_u128(share)
	}

	/// `⌊allocatable × 10^18 / M⌋ / 10^18`, zero if no member did business.
	fn rate(allocatable: BalanceOf<T>, member: PatronageUnits) -> Result<FixedU128, DispatchError> {
		if member == 0 {
			return Ok(FixedU128::zero());
		}
		let inner = multiply_by_rational_with_rounding(
			Self::to_u128(allocatable)?,
			FixedU128::DIV,
			member,
			Rounding::Down,
		)
		.ok_or(Error::<T>::RateOverflow)?;
		Ok(FixedU128::from_inner(inner))
	}

	/// Pays `member`'s allocation for a closed period: cash from the pot, the retained part
	/// back to the treasury as a tranche on their capital account.
	pub(crate) fn do_claim(
		coop: CoopId,
		period: PeriodIndex,
		member: T::AccountId,
	) -> DispatchResult {
		let mut closed =
			ClosedPeriods::<T>::get(coop, period).ok_or(Error::<T>::PeriodNotClosed)?;
		ensure!(closed.swept.is_none(), Error::<T>::ClaimWindowClosed);
		ensure!(
			frame_system::Pallet::<T>::block_number() <= closed.claim_deadline,
			Error::<T>::ClaimWindowClosed
		);
		let units =
			MemberPatronage::<T>::get((coop, period), &member).ok_or(Error::<T>::NothingToClaim)?;
		let allocation = Self::allocation_of(&closed, units)?;
		ensure!(!allocation.total.is_zero(), Error::<T>::NothingToClaim);
		// The pot holds `allocatable - claimed` for the period; rounding down keeps every
		// allocation within it (invariant 2).
		let claimed = closed
			.claimed
			.checked_add(&allocation.total)
			.filter(|claimed| *claimed <= closed.allocatable)
			.defensive_ok_or(ArithmeticError::Underflow)?;
		// An allocation is never lost: cash the member's account cannot receive (a reaped
		// account and cash below the existential deposit) is retained as equity with the rest,
		// paid when it revolves.
		let allocation = if Self::below_minimum(&member, allocation.cash) {
			Allocation { cash: Zero::zero(), retained: allocation.total, ..allocation }
		} else {
			Self::ensure_can_receive(&member, allocation.cash)?;
			allocation
		};

		if !allocation.retained.is_zero() {
			Self::retain_equity(coop, &member, period, closed.matures_after, allocation.retained)?;
		}
		Self::pay(&Self::pot_account(coop), &member, allocation.cash)?;

		closed.claimed = claimed;
		// Claimed and unclaimed units add up to the period's member units (invariant 2).
		closed.claimed_units =
			closed.claimed_units.checked_add(units).defensive_ok_or(ArithmeticError::Overflow)?;
		ClosedPeriods::<T>::insert(coop, period, &closed);
		MemberPatronage::<T>::remove((coop, period), &member);
		Self::deposit_event(Event::AllocationNotified {
			coop,
			period,
			member,
			units,
			total: allocation.total,
			cash: allocation.cash,
			retained: allocation.retained,
			matures_after: closed.matures_after,
		});
		Ok(())
	}

	/// `units × rate`, rounded down, split into cash (the policy share, rounded up) and retained
	/// equity.
	pub(crate) fn allocation_of(
		closed: &ClosedPeriodOf<T>,
		units: PatronageUnits,
	) -> Result<Allocation<BalanceOf<T>>, DispatchError> {
		let total = Self::mul_rate(closed.rate, units)?;
		let cash = closed.cash_share.mul_ceil(total);
		// A share of at most the whole, rounded up, is at most the whole.
		let retained = total.checked_sub(&cash).defensive_ok_or(ArithmeticError::Underflow)?;
		Ok(Allocation { units, total, cash, retained })
	}

	/// Moves what is left of a period's allocations to the reserve once its window has ended.
	pub(crate) fn do_sweep_unclaimed(coop: CoopId, period: PeriodIndex) -> DispatchResult {
		let mut closed =
			ClosedPeriods::<T>::get(coop, period).ok_or(Error::<T>::PeriodNotClosed)?;
		ensure!(closed.swept.is_none(), Error::<T>::AlreadySwept);
		ensure!(
			frame_system::Pallet::<T>::block_number() > closed.claim_deadline,
			Error::<T>::ClaimWindowOpen
		);
		let outstanding = closed.outstanding();
		// Claimed units are part of the period's member units (invariant 2).
		let unclaimed_units = closed.member_units.defensive_saturating_sub(closed.claimed_units);
		let unclaimed = Self::mul_rate(closed.rate, unclaimed_units)?.min(outstanding);
		// `unclaimed` is at most `outstanding`: this never saturates.
		let remainder = outstanding.defensive_saturating_sub(unclaimed);
		Self::pay(&Self::pot_account(coop), &Self::reserve_account(coop), outstanding)?;
		closed.swept = Some(Sweep { unclaimed, remainder });
		ClosedPeriods::<T>::insert(coop, period, closed);
		Self::deposit_event(Event::UnclaimedSwept { coop, period, unclaimed, remainder });
		Ok(())
	}

	/// `⌊units × rate⌋` as a balance.
	fn mul_rate(rate: FixedU128, units: PatronageUnits) -> Result<BalanceOf<T>, DispatchError> {
		let value = rate.checked_mul_int(units).ok_or(ArithmeticError::Overflow)?;
		Self::from_u128(value)
	}

	fn to_u128(balance: BalanceOf<T>) -> Result<u128, DispatchError> {
		balance.try_into().map_err(|_| ArithmeticError::Overflow.into())
	}

	fn from_u128(value: u128) -> Result<BalanceOf<T>, DispatchError> {
		value.try_into().map_err(|_| ArithmeticError::Overflow.into())
	}
}
