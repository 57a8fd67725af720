//! JSON-RPC of `pallet-patronage`, served by the node:
//!
//! - `patronage_claimable(coop, period, member, at?)`: the member's allocation for a closed
//!   period (units, total, cash, retained), or `null` if there is nothing left to claim;
//! - `patronage_capitalAccount(coop, member, at?)`: their retained equity tranches, what is owed
//!   and what has matured;
//! - `patronage_periodSummary(coop, period, at?)`: an open period's patronage so far, or a closed
//!   period's split, rate, claims and sweep; `null` for a period that does not exist.
//!
//! Amounts are decimal strings (they exceed JavaScript's safe integers); accounts are SS58.

#![deny(missing_docs)]

use std::sync::Arc;

use codec::Codec;
use coop_primitives::CoopId;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
pub use pallet_patronage_runtime_api::PatronageApi as PatronageRuntimeApi;
use pallet_patronage_runtime_api::{Allocation, CapitalAccount, PeriodIndex, PeriodSummary};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// A member's allocation for one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AllocationInfo {
	/// Weighted patronage units.
	pub units: String,
	/// The whole allocation.
	pub total: String,
	/// Paid in cash on claiming.
	pub cash: String,
	/// Retained as member equity.
	pub retained: String,
}

/// One retained equity tranche.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrancheInfo {
	/// The period it was allocated in.
	pub period: PeriodIndex,
	/// It is paid back once this period has closed.
	pub matures_after: PeriodIndex,
	/// What is still owed.
	pub amount: String,
}

/// A member's capital account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CapitalAccountInfo {
	/// Tranches, oldest maturity first.
	pub tranches: Vec<TrancheInfo>,
	/// Owed in all.
	pub owed: String,
	/// Matured, payable by `revolve`.
	pub matured: String,
}

/// A period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodInfo {
	/// `open` or `closed`.
	pub status: String,
	/// Weighted patronage of members.
	pub member_units: String,
	/// Weighted business with non-members.
	pub non_member_units: String,
	/// For a closed period: its split and claims.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub closed: Option<ClosedPeriodInfo>,
}

/// A closed period's split and claims.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClosedPeriodInfo {
	/// Surplus taken from the treasury.
	pub surplus: String,
	/// To the reserve by policy.
	pub reserve: String,
	/// To the education and social fund.
	pub fund: String,
	/// To the reserve, earned by business with non-members.
	pub non_member_share: String,
	/// Allocated to members.
	pub allocatable: String,
	/// Allocation per weighted unit.
	pub rate: String,
	/// Claimed so far.
	pub claimed: String,
	/// The last block in which allocations can be claimed.
	pub claim_deadline: String,
	/// Whether the unclaimed rest has gone to the reserve.
	pub swept: bool,
}

/// The `patronage_*` methods.
#[rpc(server)]
pub trait PatronageApi<BlockHash, AccountId> {
	/// `member`'s allocation for a closed period of `coop`, if they can still claim it.
	#[method(name = "patronage_claimable")]
	fn claimable(
		&self,
		coop: CoopId,
		period: PeriodIndex,
		member: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AllocationInfo>>;

	/// `member`'s capital account in `coop`.
	#[method(name = "patronage_capitalAccount")]
	fn capital_account(
		&self,
		coop: CoopId,
		member: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<CapitalAccountInfo>;

	/// A period of `coop`.
	#[method(name = "patronage_periodSummary")]
	fn period_summary(
		&self,
		coop: CoopId,
		period: PeriodIndex,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PeriodInfo>>;
}

/// Serves the `patronage_*` methods from the runtime API of a runtime with these `Balance` and
/// `BlockNumber` types.
pub struct Patronage<C, Block, Balance, BlockNumber> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<fn() -> (Block, Balance, BlockNumber)>,
}

impl<C, Block, Balance, BlockNumber> Patronage<C, Block, Balance, BlockNumber> {
	/// Serves `client`'s runtime API.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(1, "the runtime API call failed", Some(error.to_string()))
}

fn allocation_info<Balance: Into<u128>>(a: Allocation<Balance>) -> AllocationInfo {
	AllocationInfo {
		units: a.units.to_string(),
		total: a.total.into().to_string(),
		cash: a.cash.into().to_string(),
		retained: a.retained.into().to_string(),
	}
}

impl<C, Block, AccountId, Balance, BlockNumber> PatronageApiServer<Block::Hash, AccountId>
	for Patronage<C, Block, Balance, BlockNumber>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: PatronageRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + Send + Sync + 'static,
	Balance: Codec + Into<u128> + Send + Sync + 'static,
	BlockNumber: Codec + Into<u64> + Send + Sync + 'static,
{
	fn claimable(
		&self,
		coop: CoopId,
		period: PeriodIndex,
		member: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<AllocationInfo>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let allocation =
			self.client.runtime_api().claimable(at, coop, period, member).map_err(runtime_error)?;
		Ok(allocation.map(allocation_info))
	}

	fn capital_account(
		&self,
		coop: CoopId,
		member: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<CapitalAccountInfo> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let CapitalAccount { tranches, owed, matured } =
			self.client.runtime_api().capital_account(at, coop, member).map_err(runtime_error)?;
		Ok(CapitalAccountInfo {
			tranches: tranches
				.into_iter()
				.map(|t| TrancheInfo {
					period: t.period,
					matures_after: t.matures_after,
					amount: t.amount.into().to_string(),
				})
				.collect(),
			owed: owed.into().to_string(),
			matured: matured.into().to_string(),
		})
	}

	fn period_summary(
		&self,
		coop: CoopId,
		period: PeriodIndex,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<PeriodInfo>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let summary =
			self.client.runtime_api().period_summary(at, coop, period).map_err(runtime_error)?;
		Ok(summary.map(|summary| match summary {
			PeriodSummary::Open(open) => PeriodInfo {
				status: "open".into(),
				member_units: open.member_units.to_string(),
				non_member_units: open.non_member_units.to_string(),
				closed: None,
			},
			PeriodSummary::Closed(c) => PeriodInfo {
				status: "closed".into(),
				member_units: c.member_units.to_string(),
				non_member_units: c.non_member_units.to_string(),
				closed: Some(ClosedPeriodInfo {
					surplus: c.surplus.into().to_string(),
					reserve: c.reserve.into().to_string(),
					fund: c.fund.into().to_string(),
					non_member_share: c.non_member_share.into().to_string(),
					allocatable: c.allocatable.into().to_string(),
					rate: c.rate.to_string(),
					claimed: c.claimed.into().to_string(),
					claim_deadline: c.claim_deadline.into().to_string(),
					swept: c.swept.is_some(),
				}),
			},
		}))
	}
}
