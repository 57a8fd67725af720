//! Runtime API of `pallet-patronage`: what a member may claim, their capital account, and a
//! period's summary. Polkadot.js Apps shows it under Developer → Runtime calls → `patronageApi`;
//! the node serves it over JSON-RPC as `patronage_*` (crate `pallet-patronage-rpc`).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

use codec::Codec;
use coop_primitives::CoopId;
pub use pallet_patronage::{Allocation, CapitalAccount, PeriodIndex, PeriodSummary};

sp_api::decl_runtime_apis! {
	/// Patronage dividends: allocations, capital accounts and periods.
	pub trait PatronageApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// `member`'s allocation for a closed period of `coop`, if they can still claim it.
		fn claimable(coop: CoopId, period: PeriodIndex, member: AccountId) -> Option<Allocation<Balance>>;
		/// `member`'s retained equity in `coop`: tranches, what is owed, what has matured.
		fn capital_account(coop: CoopId, member: AccountId) -> CapitalAccount<Balance>;
		/// A period of `coop`: open (patronage so far) or closed (its split and claims).
		fn period_summary(coop: CoopId, period: PeriodIndex) -> Option<PeriodSummary<Balance, BlockNumber>>;
	}
}
