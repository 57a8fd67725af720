//! Each co-op's pot, reserve and fund accounts, the payments between them, and spending from the
//! education and social fund.

use crate::*;
use frame_support::traits::tokens::{DepositConsequence, Fortitude, Preservation, Provenance};
use sp_runtime::traits::{AccountIdConversion, Zero};

impl<T: Config> Pallet<T> {
	/// The account holding each co-op's unclaimed allocations.
	pub fn pot_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"pot", coop))
	}

	/// Each co-op's indivisible reserve: this pallet pays into it and never out of it.
	pub fn reserve_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"rsv", coop))
	}

	/// Each co-op's education and social fund, spent by the co-op's decision.
	pub fn fund_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"fnd", coop))
	}

	/// `transfer_dissolved_reserve`: a dissolved co-op's reserve and fund go to
	/// `DissolvedAssetsTo`.
	pub(crate) fn do_transfer_dissolved_reserve(coop: CoopId) -> DispatchResult {
		ensure!(
			coop != coop_primitives::FEDERATION && !T::Coops::coop_exists(coop),
			Error::<T>::CoopNotDissolved
		);
		let to = T::DissolvedAssetsTo::get();
		// Each account keeps its seed: later sweeps of the co-op's unclaimed allocations still
		// land in a living reserve.
		let all = |who: &T::AccountId| Self::spendable(who);
		let (reserve_account, fund_account) =
			(Self::reserve_account(coop), Self::fund_account(coop));
		let (reserve, fund) = (all(&reserve_account), all(&fund_account));
		ensure!(!reserve.is_zero() || !fund.is_zero(), Error::<T>::NothingToTransfer);
		for (from, amount) in [(&reserve_account, reserve), (&fund_account, fund)] {
			if !amount.is_zero() {
				T::Currency::transfer(from, &to, amount, Preservation::Preserve)?;
			}
		}
		Self::deposit_event(Event::DissolvedReserveTransferred { coop, to, reserve, fund });
		Ok(())
	}

	/// Pays `amount` from the co-op's fund, which stays alive.
	pub(crate) fn do_spend_fund(
		coop: CoopId,
		to: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(OpenPeriods::<T>::contains_key(coop), Error::<T>::NoPolicy);
		let fund = Self::fund_account(coop);
		ensure!(Self::spendable(&fund) >= amount, Error::<T>::FundTooPoor);
		Self::pay(&fund, &to, amount)?;
		Self::deposit_event(Event::FundSpent { coop, to, amount });
		Ok(())
	}

	/// Gives the pot, reserve and fund accounts the existential deposit, so that no payment
	/// into them is ever too small and no payment out of them ever leaves dust to be burned.
	pub(crate) fn seed_accounts(coop: CoopId) -> DispatchResult {
		let treasury = T::Coops::treasury_account(coop);
		let seed = T::Currency::minimum_balance();
		for account in
			[Self::pot_account(coop), Self::reserve_account(coop), Self::fund_account(coop)]
		{
			if T::Currency::total_balance(&account) < seed {
				T::Currency::transfer(&treasury, &account, seed, Preservation::Preserve)
					.map_err(|_| Error::<T>::TreasuryTooPoor)?;
			}
		}
		Ok(())
	}

	/// What `who` can pay and stay alive.
	pub(crate) fn spendable(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite)
	}

	/// Whether paying `amount` to `who` fails only because it is below the existential deposit
	/// of an account that does not exist (a reaped member).
	pub(crate) fn below_minimum(who: &T::AccountId, amount: BalanceOf<T>) -> bool {
		!amount.is_zero()
			&& T::Currency::can_deposit(who, amount, Provenance::Extant)
				== DepositConsequence::BelowMinimum
	}

	/// A payee without an account needs at least the existential deposit.
	pub(crate) fn ensure_can_receive(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		ensure!(
			T::Currency::can_deposit(who, amount, Provenance::Extant).into_result().is_ok(),
			Error::<T>::PaymentBelowMinimum
		);
		Ok(())
	}

	/// Transfers `amount` (nothing, if it is zero), keeping the payer alive.
	pub(crate) fn pay(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(from, to, amount, Preservation::Preserve)?;
		Ok(())
	}
}
