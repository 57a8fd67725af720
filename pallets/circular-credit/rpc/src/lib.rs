//! JSON-RPC of `pallet-circular-credit`, served by the node:
//!
//! `circularCredit_proposeClearing(circle, at?)` reads the circle's accepted obligations
//! through the runtime API, computes the maximal clearing with `coop-clearing`, and returns a
//! ready submission for `circularCredit.submitClearing(circle, setoffs, certificate)`:
//! `{"setoffs":[[id,"amount"],…],"certificate":[p0,p1,…],"cleared":"N","total":"M",
//! "liquidity":"L"}`, or `null` if the circle does not exist. In a circle that clears with
//! liquidity, the clearing also moves the credit balances of consenting participants (`L`
//! credit in all) and the certificate ends with the circle's own potential. Amounts are decimal strings. Errors: 1 the runtime API
//! call failed, 2 the proposal fails its own check, 3 the obligations sum above what the solver
//! counts, 4 more than [`MAX_OBLIGATIONS`] obligations.

#![deny(missing_docs)]

use std::sync::Arc;

use coop_clearing::{
	check_clearing, check_clearing_with_liquidity, solve, solve_with_liquidity, Liquidity,
	Obligation,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_circular_credit_runtime_api::CircleId;
pub use pallet_circular_credit_runtime_api::CircularCreditApi as CircularCreditRuntimeApi;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The most obligations the RPC solves: four times the runtime's `MaxObligations` (1,024),
/// so that a node serving another runtime cannot be made to solve without bound. The solver
/// takes ≈ 0.02 s for 10,000 obligations on the reference machine (`coop-clearing`'s README).
pub const MAX_OBLIGATIONS: usize = 4096;

/// A ready clearing submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearingProposal {
	/// `(obligation id, amount)` for every obligation reduced.
	pub setoffs: Vec<(u32, String)>,
	/// One potential per participant number (and, last, the circle's, when it clears with
	/// liquidity): the certificate of maximality.
	pub certificate: Vec<i64>,
	/// Debt set off.
	pub cleared: String,
	/// Accepted debt outstanding.
	pub total: String,
	/// Credit moved between consenting participants' balances ("0" without liquidity).
	pub liquidity: String,
}

/// The `circularCredit_*` methods.
#[rpc(server)]
pub trait CircularCreditApi<BlockHash> {
	/// A maximal clearing of `circle`'s accepted obligations, with its certificate.
	///
	/// The solver runs on a blocking thread, off the server's async workers, and refuses inputs
	/// above [`MAX_OBLIGATIONS`] (error 4).
	#[method(name = "circularCredit_proposeClearing", blocking)]
	fn propose_clearing(
		&self,
		circle: CircleId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ClearingProposal>>;
}

/// Serves the `circularCredit_*` methods from the runtime API.
pub struct CircularCredit<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<fn() -> Block>,
}

impl<C, Block> CircularCredit<C, Block> {
	/// Serves `client`'s runtime API.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

fn error(code: i32, message: &str, data: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(code, message, Some(data.to_string()))
}

impl<C, Block> CircularCreditApiServer<Block::Hash> for CircularCredit<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CircularCreditRuntimeApi<Block>,
{
	fn propose_clearing(
		&self,
		circle: CircleId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ClearingProposal>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let Some(input) = self
			.client
			.runtime_api()
			.clearing_input(at, circle)
			.map_err(|e| error(1, "the runtime API call failed", e))?
		else {
			return Ok(None);
		};
		if input.obligations.len() > MAX_OBLIGATIONS {
			return Err(error(
				4,
				"the circle has more obligations than the RPC solves",
				MAX_OBLIGATIONS,
			));
		}
		let obligations: Vec<Obligation> = input
			.obligations
			.iter()
			.map(|(_, debtor, creditor, amount)| Obligation {
				debtor: *debtor,
				creditor: *creditor,
				amount: *amount,
			})
			.collect();
		let lines: Option<Vec<Liquidity>> = input.liquidity.as_ref().map(|lines| {
			lines.iter().map(|(pay, receive)| Liquidity { pay: *pay, receive: *receive }).collect()
		});
		let solution = match &lines {
			None => solve(input.participants, &obligations),
			Some(lines) => solve_with_liquidity(input.participants, &obligations, lines),
		}
		.map_err(|_| {
			error(3, "the circle's obligations sum above what the solver counts", "2^127 - 1")
		})?;
		let positional: Vec<(u32, u128)> =
			solution.setoffs.iter().enumerate().map(|(i, x)| (i as u32, *x)).collect();
		let certificate = Some(solution.potentials.as_slice());
		match &lines {
			None => check_clearing(input.participants, &obligations, &positional, certificate)
				.map(|_| ()),
			Some(lines) => check_clearing_with_liquidity(
				input.participants,
				&obligations,
				lines,
				&positional,
				certificate,
			)
			.map(|_| ()),
		}
		.map_err(|e| error(2, "the proposed clearing fails its own check", format!("{e:?}")))?;
		Ok(Some(ClearingProposal {
			setoffs: input
				.obligations
				.iter()
				.zip(&solution.setoffs)
				.filter(|(_, x)| **x > 0)
				.map(|((id, ..), x)| (*id, x.to_string()))
				.collect(),
			certificate: solution.potentials,
			cleared: solution.cleared.to_string(),
			total: solution.total.to_string(),
			liquidity: solution.liquidity.to_string(),
		}))
	}
}
