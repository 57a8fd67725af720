//! Tests of every call and error, stories, and the solver's clearings against the pallet.
//!
//! One file per call or concern: [`circles`] (`open_circle`, `join`, `leave`,
//! `set_credit_limit`), [`payments`] (`pay`, the freeze of a member who left the co-op),
//! [`obligations`] (`issue_obligation`, `accept_obligation`, `settle_obligation`,
//! `cancel_obligation`, deposits), [`clearing`] (`submit_clearing`), [`liquidity`] (clearing
//! with liquidity: `set_liquidity`, `allow_liquidity`), [`stories`] (a whole clearing) and
//! [`properties`] (the solver's clearings against the chain's check). Every test runs in
//! [`ExtBuilder::build_and_execute`], which checks the invariants after it.

use crate::{mock::*, *};
use coop_primitives::OnMemberRemoved;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, MutateHold},
};
use sp_runtime::DispatchError;

mod circles;
mod clearing;
mod invariants;
mod liquidity;
mod migrations;
mod obligations;
mod payments;
mod properties;
mod stories;

fn setoffs(list: &[(ObligationId, Credit)]) -> BoundedVec<(ObligationId, Credit), ConstU32<40>> {
	BoundedVec::try_from(list.to_vec()).expect("at most MaxSetoffs set-offs")
}

fn certificate(p: &[i64]) -> Option<BoundedVec<i64, CertificateBound<Test>>> {
	Some(BoundedVec::try_from(p.to_vec()).expect("at most MaxParticipants + 1 potentials"))
}

/// What the solver proposes for the circle's accepted obligations, as a submission (with the
/// consenting participants' credit lines where the circle clears with liquidity).
fn proposal() -> (Vec<(ObligationId, Credit)>, Vec<i64>) {
	let graph = CircularCredit::clearing_graph(0);
	let solution = match &graph.liquidity {
		None => coop_clearing::solve(graph.participants, &graph.obligations),
		Some(lines) => {
			coop_clearing::solve_with_liquidity(graph.participants, &graph.obligations, lines)
		},
	}
	.expect("bounded obligations");
	let list = graph
		.ids
		.iter()
		.zip(&solution.setoffs)
		.filter(|(_, x)| **x > 0)
		.map(|(id, x)| (*id, *x))
		.collect();
	(list, solution.potentials)
}
